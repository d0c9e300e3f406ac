package corpusgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// Options configure Generate.
type Options struct {
	// Seed makes the corpus reproducible.
	Seed uint64
	// Reports is the number of reports (0: 1000).
	Reports int
	// Layouts are the layouts reports are rendered in, chosen at random
	// (nil: AllLayouts).
	Layouts []string
	// DefectRate is the share of reports given one injected defect (0: 0.4;
	// negative: none).
	DefectRate float64
	// UnruledPDF is the share of PDF reports whose tables are printed
	// without rules, so that the front end must rebuild them from text
	// positions alone (0: none). A blank cell cannot be told from layout
	// there, so those reports get no blank-total defect.
	UnruledPDF float64
	// DashPDF lets PDF reports print zeros as dashes too (as the text and
	// grid layouts do for a share of reports). Off by default: the PDF
	// front end does not yet read every dash cell of a ruled table.
	DashPDF bool
}

// Defect is one injected defect and the rule that must flag it.
type Defect struct {
	Kind string `json:"kind"`
	// Rule is the rule ID that must report a finding (fail) on this file.
	Rule string `json:"rule"`
	// Where names the cell key or section concerned.
	Where string `json:"where,omitempty"`
	// Related is the file of the other report (previous year, or the body
	// the text was copied from).
	Related string `json:"related,omitempty"`
}

// Manifest records what was generated for one file.
type Manifest struct {
	File    string          `json:"file"`
	BodyID  string          `json:"body_id"`
	Body    string          `json:"body"`  // full name
	Title   string          `json:"title"` // as printed
	County  string          `json:"county"`
	Level   model.BodyLevel `json:"level"`
	Year    int             `json:"year"`
	Format  string          `json:"format"`
	Layout  string          `json:"layout"`
	Unruled bool            `json:"unruled,omitempty"` // PDF tables without rules
	// Halfwidth: table labels printed with half-width brackets and commas.
	Halfwidth bool `json:"halfwidth,omitempty"`
	// Zero is how zeros of tables 3 and 4 are printed when not as 0 (a
	// dash or slash: null in Cells, zero for the rules).
	Zero    string   `json:"zero,omitempty"`
	Clean   bool     `json:"clean"`
	Defects []Defect `json:"defects,omitempty"`
	// Cells are the flat cell values as printed (cell-keys.md), for
	// scoring the parser on generated input.
	Cells map[string]any `json:"cells"`
}

// Report is one generated report.
type Report struct {
	Body        Body
	Year        int
	Format      model.FormatVersion
	Layout      string
	ShortTitle  bool   // the title names the body without its county
	Unruled     bool   // PDF: tables printed without rules (text positions only)
	Halfwidth   bool   // table labels with half-width brackets and commas, as copied text often has
	Zero        string // how zeros of tables 3 and 4 are printed: "" (as 0), "—", "/" or "-"
	T2          *T2
	T3          *T3
	T4          *T4
	Sections    map[model.SectionID]string
	OmitSection model.SectionID
	OmitT4      bool
	Published   string // 2022年1月18日
	PubISO      string // 2022-01-18
	Defects     []Defect
	File        string
	items       int
}

// Doc is a generated file with its manifest.
type Doc struct {
	Data     []byte
	Manifest Manifest
}

// gridLayouts print every cell in its own place, so a dash for zero
// cannot be taken for a missing cell.
var gridLayouts = []string{LayoutTSV, LayoutMarkdown, LayoutHTML, LayoutDOCX, LayoutPDF}

var numericLayouts = []string{LayoutTSV, LayoutMarkdown, LayoutSpaced, LayoutCellPerLine, LayoutHTML, LayoutDOCX, LayoutPDF}

// defectKinds lists the injectable defects, the rule that must flag each,
// and the layouts where the defect is unambiguous in print. Crawler text
// with cells run together is cut into cells by the table identities, so
// defects that break an identity make it uncertain instead of wrong; it
// gets only text-level defects. A blank 总计 is only distinguishable from
// layout in a real grid (HTML, DOCX, a ruled PDF table).
var defectKinds = []struct {
	kind, rule string
	layouts    []string // nil: every layout
}{
	{"t3-balance", "T3-BALANCE", numericLayouts},
	{"t3-row-total", "T3-ROW-TOTAL", numericLayouts},
	{"t3-result-sum", "T3-RESULT-SUM", numericLayouts},
	{"t4-sum", "T4-SUM-*", numericLayouts},
	{"t3-negative", "T3-NONNEG", numericLayouts},
	{"t2-decimal", "T2-INT", numericLayouts},
	{"t3-total-blank", "T3-TOTAL-BLANK", []string{LayoutHTML, LayoutDOCX, LayoutPDF}},
	{"missing-section", "STR-SECTIONS", nil},
	{"missing-t4", "STR-TABLE-MISSING", nil},
	{"format-mismatch", "FMT-MISMATCH", nil},
	{"carry-mismatch", "T3-YOY-CARRY", numericLayouts},
	{"yoy-identical", "T3-YOY-IDENTICAL", numericLayouts},
	{"copied-text", "META-DUP-PRIOR", nil},
}

// DefectKinds returns the kinds of defect the generator injects.
func DefectKinds() []string {
	out := make([]string, len(defectKinds))
	for i, d := range defectKinds {
		out[i] = d.kind
	}
	return out
}

func contains(list []string, s string) bool {
	if list == nil {
		return true
	}
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Generate builds the corpus in memory, in a deterministic order.
func Generate(opts Options) []Doc {
	if opts.Reports <= 0 {
		opts.Reports = 1000
	}
	if opts.Layouts == nil {
		opts.Layouts = AllLayouts
	}
	if opts.DefectRate == 0 {
		opts.DefectRate = 0.4
	}
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	used := map[string]bool{}
	var reps []*Report
	kindTurn := map[string]int{} // per layout, so every layout cycles through its kinds
	for county := 0; len(reps) < opts.Reports; county++ {
		for _, b := range makeBodies(r, county, used) {
			if len(reps) >= opts.Reports {
				break
			}
			first := 2019 + r.IntN(4)
			last := first + 2 + r.IntN(2026-first-2)
			var prev *Report
			var carried [model.NumT3Cols]int64
			st := &t2State{normInForce: r.Int64N(20), items: [5]int64{r.Int64N(30), r.Int64N(10), r.Int64N(40), r.Int64N(5), r.Int64N(4)}}
			for y := first; y <= last && len(reps) < opts.Reports; y++ {
				rp := &Report{Body: b, Year: y, Format: model.ExpectedFormat(y), Layout: opts.Layouts[r.IntN(len(opts.Layouts))], ShortTitle: r.IntN(3) == 0}
				rp.Halfwidth = r.IntN(4) == 0
				if dashes := r.IntN(6); dashes < 3 && contains(gridLayouts, rp.Layout) && (rp.Layout != LayoutPDF || opts.DashPDF) {
					rp.Zero = []string{"—", "/", "-"}[dashes]
				}
				if rp.Layout == LayoutPDF && opts.UnruledPDF > 0 {
					rp.Unruled = r.Float64() < opts.UnruledPDF
				}
				var kind, rule string
				if r.Float64() < opts.DefectRate {
					// the next kind in turn that suits this report
					for try := 0; try < len(defectKinds); try++ {
						d := defectKinds[(kindTurn[rp.Layout]+try)%len(defectKinds)]
						if !contains(d.layouts, rp.Layout) || !suits(d.kind, rp, prev) || (rp.Unruled && d.kind == "t3-total-blank") {
							continue
						}
						kind, rule = d.kind, d.rule
						kindTurn[rp.Layout] = (kindTurn[rp.Layout] + try + 1) % len(defectKinds)
						break
					}
				}
				if kind == "format-mismatch" {
					rp.Format = model.Format2019
				}
				rp.T2 = genT2(r, b, rp.Format, st)
				if kind == "yoy-identical" {
					rp.T3 = prev.T3.clone(rp.Format)
				} else {
					rp.T3 = genT3(r, b, rp.Format, carried)
				}
				rp.T4 = genT4(r, b)
				rp.items = 20 + r.IntN(400)
				rp.Sections = map[model.SectionID]string{
					model.SecOverview:         overview(r, b, y, rp.T3, rp.items),
					model.SecActiveDisclosure: "",
					model.SecRequests:         "",
					model.SecReviewLitigation: fmt.Sprintf("本年度发生政府信息公开行政复议%d件，行政诉讼%d件。", rp.T4.V[0][4], rp.T4.V[1][4]+rp.T4.V[2][4]),
					model.SecProblems:         problemsText(r, y),
					model.SecOther:            otherText(r, y),
				}
				day := 8 + r.IntN(20)
				rp.Published = fmt.Sprintf("%d年1月%d日", y+1, day)
				rp.PubISO = fmt.Sprintf("%d-01-%02d", y+1, day)
				if kind != "" {
					rp.Defects = append(rp.Defects, inject(r, rp, prev, kind, rule))
				}
				rp.T3.Zero, rp.T4.Zero = rp.Zero, rp.Zero
				carried = *rp.T3.V["carried_forward"]
				reps = append(reps, rp)
				prev = rp
			}
		}
	}
	for i, rp := range reps {
		rp.File = fmt.Sprintf("%04d_%s_%d_%s%s", i, rp.Body.ID, rp.Year, rp.Layout, ext(rp.Layout))
	}
	// Previous-year defects name the previous file.
	for i, rp := range reps {
		for j := range rp.Defects {
			if rp.Defects[j].Kind == "carry-mismatch" || rp.Defects[j].Kind == "yoy-identical" {
				rp.Defects[j].Related = reps[i-1].File
			}
		}
	}
	copyText(r, reps, opts.DefectRate)
	docs := make([]Doc, len(reps))
	for i, rp := range reps {
		docs[i] = Doc{Data: rp.Render(), Manifest: rp.manifest()}
	}
	return docs
}

// suits reports whether a defect kind can be injected into rp.
func suits(kind string, rp, prev *Report) bool {
	switch kind {
	case "format-mismatch":
		return rp.Year >= 2022
	case "carry-mismatch":
		return prev != nil && prev.Year == rp.Year-1
	case "yoy-identical":
		return prev != nil && prev.Year == rp.Year-1 && prev.Format == rp.Format && len(prev.Defects) == 0 && prev.T3.V["new_received"][model.ColTotal] > 0
	case "copied-text":
		return false // done after all reports exist
	}
	return true
}

// inject applies a defect to the report's numbers or structure.
func inject(r *rand.Rand, rp, prev *Report, kind, rule string) Defect {
	t := rp.T3
	d := Defect{Kind: kind, Rule: rule}
	delta := 1 + r.Int64N(3)
	col := r.IntN(model.ColTotal)
	ck := model.T3ColumnKeys[col]
	switch kind {
	case "t3-balance":
		t.V["new_received"][col] += delta
		t.V["new_received"][model.ColTotal] += delta
		d.Where = "t3.new_received." + ck
	case "t3-row-total":
		t.V["granted"][model.ColTotal] += delta
		d.Where = "t3.granted.total"
	case "t3-result-sum":
		for _, row := range []string{"results_total", "new_received"} {
			t.V[row][col] += delta
			t.V[row][model.ColTotal] += delta
		}
		d.Where = "t3.results_total." + ck
	case "t4-sum":
		g := r.IntN(3)
		rp.T4.V[g][4] += delta
		d.Rule = []string{"T4-SUM-REVIEW", "T4-SUM-DIRECT", "T4-SUM-AFTER"}[g]
		d.Where = "t4." + model.T4GroupKeys[g] + ".total"
	case "t3-negative":
		row := "unavailable.needs_creation"
		v := t.V[row][col]
		t.V[row][col] = -1
		t.V["granted"][col] += v + 1
		t.fixTotals()
		d.Where = "t3." + row + "." + ck
	case "t2-decimal":
		k := "t2.penalty.decisions"
		rp.T2.Cells[k] = rp.T2.Cells[k] + ".5"
		d.Where = k
	case "t3-total-blank":
		row := "new_received"
		if t.V[row][model.ColTotal] == 0 {
			t.V[row][model.ColNaturalPerson]++
			t.V["granted"][model.ColNaturalPerson]++
			t.fixTotals()
		}
		t.Raw[row+".total"] = ""
		d.Where = "t3." + row + ".total"
	case "missing-section":
		rp.OmitSection = model.SecProblems
		d.Where = string(model.SecProblems)
	case "missing-t4":
		rp.OmitT4 = true
		d.Where = "t4"
	case "format-mismatch":
		d.Where = "meta.format"
	case "carry-mismatch":
		t.V["carried_over"][model.ColNaturalPerson] += delta
		t.V["granted"][model.ColNaturalPerson] += delta
		t.fixTotals()
		d.Where = "t3.carried_over.natural_person"
	case "yoy-identical":
		d.Where = "t3"
	}
	return d
}

// copyText gives some reports the overview of another body's report of the
// same year, with the other body's place name replaced by their own.
func copyText(r *rand.Rand, reps []*Report, rate float64) {
	if rate < 0 {
		return
	}
	byYear := map[int][]*Report{}
	for _, rp := range reps {
		byYear[rp.Year] = append(byYear[rp.Year], rp)
	}
	n := len(reps) * int(rate*100) / 100 / len(defectKinds)
	for i, tries := 0, 0; i < n && tries < 100*n; tries++ {
		rp := reps[r.IntN(len(reps))]
		same := byYear[rp.Year]
		src := same[r.IntN(len(same))]
		if len(rp.Defects) > 0 || src == rp || src.Body.Level != rp.Body.Level || len(src.Defects) > 0 {
			continue
		}
		text := strings.ReplaceAll(src.Sections[model.SecOverview], src.Body.Place, rp.Body.Place)
		rp.Sections[model.SecOverview] = text
		rp.Defects = append(rp.Defects, Defect{Kind: "copied-text", Rule: "META-DUP-PRIOR", Where: string(model.SecOverview), Related: src.File})
		i++
		src.Defects = append(src.Defects, Defect{Kind: "copied-text-source", Where: string(model.SecOverview), Related: rp.File})
	}
}

// manifest describes the report as generated.
func (rp *Report) manifest() Manifest {
	title, _ := rp.blocks()
	m := Manifest{File: rp.File, BodyID: rp.Body.ID, Body: rp.Body.Name, Title: title, County: rp.Body.County, Level: rp.Body.Level,
		Year: rp.Year, Format: rp.Format.String(), Layout: rp.Layout, Unruled: rp.Unruled, Halfwidth: rp.Halfwidth, Zero: rp.Zero, Defects: rp.Defects, Cells: map[string]any{}}
	m.Clean = true
	for _, d := range rp.Defects {
		if d.Rule != "" {
			m.Clean = false
		}
	}
	put := func(key, s string) {
		switch s {
		case "", "—", "/", "-":
			m.Cells[key] = nil
			return
		}
		d, err := model.ParseDecimal(s)
		if err != nil {
			m.Cells[key] = s
			return
		}
		if model.AmountKeys[key] || d.Scale > 0 {
			m.Cells[key] = d.String()
		} else {
			m.Cells[key] = d.Unscaled
		}
	}
	for k, s := range rp.T2.Cells {
		put(k, s)
	}
	for _, row := range t3Rows(rp.T3.Format) {
		for c := 0; c < model.NumT3Cols; c++ {
			put("t3."+row.Key+"."+model.T3ColumnKeys[c], rp.T3.Text(row.Key, c))
		}
	}
	if !rp.OmitT4 {
		for g := 0; g < 3; g++ {
			for c := 0; c < 5; c++ {
				put("t4."+model.T4GroupKeys[g]+"."+model.T4ColumnKeys[c], rp.T4.Text(g, c))
			}
		}
	}
	m.Cells["meta.year"] = rp.Year
	m.Cells["meta.format"] = rp.Format.String()
	return m
}

// Write generates the corpus into dir: the report files, a NAME.json
// manifest beside each, and manifest.jsonl listing them all. It returns the
// manifests in file order.
func Write(dir string, opts Options) ([]Manifest, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	docs := Generate(opts)
	var all strings.Builder
	out := make([]Manifest, len(docs))
	for i, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Manifest.File), d.Data, 0o644); err != nil {
			return nil, err
		}
		b, err := json.Marshal(d.Manifest)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, d.Manifest.File+".json"), b, 0o644); err != nil {
			return nil, err
		}
		all.Write(b)
		all.WriteByte('\n')
		out[i] = d.Manifest
	}
	return out, os.WriteFile(filepath.Join(dir, "manifest.jsonl"), []byte(all.String()), 0o644)
}

package pdfdoc

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/internal/corpusgen"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// tableCells reads a generated PDF through the front end and the table
// matcher and returns the flat t2/t3/t4 cells and the uncertain keys.
func tableCells(t *testing.T, d corpusgen.Doc) (*tables.Document, map[string]any, map[string]bool) {
	t.Helper()
	doc, err := Parse(context.Background(), d.Data, Options{})
	if err != nil {
		t.Fatalf("%s: %v", d.Manifest.File, err)
	}
	ex := tables.Extract(doc, model.FormatUnknown)
	rep := &model.Report{Active21: ex.Active21, Active19: ex.Active19, Requests: ex.Requests, Review: ex.Review}
	vals, unc := rep.FlatMap()
	u := map[string]bool{}
	for _, k := range unc {
		u[k] = true
	}
	return doc, vals, u
}

// checkGenerated compares every table cell of the manifest with what was
// read: each must be read, certain and equal. It returns the cells
// checked per table (t2, t3, t4).
func checkGenerated(t *testing.T, d corpusgen.Doc) map[string]int {
	t.Helper()
	_, got, unc := tableCells(t, d)
	n := map[string]int{}
	for k, want := range d.Manifest.Cells {
		table, _, _ := strings.Cut(k, ".")
		if table != "t2" && table != "t3" && table != "t4" {
			continue
		}
		n[table]++
		wj, _ := json.Marshal(want)
		switch v, ok := got[k]; {
		case unc[k]:
			t.Errorf("%s: %s uncertain, want %s", d.Manifest.File, k, wj)
		case !ok:
			t.Errorf("%s: %s not read, want %s", d.Manifest.File, k, wj)
		default:
			if gj, _ := json.Marshal(v); string(gj) != string(wj) {
				t.Errorf("%s: %s = %s, want %s", d.Manifest.File, k, gj, wj)
			}
		}
	}
	return n
}

// TestGeneratedUnruled reads reports whose tables are printed without
// ruling lines: table 2 (single-value rows under a three-column header,
// section lines 第二十条第（五）项 between the rows) and table 4 (one row
// of fifteen values under wrapped headers) must come out whole, as table 3
// does.
func TestGeneratedUnruled(t *testing.T) {
	docs := corpusgen.Generate(corpusgen.Options{Seed: 3, Reports: 16, Layouts: []string{corpusgen.LayoutPDF}, UnruledPDF: 1})
	total := map[string]int{}
	for _, d := range docs {
		if !d.Manifest.Unruled {
			t.Fatalf("%s: not unruled", d.Manifest.File)
		}
		for k, v := range checkGenerated(t, d) {
			total[k] += v
		}
	}
	if total["t2"] == 0 || total["t4"] == 0 {
		t.Fatalf("generated reports hold no table-2 or table-4 cells: %v", total)
	}
	t.Logf("cells checked: %v", total)
}

// TestUnruledGridShapes pins the grids rebuilt without rulings: table 2's
// single-value rows are a label and one value spanning the three value
// columns, its header lines are rows of their own, and table 4 is header
// rows (wrapped headers stacked per column) over a row of fifteen values;
// the prose of a page taken mostly by such tables stays paragraphs.
func TestUnruledGridShapes(t *testing.T) {
	d := corpusgen.Generate(corpusgen.Options{Seed: 3, Reports: 1, Layouts: []string{corpusgen.LayoutPDF}, UnruledPDF: 1, DefectRate: -1})[0]
	doc, _, _ := tableCells(t, d)
	var licensing, header, t4 bool
	for _, b := range doc.Blocks {
		if b.Kind == tables.BlockHeading && strings.ContainsAny(b.Text, "，。") {
			// the body size is taken from the prose, not the table's small print
			t.Errorf("prose read as a heading: %q", b.Text)
		}
		if b.Kind != tables.BlockTable {
			continue
		}
		rows := b.Grid.Rows
		for i, r := range rows {
			switch {
			case r[0].Text == "行政许可":
				licensing = len(r) == 4 && r[1].ColSpan == 3 && r[2].SpanCol == 1 && r[3].SpanCol == 2
				if !licensing {
					t.Errorf("行政许可 row: %+v", r)
				}
			case r[0].Text == "信息内容" && len(r) == 2 && strings.HasPrefix(r[1].Text, "本年"):
				header = true
			case len(r) == 15 && i > 0 && numberRe.MatchString(r[0].Text):
				t4 = true
				for _, c := range r {
					if !numberRe.MatchString(c.Text) {
						t.Errorf("table-4 value row cell %q", c.Text)
					}
				}
				if h := rows[i-1]; len(h) != 15 || tables.LabelKey(h[0].Text) != "结果维持" || tables.LabelKey(h[4].Text) != "总计" {
					t.Errorf("table-4 header row above the values: %+v", h)
				}
			}
		}
	}
	if !licensing || !header || !t4 {
		t.Errorf("rows found: 行政许可 %v, 信息内容 header %v, table-4 values %v\n%s", licensing, header, t4, doc.Dump())
	}
}

// TestGeneratedDashCells reads ruled reports that print zeros as —, / or
// -: a row of dashes is a row (also at the top of a page, where a row of
// label fragments would be joined to the previous page's last row), and
// every dash cell is read as a dash.
func TestGeneratedDashCells(t *testing.T) {
	docs := corpusgen.Generate(corpusgen.Options{Seed: 4, Reports: 12, Layouts: []string{corpusgen.LayoutPDF}, DashPDF: true})
	dashed := 0
	for _, d := range docs {
		if d.Manifest.Zero != "" {
			dashed++
		}
		checkGenerated(t, d)
	}
	if dashed < 3 {
		t.Fatalf("only %d reports print zeros as dashes", dashed)
	}
}

// TestGeneratedUnruledDashes reads unruled tables whose zeros are dashes:
// a dash is a value of its row (not a label fragment), so rows of dashes
// and rows mixing numbers and dashes keep every value in its column.
func TestGeneratedUnruledDashes(t *testing.T) {
	docs := corpusgen.Generate(corpusgen.Options{Seed: 5, Reports: 12, Layouts: []string{corpusgen.LayoutPDF}, UnruledPDF: 1, DashPDF: true})
	dashed := 0
	for _, d := range docs {
		if d.Manifest.Zero != "" {
			dashed++
		}
		checkGenerated(t, d)
	}
	if dashed < 3 {
		t.Fatalf("only %d reports print zeros as dashes", dashed)
	}
}

package corpusgen

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/model"
)

func TestDeterministic(t *testing.T) {
	a := Generate(Options{Seed: 7, Reports: 120})
	b := Generate(Options{Seed: 7, Reports: 120})
	c := Generate(Options{Seed: 8, Reports: 120})
	if len(a) != 120 || len(b) != 120 {
		t.Fatalf("got %d and %d reports, want 120", len(a), len(b))
	}
	same := 0
	for i := range a {
		if a[i].Manifest.File != b[i].Manifest.File || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("report %d differs between two runs with the same seed", i)
		}
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d reports identical under another seed", same)
	}
}

// num reads a count from the cells; a null (a dash printed for zero) is 0.
func num(m map[string]any, k string) (int64, bool) {
	v, present := m[k]
	if present && v == nil {
		return 0, true
	}
	switch v := v.(type) {
	case int64:
		return v, true
	case int:
		return int64(v), true
	}
	return 0, false
}

// TestCleanReportsBalance recomputes every identity from the printed cells
// of the clean reports, and the carry-over between consecutive years.
func TestCleanReportsBalance(t *testing.T) {
	docs := Generate(Options{Seed: 3, Reports: 600})
	prev := map[string]Manifest{}
	for _, d := range docs {
		m := d.Manifest
		get := func(k string) int64 {
			v, ok := num(m.Cells, k)
			if !ok {
				t.Fatalf("%s: cell %s = %v is not a count", m.File, k, m.Cells[k])
			}
			return v
		}
		if !m.Clean {
			prev[m.BodyID] = m
			continue
		}
		f := model.Format2021
		if m.Format == "2019" {
			f = model.Format2019
		}
		if f != model.ExpectedFormat(m.Year) {
			t.Errorf("%s: clean report in format %s for %d", m.File, m.Format, m.Year)
		}
		for ci, col := range model.T3ColumnKeys {
			c := func(row string) int64 { return get("t3." + row + "." + col) }
			if c("new_received")+c("carried_over") != c("results_total")+c("carried_forward") {
				t.Errorf("%s: T3 balance fails in %s", m.File, col)
			}
			var sum int64
			for _, r := range t3Rows(f) {
				if isResultRow(r.Key) {
					sum += c(r.Key)
				}
				if v := c(r.Key); v < 0 {
					t.Errorf("%s: negative %s.%s", m.File, r.Key, col)
				}
			}
			if sum != c("results_total") {
				t.Errorf("%s: result sum fails in %s", m.File, col)
			}
			if p, ok := prev[m.BodyID]; ok && p.Year == m.Year-1 && ci < model.ColTotal {
				if pv, _ := num(p.Cells, "t3.carried_forward."+col); pv != c("carried_over") {
					t.Errorf("%s: carried over %d ≠ last year's carried forward %d (%s)", m.File, c("carried_over"), pv, col)
				}
			}
		}
		for _, r := range t3Rows(f) {
			var s int64
			for _, col := range model.T3ColumnKeys[:model.ColTotal] {
				s += get("t3." + r.Key + "." + col)
			}
			if s != get("t3."+r.Key+".total") {
				t.Errorf("%s: row total of %s", m.File, r.Key)
			}
		}
		for _, g := range model.T4GroupKeys {
			k := func(c string) int64 { return get("t4." + g + "." + c) }
			if k("upheld")+k("corrected")+k("other")+k("pending") != k("total") {
				t.Errorf("%s: T4 %s sum", m.File, g)
			}
		}
		prev[m.BodyID] = m
	}
}

// TestCoverage: a 1,000-report corpus has every layout, both formats, every
// year 2019–2025 and every defect kind, and reports the same body over
// consecutive years with and without the county prefix in the title.
func TestCoverage(t *testing.T) {
	docs := Generate(Options{Seed: 1, Reports: 1000})
	layouts, kinds, years := map[string]int{}, map[string]int{}, map[int]int{}
	short, long := 0, 0
	for _, d := range docs {
		m := d.Manifest
		layouts[m.Layout]++
		years[m.Year]++
		for _, df := range m.Defects {
			kinds[df.Kind]++
			if df.Rule == "" && df.Kind != "copied-text-source" {
				t.Errorf("%s: defect %s without a rule", m.File, df.Kind)
			}
		}
		if strings.HasPrefix(m.Title, m.County) {
			long++
		} else {
			short++
		}
		if m.Layout != LayoutDOCX && m.Layout != LayoutPDF && !strings.Contains(string(d.Data), "年政府信息公开工作年度报告") {
			t.Errorf("%s: no title", m.File)
		}
	}
	for _, d := range docs {
		switch d.Manifest.Layout {
		case LayoutDOCX:
			if !bytes.HasPrefix(d.Data, []byte("PK\x03\x04")) {
				t.Errorf("%s is not a zip", d.Manifest.File)
			}
		case LayoutPDF:
			if !bytes.HasPrefix(d.Data, []byte("%PDF-1.4")) || !bytes.HasSuffix(d.Data, []byte("%%EOF\n")) {
				t.Errorf("%s is not a PDF", d.Manifest.File)
			}
		}
	}
	for _, l := range AllLayouts {
		if layouts[l] < 50 {
			t.Errorf("layout %s: %d reports", l, layouts[l])
		}
	}
	for _, k := range DefectKinds() {
		if kinds[k] < 3 {
			t.Errorf("defect %s injected %d times", k, kinds[k])
		}
	}
	for y := 2019; y <= 2025; y++ {
		if years[y] == 0 {
			t.Errorf("no report for %d", y)
		}
	}
	if short == 0 || long == 0 {
		t.Errorf("titles: %d without and %d with the county prefix", short, long)
	}
	t.Logf("layouts %v\ndefects %v", layouts, kinds)
}

func BenchmarkGenerate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Generate(Options{Seed: uint64(i), Reports: 100})
	}
}

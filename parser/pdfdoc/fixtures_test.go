package pdfdoc

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/tables"
)

type t3Expected struct {
	Cols []string `json:"cols"`
	Rows []struct {
		Label  []string `json:"label"`
		Values []int64  `json:"values"`
	} `json:"rows"`
}

func loadT3(t *testing.T, dir string) t3Expected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "table3_expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e t3Expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// t3Rows is a simple table-3 reader: starting at the first grid after the
// heading 三、收到和处理政府信息公开申请情况, every grid row whose last seven
// cells are numbers, in order, until the heading of section 四 or 25 rows.
func t3Rows(doc *tables.Document) (rows [][]int64, labels []string) {
	in := false
	for _, b := range doc.Blocks {
		if b.Kind != tables.BlockTable {
			k := tables.LabelKey(b.Text)
			if strings.HasPrefix(k, tables.LabelKey("三、收到和处理政府信息公开申请情况")) {
				in = true
			}
			if in && strings.HasPrefix(k, tables.LabelKey("四、政府信息公开行政复议")) {
				return
			}
			continue
		}
		if !in {
			continue
		}
		for _, r := range b.Grid.Rows {
			if len(r) < 8 {
				continue
			}
			var vals []int64
			for _, c := range r[len(r)-7:] {
				n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(c.Text), ",", ""), 10, 64)
				if err != nil {
					vals = nil
					break
				}
				vals = append(vals, n)
			}
			if vals == nil {
				continue
			}
			rows = append(rows, vals)
			labels = append(labels, rowLabel(r))
			if len(rows) == 25 {
				return
			}
		}
	}
	return
}

func parseFile(t *testing.T, path string, opts Options) (*tables.Document, error, time.Duration) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	doc, err := Parse(context.Background(), b, opts)
	return doc, err, time.Since(start)
}

func TestSyntheticTable3(t *testing.T) {
	dir := filepath.Join(testutil.FixturesDir(t), "pdf-synthetic")
	want := loadT3(t, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no synthetic PDFs")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err, _ := parseFile(t, f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, labels := t3Rows(doc)
			if len(got) != len(want.Rows) {
				t.Errorf("found %d table-3 rows, want %d", len(got), len(want.Rows))
			}
			for i := 0; i < len(got) && i < len(want.Rows); i++ {
				w := want.Rows[i]
				for k := range w.Values {
					if got[i][k] != w.Values[k] {
						t.Errorf("row %d %q (label %q): got %v, want %v", i+1, w.Label[len(w.Label)-1], labels[i], got[i], w.Values)
						break
					}
				}
			}
		})
	}
}

// rowLabel is the innermost label of a row: the last text cell before the
// seven values.
func rowLabel(r []tables.GridCell) string {
	for i := len(r) - 8; i >= 0; i-- {
		if strings.TrimSpace(r[i].Text) != "" {
			return r[i].Text
		}
	}
	return ""
}

// TestUnruledTable3 drops every ruling line and rebuilds table 3 from text
// positions alone (the fallback for PDFs whose tables have no borders):
// wrapped labels, numbers centred in tall cells, one-character vertical
// group labels and tables continuing on the next page.
func TestUnruledTable3(t *testing.T) {
	fx := testutil.FixturesDir(t)
	want := loadT3(t, filepath.Join(fx, "pdf-synthetic"))
	files := []string{
		filepath.Join(fx, "pdf-synthetic", "r3_wqy_truetype.pdf"),
		filepath.Join(fx, "pdf-synthetic", "r2_noto_serif_break.pdf"),
		filepath.Join(fx, "pdf-synthetic", "c_r3_wqy_truetype.pdf"),
		filepath.Join(fx, "pdf-synthetic", "c_r1_noto_sans.pdf"),
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err, _ := parseFile(t, f, Options{ignoreRulings: true})
			if err != nil {
				t.Fatal(err)
			}
			got, labels := t3Rows(doc)
			if len(got) != len(want.Rows) {
				t.Errorf("found %d table-3 rows, want %d", len(got), len(want.Rows))
			}
			for i := 0; i < len(got) && i < len(want.Rows); i++ {
				w := want.Rows[i]
				for k := range w.Values {
					if got[i][k] != w.Values[k] {
						t.Errorf("row %d %q (label %q): got %v, want %v", i+1, w.Label[len(w.Label)-1], labels[i], got[i], w.Values)
						break
					}
				}
				// labels cut by a page break keep at least their start
				wl := []rune(tables.LabelKey(w.Label[len(w.Label)-1]))
				if len(wl) > 6 {
					wl = wl[:6]
				}
				if full := tables.LabelKey(w.Label[len(w.Label)-1]); !strings.Contains(tables.LabelKey(labels[i]), full) {
					t.Logf("row %d label %q is not the whole %q", i+1, labels[i], w.Label[len(w.Label)-1])
				}
				if !strings.Contains(tables.LabelKey(labels[i]), string(wl)) {
					t.Errorf("row %d label %q, want %q", i+1, labels[i], w.Label[len(w.Label)-1])
				}
			}
		})
	}
}

// TestDocumentContract checks what the table matcher and the section
// splitter rely on, on every synthetic PDF: the six section headings each
// start a block, every block and every non-empty cell has a page and a
// position, ruled grids are Aligned, and wrapped prose is joined (the
// 总体情况 figure "１２，３４５条" is not cut by a line end).
func TestDocumentContract(t *testing.T) {
	dir := filepath.Join(testutil.FixturesDir(t), "pdf-synthetic")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	headings := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err, _ := parseFile(t, f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]bool{}
			prose := ""
			for _, b := range doc.Blocks {
				if b.Src.Page < 1 || b.Src.Page > doc.Pages || b.Src.X == 0 || b.Src.Y == 0 {
					t.Errorf("block without a position: %+v", b.Src)
				}
				if b.Kind == tables.BlockTable {
					for _, r := range b.Grid.Rows {
						for _, c := range r {
							if c.Text != "" && (c.Src.Page == 0 || c.Src.X == 0 || c.Src.Y == 0) {
								t.Errorf("cell %q without a position", c.Text)
							}
						}
					}
					continue
				}
				k := tables.LabelKey(b.Text)
				for _, h := range headings {
					if strings.HasPrefix(k, tables.LabelKey(h)) {
						found[h] = true
					}
				}
				prose += k
			}
			for _, h := range headings {
				if !found[h] {
					t.Errorf("heading %s does not start a block", h)
				}
			}
			if !strings.Contains(prose, tables.LabelKey("主动公开政府信息１２，３４５条")) {
				t.Error("wrapped prose not joined")
			}
		})
	}
}

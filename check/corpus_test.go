package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
)

// truthFile is the shape of a corpus truth file.
type truthFile struct {
	File string `json:"file"`
	Meta struct {
		Year   int    `json:"year"`
		Body   string `json:"body"`
		Format string `json:"format"`
	} `json:"meta"`
	Cells map[string]any `json:"cells"`
}

// reportFromTruth builds a report from the hand-checked cells of a corpus
// truth file, so that the rules run on real figures without the parser.
// A null cell is printed blank; a cell missing from the file is absent.
func reportFromTruth(t *testing.T, tf truthFile, level string) *model.Report {
	t.Helper()
	r := &model.Report{Source: tf.File, SHA256: tf.File}
	r.Meta.Year, r.Meta.Body = tf.Meta.Year, tf.Meta.Body
	r.Meta.Level = model.BodyLevel(level)
	r.Meta.IsGovernment = strings.HasSuffix(tf.Meta.Body, "人民政府") || strings.HasSuffix(tf.Meta.Body, "管委会")
	if err := r.Format.UnmarshalText([]byte(tf.Meta.Format)); err != nil {
		t.Fatalf("%s: %v", tf.File, err)
	}
	keys := make([]string, 0, len(tf.Cells))
	for k := range tf.Cells {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		var c *model.Cell
		switch parts := strings.Split(k, "."); parts[0] {
		case "t2":
			if r.Format == model.Format2019 {
				if r.Active19 == nil {
					r.Active19 = &model.ActiveDisclosure2019{}
				}
				c = r.Active19.T2Cell(k)
			} else {
				if r.Active21 == nil {
					r.Active21 = &model.ActiveDisclosure2021{}
				}
				c = r.Active21.T2Cell(k)
			}
		case "t3":
			if r.Requests == nil {
				r.Requests = &model.RequestTable{}
			}
			rowKey := strings.Join(parts[1:len(parts)-1], ".")
			row, ok := model.T3RowByKey(rowKey)
			if !ok {
				t.Fatalf("%s: unknown row %s", tf.File, k)
			}
			ba := row.Get(r.Requests, true)
			for col, ck := range model.T3ColumnKeys {
				if ck == parts[len(parts)-1] {
					c = ba.Col(col)
				}
			}
		case "t4":
			if r.Review == nil {
				r.Review = &model.ReviewLitigation{}
			}
			for g, gk := range model.T4GroupKeys {
				if gk == parts[1] {
					for col, ck := range model.T4ColumnKeys {
						if ck == parts[2] {
							c = r.Review.Group(g).Col(col)
						}
					}
				}
			}
		default:
			continue
		}
		if c == nil {
			continue // legacy key figures and keys of the other format
		}
		switch v := tf.Cells[k].(type) {
		case nil:
			*c = model.Cell{Kind: model.CellBlank}
		case float64:
			*c = num(int64(v))
		case string:
			*c = dec(v)
		default:
			t.Fatalf("%s: %s has value %v", tf.File, k, v)
		}
		c.Src = model.Loc{Line: i + 1}
	}
	return r
}

func loadCorpus(t *testing.T) []*model.Report {
	dir := testutil.CorpusDir(t)
	levels := map[string]string{}
	if f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) > 6 {
				levels[strings.TrimSuffix(cols[0], filepath.Ext(cols[0]))] = cols[6]
			}
		}
		f.Close()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "truth", "*.json"))
	if len(files) == 0 {
		t.Skip("no truth files")
	}
	var reps []*model.Report
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		var tf truthFile
		if err := json.Unmarshal(b, &tf); err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		name := strings.TrimSuffix(filepath.Base(fn), ".json")
		reps = append(reps, reportFromTruth(t, tf, levels[name]))
	}
	return reps
}

// TestCorpusTruth runs the rules on the hand-checked figures of the real
// reports: the defects SUMMARY.tsv lists must be found, and no other
// error-level failure may appear.
func TestCorpusTruth(t *testing.T) {
	reps := loadCorpus(t)
	wantErrors := map[string][]string{
		"2023_hongze_district_gov.pdf": {"T4-SUM-REVIEW fail review", "T4-SUM-AFTER fail litigation_after_review"},
	}
	shanghaiBlank := []string{"granted", "partially_granted", "denied.state_secret", "denied.internal_affairs",
		"denied.process_info", "denied.admin_query", "unavailable.not_held", "unavailable.needs_creation",
		"unavailable.still_unclear", "not_processed.petition", "not_processed.repeated"}
	for _, r := range reps {
		t.Run(r.Source, func(t *testing.T) {
			fs := Run(r, testOptions())
			var errs []string
			for _, f := range fs {
				if f.Severity == model.SevError && f.Status == model.StatusFail {
					errs = append(errs, describe(f))
				}
			}
			if !slicesEqualSet(errs, wantErrors[r.Source]) {
				t.Errorf("error-level failures %q, want %q", errs, wantErrors[r.Source])
			}
			if r.Source == "2019_shanghai_city_office.html" {
				var rows []string
				for _, f := range fs {
					if f.RuleID == "T3-TOTAL-BLANK" {
						k := f.Cells[0].Key
						rows = append(rows, strings.TrimSuffix(strings.TrimPrefix(k, "t3."), ".total"))
					}
				}
				if !slicesEqualSet(rows, shanghaiBlank) {
					t.Errorf("T3-TOTAL-BLANK rows %q, want %q", rows, shanghaiBlank)
				}
				if f := findingFor(fs, "T3-RESULT-SUM uncertain total"); f == nil {
					t.Error("T3-RESULT-SUM[total] should be uncertain with blank totals")
				}
			}
			if testing.Verbose() {
				for _, f := range fs {
					fmt.Printf("%s: %s\n", r.Source, f)
				}
			}
		})
	}
}

// TestCorpusCross runs the cross-report rules over the corpus: 洪泽区 2023
// and 2024 (printed as two different body names) carry over consistently,
// and the text and HTML copies of one report are not compared.
func TestCorpusCross(t *testing.T) {
	reps := loadCorpus(t)
	var sums []Summary
	idx := map[string]int{}
	for i, r := range reps {
		sums = append(sums, Summarize(r))
		idx[r.Source] = i
	}
	a, b := sums[idx["2023_hongze_district_gov.pdf"]], sums[idx["2024_hongze_district_gov.pdf"]]
	if a.BodyKey == "" || a.BodyKey != b.BodyKey {
		t.Fatalf("洪泽区 keys differ: %q %q", a.BodyKey, b.BodyKey)
	}
	for _, cf := range CrossCheck(sums, testOptions()) {
		t.Errorf("%s: unexpected %s (related %s)", reps[cf.Index].Source, cf.Finding, cf.Finding.Related)
	}
	// Break the 2024 carry-over: the rule must see the link.
	r24 := reps[idx["2024_hongze_district_gov.pdf"]]
	r24.Requests.CarriedOver.NaturalPerson = num(2)
	sums[idx["2024_hongze_district_gov.pdf"]] = Summarize(r24)
	got := CrossCheck(sums, testOptions())
	if len(got) != 1 || got[0].Finding.RuleID != "T3-YOY-CARRY" || got[0].Finding.Column != "natural_person" {
		t.Errorf("want one T3-YOY-CARRY[natural_person], got %v", got)
	}
}

func slicesEqualSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

package parser_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser"
)

type truth struct {
	Meta struct {
		Year   int    `json:"year"`
		Body   string `json:"body"`
		Format string `json:"format"`
	} `json:"meta"`
	Cells map[string]any `json:"cells"`
}

// sameValue compares a flat-map value with a truth value as the corpus
// scorer does: numbers by exact decimal value, nulls as nulls.
func sameValue(got, want any) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	g, err1 := model.ParseDecimal(fmt.Sprint(got))
	w, err2 := model.ParseDecimal(fmt.Sprint(want))
	if err1 != nil || err2 != nil {
		return fmt.Sprint(got) == fmt.Sprint(want)
	}
	return g.Equal(w)
}

// expectedRules reads SUMMARY.tsv's balance_violations column: for each
// file, the rule IDs that must be found ("none": no error-level finding;
// "n/a": nothing can be evaluated).
func expectedRules(t *testing.T, dir string) (map[string][]string, map[string]bool) {
	f, err := os.Open(filepath.Join(dir, "truth", "SUMMARY.tsv"))
	if err != nil {
		t.Fatalf("SUMMARY.tsv: %v", err)
	}
	defer f.Close()
	out := map[string][]string{}
	consistent := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	t4 := regexp.MustCompile(`T4-SUM\[(\w+)\]`)
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 6 {
			continue
		}
		v := cols[5]
		// The last column names defects for rules that may come later:
		// those whose rule exists are required too.
		var later []string
		if len(cols) > 6 {
			for _, id := range regexp.MustCompile(`\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b`).FindAllString(cols[6], -1) {
				if check.Lookup(id) != nil {
					later = append(later, id)
				}
			}
		}
		switch {
		case v == "none":
			out[cols[0]] = later
			consistent[cols[0]] = true
		case strings.HasPrefix(v, "n/a"):
			if len(later) > 0 {
				out[cols[0]] = later
			}
		default:
			var ids []string
			// a rule named only under a condition ("only with blank=0: …") is not required
			v, _, _ = strings.Cut(v, "only with")
			for _, m := range t4.FindAllStringSubmatch(v, -1) {
				ids = append(ids, map[string]string{"review": "T4-SUM-REVIEW", "litigation_direct": "T4-SUM-DIRECT", "litigation_after_review": "T4-SUM-AFTER"}[m[1]])
			}
			for _, id := range regexp.MustCompile(`T3-[A-Z-]+`).FindAllString(v, -1) {
				ids = append(ids, strings.TrimRight(id, "-"))
			}
			out[cols[0]] = append(ids, later...)
		}
	}
	return out, consistent
}

// TestCorpus parses every real report of the corpus end to end and scores
// it against its hand-checked truth: no wrong value may be reported as
// certain, at least 95% of the truth cells must be extracted with
// certainty (per input format), the listed rule violations must be found,
// and reports listed as consistent must get no error-level finding.
func TestCorpus(t *testing.T) {
	dir := testutil.CorpusDir(t)
	expect, consistent := expectedRules(t, dir)
	raws, _ := filepath.Glob(filepath.Join(dir, "raw", "*"))
	sort.Strings(raws)
	type score struct{ cells, correct, uncertain, missed, wrong int }
	byFormat := map[string]*score{}
	for _, raw := range raws {
		name := filepath.Base(raw)
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		tb, err := os.ReadFile(filepath.Join(dir, "truth", stem+".json"))
		if err != nil {
			continue
		}
		var tr truth
		dec := json.NewDecoder(strings.NewReader(string(tb)))
		dec.UseNumber()
		if err := dec.Decode(&tr); err != nil {
			t.Fatalf("%s: %v", stem, err)
		}
		b, err := os.ReadFile(raw)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		rep, err := parser.ParseBytes(ctx, b, parser.Options{Name: name})
		cancel()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		rep.Findings = check.Run(rep, check.DefaultOptions())
		flat, unc := rep.FlatMap()
		isUnc := map[string]bool{}
		for _, k := range unc {
			isUnc[k] = true
		}
		ext := strings.TrimPrefix(filepath.Ext(name), ".")
		sc := byFormat[ext]
		if sc == nil {
			sc = &score{}
			byFormat[ext] = sc
		}
		var s score
		for k, want := range tr.Cells {
			s.cells++
			got, ok := flat[k]
			switch {
			case isUnc[k]:
				s.uncertain++
			case !ok:
				s.missed++
			case sameValue(got, want):
				s.correct++
			default:
				s.wrong++
				t.Errorf("%s: WRONG %s = %v, truth %v", name, k, got, want)
			}
		}
		sc.cells += s.cells
		sc.correct += s.correct
		sc.uncertain += s.uncertain
		sc.missed += s.missed
		sc.wrong += s.wrong
		if tr.Meta.Year != 0 && rep.Meta.Year != tr.Meta.Year {
			t.Errorf("%s: meta.year %d, truth %d", name, rep.Meta.Year, tr.Meta.Year)
		}
		if f := tr.Meta.Format; f != "" && f != "unknown" && rep.Format.String() != f {
			t.Errorf("%s: meta.format %s, truth %s", name, rep.Format, f)
		}
		found := map[string]bool{}
		var errs []string
		for _, f := range rep.Findings {
			if f.Status == model.StatusFail {
				found[f.RuleID] = true
				if f.Severity == model.SevError {
					errs = append(errs, f.RuleID+"["+f.Column+"]")
				}
			}
		}
		if want, ok := expect[name]; ok {
			if consistent[name] && len(errs) > 0 {
				t.Errorf("%s: consistent report got error-level findings %v", name, errs)
			}
			for _, id := range want {
				if !found[id] {
					t.Errorf("%s: violation %s not found (findings: %v)", name, id, errs)
				}
			}
		}
		t.Logf("%-50s %3d/%3d correct, %2d uncertain, %2d missed, %d wrong; format %s year %d; errors %v",
			name, s.correct, s.cells, s.uncertain, s.missed, s.wrong, rep.Format, rep.Meta.Year, errs)
	}
	for ext, sc := range byFormat {
		if sc.cells == 0 {
			continue
		}
		cov := float64(sc.correct) / float64(sc.cells)
		t.Logf("%-4s %4d cells: %.1f%% correct, %d uncertain, %d missed, %d wrong", ext, sc.cells, 100*cov, sc.uncertain, sc.missed, sc.wrong)
		if cov < 0.95 {
			t.Errorf("%s: coverage %.1f%% below 95%%", ext, 100*cov)
		}
	}
}

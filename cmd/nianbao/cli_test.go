package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const root = "../.."

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(root, "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/nianbao -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from its golden file; got:\n%s", name, got)
	}
}

func samples(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(root, "testdata", "samples", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	return files
}

// TestGoldenCells: the flat cell map of every bundled sample, reviewed by
// hand when it changes.
func TestGoldenCells(t *testing.T) {
	for _, f := range samples(t) {
		out, errOut, code := runCLI(t, "", "cells", f)
		if code != 0 {
			t.Errorf("cells %s: exit %d: %s", f, code, errOut)
			continue
		}
		golden(t, filepath.Base(f)+".cells.json", out)
	}
}

// TestGoldenCheck: the human-readable findings of every sample.
func TestGoldenCheck(t *testing.T) {
	for _, f := range samples(t) {
		rel, _ := filepath.Rel(root, f)
		out, _, code := runCLI(t, "", "check", f)
		out = strings.ReplaceAll(out, f, rel)
		if code == 2 {
			t.Errorf("check %s: exit 2", f)
		}
		golden(t, filepath.Base(f)+".check.txt", out)
	}
}

// TestSeedParse: the seed report's whole JSON encoding is golden, and every
// table-2/3/4 cell is 0; rows printed with 6 values for 7 columns carry a
// diagnostic and the repaired flag, never a silent value.
func TestSeedParse(t *testing.T) {
	seed := filepath.Join(root, "testdata", "seed_boudang_2021.txt")
	out, errOut, code := runCLI(t, "", "parse", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out = strings.ReplaceAll(out, seed, "testdata/seed_boudang_2021.txt")
	golden(t, "seed_boudang_2021.parse.json", out)
	var rep model.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Meta.Year != 2021 || rep.Format != model.Format2021 || rep.Meta.Body != "伯党乡人民政府" {
		t.Errorf("meta: %+v format %v", rep.Meta, rep.Format)
	}
	if len(rep.Sections) != 6 {
		t.Errorf("%d sections, want 6", len(rep.Sections))
	}
	cells := 0
	rep.EachCell(func(k string, c *model.Cell) {
		if !c.Present() {
			return
		}
		cells++
		if c.Kind != model.CellNumber || !c.Num.IsZero() || c.Uncertain() {
			t.Errorf("%s = %+v, want 0", k, *c)
		}
	})
	if cells != 200 {
		t.Errorf("%d cells, want 200", cells)
	}
	repaired := 0
	for _, d := range rep.Diagnostics {
		if d.Code == model.DiagRaggedRepaired {
			repaired++
		}
	}
	if repaired != 23 {
		t.Errorf("%d ragged-row diagnostics, want 23", repaired)
	}
	shifted := map[string]bool{}
	for _, d := range rep.Diagnostics {
		if d.Code == model.DiagCellsShifted {
			shifted[d.Message[:strings.Index(d.Message, ":")]] = true
		}
	}
	if !shifted["row carried_over"] || shifted["row new_received"] {
		t.Errorf("the 上年结转 row's values are printed one field to the right: want a cells-shifted diagnostic for it and none for 本年新收; got %v", shifted)
	}
	if len(rep.Findings) != 0 {
		t.Errorf("the seed is consistent, got findings %v", rep.Findings)
	}
}

// TestBadInput: unusable input gives a clear error and exit 2; a report
// without tables or with a cut-off table gives a report with findings,
// never a fabricated zero.
func TestBadInput(t *testing.T) {
	bad := filepath.Join(root, "testdata", "bad")
	for _, tc := range []struct {
		file    string
		code    int
		errWant string
	}{
		{"empty.txt", 2, "empty input"},
		{"binary.bin", 2, "binary"},
		{"missing.txt", 2, "no such file"},
	} {
		_, errOut, code := runCLI(t, "", "check", filepath.Join(bad, tc.file))
		if code != tc.code || !strings.Contains(errOut, tc.errWant) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d mentioning %q", tc.file, code, errOut, tc.code, tc.errWant)
		}
	}
	out, _, code := runCLI(t, "", "cells", filepath.Join(bad, "no_tables.txt"))
	if code != 0 {
		t.Fatalf("no_tables: exit %d", code)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for k := range m {
		if strings.HasPrefix(k, "t2.") || strings.HasPrefix(k, "t3.") || strings.HasPrefix(k, "t4.") {
			t.Errorf("no_tables: fabricated cell %s = %v", k, m[k])
		}
	}
	out, _, _ = runCLI(t, "", "check", "--json", filepath.Join(bad, "no_tables.txt"))
	if !strings.Contains(out, `"rule":"STR-TABLE-MISSING"`) {
		t.Errorf("no_tables: STR-TABLE-MISSING not reported:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "cells", filepath.Join(bad, "truncated_table.txt"))
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["t3.results_total.total"]; ok {
		t.Errorf("truncated table: results_total present though the file stops before it")
	}
	if _, ok := m["t4.review.total"]; ok {
		t.Errorf("truncated table: table 4 present though the file stops before it")
	}
	out, _, _ = runCLI(t, "", "check", "--json", filepath.Join(bad, "truncated_table.txt"))
	if !strings.Contains(out, `"status":"uncertain"`) || strings.Contains(out, `"status":"fail","`) && strings.Contains(out, `"rule":"T3-BALANCE","severity":"error","status":"fail"`) {
		t.Errorf("truncated table: balance must be uncertain, not failed:\n%.600s", out)
	}
}

func TestStdinAndUsage(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join(root, "testdata", "seed_boudang_2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, string(seed), "cells", "-")
	if code != 0 || !strings.Contains(out, `"meta.year": 2021`) {
		t.Errorf("cells - : exit %d\n%.300s", code, out)
	}
	if _, _, code := runCLI(t, ""); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if _, _, code := runCLI(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if _, e, code := runCLI(t, "", "check", "--rules", "NOPE-1", "x"); code != 2 || !strings.Contains(e, "unknown rule") {
		t.Errorf("unknown rule: exit %d %q", code, e)
	}
	broken := filepath.Join(root, "testdata", "samples", "c00g00_2024_balance_broken.html")
	if _, _, code := runCLI(t, "", "check", broken); code != 1 {
		t.Errorf("a report with an error-level finding: exit %d, want 1", code)
	}
}

// TestReadmeRules keeps the README's rules table equal to the catalogue.
func TestReadmeRules(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := runCLI(t, "", "rules", "--markdown")
	if !strings.Contains(string(readme), out) {
		t.Errorf("README.md's rules table is out of date; paste the output of `go run ./cmd/nianbao rules --markdown`:\n%s", out)
	}
	if len(check.All) < 20 {
		t.Errorf("only %d rules", len(check.All))
	}
}

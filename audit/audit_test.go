package audit

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser"
)

// fakeParse misbehaves on purpose according to the file's first line:
// "panic", "hang" (ignores its context), "slow" (honours it), "empty-error";
// otherwise it returns a report whose body and year are the first line's
// fields.
func fakeParse(ctx context.Context, b []byte, name string) (*model.Report, error) {
	first, _, _ := strings.Cut(string(b), "\n")
	switch first {
	case "panic":
		panic("front end bug")
	case "hang":
		time.Sleep(2 * time.Second)
		return &model.Report{}, nil
	case "slow":
		<-ctx.Done()
		return nil, &parser.InputError{Name: name, Err: ctx.Err()}
	case "binary":
		return nil, &parser.InputError{Name: name, Err: parser.ErrBinary}
	}
	var body string
	var year int
	fmt.Sscanf(first, "%s %d", &body, &year)
	rep := &model.Report{Input: "text", Meta: model.Meta{Body: body, Year: year, Level: model.LevelTownship}, Format: model.Format2021}
	rep.Requests = &model.RequestTable{}
	rep.Requests.NewReceived.Total = model.Cell{Kind: model.CellNumber, Raw: "3", Num: model.Int(3)}
	return rep, nil
}

// fakeCheck reports an error finding for bodies whose name starts with "bad".
func fakeCheck(rep *model.Report) []model.Finding {
	if strings.HasPrefix(rep.Meta.Body, "bad") {
		return []model.Finding{{RuleID: "T3-BALANCE", Severity: model.SevError, Message: "不平衡", MessageEN: "unbalanced",
			Cells: []model.CellRef{{Key: "t3.new_received.total", Raw: "3", Kind: model.CellNumber, Src: model.Loc{Line: 7}}}}}
	}
	if rep.Meta.Body == "checkpanic" {
		panic("rule bug")
	}
	return nil
}

type fakeSum struct {
	Body string `json:"body"`
	Year int    `json:"year"`
}

func fakeSummarize(rep *model.Report) (json.RawMessage, error) {
	return json.Marshal(fakeSum{rep.Meta.Body, rep.Meta.Year})
}

// fakeCross flags a report whose body also has a report of the previous year.
func fakeCross(sums []json.RawMessage) ([]CrossFinding, error) {
	idx := map[string]int{}
	var ss []fakeSum
	for i, raw := range sums {
		var s fakeSum
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		ss = append(ss, s)
		idx[fmt.Sprint(s.Body, s.Year)] = i
	}
	var out []CrossFinding
	for i, s := range ss {
		if _, ok := idx[fmt.Sprint(s.Body, s.Year-1)]; ok {
			out = append(out, CrossFinding{Index: i, Finding: model.Finding{RuleID: "T3-YOY-IDENTICAL", Severity: model.SevWarning, Related: fmt.Sprint(s.Year - 1)}})
		}
	}
	return out, nil
}

func writeFiles(t testing.TB, dir string, files map[string]string) []string {
	t.Helper()
	var names []string
	for n, s := range files {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	sort.Strings(names)
	return names
}

func readJSONL(t testing.TB, path string) []Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out
}

func fakeOptions() Options {
	return Options{Workers: 3, Timeout: 200 * time.Millisecond, Parse: fakeParse, Check: fakeCheck,
		Summarize: fakeSummarize, Cross: fakeCross}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/1.txt": "x", "a/2.html": "x", "a/b/3.pdf": "x", "a/notes.json": "{}", "a/.hidden/4.txt": "x",
		"c/5.md": "x", "c/6.docx": "x",
	})
	j := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	stdin := strings.NewReader(j("c", "6.docx") + "\n\n# comment\n" + j("a", "1.txt") + "\n")
	got, err := Expand(context.Background(), []string{j("a"), j("c", "*.md"), j("a", "notes.json"), "-", j("missing.txt")},
		ExpandOptions{Stdin: stdin})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{j("a", "1.txt"), j("a", "2.html"), j("a", "b", "3.pdf"), j("c", "5.md"), j("a", "notes.json"), j("c", "6.docx"), j("missing.txt")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expand:\n got %q\nwant %q", got, want)
	}
}

// TestRunNothingLost: panics, hangs, timeouts, unreadable files and rule
// panics each yield exactly one typed record, in input order.
func TestRunNothingLost(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"00.txt": "甲镇 2021\n", "01.txt": "panic\n", "02.txt": "hang\n", "03.txt": "slow\n", "04.txt": "binary\n",
		"05.txt": "bad镇 2022\n", "06.txt": "checkpanic 2022\n", "07.txt": "甲镇 2022\n",
	}
	for i := 8; i < 40; i++ {
		files[fmt.Sprintf("%02d.txt", i)] = fmt.Sprintf("镇%d 2023\n", i)
	}
	inputs := writeFiles(t, dir, files)
	inputs = append(inputs, filepath.Join(dir, "missing.txt"))
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("x"), 2000), 0o644)
	inputs = append(inputs, big)

	out := filepath.Join(dir, "out.jsonl")
	sink, err := CreateJSONL(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := fakeOptions()
	opts.Sink = sink
	opts.MaxBytes = 1000
	var calls int
	opts.Progress = func(p Progress) { calls++ }
	start := time.Now()
	st, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	sink.Close(st)
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("run took %v: a hanging parse blocked it", d)
	}
	recs := readJSONL(t, out)
	var reports []Record
	var cross []Record
	for _, r := range recs {
		if r.Kind == KindCross {
			cross = append(cross, r)
		} else {
			reports = append(reports, r)
		}
	}
	if len(reports) != len(inputs) || calls != len(inputs) {
		t.Fatalf("%d report records, %d progress calls for %d inputs", len(reports), calls, len(inputs))
	}
	for i, r := range reports {
		if r.File != inputs[i] {
			t.Errorf("record %d is %s, want %s (input order)", i, r.File, inputs[i])
		}
	}
	kind := func(i int) string {
		if reports[i].Error == nil {
			return ""
		}
		return reports[i].Error.Kind
	}
	wantKinds := map[int]string{0: "", 1: ErrKindInternal, 2: ErrKindTimeout, 3: ErrKindTimeout, 4: ErrKindBinary,
		5: "", 6: ErrKindInternal, 40: ErrKindIO, 41: ErrKindTooLarge}
	for i, k := range wantKinds {
		if kind(i) != k {
			t.Errorf("%s: error kind %q, want %q (%+v)", filepath.Base(inputs[i]), kind(i), k, reports[i].Error)
		}
	}
	if reports[6].Error.Stage != "check" || reports[6].Meta == nil {
		t.Errorf("rule panic: want stage check with the parsed meta kept, got %+v", reports[6])
	}
	if len(reports[5].Findings) != 1 || reports[5].Findings[0].RuleID != "T3-BALANCE" {
		t.Errorf("findings of bad镇: %+v", reports[5].Findings)
	}
	if v := reports[0].Cells["t3.new_received.total"]; v != float64(3) {
		t.Errorf("cells of 甲镇: %v", reports[0].Cells)
	}
	if st.Failed != 7 || st.WithErrors != 1 || st.Abandoned != 1 || st.ExitCode() != 1 {
		t.Errorf("stats: failed %d with errors %d abandoned %d", st.Failed, st.WithErrors, st.Abandoned)
	}
	if len(cross) != 1 || cross[0].File != inputs[7] || cross[0].Findings[0].RuleID != "T3-YOY-IDENTICAL" {
		t.Errorf("cross records: %+v", cross)
	}
}

// TestResume interrupts a run part-way (cancel, then a torn last line) and
// resumes it: the records equal those of an uninterrupted run.
func TestResume(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 60; i++ {
		files[fmt.Sprintf("r%02d.txt", i)] = fmt.Sprintf("镇%d %d\n", i%7, 2019+i/7)
	}
	files["r60.txt"] = files["r01.txt"] // same content, two files: two records
	inputs := writeFiles(t, dir, files)

	full := filepath.Join(dir, "full.jsonl")
	sink, _ := CreateJSONL(full, nil)
	opts := fakeOptions()
	opts.Sink = sink
	st, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	sink.Close(st)

	part := filepath.Join(dir, "part.jsonl")
	sink, _ = CreateJSONL(part, nil)
	ctx, cancel := context.WithCancel(context.Background())
	opts.Sink = sink
	opts.Window = 4 // few inputs in flight when the run is cancelled
	n := 0
	opts.Progress = func(Progress) {
		if n++; n == 25 {
			cancel()
		}
	}
	if _, err := Run(ctx, inputs, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err %v", err)
	}
	sink.Close(nil)
	// A crash in the middle of a write leaves a torn line.
	fh, _ := os.OpenFile(part, os.O_APPEND|os.O_WRONLY, 0)
	fh.WriteString(`{"kind":"report","file":"x","sha256":"ab`)
	fh.Close()

	rs, err := LoadResume(part)
	if err != nil {
		t.Fatal(err)
	}
	if rs.Records < 25 || rs.Records >= len(inputs) {
		t.Fatalf("resume state holds %d records", rs.Records)
	}
	sink, err = CreateJSONL(part, rs)
	if err != nil {
		t.Fatal(err)
	}
	opts = fakeOptions()
	opts.Sink = sink
	opts.Resume = rs
	st2, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	sink.Close(st2)
	if st2.Inputs != len(inputs) || st2.Resumed != rs.Records {
		t.Errorf("resumed stats: inputs %d resumed %d, want %d and %d", st2.Inputs, st2.Resumed, len(inputs), rs.Records)
	}
	// Resuming a complete output does nothing but recompute the cross records.
	rs3, _ := LoadResume(part)
	sink, _ = CreateJSONL(part, rs3)
	opts.Sink, opts.Resume = sink, rs3
	st3, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	sink.Close(st3)
	if st3.Resumed != len(inputs) {
		t.Errorf("second resume re-ran %d inputs", len(inputs)-st3.Resumed)
	}

	canon := func(recs []Record) []string {
		var out []string
		for _, r := range recs {
			r.DurationMS = 0
			b, _ := json.Marshal(r)
			out = append(out, string(b))
		}
		sort.Strings(out)
		return out
	}
	a, b := canon(readJSONL(t, full)), canon(readJSONL(t, part))
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("resumed output differs from an uninterrupted run: %d vs %d records", len(a), len(b))
	}
	// Input order is kept across the resume too.
	got := readJSONL(t, part)
	for i := range inputs {
		if got[i].File != inputs[i] {
			t.Fatalf("record %d is %s, want %s", i, got[i].File, inputs[i])
		}
	}
}

func TestCSVAndXLSX(t *testing.T) {
	dir := t.TempDir()
	inputs := writeFiles(t, dir, map[string]string{"a.txt": "bad镇 2021\n", "b.txt": "bad镇 2022\n", "c.txt": "binary\n"})
	csvPath, xlsxPath := filepath.Join(dir, "o.csv"), filepath.Join(dir, "o.xlsx")
	cs, err := CreateCSV(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	xs, err := CreateXLSX(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	opts := fakeOptions()
	opts.Sink = multi{cs, xs}
	st, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := opts.Sink.Close(st); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	if !bytes.HasPrefix(b, []byte("\ufeffkind,file,")) {
		t.Errorf("CSV does not start with a BOM and the header: %q", b[:20])
	}
	if !strings.Contains(string(b), "bad镇,township,2021,2021,3,") || !strings.Contains(string(b), ",binary,") {
		t.Errorf("CSV rows:\n%s", b)
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Reports,Findings,Summary" {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("Findings")
	if len(rows) != 4 { // header, 2 × T3-BALANCE, 1 cross
		t.Fatalf("Findings rows: %q", rows)
	}
	if rows[1][4] != "T3-BALANCE" || !strings.Contains(rows[1][13], `t3.new_received.total = "3" @ line 7`) {
		t.Errorf("finding row %q", rows[1])
	}
	sum, _ := f.GetRows("Summary")
	if !strings.Contains(fmt.Sprint(sum), "T3-BALANCE error 2 2") {
		t.Errorf("summary sheet %q", sum)
	}
	var buf bytes.Buffer
	WriteSummary(&buf, st)
	if !strings.Contains(buf.String(), "T3-BALANCE") || !strings.Contains(buf.String(), "binary 1") {
		t.Errorf("summary:\n%s", buf.String())
	}
}

// multi writes to several sinks.
type multi []Sink

func (m multi) Write(r *Record) error {
	for _, s := range m {
		if err := s.Write(r); err != nil {
			return err
		}
	}
	return nil
}

func (m multi) Close(st *Stats) error {
	for _, s := range m {
		if err := s.Close(st); err != nil {
			return err
		}
	}
	return nil
}

// TestReplay turns a JSON Lines output into CSV with the same rows as a
// direct CSV run.
func TestReplay(t *testing.T) {
	dir := t.TempDir()
	inputs := writeFiles(t, dir, map[string]string{"a.txt": "bad镇 2021\n", "b.txt": "bad镇 2022\n", "c.txt": "binary\n"})
	jsonl, direct, replayed := filepath.Join(dir, "o.jsonl"), filepath.Join(dir, "d.csv"), filepath.Join(dir, "r.csv")
	js, _ := CreateJSONL(jsonl, nil)
	cs, _ := CreateCSV(direct)
	opts := fakeOptions()
	opts.Sink = multi{js, cs}
	st, err := Run(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Sink.Close(st)
	rs, _ := CreateCSV(replayed)
	st2, err := Replay(jsonl, rs)
	if err != nil {
		t.Fatal(err)
	}
	rs.Close(st2)
	strip := func(p string) string { // the duration column differs in precision only
		b, _ := os.ReadFile(p)
		var out []string
		for _, l := range strings.Split(string(b), "\n") {
			if i := strings.LastIndex(l, ","); i >= 0 {
				l = l[:i]
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
	if a, b := strip(direct), strip(replayed); a != b {
		t.Errorf("replayed CSV differs:\n%s\n---\n%s", a, b)
	}
	if st2.Inputs != 3 || st2.Failed != 1 || st2.WithErrors != 2 {
		t.Errorf("replayed stats %+v", st2)
	}
}

package audit_test

import (
	"context"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/audit"
	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/internal/corpusgen"
	"github.com/xxgk/nianbao/model"
)

// BenchmarkAudit runs the real parser, the rules and the cross-report rules
// over 200 generated reports in every layout (PDF and DOCX included),
// writing JSON Lines to io.Discard. It reports reports/s.
func BenchmarkAudit(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.Write(dir, corpusgen.Options{Seed: 1, Reports: 200}); err != nil {
		b.Fatal(err)
	}
	inputs, err := audit.Expand(context.Background(), []string{dir}, audit.ExpandOptions{})
	if err != nil {
		b.Fatal(err)
	}
	copts := check.DefaultOptions()
	opts := audit.Options{
		Check: func(rep *model.Report) []model.Finding { return check.Run(rep, copts) },
		Summarize: func(rep *model.Report) (json.RawMessage, error) {
			return json.Marshal(check.Summarize(rep))
		},
		Cross: func(raw []json.RawMessage) ([]audit.CrossFinding, error) {
			sums := make([]check.Summary, len(raw))
			for i, r := range raw {
				if err := json.Unmarshal(r, &sums[i]); err != nil {
					return nil, err
				}
			}
			var out []audit.CrossFinding
			for _, c := range check.CrossCheck(sums, copts) {
				out = append(out, audit.CrossFinding{Index: c.Index, Finding: c.Finding})
			}
			return out, nil
		},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		opts.Sink = audit.NewJSONLSink(io.Discard)
		st, err := audit.Run(context.Background(), inputs, opts)
		if err != nil {
			b.Fatal(err)
		}
		if st.Inputs != len(inputs) || st.Failed != 0 {
			b.Fatalf("%d records, %d failed, for %d inputs", st.Inputs, st.Failed, len(inputs))
		}
	}
	b.ReportMetric(float64(len(inputs)*b.N)/b.Elapsed().Seconds(), "reports/s")
}

// TestCrossByYearWindows checks that running the cross-report rules over two
// consecutive years at a time (as Run does, to bound memory) finds exactly
// what one run over all summaries finds.
func TestCrossByYearWindows(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Write(dir, corpusgen.Options{Seed: 5, Reports: 250}); err != nil {
		t.Fatal(err)
	}
	inputs, err := audit.Expand(context.Background(), []string{dir}, audit.ExpandOptions{})
	if err != nil {
		t.Fatal(err)
	}
	copts := check.DefaultOptions()
	decode := func(raw []json.RawMessage) []check.Summary {
		sums := make([]check.Summary, len(raw))
		for i, r := range raw {
			if err := json.Unmarshal(r, &sums[i]); err != nil {
				t.Fatal(err)
			}
		}
		return sums
	}
	var all []json.RawMessage
	opts := audit.Options{
		Summarize: func(rep *model.Report) (json.RawMessage, error) { return json.Marshal(check.Summarize(rep)) },
		Cross: func(raw []json.RawMessage) ([]audit.CrossFinding, error) {
			var out []audit.CrossFinding
			for _, c := range check.CrossCheck(decode(raw), copts) {
				out = append(out, audit.CrossFinding{Index: c.Index, Finding: c.Finding})
			}
			return out, nil
		},
	}
	var windowed []string
	opts.Sink = sinkFunc(func(r *audit.Record) error {
		switch r.Kind {
		case audit.KindReport:
			if len(r.Summary) > 0 {
				all = append(all, r.Summary)
			}
		case audit.KindCross:
			for _, f := range r.Findings {
				windowed = append(windowed, r.SHA256+" "+f.RuleID+" "+f.Column+" "+f.Status.String())
			}
		}
		return nil
	})
	if _, err := audit.Run(context.Background(), inputs, opts); err != nil {
		t.Fatal(err)
	}
	sums := decode(all)
	var global []string
	for _, c := range check.CrossCheck(sums, copts) {
		if c.Index >= 0 {
			global = append(global, sums[c.Index].SHA256+" "+c.Finding.RuleID+" "+c.Finding.Column+" "+c.Finding.Status.String())
		}
	}
	sort.Strings(windowed)
	sort.Strings(global)
	if strings.Join(windowed, "\n") != strings.Join(global, "\n") {
		t.Errorf("by year windows: %d findings; over all summaries: %d", len(windowed), len(global))
	}
	if len(global) == 0 {
		t.Error("no cross-report findings at all")
	}
}

type sinkFunc func(*audit.Record) error

func (f sinkFunc) Write(r *audit.Record) error { return f(r) }
func (f sinkFunc) Close(*audit.Stats) error    { return nil }

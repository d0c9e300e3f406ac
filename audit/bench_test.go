package audit_test

import (
	"context"
	"encoding/json"
	"io"
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

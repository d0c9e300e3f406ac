package parser_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/parser"
)

// BenchmarkParseCheckSeed measures the whole pipeline (decode, text front
// end, tables, metadata, sections, every rule) on the seed report. The
// issue's target is at least 2,000 reports per second on one core
// (-cpu 1): at most 500 µs/op.
func BenchmarkParseCheckSeed(b *testing.B) {
	buf, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "seed_boudang_2021.txt"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	opts := check.DefaultOptions()
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rep, err := parser.ParseBytes(ctx, buf, parser.Options{Name: "seed.txt"})
		if err != nil {
			b.Fatal(err)
		}
		rep.Findings = check.Run(rep, opts)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

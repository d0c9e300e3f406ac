package check_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/parser"
)

// BenchmarkRunSeed runs every rule on the parsed seed report.
func BenchmarkRunSeed(b *testing.B) {
	buf, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "seed_boudang_2021.txt"))
	if err != nil {
		b.Fatal(err)
	}
	rep, err := parser.ParseBytes(context.Background(), buf, parser.Options{Name: "seed.txt"})
	if err != nil {
		b.Fatal(err)
	}
	opts := check.DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		check.Run(rep, opts)
	}
}

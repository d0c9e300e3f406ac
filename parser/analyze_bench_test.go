package parser

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
)

// BenchmarkAnalyze measures what FromDocument spends outside tables.Extract
// on the seed: ExtractMeta, SplitSections and DetectFormat sharing one
// preparation of the text.
func BenchmarkAnalyze(b *testing.B) {
	buf, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "seed_boudang_2021.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := ParseDocument(context.Background(), buf, Options{Name: "seed.txt"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		analyze(doc)
	}
}

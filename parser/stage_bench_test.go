package parser_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/parser"
	"github.com/xxgk/nianbao/tables"
)

// seedDocument parses the seed report's front end only.
func seedDocument(b *testing.B) *tables.Document {
	b.Helper()
	buf, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "seed_boudang_2021.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parser.ParseDocument(context.Background(), buf, parser.Options{Name: "seed.txt"})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

func BenchmarkExtractMeta(b *testing.B) {
	doc := seedDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		parser.ExtractMeta(doc)
	}
}

func BenchmarkSplitSections(b *testing.B) {
	doc := seedDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		parser.SplitSections(doc)
	}
}

func BenchmarkDetectFormat(b *testing.B) {
	doc := seedDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		parser.DetectFormat(doc, 2021)
	}
}

func BenchmarkFromDocument(b *testing.B) {
	doc := seedDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		parser.FromDocument(doc)
	}
}

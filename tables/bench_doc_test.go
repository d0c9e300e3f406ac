package tables_test

import (
	"context"
	"os"
	"testing"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser/textdoc"
	"github.com/xxgk/nianbao/tables"
)

// BenchmarkExtractSeedDoc measures Extract on the seed as the text front
// end reads it (the parse+check budget is 500 µs per report).
func BenchmarkExtractSeedDoc(b *testing.B) {
	buf, err := os.ReadFile("../testdata/seed_boudang_2021.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := textdoc.Parse(context.Background(), string(buf), false)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tables.Extract(doc, model.Format2021)
	}
}

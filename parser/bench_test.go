package parser_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkParseCheckCMSPage measures parse + check of a 100 KB CMS page:
// a bundled sample report inside navigation menus and scripts. The HTML
// issue's target is at most 5 ms per page.
func BenchmarkParseCheckCMSPage(b *testing.B) {
	buf, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "samples", "c00t06_2024_cms.html"))
	if err != nil {
		b.Fatal(err)
	}
	var menu strings.Builder
	for i := 0; menu.Len() < 78<<10; i++ {
		fmt.Fprintf(&menu, "<li><a href=\"/xxgk/%d.html\">信息公开目录第%d项</a></li>\n", i, i)
	}
	page := strings.Replace(string(buf), "<body>", "<body><div class=\"nav\"><ul>"+menu.String()+"</ul></div>", 1)
	if len(page) < 95<<10 {
		b.Fatalf("page is only %d bytes", len(page))
	}
	in := []byte(page)
	ctx := context.Background()
	opts := check.DefaultOptions()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rep, err := parser.ParseBytes(ctx, in, parser.Options{Name: "cms.html"})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Requests == nil {
			b.Fatal("table 3 lost in the padded page")
		}
		rep.Findings = check.Run(rep, opts)
	}
}

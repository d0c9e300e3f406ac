package pdfdoc

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
)

// BenchmarkPage parses whole documents and reports the cost per page.
func BenchmarkPage(b *testing.B) {
	fx := testutil.FixturesDir(b)
	files := []string{
		filepath.Join(fx, "pdf-synthetic", "r5_long_wqy.pdf"),    // LibreOffice, 17 pages
		filepath.Join(fx, "pdf-synthetic", "c_r5_long_wqy.pdf"),  // Chromium, 19 pages
		filepath.Join(fx, "pdf-synthetic", "c_r1_noto_sans.pdf"), // Chromium Type3, 3 pages
	}
	if corpus, err := filepath.Glob(filepath.Join(testutil.SharedDir(), "corpus", "raw", "*.pdf")); err == nil {
		files = append(files, corpus...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for i := 0; i < b.N; i++ {
				doc, err := Parse(context.Background(), data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += doc.Pages
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pages)/1e6, "ms/page")
		})
	}
}

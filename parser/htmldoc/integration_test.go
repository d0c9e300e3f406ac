package htmldoc_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/nianbao/parser"
)

// TestParserSniffsContent: the parser picks the HTML and DOCX front ends from
// the content whatever the file name says (.html, .htm, .shtml, .docx, none).
func TestParserSniffsContent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	files = append(files, filepath.Join("..", "docxdoc", "testdata", "report2021.docx"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := "html"
		if filepath.Ext(f) == ".docx" {
			want = "docx"
		}
		for _, name := range []string{"report.html", "report.htm", "report.shtml", "report.docx", "report.txt", "report"} {
			if got := parser.Sniff(b, name); got != want {
				t.Errorf("Sniff(%s as %s) = %q, want %q", filepath.Base(f), name, got, want)
			}
		}
	}
}

package htmldoc

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/tables"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render is the golden form of a parse: the Document dump, the metadata
// fields Dump leaves out, and the diagnostics.
func render(d *tables.Document) string {
	var b strings.Builder
	b.WriteString(d.Dump())
	if d.Meta.PublishedAt != nil {
		fmt.Fprintf(&b, "meta.published_at %s\n", d.Meta.PublishedAt.Format("2006-01-02T15:04:05-07:00"))
	}
	if d.Meta.SourceURL != "" {
		fmt.Fprintf(&b, "meta.source_url %s\n", d.Meta.SourceURL)
	}
	if d.Meta.IndexNo != "" {
		fmt.Fprintf(&b, "meta.index_no %s\n", d.Meta.IndexNo)
	}
	for _, x := range d.Diagnostics {
		fmt.Fprintf(&b, "diag %s %s: %s\n", x.Code, x.Severity, x.Message)
	}
	return b.String()
}

func parseFile(t testing.TB, path string) *tables.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(context.Background(), b, Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// TestGolden parses every composed page in testdata and compares the whole
// Document with its reviewed golden dump.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			golden(t, name+".dump", render(parseFile(t, f)))
		})
	}
}

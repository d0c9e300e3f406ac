package pdfdoc

import (
	"context"
	"os"
	"testing"
)

// TestDump prints the Document of the file named by PDFDOC_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("PDFDOC_DUMP")
	if path == "" {
		t.Skip("set PDFDOC_DUMP=file.pdf")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(context.Background(), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString(doc.Dump())
}

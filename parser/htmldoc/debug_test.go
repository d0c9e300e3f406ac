package htmldoc

import (
	"context"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	f := os.Getenv("HTMLDOC_DUMP")
	if f == "" {
		t.Skip()
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(context.Background(), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + d.Dump())
	for _, x := range d.Diagnostics {
		t.Logf("diag %s %s", x.Code, x.Message)
	}
	t.Logf("meta %+v", d.Meta)
}

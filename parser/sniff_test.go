package parser_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/parser"
)

// TestUnsupportedFormats: formats the library does not read give an
// ErrUnsupported error naming them.
func TestUnsupportedFormats(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2000)...)
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"report.doc", ole, ".doc"},
		{"scan.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), "OCR"},
		{"report.rtf", []byte(`{\rtf1\ansi 报告}`), "RTF"},
	} {
		_, err := parser.ParseBytes(context.Background(), tc.in, parser.Options{Name: tc.name})
		if !errors.Is(err, parser.ErrUnsupported) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want ErrUnsupported mentioning %q", tc.name, err, tc.want)
		}
		var ie *parser.InputError
		if !errors.As(err, &ie) || ie.Name != tc.name {
			t.Errorf("%s: error does not name the input: %#v", tc.name, err)
		}
	}
}

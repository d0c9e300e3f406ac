// Package htmldoc is the HTML front end.
package htmldoc

import (
	"context"
	"errors"

	"github.com/xxgk/nianbao/tables"
)

// Options configure the HTML front end.
type Options struct {
	ContentType string // an HTTP Content-Type header, if known
}

// Sniff reports whether b looks like an HTML document.
func Sniff(b []byte) bool { return false }

// Parse decodes and parses an HTML page into a Document.
func Parse(ctx context.Context, src []byte, opts Options) (*tables.Document, error) {
	return nil, errors.New("html front end not implemented")
}

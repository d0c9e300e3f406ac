// Package pdfdoc is the PDF front end.
package pdfdoc

import (
	"context"
	"errors"

	"github.com/xxgk/nianbao/tables"
)

// Options configure the PDF front end.
type Options struct {
	Password string // user password, if the file needs one
}

// Sniff reports whether b looks like a PDF file.
func Sniff(b []byte) bool { return false }

// Parse reads a PDF file into a Document.
func Parse(ctx context.Context, src []byte, opts Options) (*tables.Document, error) {
	return nil, errors.New("pdf front end not implemented")
}

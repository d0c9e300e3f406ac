// Package docxdoc is the DOCX front end.
package docxdoc

import (
	"context"
	"errors"

	"github.com/xxgk/nianbao/tables"
)

// Sniff reports whether b looks like a DOCX (Office Open XML) file.
func Sniff(b []byte) bool { return false }

// Parse reads a DOCX file into a Document.
func Parse(ctx context.Context, src []byte) (*tables.Document, error) {
	return nil, errors.New("docx front end not implemented")
}

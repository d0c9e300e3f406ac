// Package textdoc is the plain-text and markdown front end.
package textdoc

import (
	"context"

	"github.com/xxgk/nianbao/tables"
)

// Parse turns decoded text into a Document. markdown is set for .md input.
func Parse(ctx context.Context, text string, markdown bool) (*tables.Document, error) {
	d := &tables.Document{Input: "text"}
	if markdown {
		d.Input = "markdown"
	}
	return d, nil
}

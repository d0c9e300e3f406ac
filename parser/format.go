package parser

import (
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// DetectFormat scores the format markers of domain.md §2.1 over the whole
// document and returns the winning format version.
func DetectFormat(doc *tables.Document, year int) model.FormatVersion { return model.FormatUnknown }

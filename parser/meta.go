package parser

import (
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// ExtractMeta reads title, issuing body, report year, body level, cited
// basis and publication metadata from the document.
func ExtractMeta(doc *tables.Document) model.Meta { return model.Meta{} }

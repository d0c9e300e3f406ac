package parser

import (
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// SplitSections finds the six section headings of the 2019/2021 outline in
// the document's prose blocks and returns the sections in document order.
func SplitSections(doc *tables.Document) []model.Section { return nil }

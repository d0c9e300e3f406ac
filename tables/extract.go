package tables

import "github.com/xxgk/nianbao/model"

// Extraction is what Extract found of the statistical tables.
type Extraction struct {
	Active21    *model.ActiveDisclosure2021
	Active19    *model.ActiveDisclosure2019
	Requests    *model.RequestTable
	Review      *model.ReviewLitigation
	Diagnostics []model.Diagnostic
	// T3Other2021 and T3Other2019 count the table-3 （六） layouts seen: three
	// sub-rows (2021) or one data row (2019). Format detection uses them as
	// the tie-breaker.
	T3Other2021, T3Other2019 bool
}

// Extract locates tables 2, 3 and 4 in the document's grids and maps them onto
// the schema. format selects the table-2 schema; FormatUnknown lets the row
// labels decide.
func Extract(doc *Document, format model.FormatVersion) *Extraction {
	return &Extraction{}
}

package tables

import (
	"fmt"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// matchSuffixExact recognises a table-2 row label that ends a run of text.
func matchSuffixExact(key string, specs []rowSpec) *rowSpec {
	var best *rowSpec
	bestLen := 0
	for i := range specs {
		for _, e := range specs[i].exact {
			if strings.HasSuffix(key, e) && runeLen(e) > bestLen {
				// "其他对外管理服务事项" must not be read as a shorter label
				best, bestLen = &specs[i], runeLen(e)
			}
		}
	}
	return best
}

// t2Arity returns how many values a table-2 row has in the given format.
func t2Arity(row string, f model.FormatVersion) int {
	switch row {
	case "rules", "normative", "other_services":
		return 3
	case "licensing", "penalty", "coercion":
		if f == model.Format2019 {
			return 3
		}
		return 1
	case "fees":
		if f == model.Format2019 {
			return 2
		}
		return 1
	case "procurement":
		return 2
	}
	return 1
}

// t2Format decides the table-2 schema.
func (x *extractor) t2Format() model.FormatVersion {
	switch {
	case x.format == model.Format2019 || x.format == model.Format2021:
		return x.format
	case x.t2Head19 > x.t2Head21:
		return model.Format2019
	case x.t2Head21 > x.t2Head19:
		return model.Format2021
	}
	// value counts: a single value on a 许可/处罚/强制 row is the 2021 layout
	n19, n21 := 0, 0
	for _, r := range x.t2Rows {
		switch r.spec.key {
		case "other_services", "procurement":
			n19++
		case "licensing", "penalty", "coercion", "fees":
			if len(r.cells) == 1 {
				n21++
			} else if len(r.cells) >= 2 {
				n19++
			}
		}
	}
	if n19 > n21 {
		return model.Format2019
	}
	return model.Format2021
}

// resolveT2 reads the cells of a table-2 row; the arity is settled later,
// when the format is known, so all printed values are kept here.
func (x *extractor) resolveT2(p *pending, vals []*token) resolvedRow {
	r := resolvedRow{spec: p.spec, label: p.label}
	if vals[0].run {
		// keep the raw runs; split once the arity is known
		r.note = "run"
		for _, v := range vals {
			r.cells = append(r.cells, model.Cell{Kind: model.CellText, Raw: v.raw, Src: v.srcLoc()})
		}
		return r
	}
	r.cells = cellsOf(vals)
	return r
}

// flushT4 resolves the values collected after the table-4 header.
func (x *extractor) flushT4() {
	if !x.t4Header || x.t4Done || len(x.t4Vals) == 0 {
		return
	}
	vals := x.t4Vals
	x.t4Vals = nil
	x.t4Header = false
	const k = 15
	var cells []model.Cell
	uncertain := false
	switch {
	case vals[0].run:
		p := &pending{spec: &rowSpec{table: 4, key: "t4"}, label: vals[0]}
		r := x.resolveDigits(p, vals, k, t4OK)
		cells = r.cells
	default:
		// take the first printed row that has values; a stream of lines as is
		if vals[0].grid {
			var rowVals []*token
			row := -1
			for _, v := range vals {
				if row == -1 && !isBlankTok(v) {
					row = v.row
				}
				if v.row == row {
					rowVals = append(rowVals, v)
				}
			}
			// a row's trailing and leading blank fields are layout in text grids
			if len(rowVals) > 0 && !rowVals[0].aligned {
				for len(rowVals) > k && isBlankTok(rowVals[0]) {
					rowVals = rowVals[1:]
				}
				for len(rowVals) > k && isBlankTok(rowVals[len(rowVals)-1]) {
					rowVals = rowVals[:len(rowVals)-1]
				}
			}
			vals = rowVals
		}
		if len(vals) == 0 {
			return // a header whose cells are all blank: no data row
		}
		if len(vals) > k {
			for len(vals) > k && isBlankTok(vals[0]) {
				vals = vals[1:]
			}
		}
		if len(vals) != k {
			if len(vals) > k && !vals[0].grid {
				vals = vals[:k]
			} else {
				uncertain = true
			}
		}
		if uncertain {
			cells = uncertainCells(nil, k, vals)
			x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("table 4: %d values for 15 columns; cells marked uncertain", len(vals)), vals[0].srcLoc(), rawOf(vals))
		} else {
			cells = cellsOf(vals)
		}
	}
	if len(cells) != k {
		return
	}
	t := &model.ReviewLitigation{}
	for g := 0; g < 3; g++ {
		o := t.Group(g)
		for i := 0; i < 5; i++ {
			*o.Col(i) = cells[g*5+i]
		}
	}
	x.ex.Review = t
	x.t4Done = true
}

// finish flushes what is pending, runs the table-level pass and builds the
// typed tables.
func (x *extractor) finish() {
	x.flush()
	x.flushT4()
	x.assembleT2()
	x.assembleT3()
}

func (x *extractor) assembleT2() {
	if len(x.t2Rows) == 0 {
		return
	}
	f := x.t2Format()
	var fields []model.T2Field
	var cell func(key string) *model.Cell
	if f == model.Format2019 {
		a := &model.ActiveDisclosure2019{}
		x.ex.Active19 = a
		fields, cell = model.T2Fields2019, a.T2Cell
	} else {
		a := &model.ActiveDisclosure2021{}
		x.ex.Active21 = a
		fields, cell = model.T2Fields2021, a.T2Cell
	}
	seen := map[string]bool{}
	for _, r := range x.t2Rows {
		var keys []string
		for _, fd := range fields {
			if strings.HasPrefix(fd.Key, "t2."+r.spec.key+".") {
				keys = append(keys, fd.Key)
			}
		}
		if len(keys) == 0 {
			x.diag(model.DiagExtraRow, model.SevInfo, fmt.Sprintf("table 2: row %s does not belong to the %s format", r.spec.official, f), r.label.srcLoc(), r.label.raw)
			continue
		}
		if seen[r.spec.key] {
			x.diag(model.DiagRowDuplicate, model.SevInfo, "table 2: row "+r.spec.official+" printed twice; the first was kept", r.label.srcLoc(), r.label.raw)
			continue
		}
		seen[r.spec.key] = true
		k := len(keys)
		cells := r.cells
		if r.note == "run" {
			var toks []*token
			for i := range cells {
				toks = append(toks, &token{raw: cells[i].Raw, loc: &cells[i].Src, run: true})
			}
			p := &pending{spec: r.spec, label: r.label}
			cells = x.resolveDigits(p, toks, k, anyOK).cells
		}
		switch {
		case len(cells) == k:
		case len(cells) > k && k == 1:
			// a single value printed in a merged cell spanning three columns
			// and repeated, or a value followed by blank layout fields
			var nb []model.Cell
			for _, c := range cells {
				if c.Kind != model.CellBlank {
					nb = append(nb, c)
				}
			}
			if len(nb) == 1 || allSame(nb) {
				cells = nb[:1]
			} else {
				cells = uncertainCells(nil, k, nil)
				x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("table 2: row %s has %d values for 1 column", r.spec.official, len(r.cells)), r.label.srcLoc(), r.label.raw, keys...)
			}
		default:
			raw := make([]string, len(cells))
			for i, c := range cells {
				raw[i] = c.Raw
			}
			cells = uncertainCells(nil, k, nil)
			for i := range cells {
				cells[i].Raw = strings.Join(raw, " | ")
				cells[i].Src = r.label.srcLoc()
			}
			x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("table 2: row %s has %d values for %d columns; cells marked uncertain", r.spec.official, len(r.cells), k), r.label.srcLoc(), strings.Join(raw, " | "), keys...)
		}
		for i, key := range keys {
			if c := cell(key); c != nil {
				*c = cells[i]
			}
		}
	}
}

func allSame(cs []model.Cell) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs[1:] {
		if c.Raw != cs[0].Raw {
			return false
		}
	}
	return true
}

func (x *extractor) assembleT3() {
	if len(x.t3Rows) == 0 {
		return
	}
	x.tablePass()
	t := &model.RequestTable{}
	seen := map[string]bool{}
	var otherHandling *resolvedRow
	for i := range x.t3Rows {
		r := &x.t3Rows[i]
		if r.note == "subtotal" {
			if t.Results.Subtotals == nil {
				t.Results.Subtotals = map[string]model.ByApplicant{}
			}
			var ba model.ByApplicant
			for c := 0; c < model.NumT3Cols; c++ {
				*ba.Col(c) = r.cells[c]
			}
			t.Results.Subtotals[r.spec.groupLabel] = ba
			continue
		}
		key := r.spec.key
		if seen[key] {
			x.diag(model.DiagRowDuplicate, model.SevInfo, "table 3: row "+r.spec.official+" printed twice; the first was kept", r.label.srcLoc(), r.label.raw, "t3."+key)
			continue
		}
		seen[key] = true
		if key == "other_handling" {
			otherHandling = r
			continue
		}
		spec, _ := model.T3RowByKey(key)
		ba := spec.Get(t, true)
		for c := 0; c < model.NumT3Cols; c++ {
			*ba.Col(c) = r.cells[c]
		}
		if strings.HasPrefix(key, "other.") {
			x.ex.T3Other2021 = true
		}
	}
	if otherHandling != nil {
		var ba model.ByApplicant
		for c := 0; c < model.NumT3Cols; c++ {
			*ba.Col(c) = otherHandling.cells[c]
		}
		if x.ex.T3Other2021 {
			// the three sub-rows are printed: the （六） row with values is a subtotal
			if t.Results.Subtotals == nil {
				t.Results.Subtotals = map[string]model.ByApplicant{}
			}
			t.Results.Subtotals["六"] = ba
		} else {
			t.Results.OtherHandling = &ba
			x.ex.T3Other2019 = true
		}
	}
	for _, spec := range model.T3Rows {
		if seen[spec.Key] || spec.Only2019 || spec.Only2021 {
			continue
		}
		x.diag(model.DiagRowNotFound, model.SevInfo, "table 3: row "+spec.Label+" not found", model.Loc{}, "", "t3."+spec.Key)
	}
	x.ex.Requests = t
}

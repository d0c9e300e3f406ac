package tables

import (
	"fmt"

	"github.com/xxgk/nianbao/model"
)

// maxCombos bounds the table-level search over ambiguous rows.
const maxCombos = 50000

// resultRowKeys are the rows summed by （七）总计.
var resultRowKeys = map[string]bool{
	"granted": true, "partially_granted": true,
	"denied.state_secret": true, "denied.law_prohibited": true, "denied.security_stability": true, "denied.third_party_rights": true,
	"denied.internal_affairs": true, "denied.process_info": true, "denied.enforcement_file": true, "denied.admin_query": true,
	"unavailable.not_held": true, "unavailable.needs_creation": true, "unavailable.still_unclear": true,
	"not_processed.petition": true, "not_processed.repeated": true, "not_processed.publication": true, "not_processed.excessive": true, "not_processed.confirm_or_reissue": true,
	"other_handling": true, "other.overdue_correction": true, "other.overdue_fee": true, "other.other_reasons": true,
}

// tablePass settles rows that have several readings with the column
// identities of table 3 (一 + 二 = （七） + 四; （七） = Σ results). A cell is
// settled only when every combination of readings that satisfies the
// identities gives it the same value; otherwise it stays uncertain. When the
// printed numbers break the identities, no combination fits and nothing is
// settled.
func (x *extractor) tablePass() {
	var amb []int
	for i, r := range x.t3Rows {
		if len(r.cands) > 1 && r.note != "subtotal" {
			amb = append(amb, i)
		}
	}
	if len(amb) == 0 {
		return
	}
	combos := 1
	for _, i := range amb {
		combos *= len(x.t3Rows[i].cands)
		if combos > maxCombos {
			return
		}
	}
	byKey := map[string]int{}
	for i, r := range x.t3Rows {
		if r.note == "subtotal" {
			continue
		}
		if _, dup := byKey[r.spec.key]; !dup {
			byKey[r.spec.key] = i
		}
	}
	// the rows of the identities must all be present
	for _, k := range []string{"new_received", "carried_over", "results_total", "carried_forward"} {
		if _, ok := byKey[k]; !ok {
			return
		}
	}
	hasSplitOther := false
	for k := range byKey {
		if len(k) > 6 && k[:6] == "other." {
			hasSplitOther = true
		}
	}
	choice := make(map[int]int, len(amb)) // row index → candidate index
	value := func(row, col int) (model.Decimal, bool) {
		r := &x.t3Rows[row]
		if ci, ok := choice[row]; ok {
			return r.cands[ci][col], true
		}
		v, _, ok := r.cells[col].Eval()
		return v, ok
	}
	check := func() bool {
		for col := 0; col < model.NumT3Cols; col++ {
			a, ok1 := value(byKey["new_received"], col)
			b, ok2 := value(byKey["carried_over"], col)
			c, ok3 := value(byKey["results_total"], col)
			d, ok4 := value(byKey["carried_forward"], col)
			if ok1 && ok2 && ok3 && ok4 {
				l, _ := a.Add(b)
				r, _ := c.Add(d)
				if !l.Equal(r) {
					return false
				}
			}
			var sum model.Decimal
			all := true
			for k, idx := range byKey {
				if !resultRowKeys[k] || (k == "other_handling" && hasSplitOther) {
					continue
				}
				v, ok := value(idx, col)
				if !ok {
					all = false
					break
				}
				sum, _ = sum.Add(v)
			}
			if all && ok3 && !sum.Equal(c) {
				return false
			}
		}
		return true
	}
	var valid [][]int
	idx := make([]int, len(amb))
	var rec func(i int)
	rec = func(i int) {
		if i == len(amb) {
			if check() {
				valid = append(valid, append([]int(nil), idx...))
			}
			return
		}
		for c := range x.t3Rows[amb[i]].cands {
			idx[i] = c
			choice[amb[i]] = c
			rec(i + 1)
		}
		delete(choice, amb[i])
	}
	rec(0)
	if len(valid) == 0 {
		return
	}
	for ai, row := range amb {
		r := &x.t3Rows[row]
		settled := 0
		for col := 0; col < model.NumT3Cols; col++ {
			if !r.cells[col].Uncertain() {
				continue
			}
			v0 := r.cands[valid[0][ai]][col]
			same := true
			for _, vc := range valid[1:] {
				if !r.cands[vc[ai]][col].Equal(v0) {
					same = false
					break
				}
			}
			if same {
				c := &r.cells[col]
				c.Kind = model.CellNumber
				c.Num = v0
				c.Raw = v0.String()
				c.Flags = (c.Flags &^ model.FlagUncertain) | model.FlagRepaired
				settled++
			}
		}
		if settled > 0 {
			x.diag(model.DiagRaggedRepaired, model.SevInfo, fmt.Sprintf("row %s: %d cells settled by the table's column identities (%d consistent readings)", r.spec.key, settled, len(valid)), r.label.srcLoc(), r.label.raw, "t3."+r.spec.key)
		}
	}
}

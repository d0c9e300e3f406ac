package check

import (
	"fmt"
	"iter"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// An operand is one cell a rule reads, with its flat key.
type operand struct {
	key  string
	cell *model.Cell // nil: the row holding it is absent
	// unknown forces the operand to be treated as unreadable (a blank total
	// whose row has non-zero parts), with the reason why.
	unknown string
}

// ref cites the operand in a finding.
func (o operand) ref() model.CellRef {
	if o.cell == nil {
		return model.CellRef{Key: o.key, Kind: model.CellAbsent}
	}
	_, implied, ok := o.cell.Eval()
	return model.CellRef{
		Key: o.key, Raw: o.cell.Raw, Kind: o.cell.Kind, Src: o.cell.Src,
		ImpliedZero: ok && implied && o.unknown == "",
		Uncertain:   o.cell.Uncertain(),
	}
}

// value returns the operand's value; ok is false when it cannot be read.
func (o operand) value() (v model.Decimal, implied, ok bool) {
	if o.cell == nil || o.unknown != "" {
		return model.Decimal{}, false, false
	}
	return o.cell.Eval()
}

// total is the evaluation of a sum of operands.
type total struct {
	known    model.Decimal // sum of the readable operands
	complete bool          // every operand was readable
	overflow bool
	unknown  []operand // operands that could not be read
}

func sumOf(ops []operand) total {
	t := total{complete: true}
	for _, o := range ops {
		v, _, ok := o.value()
		if !ok {
			t.complete = false
			t.unknown = append(t.unknown, o)
			continue
		}
		s, ok := t.known.Add(v)
		if !ok {
			t.overflow = true
			continue
		}
		t.known = s
	}
	return t
}

// identity describes a sum identity expected = actual, for messages.
type identity struct {
	column         string // finding column
	colZH, colEN   string // column label for the message, may be empty
	expZH, expEN   string // what the expected side is, e.g. 第一项加第二项之和
	actZH, actEN   string // what the actual side is
	expOps, actOps []operand
}

// checkIdentity evaluates id and reports a failure, an uncertain outcome or
// nothing. Counts are never negative, so when one side is complete and the
// readable part of the other side already exceeds it, the identity is
// proven false even with unreadable operands.
func checkIdentity(p *Pass, id identity) {
	e, a := sumOf(id.expOps), sumOf(id.actOps)
	if e.complete && a.complete && !e.overflow && !a.overflow && e.known.Equal(a.known) {
		return // the common case: nothing to report, nothing to build
	}
	cells := refs(append(append([]operand{}, id.expOps...), id.actOps...))
	prefixZH, prefixEN := "", ""
	if id.colZH != "" {
		prefixZH = "【" + id.colZH + "】"
		prefixEN = "[" + id.colEN + "] "
	}
	if e.overflow || a.overflow {
		p.Uncertain(model.Finding{Column: id.column, Cells: cells,
			Message:   prefixZH + "数值过大，无法计算",
			MessageEN: prefixEN + "values too large to add up"})
		return
	}
	if e.complete && a.complete {
		if e.known.Equal(a.known) {
			return
		}
		ev, av := e.known, a.known
		p.Fail(model.Finding{Column: id.column, Expected: &ev, Actual: &av, Cells: cells,
			Message:   fmt.Sprintf("%s%s（%s）不等于%s（%s）%s", prefixZH, id.expZH, ev, id.actZH, av, impliedNoteZH(cells)),
			MessageEN: fmt.Sprintf("%s%s (%s) ≠ %s (%s)%s", prefixEN, id.expEN, ev, id.actEN, av, impliedNoteEN(cells))})
		return
	}
	unk := append(append([]operand{}, e.unknown...), a.unknown...)
	if (e.complete && a.known.Cmp(e.known) > 0) || (a.complete && e.known.Cmp(a.known) > 0) {
		var f model.Finding
		f.Column, f.Cells = id.column, cells
		if e.complete {
			ev, av := e.known, a.known
			f.Expected, f.Actual = &ev, &av
			f.Message = fmt.Sprintf("%s%s（%s）小于%s中可读部分之和（%s），另有无法读取的单元格：%s", prefixZH, id.expZH, ev, id.actZH, av, reasonsZH(unk))
			f.MessageEN = fmt.Sprintf("%s%s (%s) is less than the readable part of %s (%s); unreadable: %s", prefixEN, id.expEN, ev, id.actEN, av, reasonsEN(unk))
		} else {
			ev, av := e.known, a.known
			f.Expected, f.Actual = &ev, &av
			f.Message = fmt.Sprintf("%s%s中可读部分之和（%s）已大于%s（%s），另有无法读取的单元格：%s", prefixZH, id.expZH, ev, id.actZH, av, reasonsZH(unk))
			f.MessageEN = fmt.Sprintf("%sthe readable part of %s (%s) already exceeds %s (%s); unreadable: %s", prefixEN, id.expEN, ev, id.actEN, av, reasonsEN(unk))
		}
		p.Fail(f)
		return
	}
	f := model.Finding{Column: id.column, Cells: cells}
	if e.complete {
		ev := e.known
		f.Expected = &ev
	}
	if a.complete {
		av := a.known
		f.Actual = &av
	}
	f.Message = fmt.Sprintf("%s无法核对%s与%s：%s", prefixZH, id.expZH, id.actZH, reasonsZH(unk))
	f.MessageEN = fmt.Sprintf("%scannot check %s against %s: %s", prefixEN, id.expEN, id.actEN, reasonsEN(unk))
	p.Uncertain(f)
}

func refs(ops []operand) []model.CellRef {
	out := make([]model.CellRef, len(ops))
	for i, o := range ops {
		out[i] = o.ref()
	}
	return out
}

func keyList(ops []operand) string {
	ks := make([]string, len(ops))
	for i, o := range ops {
		ks[i] = o.key
	}
	return strings.Join(ks, ", ")
}

// why says in English why an operand is unreadable.
func (o operand) why() (zh, en string) {
	switch {
	case o.unknown != "":
		return "总计栏空白而分项不为0", o.unknown
	case o.cell == nil || o.cell.Kind == model.CellAbsent:
		return "缺失", "absent"
	case o.cell.Uncertain():
		return "位置不确定", "uncertain placement"
	case o.cell.Kind == model.CellText:
		return "内容为文字“" + o.cell.Raw + "”", "text " + fmt.Sprintf("%q", o.cell.Raw)
	}
	return "无法读取", "unreadable"
}

func reasonsZH(ops []operand) string {
	parts := make([]string, len(ops))
	for i, o := range ops {
		zh, _ := o.why()
		parts[i] = keyLabelZH(o.key) + "（" + zh + "）"
	}
	return strings.Join(parts, "、")
}

var t4ColZH = [5]string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}

// keyLabelZH names a cell by its printed labels, e.g. “（一）予以公开”·自然人,
// for the Chinese messages; unknown keys are returned as they are.
func keyLabelZH(key string) string {
	parts := strings.Split(key, ".")
	switch {
	case parts[0] == "t3" && len(parts) >= 3:
		col := parts[len(parts)-1]
		row := strings.Join(parts[1:len(parts)-1], ".")
		r, ok := model.T3RowByKey(row)
		if !ok {
			return key
		}
		for i, c := range model.T3ColumnKeys {
			if c == col {
				return "表三“" + r.Label + "”·" + model.T3ColumnLabels[i]
			}
		}
	case parts[0] == "t4" && len(parts) == 3:
		for g, gk := range model.T4GroupKeys {
			for c, ck := range model.T4ColumnKeys {
				if gk == parts[1] && ck == parts[2] {
					return "表四" + t4GroupZH[g] + "·" + t4ColZH[c]
				}
			}
		}
	case parts[0] == "t2":
		for _, fs := range [][]model.T2Field{model.T2Fields2021, model.T2Fields2019} {
			for _, f := range fs {
				if f.Key == key {
					return "表二" + f.Row + "·" + f.Column
				}
			}
		}
	}
	return key
}

func reasonsEN(ops []operand) string {
	parts := make([]string, len(ops))
	for i, o := range ops {
		_, en := o.why()
		parts[i] = o.key + " (" + en + ")"
	}
	return strings.Join(parts, ", ")
}

func impliedKeys(cells []model.CellRef) []string {
	var ks []string
	for _, c := range cells {
		if c.ImpliedZero {
			ks = append(ks, c.Key)
		}
	}
	return ks
}

func impliedNoteZH(cells []model.CellRef) string {
	ks := impliedKeys(cells)
	if len(ks) == 0 {
		return ""
	}
	for i, k := range ks {
		ks[i] = keyLabelZH(k)
	}
	return "（空白、“—”或“无”按0计：" + strings.Join(ks, "、") + "）"
}

func impliedNoteEN(cells []model.CellRef) string {
	ks := impliedKeys(cells)
	if len(ks) == 0 {
		return ""
	}
	return " (blank, dash or 无 read as 0: " + strings.Join(ks, ", ") + ")"
}

// cellCheck is a per-cell predicate rule (non-negative, integer) over a
// list of cells: it fails each offending readable cell and reports the
// unreadable cells once, as uncertain, so that the rule never passes over
// them silently.
type cellCheck struct {
	bad          func(model.Decimal) bool
	failZH       string // e.g. "%s为负数（%s）": key, value
	failEN       string
	tableZH      string
	tableEN      string
	column       func(key string) string
	reportUnread bool
}

func (cc cellCheck) run(p *Pass, ops iter.Seq[operand]) {
	var unread []operand
	for o := range ops {
		if o.cell == nil || o.cell.Kind == model.CellAbsent {
			continue // missing rows and cells are T3-ROW-MISSING's business
		}
		if o.cell.Kind == model.CellNumber && cc.bad(o.cell.Num) {
			v := o.cell.Num
			f := model.Finding{Actual: &v, Cells: []model.CellRef{o.ref()},
				Message:   fmt.Sprintf(cc.failZH, keyLabelZH(o.key), o.cell.Raw),
				MessageEN: fmt.Sprintf(cc.failEN, o.key, o.cell.Raw)}
			if cc.column != nil {
				f.Column = cc.column(o.key)
			}
			if o.cell.Uncertain() {
				f.Message += "（该单元格位置不确定）"
				f.MessageEN += " (the cell's placement is uncertain)"
				p.Uncertain(f)
			} else {
				p.Fail(f)
			}
			continue
		}
		if o.cell.Kind == model.CellText || (o.cell.Uncertain() && o.cell.Kind != model.CellNumber) {
			unread = append(unread, o)
		}
	}
	if len(unread) > 0 && cc.reportUnread {
		p.Uncertain(model.Finding{Cells: refs(unread),
			Message:   fmt.Sprintf("%s有%d个单元格无法读取，未能检查：%s", cc.tableZH, len(unread), reasonsZH(unread)),
			MessageEN: fmt.Sprintf("%s: %d cell(s) could not be read and were not checked: %s", cc.tableEN, len(unread), reasonsEN(unread))})
	}
}

package check

import (
	"fmt"
	"iter"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// t3Op returns the operand for one cell of a table-3 row. A blank total
// whose row has a non-zero applicant column is unknown (see the package
// doc, Blank totals).
func t3Op(rowKey string, ba *model.ByApplicant, col int) operand {
	if ks, ok := t3Keys[rowKey]; ok {
		return t3OpK(ks, ba, col)
	}
	var ks [model.NumT3Cols]string
	ks[col] = t3Key(rowKey, col)
	return t3OpK(&ks, ba, col)
}

// t3OpK is t3Op with the row's keys at hand.
func t3OpK(keys *[model.NumT3Cols]string, ba *model.ByApplicant, col int) operand {
	key := keys[col]
	if ba == nil {
		return operand{key: key}
	}
	o := operand{key: key, cell: ba.Col(col)}
	if col == model.ColTotal && blankTotal(ba) {
		o.unknown = "总计 printed blank while the applicant columns are non-zero"
	}
	return o
}

// t3Keys holds the flat keys of the standard table-3 rows, by row key.
var t3Keys = func() map[string]*[model.NumT3Cols]string {
	m := make(map[string]*[model.NumT3Cols]string, len(model.T3Rows))
	for _, r := range model.T3Rows {
		var ks [model.NumT3Cols]string
		for i, c := range model.T3ColumnKeys {
			ks[i] = "t3." + r.Key + "." + c
		}
		m[r.Key] = &ks
	}
	return m
}()

// t3Key returns the flat key of a table-3 cell.
func t3Key(rowKey string, col int) string {
	if ks, ok := t3Keys[rowKey]; ok {
		return ks[col]
	}
	return "t3." + rowKey + "." + model.T3ColumnKeys[col]
}

// blankTotal reports whether the row's 总计 is blank, a dash, 无 or absent
// while some applicant column holds a non-zero number.
func blankTotal(ba *model.ByApplicant) bool {
	switch ba.Total.Kind {
	case model.CellBlank, model.CellDash, model.CellNone, model.CellAbsent:
	default:
		return false
	}
	if ba.Total.Uncertain() {
		return false
	}
	for _, c := range ba.Parts() {
		if v, _, ok := c.Eval(); ok && !v.IsZero() {
			return true
		}
	}
	return false
}

// evalFast returns a cell's value when it can be read as is (a blank total
// next to non-zero parts cannot: callers check that separately).
func evalFast(c *model.Cell) (model.Decimal, bool) {
	v, _, ok := c.Eval()
	return v, ok
}

// rowTotalHolds is the fast path of T3-ROW-TOTAL: every cell readable and
// 总计 equal to the sum of the parts.
func rowTotalHolds(ba *model.ByApplicant) bool {
	var sum model.Decimal
	for col := 0; col < model.ColTotal; col++ {
		v, ok := evalFast(ba.Col(col))
		if !ok {
			return false
		}
		if sum, ok = sum.Add(v); !ok {
			return false
		}
	}
	tot, ok := evalFast(&ba.Total)
	return ok && tot.Equal(sum) && (ba.Total.Kind == model.CellNumber || sum.IsZero())
}

// resultSumHolds is the fast path of T3-RESULT-SUM for one column.
func resultSumHolds(rows []t3Row, total *model.ByApplicant, col int) bool {
	var sum model.Decimal
	for _, r := range rows {
		if r.ba == nil {
			return false
		}
		c := r.ba.Col(col)
		if col == model.ColTotal && c.Kind != model.CellNumber && blankTotal(r.ba) {
			return false
		}
		v, ok := evalFast(c)
		if !ok {
			return false
		}
		if sum, ok = sum.Add(v); !ok {
			return false
		}
	}
	if col == model.ColTotal && total.Total.Kind != model.CellNumber && blankTotal(total) {
		return false
	}
	tot, ok := evalFast(total.Col(col))
	return ok && tot.Equal(sum)
}

// t3Row is a present table-3 row with its key.
type t3Row struct {
	key  string
	ba   *model.ByApplicant
	keys *[model.NumT3Cols]string // flat keys of its cells
}

// op returns the operand of one of the row's cells.
func (r t3Row) op(col int) operand { return t3OpK(r.keys, r.ba, col) }

// resultRows returns the rows that add up to （七）总计: （一）–（五） and
// whichever （六） rows the report printed (the single row, the three
// sub-rows, or both). When it printed neither, the format's expected （六）
// rows are returned with a nil row, so that they read as absent.
func resultRows(t *model.RequestTable, f model.FormatVersion) []t3Row {
	var rows []t3Row
	hasSingle := t.Results.OtherHandling != nil && t.Results.OtherHandling.Present()
	hasSplit := t.Results.Other != nil && (t.Results.Other.OverdueCorrection.Present() ||
		t.Results.Other.OverdueFee.Present() || t.Results.Other.OtherReasons.Present())
	for _, r := range model.T3Rows {
		switch r.Key {
		case "new_received", "carried_over", "results_total", "carried_forward":
			continue
		}
		switch {
		case r.Only2019:
			if hasSingle {
				rows = append(rows, t3Row{r.Key, t.Results.OtherHandling, t3Keys[r.Key]})
			} else if !hasSplit && f != model.Format2021 {
				rows = append(rows, t3Row{r.Key, nil, t3Keys[r.Key]})
			}
			continue
		case r.Only2021:
			if hasSplit {
				rows = append(rows, t3Row{r.Key, r.Get(t, false), t3Keys[r.Key]})
			} else if !hasSingle && f == model.Format2021 {
				rows = append(rows, t3Row{r.Key, nil, t3Keys[r.Key]})
			}
			continue
		}
		rows = append(rows, t3Row{r.Key, r.Get(t, false), t3Keys[r.Key]})
	}
	return rows
}

// presentRows returns every standard table-3 row the report printed, in order.
func presentRows(t *model.RequestTable) []t3Row {
	rows := make([]t3Row, 0, len(model.T3Rows))
	for _, r := range model.T3Rows {
		if ba := r.Get(t, false); ba != nil && ba.Present() {
			rows = append(rows, t3Row{r.Key, ba, t3Keys[r.Key]})
		}
	}
	return rows
}

// requests returns the report's table 3, or reports not-applicable.
func requests(p *Pass) *model.RequestTable {
	if t := p.Report.Requests; t != nil {
		return t
	}
	p.NotApplicable("报告中没有表三（收到和处理政府信息公开申请情况）", "the report has no table 3 (requests received and handled)")
	return nil
}

// T3Balance checks the identity printed in the header of table 3.
var T3Balance = &Rule{
	ID: "T3-BALANCE",
	Doc: `per column, new + carried over = results + carried forward

The header of table 3 states the identity of every column: 第一项加第二项之和，
等于第三项加第四项之和, that is R1 + R2 = R3.7 + R4 for each of the six
applicant columns and 总计.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		for col := 0; col < model.NumT3Cols; col++ {
			checkIdentity(p, identity{
				column: model.T3ColumnKeys[col], colZH: model.T3ColumnLabels[col], colEN: model.T3ColumnKeys[col],
				expZH: "第一项加第二项之和", expEN: "new + carried over",
				actZH: "第三项加第四项之和", actEN: "results total + carried forward",
				expOps: []operand{t3Op("new_received", &t.NewReceived, col), t3Op("carried_over", &t.CarriedOver, col)},
				actOps: []operand{t3Op("results_total", &t.Results.Total, col), t3Op("carried_forward", &t.CarriedForward, col)},
			})
		}
	},
}

// T3ResultSum checks that the result rows add up to （七）总计.
var T3ResultSum = &Rule{
	ID: "T3-RESULT-SUM",
	Doc: `per column, the result rows add up to （七）总计

Every request handled lands in exactly one result row, so in each column
（一）+（二）+ the eight （三） rows + the three （四） rows + the five （五） rows +
（六） equals （七）总计. （六） is the single 其他处理 row or its three 2021
sub-rows, whichever the report printed (both when both are printed).`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		rows := resultRows(t, p.Report.Format)
		var ops []operand
		for col := 0; col < model.NumT3Cols; col++ {
			if resultSumHolds(rows, &t.Results.Total, col) {
				continue
			}
			if ops == nil {
				ops = make([]operand, len(rows))
			}
			for i, r := range rows {
				ops[i] = r.op(col)
			}
			checkIdentity(p, identity{
				column: model.T3ColumnKeys[col], colZH: model.T3ColumnLabels[col], colEN: model.T3ColumnKeys[col],
				expZH: "各项办理结果之和", expEN: "sum of the result rows",
				actZH: "（七）总计", actEN: "results total (七)",
				expOps: ops,
				actOps: []operand{t3Op("results_total", &t.Results.Total, col)},
			})
		}
	},
}

// T3RowTotal checks the 总计 column of every row.
var T3RowTotal = &Rule{
	ID: "T3-ROW-TOTAL",
	Doc: `in each row of table 3, 总计 is the sum of the applicant columns

总计 is the sum of 自然人 and the five 法人或其他组织 columns. A row whose
总计 is blank while its applicant columns are not zero is reported by
T3-TOTAL-BLANK instead.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		for _, r := range presentRows(t) {
			if rowTotalHolds(r.ba) || blankTotal(r.ba) {
				continue
			}
			var partsArr [model.ColTotal]operand
			parts := partsArr[:]
			for col := 0; col < model.ColTotal; col++ {
				parts[col] = r.op(col)
			}
			d := rowDescs[r.key]
			checkIdentity(p, identity{
				column: "total",
				expZH:  d[0], expEN: d[1],
				actZH: "该行总计", actEN: "its total",
				expOps: parts,
				actOps: []operand{r.op(model.ColTotal)},
			})
		}
	},
}

// rowDescs describe the applicant columns of each row for T3-ROW-TOTAL.
var rowDescs = func() map[string][2]string {
	m := make(map[string][2]string, len(model.T3Rows))
	for _, r := range model.T3Rows {
		m[r.Key] = [2]string{"“" + r.Label + "”一行各类申请人之和", "the applicant columns of row " + r.Key}
	}
	return m
}()

func rowLabel(key string) string {
	if r, ok := model.T3RowByKey(key); ok {
		return r.Label
	}
	return key
}

// T3Subtotal checks local subtotal rows.
var T3Subtotal = &Rule{
	ID: "T3-SUBTOTAL",
	Doc: `local subtotal rows equal the sum of their group

Some reports add subtotal rows for （三）不予公开, （四）无法提供, （五）不予处理
or （六）其他处理. Where one is printed, each of its columns must equal the
sum of the group's item rows.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		if len(t.Results.Subtotals) == 0 {
			p.NotApplicable("表三没有小计行", "table 3 has no subtotal rows")
			return
		}
		groups := []struct{ name, prefix, zh string }{
			{"三", "denied.", "（三）不予公开"},
			{"四", "unavailable.", "（四）无法提供"},
			{"五", "not_processed.", "（五）不予处理"},
			{"六", "other", "（六）其他处理"},
		}
		rows := resultRows(t, p.Report.Format)
		for _, g := range groups {
			sub, ok := t.Results.Subtotals[g.name]
			if !ok {
				continue
			}
			var items []t3Row
			for _, r := range rows {
				if strings.HasPrefix(r.key, g.prefix) {
					items = append(items, r)
				}
			}
			for col := 0; col < model.NumT3Cols; col++ {
				ops := make([]operand, len(items))
				for i, r := range items {
					ops[i] = r.op(col)
				}
				s := sub
				so := t3Op("subtotals["+g.name+"]", &s, col)
				checkIdentity(p, identity{
					column: model.T3ColumnKeys[col], colZH: model.T3ColumnLabels[col], colEN: model.T3ColumnKeys[col],
					expZH: g.zh + "各项之和", expEN: "the items of group " + g.name,
					actZH: g.zh + "小计", actEN: "its subtotal",
					expOps: ops, actOps: []operand{so},
				})
			}
		}
	},
}

// t3Cells yields every cell of the standard table-3 rows the report printed.
func t3Cells(t *model.RequestTable) iter.Seq[operand] {
	return func(yield func(operand) bool) {
		for _, r := range model.T3Rows {
			ba := r.Get(t, false)
			if ba == nil || !ba.Present() {
				continue
			}
			keys := t3Keys[r.Key]
			for col := 0; col < model.NumT3Cols; col++ {
				if !yield(operand{key: keys[col], cell: ba.Col(col)}) {
					return
				}
			}
		}
	}
}

func t3Column(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}

// T3NonNeg checks that no table-3 count is negative.
var T3NonNeg = &Rule{
	ID: "T3-NONNEG",
	Doc: `table 3 counts are not negative

Every cell of table 3 counts requests, so none can be below zero.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Sign() < 0 },
			failZH: "%s为负数（%s）", failEN: "%s is negative (%s)",
			tableZH: "表三", tableEN: "table 3", column: t3Column, reportUnread: true,
		}.run(p, t3Cells(t))
	},
}

// T3Int checks that table-3 counts are whole numbers.
var T3Int = &Rule{
	ID: "T3-INT",
	Doc: `table 3 counts are whole numbers

Every cell of table 3 counts requests and is printed without decimals.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Scale > 0 },
			failZH: "%s不是整数（%s）", failEN: "%s is not a whole number (%s)",
			tableZH: "表三", tableEN: "table 3", column: t3Column,
		}.run(p, t3Cells(t))
	},
}

// T3TotalBlank reports rows whose 总计 is blank while their parts are not.
var T3TotalBlank = &Rule{
	ID: "T3-TOTAL-BLANK",
	Doc: `总计 left blank in a row whose applicant columns are not zero

A row of table 3 prints numbers in its applicant columns but leaves 总计
blank (or a dash, 无, or nothing at all). Read as zero the row would not
add up; the reader cannot tell whether the total was omitted or is wrong.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		for _, r := range presentRows(t) {
			if !blankTotal(r.ba) {
				continue
			}
			var ops []operand
			var sum model.Decimal
			for col := 0; col < model.ColTotal; col++ {
				o := r.op(col)
				ops = append(ops, o)
				if v, _, ok := o.value(); ok {
					sum, _ = sum.Add(v)
				}
			}
			tot := r.op(model.ColTotal)
			ops = append([]operand{tot}, ops...)
			s := sum
			p.Fail(model.Finding{Column: "total", Expected: &s, Cells: refs(ops),
				Message:   fmt.Sprintf("“%s”一行总计栏为空，但各类申请人合计为%s", rowLabel(r.key), s),
				MessageEN: fmt.Sprintf("row %s leaves 总计 blank while its applicant columns add up to %s", r.key, s)})
		}
	},
}

// T3Empty reports a table 3 without a single number.
var T3Empty = &Rule{
	ID: "T3-EMPTY",
	Doc: `table 3 is present but holds no number

The report prints table 3 but every cell is blank, a dash, 无 or text, so
nothing can be checked.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		n := 0
		for o := range t3Cells(t) {
			if o.cell.Kind == model.CellNumber {
				n++
				break
			}
		}
		if n == 0 {
			p.Fail(model.Finding{
				Message:   "表三中没有任何数字",
				MessageEN: "table 3 holds no number at all"})
		}
	},
}

// T3RowMissing reports standard rows of table 3 that were not found.
var T3RowMissing = &Rule{
	ID: "T3-ROW-MISSING",
	Doc: `a standard row of table 3 is missing

A row of the official table 3 of the report's format was not found. A
2021-format report that prints （六）其他处理 as one row, as the 2019 format
does, is not faulted for its three sub-rows (and the reverse).`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		if len(presentRows(t)) == 0 {
			return // an empty table is T3-EMPTY's (or the parser's) business
		}
		hasSingle := t.Results.OtherHandling != nil && t.Results.OtherHandling.Present()
		hasSplit := t.Results.Other != nil && (t.Results.Other.OverdueCorrection.Present() ||
			t.Results.Other.OverdueFee.Present() || t.Results.Other.OtherReasons.Present())
		f := p.Report.Format
		for _, r := range model.T3Rows {
			if (r.Only2019 && (f != model.Format2019 || hasSplit)) || (r.Only2021 && (f != model.Format2021 || hasSingle)) {
				continue
			}
			if ba := r.Get(t, false); ba != nil && ba.Present() {
				continue
			}
			p.Fail(model.Finding{
				Cells:     []model.CellRef{{Key: "t3." + r.Key + ".total", Kind: model.CellAbsent}},
				Message:   fmt.Sprintf("表三缺少“%s”一行", r.Label),
				MessageEN: fmt.Sprintf("table 3 lacks the row %s (%s)", r.Key, r.Ref)})
		}
	},
}

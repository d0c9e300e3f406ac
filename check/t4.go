package check

import (
	"github.com/xxgk/nianbao/model"
	"slices"
)

var t4GroupZH = [3]string{"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"}

// t4Keys are the flat keys of table 4 by group and column.
var t4Keys = func() (k [3][5]string) {
	for g, gk := range model.T4GroupKeys {
		for c, ck := range model.T4ColumnKeys {
			k[g][c] = "t4." + gk + "." + ck
		}
	}
	return k
}()

// t4Op returns the operand of one table-4 cell. Like table 3, a blank total
// next to non-zero parts is unknown rather than zero.
func t4Op(g int, o *model.Outcomes, col int) operand {
	op := operand{key: t4Keys[g][col], cell: o.Col(col)}
	if col == 4 {
		switch o.Total.Kind {
		case model.CellBlank, model.CellDash, model.CellNone:
			for i := 0; i < 4; i++ {
				if v, _, ok := o.Col(i).Eval(); ok && !v.IsZero() {
					op.unknown = "总计 printed blank while the outcome columns are non-zero"
				}
			}
		}
	}
	return op
}

func t4Sum(id string, g int, en string) *Rule {
	return &Rule{
		ID: id,
		Doc: en + ` total equals the sum of its outcomes

In table 4, ` + t4GroupZH[g] + ` 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
A 总计 printed blank next to non-zero outcomes is reported as uncertain.`,
		Severity: model.SevError,
		Formats:  tableFormats,
		Run: func(p *Pass) {
			t := p.Report.Review
			if t == nil {
				p.NotApplicable("报告中没有表四（行政复议、行政诉讼情况）", "the report has no table 4 (administrative review and litigation)")
				return
			}
			o := t.Group(g)
			checkIdentity(p, identity{
				column: model.T4GroupKeys[g],
				colZH:  t4GroupZH[g], colEN: model.T4GroupKeys[g],
				expZH: "结果维持、结果纠正、其他结果、尚未审结之和", expEN: "upheld + corrected + other + pending",
				actZH: "总计", actEN: "total",
				expOps: []operand{t4Op(g, o, 0), t4Op(g, o, 1), t4Op(g, o, 2), t4Op(g, o, 3)},
				actOps: []operand{t4Op(g, o, 4)},
			})
		},
	}
}

// T4SumReview, T4SumDirect and T4SumAfter check the three groups of table 4.
var (
	T4SumReview = t4Sum("T4-SUM-REVIEW", 0, "administrative review")
	T4SumDirect = t4Sum("T4-SUM-DIRECT", 1, "direct litigation")
	T4SumAfter  = t4Sum("T4-SUM-AFTER", 2, "litigation after review")
)

func t4Cells(t *model.ReviewLitigation) []operand {
	ops := make([]operand, 0, 15)
	for g := 0; g < 3; g++ {
		o := t.Group(g)
		for i := 0; i < 5; i++ {
			ops = append(ops, operand{key: t4Keys[g][i], cell: o.Col(i)})
		}
	}
	return ops
}

func t4Group(key string) string {
	for _, g := range model.T4GroupKeys {
		if len(key) > 3+len(g) && key[3:3+len(g)] == g && key[3+len(g)] == '.' {
			return g
		}
	}
	return ""
}

// T4NonNeg checks that no table-4 count is negative.
var T4NonNeg = &Rule{
	ID: "T4-NONNEG",
	Doc: `table 4 counts are not negative

Every cell of table 4 counts cases, so none can be below zero.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := p.Report.Review
		if t == nil {
			p.NotApplicable("报告中没有表四", "the report has no table 4")
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Sign() < 0 },
			failZH: "%s为负数（%s）", failEN: "%s is negative (%s)",
			tableZH: "表四", tableEN: "table 4", column: t4Group, reportUnread: true,
		}.run(p, slices.Values(t4Cells(t)))
	},
}

// T4Int checks that table-4 counts are whole numbers.
var T4Int = &Rule{
	ID: "T4-INT",
	Doc: `table 4 counts are whole numbers

Every cell of table 4 counts cases and is printed without decimals.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := p.Report.Review
		if t == nil {
			p.NotApplicable("报告中没有表四", "the report has no table 4")
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Scale > 0 },
			failZH: "%s不是整数（%s）", failEN: "%s is not a whole number (%s)",
			tableZH: "表四", tableEN: "table 4", column: t4Group,
		}.run(p, slices.Values(t4Cells(t)))
	},
}

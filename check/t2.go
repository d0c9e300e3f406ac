package check

import (
	"fmt"
	"iter"

	"github.com/xxgk/nianbao/model"
)

// t2Cells yields the report's table-2 cells whose field descriptions
// satisfy keep (nil keeps all).
func t2Cells(r *model.Report, keep func(*model.T2Field) bool) iter.Seq[operand] {
	return func(yield func(operand) bool) {
		if a := r.Active21; a != nil {
			for i := range model.T2Fields2021 {
				f := &model.T2Fields2021[i]
				if (keep == nil || keep(f)) && !yield(operand{key: f.Key, cell: a.T2Cell(f.Key)}) {
					return
				}
			}
		}
		if a := r.Active19; a != nil {
			for i := range model.T2Fields2019 {
				f := &model.T2Fields2019[i]
				if (keep == nil || keep(f)) && !yield(operand{key: f.Key, cell: a.T2Cell(f.Key)}) {
					return
				}
			}
		}
	}
}

func hasT2(p *Pass) bool {
	if p.Report.Active21 != nil || p.Report.Active19 != nil {
		return true
	}
	p.NotApplicable("报告中没有表二（主动公开政府信息情况）", "the report has no table 2 (proactive disclosure)")
	return false
}

// T2NonNeg checks that table-2 figures are not negative.
var T2NonNeg = &Rule{
	ID: "T2-NONNEG",
	Doc: `table 2 figures are not negative

Counts and amounts of table 2 cannot be below zero. The 本年增/减 column of
the 2019 format is a signed change and is exempt.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		if !hasT2(p) {
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Sign() < 0 },
			failZH: "%s为负数（%s）", failEN: "%s is negative (%s)",
			tableZH: "表二", tableEN: "table 2", reportUnread: true,
		}.run(p, t2Cells(p.Report, func(f *model.T2Field) bool { return !f.Signed }))
	},
}

// T2Int checks that table-2 counts are whole numbers.
var T2Int = &Rule{
	ID: "T2-INT",
	Doc: `table 2 counts are whole numbers

Every count of table 2 is printed without decimals; the amounts (收费金额,
采购总金额) are exempt.`,
	Severity: model.SevError,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		if !hasT2(p) {
			return
		}
		cellCheck{
			bad:    func(d model.Decimal) bool { return d.Scale > 0 },
			failZH: "%s不是整数（%s）", failEN: "%s is not a whole number (%s)",
			tableZH: "表二", tableEN: "table 2",
		}.run(p, t2Cells(p.Report, func(f *model.T2Field) bool { return !f.Amount }))
	},
}

// T2InForceGE checks 现行有效件数 against 本年制发 − 本年废止.
var T2InForceGE = &Rule{
	ID: "T2-INFORCE-GE",
	Doc: `documents in force ≥ those issued − those repealed

For 规章 and 行政规范性文件 of the 2021 table 2, 现行有效件数 should be at
least 本年制发件数 − 本年废止件数. Documents can lapse without being
repealed, so a failure is a warning.`,
	Severity: model.SevWarning,
	Formats:  []model.FormatVersion{model.Format2021},
	Run: func(p *Pass) {
		a := p.Report.Active21
		if a == nil {
			p.NotApplicable("报告中没有2021年版表二", "the report has no 2021-format table 2")
			return
		}
		for _, row := range []struct {
			key, zh string
			d       *model.DocStats2021
		}{{"rules", "规章", &a.Rules}, {"normative", "行政规范性文件", &a.NormativeDocs}} {
			iss := operand{key: "t2." + row.key + ".issued", cell: &row.d.Issued}
			rep := operand{key: "t2." + row.key + ".repealed", cell: &row.d.Repealed}
			inf := operand{key: "t2." + row.key + ".in_force", cell: &row.d.InForce}
			if !iss.cell.Present() && !rep.cell.Present() && !inf.cell.Present() {
				continue
			}
			ops := []operand{iss, rep, inf}
			vi, _, oki := iss.value()
			vr, _, okr := rep.value()
			vf, _, okf := inf.value()
			if !oki || !okr || !okf {
				// in_force ≥ issued − repealed fails for sure only if in_force
				// and repealed are known: repealed ≥ 0 bounds issued − repealed
				// by issued, which proves nothing on its own.
				var unk []operand
				for _, o := range ops {
					if _, _, ok := o.value(); !ok {
						unk = append(unk, o)
					}
				}
				p.Uncertain(model.Finding{Column: row.key, Cells: refs(ops),
					Message:   fmt.Sprintf("无法核对%s现行有效件数：%s", row.zh, reasonsZH(unk)),
					MessageEN: fmt.Sprintf("cannot check %s in force: %s", row.key, reasonsEN(unk))})
				continue
			}
			net, ok := vi.Sub(vr)
			if !ok || vf.Cmp(net) >= 0 {
				continue
			}
			cells := refs(ops)
			p.Fail(model.Finding{Column: row.key, Expected: &net, Actual: &vf, Cells: cells,
				Message: fmt.Sprintf("%s现行有效件数（%s）少于本年制发件数（%s）减本年废止件数（%s）之差（%s）%s",
					row.zh, vf, vi, vr, net, impliedNoteZH(cells)),
				MessageEN: fmt.Sprintf("%s in force (%s) is less than issued (%s) minus repealed (%s) = %s%s",
					row.key, vf, vi, vr, net, impliedNoteEN(cells))})
		}
	},
}

// canMakeRules reports whether bodies of the level may make 规章: provincial
// and 设区的市 governments and their departments. ok is false when unknown.
func canMakeRules(l model.BodyLevel) (can, ok bool) {
	switch l {
	case model.LevelProvince, model.LevelCity:
		return true, true
	case model.LevelCounty, model.LevelTownship, model.LevelDepartment:
		return false, true
	}
	return false, false
}

// T2RulesAuthority reports 规章 counted by bodies that cannot make them.
var T2RulesAuthority = &Rule{
	ID: "T2-RULES-AUTHORITY",
	Doc: `规章 reported by a body that cannot make them

Under the 立法法 only State Council departments and provincial, 设区的市 and
自治州 governments make 规章. A township, subdistrict, county or district
government, or a local department, that reports non-zero 规章 figures has
most likely filled the wrong row. Bodies of unknown level are not checked.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		if !hasT2(p) {
			return
		}
		can, known := canMakeRules(p.Report.Meta.Level)
		if !known {
			p.NotApplicable("报告机关的层级未知", "the level of the issuing body is unknown")
			return
		}
		if can {
			return
		}
		var bad []operand
		for o := range t2Cells(p.Report, nil) {
			if len(o.key) < 9 || o.key[:9] != "t2.rules." {
				continue
			}
			if v, _, ok := o.value(); ok && !v.IsZero() {
				bad = append(bad, o)
			}
		}
		if len(bad) == 0 {
			return
		}
		p.Fail(model.Finding{Column: "rules", Cells: refs(bad),
			Message:   fmt.Sprintf("%s（%s级）无权制定规章，但表二规章一行填有非零数字：%s", p.Report.Meta.Body, levelZH(p.Report.Meta.Level), valuesList(bad)),
			MessageEN: fmt.Sprintf("%s (%s level) cannot make 规章, yet table 2 reports non-zero 规章 figures: %s", p.Report.Meta.Body, p.Report.Meta.Level, valuesList(bad))})
	},
}

func valuesList(ops []operand) string {
	s := ""
	for i, o := range ops {
		if i > 0 {
			s += ", "
		}
		s += o.key + "=" + o.cell.Raw
	}
	return s
}

func levelZH(l model.BodyLevel) string {
	switch l {
	case model.LevelProvince:
		return "省"
	case model.LevelCity:
		return "市"
	case model.LevelCounty:
		return "县"
	case model.LevelTownship:
		return "乡镇、街道"
	case model.LevelDepartment:
		return "部门"
	}
	return "未知"
}

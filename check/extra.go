package check

import (
	"fmt"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// T2aStockGENew checks 对外公开总数量 against 本年新公开数量 (2019 table 2).
var T2aStockGENew = &Rule{
	ID: "T2A-STOCK-GE-NEW",
	Doc: `total published is at least the number published this year

In the 2019 table 2, 对外公开总数量 of 规章 and of 规范性文件 is a stock that
includes the year's 本年新公开数量, so it cannot be smaller.`,
	Severity: model.SevWarning,
	Formats:  []model.FormatVersion{model.Format2019},
	Run: func(p *Pass) {
		a := p.Report.Active19
		if a == nil {
			p.NotApplicable("报告中没有2019年版表二", "the report has no 2019-format table 2")
			return
		}
		for _, row := range []struct {
			key, zh string
			d       *model.DocStats2019
		}{{"rules", "规章", &a.Rules}, {"normative", "规范性文件", &a.NormativeDocs}} {
			newPub := operand{key: "t2." + row.key + ".new_published", cell: &row.d.NewlyPublished}
			stock := operand{key: "t2." + row.key + ".total_published", cell: &row.d.TotalPublished}
			if !newPub.cell.Present() && !stock.cell.Present() {
				continue
			}
			ops := []operand{newPub, stock}
			vn, _, okn := newPub.value()
			vs, _, oks := stock.value()
			if !okn || !oks {
				var unk []operand
				for _, o := range ops {
					if _, _, ok := o.value(); !ok {
						unk = append(unk, o)
					}
				}
				p.Uncertain(model.Finding{Column: row.key, Cells: refs(ops),
					Message:   fmt.Sprintf("无法核对%s对外公开总数量：%s", row.zh, reasonsZH(unk)),
					MessageEN: fmt.Sprintf("cannot check %s published in total: %s", row.key, reasonsEN(unk))})
				continue
			}
			if vs.Cmp(vn) >= 0 {
				continue
			}
			cells := refs(ops)
			p.Fail(model.Finding{Column: row.key, Expected: &vn, Actual: &vs, Cells: cells,
				Message:   fmt.Sprintf("%s对外公开总数量（%s）少于本年新公开数量（%s）%s", row.zh, vs, vn, impliedNoteZH(cells)),
				MessageEN: fmt.Sprintf("%s published in total (%s) is less than published this year (%s)%s", row.key, vs, vn, impliedNoteEN(cells))})
		}
	},
}

// T2aNewPubLtNewMade notes 规范性文件 made but not published (2019 table 2).
var T2aNewPubLtNewMade = &Rule{
	ID: "T2A-NEWPUB-LT-NEWMADE",
	Doc: `fewer 规范性文件 published than made this year

规范性文件 are to be disclosed proactively (条例 第二十条（一）). When the 2019
table 2 shows fewer 本年新公开数量 than 本年新制作数量, some documents made
in the year may not have been published. Informational.`,
	Severity: model.SevInfo,
	Formats:  []model.FormatVersion{model.Format2019},
	Run: func(p *Pass) {
		a := p.Report.Active19
		if a == nil {
			p.NotApplicable("报告中没有2019年版表二", "the report has no 2019-format table 2")
			return
		}
		made := operand{key: "t2.normative.new_made", cell: &a.NormativeDocs.NewlyMade}
		pub := operand{key: "t2.normative.new_published", cell: &a.NormativeDocs.NewlyPublished}
		vm, _, okm := made.value()
		vp, _, okp := pub.value()
		if !okm || !okp || vp.Cmp(vm) >= 0 {
			// Unreadable cells say nothing here: the note is informational
			// and T2-NONNEG reports unreadable table-2 cells.
			return
		}
		cells := refs([]operand{made, pub})
		p.Fail(model.Finding{Column: "normative", Expected: &vm, Actual: &vp, Cells: cells,
			Message:   fmt.Sprintf("规范性文件本年新公开数量（%s）少于本年新制作数量（%s），可能有文件未主动公开", vp, vm),
			MessageEN: fmt.Sprintf("fewer 规范性文件 published (%s) than made (%s) this year: some may not have been disclosed", vp, vm)})
	},
}

// templateMarkers are phrases of the format templates' drafting notes that
// should never reach a published report.
var templateMarkers = []string{"编写说明", "这一项报告", "（此处", "(此处", "此处填写", "此处应", "×××", "XXX", "ＸＸＸ"}

// MetaTemplateLeak reports drafting notes left in the text.
var MetaTemplateLeak = &Rule{
	ID: "META-TEMPLATE-LEAK",
	Doc: `template guidance left in the published text

The report's title or sections contain phrases of a template's drafting
notes (编写说明, 这一项报告, （此处…, placeholders such as ×××): the report
was published without finishing or cleaning the template.`,
	Severity: model.SevWarning,
	Run: func(p *Pass) {
		r := p.Report
		type place struct {
			key, head, body string // the text is head + "\n" + body (body alone for the title)
			src             model.Loc
		}
		places := make([]place, 0, 1+len(r.Sections))
		places = append(places, place{key: "meta.title", body: r.Meta.Title})
		for _, s := range r.Sections {
			places = append(places, place{"section." + string(s.ID), s.Heading, s.Text, s.Src})
		}
		for _, pl := range places {
			// No marker holds "\n": one is in the text iff it is in the
			// heading or the body. Four of them hold 此处.
			in := func(m string) bool { return strings.Contains(pl.body, m) || strings.Contains(pl.head, m) }
			ciChu := in("此处")
			for _, m := range templateMarkers {
				if strings.Contains(m, "此处") && !ciChu || !in(m) {
					continue
				}
				text := pl.body
				if pl.key != "meta.title" {
					text = pl.head + "\n" + pl.body
				}
				i := strings.Index(text, m)
				snip := snippet(text, i, len(m))
				p.Fail(model.Finding{Column: pl.key,
					Cells:     []model.CellRef{{Key: pl.key, Raw: snip, Kind: model.CellText, Src: pl.src}},
					Message:   fmt.Sprintf("正文中留有模板说明文字“%s”：%s", m, snip),
					MessageEN: fmt.Sprintf("template guidance %q left in the text: %s", m, snip)})
				break // one finding per place
			}
		}
	},
}

// snippet returns about 20 characters of context either side of s[i:i+n].
func snippet(s string, i, n int) string {
	before := []rune(s[:i])
	after := []rune(s[i+n:])
	if len(before) > 20 {
		before = before[len(before)-20:]
	}
	if len(after) > 20 {
		after = after[:20]
	}
	return strings.ReplaceAll(string(before)+s[i:i+n]+string(after), "\n", " ")
}

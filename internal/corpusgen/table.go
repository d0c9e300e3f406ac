package corpusgen

import (
	"strings"

	"github.com/xxgk/nianbao/model"
)

// lcell is a cell of a logical table: its text and the size of its merge.
type lcell struct {
	Text             string
	RowSpan, ColSpan int
}

// ltable is a table as printed: each row lists the cells that start in it.
type ltable struct {
	Cols int
	Rows [][]lcell
	Head int // header rows
}

func c(s string) lcell             { return lcell{Text: s, RowSpan: 1, ColSpan: 1} }
func cs(s string, n int) lcell     { return lcell{Text: s, RowSpan: 1, ColSpan: n} }
func rs(s string, n int) lcell     { return lcell{Text: s, RowSpan: n, ColSpan: 1} }
func rcs(s string, r, n int) lcell { return lcell{Text: s, RowSpan: r, ColSpan: n} }

// table2 lays out table 2 of the report's format.
func table2(t *T2) *ltable {
	v := func(k string) string { return t.Cells[k] }
	lt := &ltable{Cols: 4}
	add := func(cells ...lcell) { lt.Rows = append(lt.Rows, cells) }
	if t.Format == model.Format2021 {
		add(cs("第二十条第（一）项", 4))
		add(c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数"))
		add(c("规章"), c(v("t2.rules.issued")), c(v("t2.rules.repealed")), c(v("t2.rules.in_force")))
		add(c("行政规范性文件"), c(v("t2.normative.issued")), c(v("t2.normative.repealed")), c(v("t2.normative.in_force")))
		add(cs("第二十条第（五）项", 4))
		add(c("信息内容"), cs("本年处理决定数量", 3))
		add(c("行政许可"), cs(v("t2.licensing.decisions"), 3))
		add(cs("第二十条第（六）项", 4))
		add(c("信息内容"), cs("本年处理决定数量", 3))
		add(c("行政处罚"), cs(v("t2.penalty.decisions"), 3))
		add(c("行政强制"), cs(v("t2.coercion.decisions"), 3))
		add(cs("第二十条第（八）项", 4))
		add(c("信息内容"), cs("本年收费金额（单位：万元）", 3))
		add(c("行政事业性收费"), cs(v("t2.fees.amount"), 3))
		return lt
	}
	add(cs("第二十条第（一）项", 4))
	add(c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量"))
	add(c("规章"), c(v("t2.rules.new_made")), c(v("t2.rules.new_published")), c(v("t2.rules.total_published")))
	add(c("规范性文件"), c(v("t2.normative.new_made")), c(v("t2.normative.new_published")), c(v("t2.normative.total_published")))
	item := func(label, k string) {
		add(c(label), c(v("t2."+k+".prev_items")), c(v("t2."+k+".change")), c(v("t2."+k+".decisions")))
	}
	add(cs("第二十条第（五）项", 4))
	add(c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量"))
	item("行政许可", "licensing")
	item("其他对外管理服务事项", "other_services")
	add(cs("第二十条第（六）项", 4))
	add(c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量"))
	item("行政处罚", "penalty")
	item("行政强制", "coercion")
	add(cs("第二十条第（八）项", 4))
	add(c("信息内容"), c("上一年项目数量"), cs("本年增/减", 2))
	add(c("行政事业性收费"), c(v("t2.fees.prev_items")), cs(v("t2.fees.change"), 2))
	add(cs("第二十条第（九）项", 4))
	add(c("信息内容"), c("采购项目数量"), cs("采购总金额", 2))
	add(c("政府集中采购"), c(v("t2.procurement.projects")), cs(v("t2.procurement.amount"), 2))
	return lt
}

// groupLabels are the merged group cells of table 3's result rows.
var groupLabels = map[string]string{"denied": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理", "other": "（六）其他处理"}

// table3 lays out table 3 with the official merged header and row groups.
func table3(t *T3) *ltable {
	lt := &ltable{Cols: 10, Head: 3}
	add := func(cells ...lcell) { lt.Rows = append(lt.Rows, cells) }
	add(rcs("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), cs("申请人情况", 7))
	add(rs("自然人", 2), cs("法人或其他组织", 5), rs("总计", 2))
	add(c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他"))
	rows := t3Rows(t.Format)
	nResults := 0
	groupSize := map[string]int{}
	for _, r := range rows {
		if isResultRow(r.Key) || r.Key == "results_total" {
			nResults++
		}
		if g, _, ok := cut(r.Key); ok {
			groupSize[g]++
		}
	}
	seenGroup := map[string]bool{}
	firstResult := true
	for _, r := range rows {
		var cells []lcell
		switch {
		case r.Key == "new_received" || r.Key == "carried_over" || r.Key == "carried_forward":
			cells = append(cells, cs(r.Label, 3))
		default:
			if firstResult {
				cells = append(cells, rs("三、本年度办理结果", nResults))
				firstResult = false
			}
			if g, _, ok := cut(r.Key); ok {
				if !seenGroup[g] {
					seenGroup[g] = true
					cells = append(cells, rs(groupLabels[g], groupSize[g]))
				}
				cells = append(cells, c(r.Label))
			} else {
				cells = append(cells, cs(r.Label, 2))
			}
		}
		for col := 0; col < model.NumT3Cols; col++ {
			cells = append(cells, c(t.Text(r.Key, col)))
		}
		add(cells...)
	}
	return lt
}

func cut(key string) (group, item string, ok bool) {
	for i := 0; i < len(key); i++ {
		if key[i] == '.' {
			return key[:i], key[i+1:], true
		}
	}
	return "", "", false
}

// table4 lays out table 4: two header rows over 15 values.
func table4(t *T4) *ltable {
	lt := &ltable{Cols: 15, Head: 3}
	add := func(cells ...lcell) { lt.Rows = append(lt.Rows, cells) }
	add(cs("行政复议", 5), cs("行政诉讼", 10))
	add(rs("结果维持", 2), rs("结果纠正", 2), rs("其他结果", 2), rs("尚未审结", 2), rs("总计", 2), cs("未经复议直接起诉", 5), cs("复议后起诉", 5))
	var sub []lcell
	for i := 0; i < 2; i++ {
		sub = append(sub, c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计"))
	}
	add(sub...)
	var vals []lcell
	for g := 0; g < 3; g++ {
		for col := 0; col < 5; col++ {
			vals = append(vals, c(t.Text(g, col)))
		}
	}
	add(vals...)
	return lt
}

// grid expands the merged cells: every position holds its origin's text
// when fill is set, or "" for covered positions.
func (lt *ltable) grid(fill bool) [][]string {
	var out [][]string
	occupied := map[[2]int]string{}
	covered := map[[2]int]bool{}
	for r, row := range lt.Rows {
		for len(out) <= r {
			out = append(out, make([]string, lt.Cols))
		}
		col := 0
		for _, cell := range row {
			for covered[[2]int{r, col}] {
				col++
			}
			for dr := 0; dr < cell.RowSpan; dr++ {
				for dc := 0; dc < cell.ColSpan; dc++ {
					p := [2]int{r + dr, col + dc}
					covered[p] = true
					if dr == 0 && dc == 0 || fill {
						occupied[p] = cell.Text
					}
				}
			}
			col += cell.ColSpan
		}
	}
	for p, s := range occupied {
		for len(out) <= p[0] {
			out = append(out, make([]string, lt.Cols))
		}
		if p[1] < lt.Cols {
			out[p[0]][p[1]] = s
		}
	}
	return out
}

// halfwidthLabels folds the full-width punctuation of labels to half width,
// as text copied from many pages prints it: (一)予以公开, 第二十条第(一)项.
var halfwidthLabels = strings.NewReplacer("（", "(", "）", ")", "，", ", ", "：", ":", "“", "\"", "”", "\"")

// halfwidth rewrites the table's labels (values are left alone).
func (lt *ltable) halfwidth() {
	for _, row := range lt.Rows {
		for i := range row {
			if !isValue(row[i].Text) {
				row[i].Text = halfwidthLabels.Replace(row[i].Text)
			}
		}
	}
}

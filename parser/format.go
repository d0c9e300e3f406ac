package parser

import (
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// marker is one discriminating phrase of domain.md §2.1, in tables.LabelKey
// form (width and Traditional forms folded, spaces and quotes removed,
// 、 and ， turned into ".").
type marker struct {
	key    string
	weight int
	// cell: the phrase is a table row label that prose uses as well
	// (行政规范性文件, 规范性文件); it counts only in a grid cell or in a
	// block that is not much longer than the label itself.
	cell bool
}

// Table-2 markers of the 2021 format (国办公开办函〔2021〕30号).
var markers2021 = []marker{
	{key: "本年制发件数", weight: 3},
	{key: "本年废止件数", weight: 3},
	{key: "现行有效件数", weight: 3},
	{key: "本年处理决定数量", weight: 2},
	{key: "本年收费金额", weight: 3},
	{key: "行政规范性文件", weight: 1, cell: true},
}

// Table-2 markers of the 2019 format (国办公开办函〔2019〕60号).
var markers2019 = []marker{
	{key: "本年新制作数量", weight: 3},
	{key: "本年新公开数量", weight: 3},
	{key: "对外公开总数量", weight: 3},
	{key: "上一年项目数量", weight: 3},
	{key: "本年增/", weight: 2}, // 本年增/减, sometimes cut after the slash
	{key: "其他对外管理服务事项", weight: 2},
	{key: "第二十条第(九)项", weight: 3},
	{key: "政府集中采购", weight: 2},
	{key: "采购项目数量", weight: 3},
	{key: "采购总金额", weight: 3},
	{key: "规范性文件", weight: 1, cell: true}, // only when not 行政规范性文件
}

// Terms of the pre-2019 outline. The strong ones are not used by the
// 2019/2021 formats at all; 申诉 and 咨询 still occur in modern prose.
var (
	legacyStrong = []string{"同意公开", "否决公开", "不予公开答复", "收费及减免", "收费和减免"}
	legacyWeak   = []string{"申诉", "咨询"}
)

// Phrases that only reports written under the revised 条例 (2019 on) carry:
// the 第二十条 captions of table 2 (第二十一条 is a typo seen in the wild),
// the 勾稽关系 note of table 3, the official heading of section 三, the
// national format notice and the revised regulation's number.
var modernAnchors = []string{"第二十条第", "第二十一条第", "勾稽关系", "收到和处理政府信息公开申请", "国办公开办函", "年度报告格式", "国务院令第711号"}

// formatScore holds the evidence collected by scoreFormat.
type formatScore struct {
	t2019, t2021 int // table-2 markers
	weak2019     int // cites 国办公开办函〔2019〕60号
	weak2021     int // cites 国办公开办函〔2021〕30号
	legacyStrong int // distinct strong legacy terms
	legacyWeak   int // distinct weak legacy terms
	modern       bool
	legacy       int // the legacy score reported by FormatScores
}

// FormatScores returns the marker scores of domain.md §2.1 for the document:
// s2019 and s2021 are the weighted counts of the table-2 markers of each
// format plus 1 for each citation of that format's notice; legacy counts the
// distinct old-outline terms (strong ones twice), and is 0 when the text
// carries any anchor of the revised 条例 (第二十条 captions, the 勾稽关系 note,
// the official section-三 heading, 国办公开办函…).
func FormatScores(doc *tables.Document) (s2019, s2021, legacy int) {
	sc := scoreFormat(prepare(doc, true, true, false))
	return sc.t2019 + sc.weak2019, sc.t2021 + sc.weak2021, sc.legacy
}

// patSet finds many short patterns in key runes in one pass.
type patSet struct {
	pats    [][]rune
	first   [64]uint64 // bit r%4096 set for the first rune of a pattern
	byFirst map[rune][]int
	ids     map[string]int
}

func newPatSet(words ...[]string) *patSet {
	ps := &patSet{byFirst: map[rune][]int{}, ids: map[string]int{}}
	for _, ws := range words {
		for _, w := range ws {
			if _, ok := ps.ids[w]; ok {
				continue
			}
			rs := []rune(w)
			id := len(ps.pats)
			ps.ids[w] = id
			ps.pats = append(ps.pats, rs)
			ps.first[(rs[0]&4095)>>6] |= 1 << (rs[0] & 63)
			ps.byFirst[rs[0]] = append(ps.byFirst[rs[0]], id)
		}
	}
	return ps
}

// id returns the index of a pattern.
func (ps *patSet) id(w string) int { return ps.ids[w] }

// count adds to counts[i] the number of occurrences of pattern i in k
// (overlapping ones included: strings.Count gives the same for patterns
// without a border, and Contains only needs a count above 0) and returns
// the number of occurrences found.
func (ps *patSet) count(k []rune, counts []int) (hits int) {
	for i, r := range k {
		if ps.first[(r&4095)>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, id := range ps.byFirst[r] {
			p := ps.pats[id]
			if len(k)-i < len(p) {
				continue
			}
			ok := true
			for j := 1; j < len(p); j++ {
				if k[i+j] != p[j] {
					ok = false
					break
				}
			}
			if ok {
				counts[id]++
				hits++
			}
		}
	}
	return hits
}

// Pattern indexes of the format markers and terms.
var (
	fmtPats = func() *patSet {
		var ms []string
		for _, m := range append(append([]marker{}, markers2021...), markers2019...) {
			ms = append(ms, m.key)
		}
		return newPatSet(ms, []string{"行政规范性文件", "处理决定数量", "本年处理决定数量"}, modernAnchors, legacyStrong, legacyWeak)
	}()
	pat2021, pat2019 = markerIDs(markers2021), markerIDs(markers2019)
	patModern        = wordIDs(modernAnchors)
	patStrong        = wordIDs(legacyStrong)
	patWeak          = wordIDs(legacyWeak)
	patAdmNormative  = fmtPats.id("行政规范性文件")
	patDecisions     = fmtPats.id("处理决定数量")
	patDecisions2021 = fmtPats.id("本年处理决定数量")
)

func markerIDs(ms []marker) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = fmtPats.id(m.key)
	}
	return out
}

func wordIDs(ws []string) []int {
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = fmtPats.id(w)
	}
	return out
}

// scoreFormat walks every block (prose, headings and grid cells).
func scoreFormat(dt *docText) formatScore {
	var sc formatScore
	if dt == nil {
		return sc
	}
	doc := dt.doc
	seenStrong := make([]bool, len(legacyStrong))
	seenWeak := make([]bool, len(legacyWeak))
	counts := make([]int, len(fmtPats.pats))
	visit := func(text string, k []rune, valid bool, mask uint8, cell bool) {
		if !valid {
			k = []rune(tables.LabelKey(text))
		}
		// Blank text has an empty key: nothing to count (and no citation).
		if fmtPats.count(k, counts) > 0 {
			short := cell || len(k) <= 16
			for i, m := range markers2021 {
				n := counts[pat2021[i]]
				if m.cell {
					if short && n > 0 {
						sc.t2021 += m.weight
					}
					continue
				}
				sc.t2021 += m.weight * n
			}
			for i, m := range markers2019 {
				n := counts[pat2019[i]]
				if m.cell {
					// 规范性文件 as a row of its own, not 行政规范性文件.
					if short && n > 0 && counts[patAdmNormative] == 0 {
						sc.t2019 += m.weight
					}
					continue
				}
				sc.t2019 += m.weight * n
			}
			// 处理决定数量 without 本年 is the 2019 column.
			if n := counts[patDecisions] - counts[patDecisions2021]; n > 0 {
				sc.t2019 += n
			}
			for _, id := range patModern {
				if counts[id] > 0 {
					sc.modern = true
				}
			}
			for i, id := range patStrong {
				if counts[id] > 0 {
					seenStrong[i] = true
				}
			}
			for i, id := range patWeak {
				if counts[id] > 0 {
					seenWeak[i] = true
				}
			}
			clear(counts)
		}
		if mask&runeHan == 0 {
			return // findBasis needs 函
		}
		for _, b := range findBasis(text) {
			switch b {
			case "国办公开办函〔2021〕30号":
				sc.weak2021++
			case "国办公开办函〔2019〕60号":
				sc.weak2019++
			}
		}
	}
	for bi, b := range doc.Blocks {
		bt := &dt.blocks[bi]
		if b.Kind == tables.BlockTable {
			if b.Grid == nil {
				continue
			}
			ci := bt.cell0
			for _, row := range b.Grid.Rows {
				for _, c := range row {
					ct := &dt.cells[ci]
					ci++
					if !c.IsCopy() {
						visit(c.Text, ct.key, ct.valid, ct.mask, true)
					}
				}
			}
			continue
		}
		visit(b.Text, bt.kt.runes, bt.valid, bt.mask, false)
	}
	for i := range legacyStrong {
		if seenStrong[i] {
			sc.legacyStrong++
		}
	}
	for i := range legacyWeak {
		if seenWeak[i] {
			sc.legacyWeak++
		}
	}
	if !sc.modern && sc.t2019 == 0 && sc.t2021 == 0 {
		sc.legacy = 2*sc.legacyStrong + sc.legacyWeak
	}
	return sc
}

// DetectFormat scores the format markers of domain.md §2.1 over the whole
// document and returns the winning format version.
//
// Table-2 markers decide between 2019 and 2021: the side with the higher
// weighted count wins, so a 2024 report printing the 2019 table-2 columns
// comes out as 2019, and a report mixing labels (2019 row 规范性文件 under
// the 2021 columns 本年废止件数/现行有效件数) goes to the stronger side. A tie
// is broken by the cited format notice (国办公开办函〔2019〕60号 or
// 〔2021〕30号), then by the format expected for the report year; if it
// still stands the result is FormatUnknown.
//
// With no table-2 marker at all the result is FormatUnknown (the caller may
// then decide from the structure of table 3), unless the report is legacy:
// it carries none of the anchors of the revised 条例 (第二十条 captions, the
// 勾稽关系 note, the official section-三 heading, 国办公开办函, 国务院令第711号)
// and either its year is 2018 or earlier, or its year is unknown and it uses
// an old-outline term (同意公开, 否决公开, 不予公开答复, 收费及减免, 申诉,
// 咨询), or it uses at least two of the strong old terms whatever its year.
func DetectFormat(doc *tables.Document, year int) model.FormatVersion {
	return detectFormat(prepare(doc, true, true, false), year)
}

// detectFormat is DetectFormat on prepared text.
func detectFormat(dt *docText, year int) model.FormatVersion {
	sc := scoreFormat(dt)
	switch {
	case sc.t2021 > sc.t2019:
		return model.Format2021
	case sc.t2019 > sc.t2021:
		return model.Format2019
	case sc.t2019 > 0: // a tie between non-zero table-2 scores
		switch {
		case sc.weak2021 > sc.weak2019:
			return model.Format2021
		case sc.weak2019 > sc.weak2021:
			return model.Format2019
		}
		if f := model.ExpectedFormat(year); f == model.Format2019 || f == model.Format2021 {
			return f
		}
		return model.FormatUnknown
	}
	if sc.modern {
		return model.FormatUnknown
	}
	switch {
	case year > 0 && year <= 2018:
		return model.FormatLegacy
	case year <= 0 && sc.legacyStrong+sc.legacyWeak > 0:
		return model.FormatLegacy
	case sc.legacyStrong >= 2:
		return model.FormatLegacy
	}
	return model.FormatUnknown
}

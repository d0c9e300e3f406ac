package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xxgk/nianbao/model"
	"golang.org/x/text/width"
)

// outcomeRe finds a result category and its count in prose: "不予公开35件",
// "予以公开及部分公开258件". The gap may not cross a clause end.
var outcomeRe = regexp.MustCompile(`(予以公开(?:及|和|、)部分公开|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)([^。；;，,：:（(]{0,12}?)(\d+)\s*件`)

// outcomeRows lists the table-3 rows each prose category may stand for.
// The first entry of a category is the category as a whole (the sum of its
// rows); a single row of it is accepted too (domain.md §7.4).
func outcomeRows(cat string, t *model.RequestTable) (rows []*model.ByApplicant, keys []string, singleOK bool) {
	add := func(key string) {
		if r, ok := model.T3RowByKey(key); ok {
			if ba := r.Get(t, false); ba != nil && ba.Present() {
				rows = append(rows, ba)
				keys = append(keys, key)
			}
		}
	}
	prefix := func(p string) {
		for _, r := range model.T3Rows {
			if strings.HasPrefix(r.Key, p) {
				add(r.Key)
			}
		}
	}
	switch {
	case strings.HasSuffix(cat, "部分公开") && strings.HasPrefix(cat, "予以公开"):
		add("granted")
		add("partially_granted")
	case cat == "予以公开":
		add("granted")
	case cat == "部分公开":
		add("partially_granted")
	case cat == "不予公开":
		prefix("denied.")
		singleOK = true
	case cat == "无法提供":
		prefix("unavailable.")
		singleOK = true
	case cat == "不予处理":
		prefix("not_processed.")
		singleOK = true
	case cat == "其他处理":
		if t.Results.OtherHandling != nil {
			add("other_handling")
		} else {
			prefix("other.")
		}
		singleOK = true
	}
	return rows, keys, singleOK
}

// rowValue is a row's 总计, or the sum of its applicant columns when 总计
// is printed blank beside non-zero parts; ok is false when neither can be
// read.
func rowValue(key string, ba *model.ByApplicant) (model.Decimal, bool) {
	if v, _, ok := t3Op(key, ba, model.ColTotal).value(); ok {
		return v, true
	}
	var s model.Decimal
	for c := 0; c < model.ColTotal; c++ {
		v, _, ok := t3Op(key, ba, c).value()
		if !ok {
			return model.Decimal{}, false
		}
		s, _ = s.Add(v)
	}
	return s, true
}

// XOutcome compares prose counts of request outcomes with table 3.
var XOutcome = &Rule{
	ID: "X-OUTCOME",
	Doc: `prose counts of request outcomes match table 3

Sections 一 and 三 often count outcomes (予以公开 N 件, 不予公开 N 件, …).
N must equal the category's total in table 3, or one row of it (for 不予公开,
无法提供, 不予处理 and 其他处理, whose prose often names one reason), or
予以公开 + 部分公开 when the text joins them with 及.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		found := false
		for _, id := range []model.SectionID{model.SecOverview, model.SecRequests} {
			s := p.Report.Section(id)
			if s == nil || !strings.Contains(s.Text, "件") {
				continue
			}
			text := s.Text
			if strings.ContainsAny(text, "０１２３４５６７８９") {
				text = width.Narrow.String(text)
			}
			for _, m := range outcomeRe.FindAllStringSubmatch(text, -1) {
				if strings.Contains(m[2], "申请") || strings.Contains(m[2], "率") {
					continue // "予以公开申请…", rates: other numbers
				}
				n, err := model.ParseDecimal(m[3])
				if err != nil {
					continue
				}
				rows, keys, singleOK := outcomeRows(m[1], t)
				if len(rows) == 0 {
					continue
				}
				found = true
				prose := model.CellRef{Key: "prose." + string(s.ID), Raw: m[0], Kind: model.CellText, Src: s.Src}
				cells := []model.CellRef{prose}
				var sum model.Decimal
				readable := true
				match := false
				for i, ba := range rows {
					op := t3Op(keys[i], ba, model.ColTotal)
					cells = append(cells, op.ref())
					v, ok := rowValue(keys[i], ba)
					if !ok {
						readable = false
						continue
					}
					sum, _ = sum.Add(v)
					if singleOK && v.Equal(n) {
						match = true
					}
				}
				switch {
				case match, readable && sum.Equal(n):
				case !readable:
					p.Uncertain(model.Finding{Column: "total", Actual: &n, Cells: cells,
						Message:   fmt.Sprintf("正文称“%s”，但表三相应各行无法全部读取", m[0]),
						MessageEN: fmt.Sprintf("the text says %q but the matching rows of table 3 cannot all be read", m[0])})
				default:
					e := sum
					p.Fail(model.Finding{Column: "total", Expected: &e, Actual: &n, Cells: cells,
						Message:   fmt.Sprintf("正文称“%s”，与表三相应合计%s不符", m[0], sum),
						MessageEN: fmt.Sprintf("the text says %q (%s) but table 3 gives %s", m[0], n, sum)})
				}
			}
		}
		if !found {
			p.NotApplicable("正文未列出办理结果的件数", "the text gives no counts of request outcomes")
		}
	},
}

package check

import (
	"fmt"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// upheldWords say that every case ended upheld.
var upheldWords = []string{"均获维持", "均被维持", "均予维持", "均予以维持", "均维持", "全部维持", "均为维持"}

// upheldClaim finds a sentence in sections 一 and 四 claiming that every
// review or lawsuit was upheld, and says which table-4 groups it speaks of:
// 复议 → review, 诉讼 → both litigation groups, neither → all three.
func upheldClaim(r *model.Report) (sentence string, groups []int, sec *model.Section) {
	for _, id := range []model.SectionID{model.SecReviewLitigation, model.SecOverview} {
		s := r.Section(id)
		if s == nil || !strings.Contains(s.Text, "维持") {
			continue
		}
		for _, sent := range strings.FieldsFunc(s.Text, func(r rune) bool { return r == '。' || r == '；' || r == '\n' }) {
			hit := false
			for _, w := range upheldWords {
				if strings.Contains(sent, w) {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
			review := strings.Contains(sent, "复议")
			lawsuit := strings.Contains(sent, "诉讼")
			switch {
			case review && !lawsuit:
				groups = []int{0}
			case lawsuit && !review:
				groups = []int{1, 2}
			default:
				groups = []int{0, 1, 2}
			}
			return strings.TrimSpace(sent), groups, s
		}
	}
	return "", nil, nil
}

// XUpheldAll checks a prose claim that every case was upheld against table 4.
var XUpheldAll = &Rule{
	ID: "X-UPHELD-ALL",
	Doc: `a claim that every case was upheld matches table 4

When the text says the reviews or lawsuits were all upheld (均获维持), the
corrected, other and pending columns of the groups it speaks of must be
zero: 复议 names administrative review, 诉讼 both kinds of litigation, and
a sentence naming neither covers all three groups.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := p.Report.Review
		if t == nil {
			return
		}
		sent, groups, sec := upheldClaim(p.Report)
		if sec == nil {
			p.NotApplicable("正文未称复议、诉讼均获维持", "the text does not claim that every case was upheld")
			return
		}
		prose := model.CellRef{Key: "prose." + string(sec.ID), Raw: sent, Kind: model.CellText, Src: sec.Src}
		for _, g := range groups {
			o := t.Group(g)
			var ops []operand
			for col := 1; col <= 3; col++ { // corrected, other, pending
				ops = append(ops, t4Op(g, o, col))
			}
			sum := sumOf(ops)
			cells := append([]model.CellRef{prose}, refs(ops)...)
			switch {
			case sum.overflow:
			case sum.complete && sum.known.IsZero():
			case sum.known.Sign() > 0: // proven even if some cell is unreadable
				v := sum.known
				zero := model.Decimal{}
				p.Fail(model.Finding{Column: model.T4GroupKeys[g], Expected: &zero, Actual: &v, Cells: cells,
					Message:   fmt.Sprintf("正文称“%s”，但表四%s有%s件结果纠正、其他结果或尚未审结", sent, t4GroupZH[g], v),
					MessageEN: fmt.Sprintf("the text says %q but table 4 %s has %s case(s) corrected, with other results or pending", sent, model.T4GroupKeys[g], v)})
			default:
				p.Uncertain(model.Finding{Column: model.T4GroupKeys[g], Cells: cells,
					Message:   fmt.Sprintf("正文称“%s”，但表四%s无法核对：%s", sent, t4GroupZH[g], reasonsZH(ops)),
					MessageEN: fmt.Sprintf("the text says %q but table 4 %s cannot be checked: %s", sent, model.T4GroupKeys[g], reasonsEN(ops))})
			}
		}
	},
}

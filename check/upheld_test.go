package check

import (
	"testing"

	"github.com/xxgk/nianbao/model"
)

// TestXUpheldAll: the 上海 2019 pattern (复议7件，诉讼9件，均获维持 while 2
// reviews and 1 lawsuit were pending) fails for the groups the sentence
// names; a true claim, a claim about review alone, and a blank table are
// handled.
func TestXUpheldAll(t *testing.T) {
	build := func(text string, review, direct model.Outcomes) *model.Report {
		r := consistent2021()
		r.Section(model.SecReviewLitigation).Text = text
		r.Review.Review, r.Review.LitigationDirect = review, direct
		return r
	}
	o := testOptions()
	o.Only = []string{"X-UPHELD-ALL"}
	pendingReview := model.Outcomes{Upheld: num(5), Corrected: num(0), Other: num(0), Pending: num(2), Total: num(7)}
	pendingDirect := model.Outcomes{Upheld: num(8), Corrected: num(0), Other: num(0), Pending: num(1), Total: num(9)}
	allUpheld := model.Outcomes{Upheld: num(3), Corrected: num(0), Other: num(0), Pending: num(0), Total: num(3)}
	for _, tc := range []struct {
		name   string
		r      *model.Report
		failed []string // columns that must fail
	}{
		{"shanghai", build("本年度发生政府信息公开行政复议7件，行政诉讼9件，均获维持。", pendingReview, pendingDirect), []string{"review", "litigation_direct"}},
		{"review only", build("行政复议案件均获维持。", pendingReview, pendingDirect), []string{"review"}},
		{"true claim", build("行政复议3件，均被维持。", allUpheld, pendingDirect), nil},
		{"no claim", build("本年度未发生行政诉讼。", pendingReview, pendingDirect), nil},
	} {
		got := Run(tc.r, o)
		var failed []string
		for _, f := range got {
			if f.Status == model.StatusFail {
				failed = append(failed, f.Column)
			}
		}
		if len(failed) != len(tc.failed) {
			t.Errorf("%s: failed columns %v, want %v (%v)", tc.name, failed, tc.failed, got)
			continue
		}
		for i := range failed {
			if failed[i] != tc.failed[i] {
				t.Errorf("%s: failed columns %v, want %v", tc.name, failed, tc.failed)
			}
		}
	}
}

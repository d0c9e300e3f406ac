package check

import (
	"testing"

	"github.com/xxgk/nianbao/model"
)

// TestXOutcome: the 上海 2019 patterns on a consistent report: the category
// sum, a single row of a category, 予以公开及部分公开 as a sum, and a count
// that matches nothing.
func TestXOutcome(t *testing.T) {
	base := consistent2021()
	total := func(key string) int64 {
		r, _ := model.T3RowByKey(key)
		return r.Get(base.Requests, false).Total.Num.Unscaled
	}
	g, pg := total("granted"), total("partially_granted")
	o := testOptions()
	o.Only = []string{"X-OUTCOME"}
	for _, tc := range []struct {
		text string
		fail bool
	}{
		{"予以公开" + itoa(g) + "件。", false},
		{"予以公开及部分公开" + itoa(g+pg) + "件。", false},
		{"予以公开及部分公开" + itoa(g) + "件。", pg != 0},
		{"予以公开" + itoa(g+7) + "件。", true},
		{"本年度予以公开申请办理及时。", false},
	} {
		r := consistent2021()
		r.Section(model.SecRequests).Text = tc.text
		failed := false
		for _, f := range Run(r, o) {
			failed = failed || f.Status == model.StatusFail
		}
		if failed != tc.fail {
			t.Errorf("%q: failed=%v, want %v", tc.text, failed, tc.fail)
		}
	}
}

func itoa(n int64) string { return model.Int(n).String() }

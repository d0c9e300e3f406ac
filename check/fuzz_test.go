package check

import (
	"math"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/model"
)

// FuzzRun perturbs the cells of a consistent report (kinds, flags, huge and
// negative values, scales) and checks that no rule panics and that every
// finding is well formed.
func FuzzRun(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{255, 254, 253, 17, 33, 129})
	f.Add([]byte("T3-BALANCE 总计 blank"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := consistent2021()
		if len(data) > 0 && data[0]&1 == 1 {
			r = consistent2019()
		}
		i := 0
		r.EachCell(func(key string, c *model.Cell) {
			if len(data) == 0 {
				return
			}
			b := data[i%len(data)]
			i++
			switch b % 11 {
			case 0:
				*c = model.Cell{}
			case 1:
				*c = blank()
			case 2:
				*c = text("详见附表")
			case 3:
				c.Flags |= model.FlagUncertain
			case 4:
				*c = num(math.MaxInt64 - int64(b))
			case 5:
				*c = num(-int64(b))
			case 6:
				*c = model.Cell{Kind: model.CellNumber, Raw: "x", Num: model.Decimal{Unscaled: int64(b) * 1e15, Scale: b % 40}}
			case 7:
				*c = num(math.MinInt64)
			}
		})
		if len(data) > 2 && data[1]%5 == 0 {
			r.Requests.Results.Subtotals = map[string]model.ByApplicant{"三": row(1, 2, 3, 4, 5, 6), "六": {}}
		}
		if len(data) > 3 && data[2]%3 == 0 {
			r.Requests.Results.Other, r.Requests.Results.OtherHandling = nil, nil
		}
		for _, f := range Run(r, testOptions()) {
			if strings.Contains(f.MessageEN, "panicked") {
				t.Fatalf("rule panicked: %s", f)
			}
			if f.RuleID == "" || f.Message == "" || f.MessageEN == "" {
				t.Fatalf("malformed finding %+v", f)
			}
		}
		s := Summarize(r)
		prev := Summarize(consistent2021())
		prev.Year = s.Year - 1
		prev.BodyKey = s.BodyKey
		prev.SHA256 = "other"
		for _, cf := range CrossCheck([]Summary{prev, s}, testOptions()) {
			if cf.Index < 0 {
				t.Fatalf("cross rule panicked: %s", cf.Finding)
			}
		}
	})
}

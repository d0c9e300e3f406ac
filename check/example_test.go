package check_test

import (
	"fmt"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/model"
)

func cell(n int64) model.Cell {
	return model.Cell{Kind: model.CellNumber, Raw: fmt.Sprint(n), Num: model.Int(n)}
}

// A report whose table 4 prints 总计 0 next to non-zero outcomes.
func ExampleRun() {
	rep := &model.Report{
		Format: model.Format2021,
		Meta:   model.Meta{Year: 2023, Body: "洪泽区人民政府"},
		Review: &model.ReviewLitigation{
			Review: model.Outcomes{Upheld: cell(10), Corrected: cell(1), Other: cell(0), Pending: cell(0), Total: cell(0)},
		},
	}
	opts := check.DefaultOptions()
	opts.Only = []string{"T4-SUM-REVIEW"}
	for _, f := range check.Run(rep, opts) {
		fmt.Println(f)
		fmt.Println(f.Message)
	}
	// Output:
	// error T4-SUM-REVIEW fail [review]: [review] upheld + corrected + other + pending (11) ≠ total (0)
	// 【行政复议】结果维持、结果纠正、其他结果、尚未审结之和（11）不等于总计（0）
}

// Two years of one township, printed under two names: the carry-over does
// not match.
func ExampleCrossCheck() {
	prev := &model.Report{Source: "2022.pdf", Format: model.Format2021,
		Meta: model.Meta{Year: 2022, Body: "民权县伯党乡人民政府"}, Requests: &model.RequestTable{}}
	prev.Requests.CarriedForward.NaturalPerson = cell(3)
	prev.Requests.CarriedForward.Total = cell(3)
	cur := &model.Report{Source: "2023.pdf", Format: model.Format2021,
		Meta: model.Meta{Year: 2023, Body: "伯党乡人民政府"}, Requests: &model.RequestTable{}}
	cur.Requests.CarriedOver.NaturalPerson = cell(1)
	cur.Requests.CarriedOver.Total = cell(1)

	opts := check.DefaultOptions()
	opts.Only = []string{"T3-YOY-CARRY"}
	sums := []check.Summary{check.Summarize(prev), check.Summarize(cur)}
	for _, cf := range check.CrossCheck(sums, opts) {
		if cf.Finding.Status == model.StatusFail {
			fmt.Println(cf.Index, cf.Finding.Related, cf.Finding)
		}
	}
	// Output:
	// 1 2022.pdf (2022) warning T3-YOY-CARRY fail [natural_person]: [natural_person] carried forward in the 2022 report (3) ≠ carried over in this report (1)
	// 1 2022.pdf (2022) warning T3-YOY-CARRY fail [total]: [total] carried forward in the 2022 report (3) ≠ carried over in this report (1)
}

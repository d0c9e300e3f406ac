package check

import (
	"testing"
	"time"

	"github.com/xxgk/nianbao/model"
)

// breakers make each rule fail on an otherwise consistent report. Every
// rule of All must have one: a rule that cannot be made to fire is a rule
// that checks nothing.
var breakers = map[string]struct {
	base    func() *model.Report
	breakIt func(r *model.Report)
}{
	"T3-BALANCE":    {consistent2021, func(r *model.Report) { r.Requests.CarriedOver = row(3, 1, 0, 0, 0, 0) }},
	"T3-RESULT-SUM": {consistent2021, func(r *model.Report) { r.Requests.Results.NotProcessed.Petition = row(0, 0, 0, 0, 0, 1) }},
	"T3-ROW-TOTAL":  {consistent2021, func(r *model.Report) { r.Requests.NewReceived.Total = num(46) }},
	"T3-SUBTOTAL": {consistent2021, func(r *model.Report) {
		r.Requests.Results.Subtotals = map[string]model.ByApplicant{"三": row(2, 0, 0, 0, 0, 0)}
	}},
	"T3-NONNEG":      {consistent2021, func(r *model.Report) { r.Requests.Results.Denied.StateSecret.Research = num(-1) }},
	"T3-INT":         {consistent2021, func(r *model.Report) { r.Requests.Results.Denied.StateSecret.Research = dec("0.5") }},
	"T3-TOTAL-BLANK": {consistent2021, func(r *model.Report) { r.Requests.NewReceived.Total = dash() }},
	"T3-EMPTY": {consistent2021, func(r *model.Report) {
		r.EachCell(func(k string, c *model.Cell) {
			if c.Present() && k[:3] == "t3." {
				*c = dash()
			}
		})
	}},
	"T3-ROW-MISSING": {consistent2019, func(r *model.Report) { r.Requests.Results.NotProcessed.Excessive = model.ByApplicant{} }},
	"T4-SUM-REVIEW":  {consistent2021, func(r *model.Report) { r.Review.Review.Total = num(3) }},
	"T4-SUM-DIRECT":  {consistent2021, func(r *model.Report) { r.Review.LitigationDirect.Pending = num(2) }},
	"T4-SUM-AFTER":   {consistent2021, func(r *model.Report) { r.Review.LitigationAfterReview.Total = num(1) }},
	"T4-NONNEG":      {consistent2021, func(r *model.Report) { r.Review.LitigationDirect.Other = num(-1) }},
	"T4-INT":         {consistent2021, func(r *model.Report) { r.Review.Review.Pending = dec("1.5") }},
	"T2-NONNEG":      {consistent2019, func(r *model.Report) { r.Active19.Procurement.Projects = num(-6) }},
	"T2-INT":         {consistent2019, func(r *model.Report) { r.Active19.Licensing.Decisions = dec("1200.5") }},
	"T2-INFORCE-GE":  {consistent2021, func(r *model.Report) { r.Active21.NormativeDocs.InForce = num(3) }},
	"T2-RULES-AUTHORITY": {consistent2021, func(r *model.Report) {
		r.Meta.Level = model.LevelCounty
		r.Active21.Rules.Issued, r.Active21.Rules.InForce = num(1), num(1)
	}},
	"T2A-STOCK-GE-NEW":      {consistent2019, func(r *model.Report) { r.Active19.NormativeDocs.TotalPublished = num(59) }},
	"T2A-NEWPUB-LT-NEWMADE": {consistent2019, func(r *model.Report) { r.Active19.NormativeDocs.NewlyPublished = num(59) }},
	"X-RECEIVED": {consistent2021, func(r *model.Report) {
		r.Section(model.SecRequests).Text = "本年度共受理政府信息公开申请50件。"
	}},
	"X-OUTCOME": {consistent2021, func(r *model.Report) {
		r.Section(model.SecRequests).Text = "其中予以公开99件。"
	}},
	"X-UPHELD-ALL": {consistent2021, func(r *model.Report) {
		r.Section(model.SecReviewLitigation).Text = "本年度发生政府信息公开行政复议4件，均获维持。"
	}},
	"FMT-MISMATCH": {consistent2021, func(r *model.Report) {
		r.Format = model.Format2019
		r.Active19, r.Active21 = &model.ActiveDisclosure2019{}, nil
	}},
	"FMT-BASIS-OUTDATED": {consistent2021, func(r *model.Report) { r.Meta.BasisCited = []string{"国办公开办函〔2019〕60号"} }},
	"STR-SECTIONS":       {consistent2021, func(r *model.Report) { r.Sections = r.Sections[1:] }},
	"STR-TABLE-MISSING":  {consistent2021, func(r *model.Report) { r.Active21 = nil }},
	"META-TEMPLATE-LEAK": {consistent2021, func(r *model.Report) {
		r.Section(model.SecOther).Text = "编写说明：本部分填写其他需要报告的事项。"
	}},
	"PUB-LATE": {consistent2021, func(r *model.Report) {
		d := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
		r.Meta.PublishedAt = &d
	}},
}

func TestEveryRuleFires(t *testing.T) {
	for _, rule := range All {
		b, ok := breakers[rule.ID]
		if !ok {
			t.Errorf("%s: no breaker: add one to fire_test.go", rule.ID)
			continue
		}
		o := testOptions()
		o.Only = []string{rule.ID}
		r := b.base()
		if got := Run(r, o); len(got) != 0 {
			t.Errorf("%s: not silent on the consistent report: %v", rule.ID, got)
		}
		b.breakIt(r)
		got := Run(r, o)
		fired := false
		for _, f := range got {
			if f.Status == model.StatusFail {
				fired = true
			}
			if f.Severity != rule.Severity && rule.ID != "FMT-MISMATCH" {
				t.Errorf("%s: finding severity %v, rule severity %v", rule.ID, f.Severity, rule.Severity)
			}
			if len(f.Cells) > 0 {
				for _, c := range f.Cells {
					if c.Key == "" {
						t.Errorf("%s: cited cell without key: %+v", rule.ID, f)
					}
				}
			}
		}
		if !fired {
			t.Errorf("%s: did not fire: %v", rule.ID, got)
		}
	}
}

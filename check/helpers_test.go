package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/model"
)

// num returns a number cell printed as n.
func num(n int64) model.Cell {
	return model.Cell{Kind: model.CellNumber, Raw: strconv.FormatInt(n, 10), Num: model.Int(n)}
}

// dec returns a number cell printed as s (e.g. "2.5").
func dec(s string) model.Cell {
	d, err := model.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return model.Cell{Kind: model.CellNumber, Raw: s, Num: d}
}

func blank() model.Cell { return model.Cell{Kind: model.CellBlank} }
func dash() model.Cell  { return model.Cell{Kind: model.CellDash, Raw: "—"} }
func text(s string) model.Cell {
	return model.Cell{Kind: model.CellText, Raw: s}
}

// row builds a table-3 row whose 总计 is the sum of the parts.
func row(parts ...int64) model.ByApplicant {
	var ba model.ByApplicant
	var sum int64
	for i, v := range parts {
		*ba.Col(i) = num(v)
		sum += v
	}
	ba.Total = num(sum)
	return ba
}

func zeroRow() model.ByApplicant { return row(0, 0, 0, 0, 0, 0) }

// stampLocs gives every present cell a distinct table location.
func stampLocs(r *model.Report) {
	i := 0
	r.EachCell(func(key string, c *model.Cell) {
		i++
		if c.Present() {
			c.Src = model.Loc{Table: 1 + strings.Count(key[:2], "t"), Row: i / 7, Col: i % 7}
		}
	})
}

// consistent2021 builds a consistent 2021-format report of a county
// government for 2022, with non-trivial numbers in every table.
func consistent2021() *model.Report {
	pub := time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)
	r := &model.Report{
		Source: "2022_minquan_county.pdf", Input: "pdf",
		Meta: model.Meta{
			Title: "民权县人民政府2022年政府信息公开工作年度报告", Year: 2022,
			Body: "民权县人民政府", Level: model.LevelCounty, IsGovernment: true,
			PublishedAt: &pub, BasisCited: []string{"国办公开办函〔2021〕30号"},
		},
		Format: model.Format2021,
	}
	for i, id := range model.SectionOrder {
		r.Sections = append(r.Sections, model.Section{ID: id, Heading: model.SectionTitles[id],
			Text: "本节正文。", Src: model.Loc{Page: 1 + i, Line: 10 * (i + 1)}})
	}
	r.Section(model.SecRequests).Text = "2022年，共收到政府信息公开申请45件，上年结转3件。"
	r.Active21 = &model.ActiveDisclosure2021{
		Rules:              model.DocStats2021{Issued: num(0), Repealed: num(0), InForce: num(0)},
		NormativeDocs:      model.DocStats2021{Issued: num(5), Repealed: num(1), InForce: num(12)},
		LicensingDecisions: num(120), PenaltyDecisions: num(30), CoercionDecisions: num(2),
		FeeAmountWan: dec("0.25"),
	}
	t := &model.RequestTable{
		NewReceived:    row(35, 6, 0, 1, 1, 2),
		CarriedOver:    row(2, 1, 0, 0, 0, 0),
		CarriedForward: row(3, 1, 0, 0, 0, 0),
	}
	res := &t.Results
	res.Granted = row(20, 3, 0, 1, 0, 2)
	res.PartiallyGranted = row(4, 1, 0, 0, 0, 0)
	for _, d := range []*model.ByApplicant{&res.Denied.StateSecret, &res.Denied.LawProhibited, &res.Denied.SecurityStability,
		&res.Denied.InternalAffairs, &res.Denied.ProcessInfo, &res.Denied.EnforcementFile, &res.Denied.AdminQuery,
		&res.Unavailable.NeedsCreation, &res.Unavailable.StillUnclear,
		&res.NotProcessed.Petition, &res.NotProcessed.Publication, &res.NotProcessed.Excessive, &res.NotProcessed.ConfirmOrReissue} {
		*d = zeroRow()
	}
	res.Denied.ThirdPartyRights = row(1, 0, 0, 0, 0, 0)
	res.Unavailable.NotHeld = row(6, 2, 0, 0, 1, 0)
	res.NotProcessed.Repeated = row(2, 0, 0, 0, 0, 0)
	res.Other = &model.OtherRows{
		OverdueCorrection: row(1, 0, 0, 0, 0, 0),
		OverdueFee:        zeroRow(),
		OtherReasons:      zeroRow(),
	}
	res.Total = row(34, 6, 0, 1, 1, 2)
	r.Requests = t
	r.Review = &model.ReviewLitigation{
		Review:                model.Outcomes{Upheld: num(2), Corrected: num(1), Other: num(0), Pending: num(1), Total: num(4)},
		LitigationDirect:      model.Outcomes{Upheld: num(1), Corrected: num(0), Other: num(0), Pending: num(0), Total: num(1)},
		LitigationAfterReview: model.Outcomes{Upheld: dash(), Corrected: dash(), Other: dash(), Pending: dash(), Total: dash()},
	}
	stampLocs(r)
	return r
}

// consistent2019 is consistent2021 turned into a 2019-format report for 2020
// of a city government office (a department).
func consistent2019() *model.Report {
	r := consistent2021()
	r.Format = model.Format2019
	r.Meta.Year = 2020
	r.Meta.Body = "上海市人民政府办公厅"
	r.Meta.Level = model.LevelCity
	r.Meta.IsGovernment = false
	pub := time.Date(2021, 1, 29, 0, 0, 0, 0, time.UTC)
	r.Meta.PublishedAt = &pub
	r.Meta.BasisCited = []string{"国办公开办函〔2019〕60号"}
	r.Active21 = nil
	r.Active19 = &model.ActiveDisclosure2019{
		Rules:              model.DocStats2019{NewlyMade: num(13), NewlyPublished: num(13), TotalPublished: num(524)},
		NormativeDocs:      model.DocStats2019{NewlyMade: num(60), NewlyPublished: num(60), TotalPublished: num(368)},
		Licensing:          model.ItemStats2019{PrevYearItems: num(40), Change: dec("-3"), Decisions: num(1200)},
		OtherAdminServices: model.ItemStats2019{PrevYearItems: num(0), Change: num(0), Decisions: num(0)},
		Penalty:            model.ItemStats2019{PrevYearItems: num(12), Change: dec("+1"), Decisions: num(9)},
		Coercion:           model.ItemStats2019{PrevYearItems: num(3), Change: num(0), Decisions: num(0)},
		Fees:               model.FeeStats2019{PrevYearItems: num(0), Change: num(0)},
		Procurement:        model.ProcurementStats2019{Projects: num(6), TotalAmount: dec("251000.5")},
	}
	single := row(1, 0, 0, 0, 0, 0)
	r.Requests.Results.OtherHandling = &single
	r.Requests.Results.Other = nil
	stampLocs(r)
	return r
}

// describe renders a finding as "RULE status column" for expectations.
func describe(f model.Finding) string {
	s := f.RuleID + " " + f.Status.String()
	if f.Column != "" {
		s += " " + f.Column
	}
	return s
}

// expectFindings fails unless the findings match want exactly, as a
// multiset: an unmatched finding and an unmatched expectation both fail.
func expectFindings(t *testing.T, got []model.Finding, want []string) {
	t.Helper()
	var g []string
	for _, f := range got {
		g = append(g, describe(f))
	}
	rest := slices.Clone(want)
	var extra []string
	for _, d := range g {
		if i := slices.Index(rest, d); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
		} else {
			extra = append(extra, d)
		}
	}
	if len(extra) > 0 || len(rest) > 0 {
		var b strings.Builder
		for _, f := range got {
			fmt.Fprintf(&b, "\n\t%s — %s", describe(f), f.MessageEN)
		}
		t.Errorf("unexpected findings %q, missing %q; got:%s", extra, rest, b.String())
	}
}

func findingFor(fs []model.Finding, desc string) *model.Finding {
	for i := range fs {
		if describe(fs[i]) == desc {
			return &fs[i]
		}
	}
	return nil
}

func cellRef(f *model.Finding, key string) *model.CellRef {
	for i := range f.Cells {
		if f.Cells[i].Key == key {
			return &f.Cells[i]
		}
	}
	return nil
}

// testOptions fixes Now so that PUB-LATE is reproducible.
func testOptions() Options {
	o := DefaultOptions()
	o.Now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	return o
}

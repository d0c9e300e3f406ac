package check

import (
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/model"
)

func TestRules(t *testing.T) {
	type tc struct {
		name   string
		base   func() *model.Report
		mutate func(r *model.Report)
		opts   func(o *Options)
		want   []string
	}
	tt := []tc{
		{name: "consistent 2021 is silent", base: consistent2021},
		{name: "consistent 2019 is silent", base: consistent2019},
		{
			name: "balance broken in one column",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.CarriedForward = row(4, 1, 0, 0, 0, 0)
			},
			want: []string{"T3-BALANCE fail natural_person", "T3-BALANCE fail total"},
		},
		{
			name: "result rows do not add up",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Denied.ProcessInfo = row(0, 2, 0, 0, 0, 0)
			},
			want: []string{"T3-RESULT-SUM fail commercial", "T3-RESULT-SUM fail total"},
		},
		{
			name: "row total wrong",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Granted.Total = num(27)
			},
			want: []string{"T3-ROW-TOTAL fail total", "T3-RESULT-SUM fail total"},
		},
		{
			name: "blank parts read as zero pass",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Granted.Research = blank()
				r.Requests.Results.Denied.AdminQuery = model.ByApplicant{
					NaturalPerson: dash(), Commercial: dash(), Research: dash(), PublicInterest: dash(),
					LegalService: dash(), OtherOrg: dash(), Total: model.Cell{Kind: model.CellNone, Raw: "无"}}
			},
		},
		{
			name: "uncertain operand makes the sums uncertain",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Granted.Commercial.Flags |= model.FlagUncertain
			},
			want: []string{"T3-RESULT-SUM uncertain commercial", "T3-ROW-TOTAL uncertain total"},
		},
		{
			name: "text operand is uncertain and reported by NONNEG",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.CarriedOver.Commercial = text("详见附表")
			},
			want: []string{"T3-BALANCE uncertain commercial", "T3-ROW-TOTAL uncertain total", "T3-NONNEG uncertain"},
		},
		{
			name: "absent row makes sums uncertain and is reported missing",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Unavailable.StillUnclear = model.ByApplicant{}
			},
			want: []string{
				"T3-RESULT-SUM uncertain natural_person", "T3-RESULT-SUM uncertain commercial", "T3-RESULT-SUM uncertain research",
				"T3-RESULT-SUM uncertain public_interest", "T3-RESULT-SUM uncertain legal_service", "T3-RESULT-SUM uncertain other_org",
				"T3-RESULT-SUM uncertain total", "T3-ROW-MISSING fail",
			},
		},
		{
			name: "blank totals as in 上海 2019",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Requests.Results.Granted.Total = blank()
				r.Requests.Results.PartiallyGranted.Total = blank()
				r.Requests.Results.Denied.StateSecret.Total = blank() // parts are zero: not a finding
			},
			want: []string{"T3-TOTAL-BLANK fail total", "T3-TOTAL-BLANK fail total", "T3-RESULT-SUM uncertain total"},
		},
		{
			name: "2021 format with （六） as one row, as 洪泽区 prints it",
			base: consistent2021,
			mutate: func(r *model.Report) {
				single := row(1, 0, 0, 0, 0, 0)
				r.Requests.Results.OtherHandling = &single
				r.Requests.Results.Other = nil
			},
		},
		{
			name: "2021 format with both （六） forms adds both",
			base: consistent2021,
			mutate: func(r *model.Report) {
				single := row(1, 0, 0, 0, 0, 0)
				r.Requests.Results.OtherHandling = &single
			},
			want: []string{"T3-RESULT-SUM fail natural_person", "T3-RESULT-SUM fail total"},
		},
		{
			name: "2021 format without any （六） row",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Other = nil
			},
			opts: func(o *Options) { o.Only = []string{"T3-ROW-MISSING"} },
			want: []string{"T3-ROW-MISSING fail", "T3-ROW-MISSING fail", "T3-ROW-MISSING fail"},
		},
		{
			name: "2019 format without （六） row",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Requests.Results.OtherHandling = nil
			},
			opts: func(o *Options) { o.Only = []string{"T3-ROW-MISSING"} },
			want: []string{"T3-ROW-MISSING fail"},
		},
		{
			name: "readable cells prove a failure despite a text cell",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Unavailable.NotHeld.NaturalPerson = text("详见附表")
				r.Requests.Results.Total.NaturalPerson = num(20)
			},
			opts: func(o *Options) { o.Only = []string{"T3-RESULT-SUM"} },
			// the total column still adds up: only 自然人 is proven wrong
			want: []string{"T3-RESULT-SUM fail natural_person"},
		},
		{
			name: "subtotals right and wrong",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Subtotals = map[string]model.ByApplicant{
					"四": row(6, 2, 0, 0, 1, 0),
					"五": row(3, 0, 0, 0, 0, 0),
				}
			},
			want: []string{"T3-SUBTOTAL fail natural_person", "T3-SUBTOTAL fail total"},
		},
		{
			name: "negative and fractional counts",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.Results.Granted.Research = num(-1)
				r.Requests.Results.Granted.PublicInterest = dec("2.5")
				r.Review.Review.Other = num(-2)
				r.Review.LitigationDirect.Upheld = dec("1.0")
			},
			opts: func(o *Options) { o.Only = []string{"T3-NONNEG", "T3-INT", "T4-NONNEG", "T4-INT"} },
			want: []string{"T3-NONNEG fail research", "T3-INT fail public_interest", "T4-NONNEG fail review", "T4-INT fail litigation_direct"},
		},
		{
			name: "empty table 3",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.EachCell(func(k string, c *model.Cell) {
					if strings.HasPrefix(k, "t3.") && c.Present() {
						*c = blank()
					}
				})
			},
			want: []string{"T3-EMPTY fail", "X-RECEIVED fail total"},
		},
		{
			name: "table 4 total printed 0 as in 洪泽区 2023",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Review.Review = model.Outcomes{Upheld: num(10), Corrected: num(1), Other: num(0), Pending: num(0), Total: num(0)}
				r.Review.LitigationAfterReview = model.Outcomes{Upheld: num(5), Corrected: num(0), Other: num(0), Pending: num(0), Total: num(0)}
			},
			want: []string{"T4-SUM-REVIEW fail review", "T4-SUM-AFTER fail litigation_after_review"},
		},
		{
			name: "table 4 total blank is uncertain",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Review.LitigationDirect.Total = blank()
			},
			want: []string{"T4-SUM-DIRECT uncertain litigation_direct"},
		},
		{
			name: "table 2 defects",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Active21.PenaltyDecisions = num(-4)
				r.Active21.CoercionDecisions = dec("1.5")
				r.Active21.FeeAmountWan = dec("190.457379")
				r.Active21.NormativeDocs = model.DocStats2021{Issued: num(1), Repealed: num(0), InForce: num(0)}
			},
			want: []string{"T2-NONNEG fail", "T2-INT fail", "T2-INFORCE-GE fail normative"},
		},
		{
			name: "2019 signed change and amounts are exempt",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Active19.Fees.Change = dec("-2")
			},
		},
		{
			name: "2019 stock smaller than this year's publications",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Active19.Rules.TotalPublished = num(10)
				r.Active19.NormativeDocs.NewlyPublished = num(8)
				r.Active19.NormativeDocs.NewlyMade = num(33)
			},
			want: []string{"T2A-STOCK-GE-NEW fail rules", "T2A-NEWPUB-LT-NEWMADE fail normative"},
		},
		{
			name: "2019 stock unreadable",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Active19.NormativeDocs.TotalPublished = text("详见网站")
			},
			want: []string{"T2A-STOCK-GE-NEW uncertain normative", "T2-NONNEG uncertain"},
		},
		{
			name: "template notes left in",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Section(model.SecProblems).Text = "（此处写明存在的主要问题）一是公开内容不够全面。"
				r.Meta.Title = "×××镇2022年政府信息公开工作年度报告"
			},
			want: []string{"META-TEMPLATE-LEAK fail meta.title", "META-TEMPLATE-LEAK fail section.problems"},
		},
		{
			name: "township with 规章",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.Body, r.Meta.Level = "民权县伯党乡人民政府", model.LevelTownship
				r.Active21.Rules.InForce = num(6)
			},
			want: []string{"T2-RULES-AUTHORITY fail rules"},
		},
		{
			name: "unknown level is not checked for 规章",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.Level = model.LevelUnknown
				r.Active21.Rules = model.DocStats2021{Issued: num(2), Repealed: num(0), InForce: num(6)}
			},
			opts: func(o *Options) { o.IncludeNotApplicable = true; o.Only = []string{"T2-RULES-AUTHORITY"} },
			want: []string{"T2-RULES-AUTHORITY not_applicable"},
		},
		{
			name: "format of another year",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Meta.Year = 2022
				pub := time.Date(2023, 1, 20, 0, 0, 0, 0, time.UTC)
				r.Meta.PublishedAt = &pub
			},
			want: []string{"FMT-MISMATCH fail format", "FMT-BASIS-OUTDATED fail"},
		},
		{
			name: "2021 basis cited after 2021 is fine, 60号 alone is not",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.BasisCited = []string{"国办公开办函[2019]60号"}
			},
			want: []string{"FMT-BASIS-OUTDATED fail"},
		},
		{
			name: "sections missing and out of order",
			base: consistent2021,
			mutate: func(r *model.Report) {
				s := r.Sections
				r.Sections = []model.Section{s[0], s[2], s[1], s[3], s[4]}
			},
			want: []string{"STR-SECTIONS fail sections", "STR-SECTIONS fail sections"},
		},
		{
			name: "table 4 missing",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Review = nil
			},
			want: []string{"STR-TABLE-MISSING fail t4"},
		},
		{
			name: "undetected format of a 2021 report: tables missing",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Format = model.FormatUnknown
				r.Active21, r.Requests, r.Review = nil, nil, nil
			},
			want: []string{"STR-TABLE-MISSING fail t2", "STR-TABLE-MISSING fail t3", "STR-TABLE-MISSING fail t4"},
		},
		{
			name: "department late",
			base: consistent2019,
			mutate: func(r *model.Report) {
				pub := time.Date(2021, 2, 5, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
				r.Meta.PublishedAt = &pub
			},
			want: []string{"PUB-LATE fail published_at"},
		},
		{
			name: "government on the last day",
			base: consistent2021,
			mutate: func(r *model.Report) {
				pub := time.Date(2023, 3, 31, 23, 0, 0, 0, time.FixedZone("CST", 8*3600))
				r.Meta.PublishedAt = &pub
			},
		},
		{
			name: "township with a local deadline",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.Level = model.LevelTownship
			},
			opts: func(o *Options) { o.Deadlines.Township = MonthDay{time.February, 20} },
			want: []string{"PUB-LATE fail published_at"},
		},
		{
			name: "no publication date",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.PublishedAt = nil
			},
			opts: func(o *Options) { o.IncludeNotApplicable = true; o.Only = []string{"PUB-LATE"} },
			want: []string{"PUB-LATE not_applicable"},
		},
		{
			name: "no publication date, not asked for",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Meta.PublishedAt = nil
			},
		},
		{
			name: "prose count of requests differs from table 3",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Section(model.SecOverview).Text = "区政府办代表区政府受理政府信息公开申请17件，均按时答复。"
			},
			want: []string{"X-RECEIVED fail total"},
		},
		{
			name: "prose count including carried over requests",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Section(model.SecRequests).Text = "全年共受理政府信息公开申请48件（含上年结转3件），收到行政复议申请2件。"
			},
		},
		{
			name: "legacy report: table rules do not apply",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Format = model.FormatLegacy
				r.Meta.Year = 2015
				pub := time.Date(2016, 4, 2, 0, 0, 0, 0, time.UTC)
				r.Meta.PublishedAt = &pub
				r.Requests.CarriedForward = row(9, 9, 9, 9, 9, 9)
			},
			want: []string{"PUB-LATE fail published_at"},
		},
		{
			name: "2018 report with 2019 tables",
			base: consistent2019,
			mutate: func(r *model.Report) {
				r.Meta.Year = 2018
				pub := time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)
				r.Meta.PublishedAt = &pub
			},
			want: []string{"FMT-MISMATCH fail format"},
		},
		{
			name: "skip and only",
			base: consistent2021,
			mutate: func(r *model.Report) {
				r.Requests.CarriedForward = row(4, 1, 0, 0, 0, 0)
				r.Review = nil
			},
			opts: func(o *Options) {
				o.Only = []string{"T3-BALANCE", "STR-TABLE-MISSING"}
				o.Skip = []string{"STR-TABLE-MISSING"}
			},
			want: []string{"T3-BALANCE fail natural_person", "T3-BALANCE fail total"},
		},
	}
	for _, c := range tt {
		t.Run(c.name, func(t *testing.T) {
			r := c.base()
			if c.mutate != nil {
				c.mutate(r)
			}
			o := testOptions()
			if c.opts != nil {
				c.opts(&o)
			}
			got := Run(r, o)
			expectFindings(t, got, c.want)
			for _, f := range got {
				if f.Message == "" || f.MessageEN == "" {
					t.Errorf("%s: empty message", describe(f))
				}
				if want := Lookup(f.RuleID); want == nil {
					t.Errorf("finding for unknown rule %s", f.RuleID)
				}
			}
		})
	}
}

func TestNotApplicableFormats(t *testing.T) {
	r := consistent2021()
	r.Format = model.FormatLegacy
	r.Meta.Year = 2017
	o := testOptions()
	o.IncludeNotApplicable = true
	got := Run(r, o)
	na := map[string]bool{}
	for _, f := range got {
		if f.Status == model.StatusNotApplicable {
			na[f.RuleID] = true
		}
	}
	for _, r := range All {
		if (r.Formats != nil || r.ID == "STR-TABLE-MISSING") && !na[r.ID] {
			t.Errorf("%s: no not_applicable outcome on a legacy report", r.ID)
		}
	}
}

func TestFindingDetail(t *testing.T) {
	r := consistent2021()
	r.Requests.CarriedOver.Commercial = blank() // was 1: the row now sums to 2, total says 3
	got := Run(r, testOptions())
	expectFindings(t, got, []string{"T3-BALANCE fail commercial", "T3-ROW-TOTAL fail total"})
	f := findingFor(got, "T3-BALANCE fail commercial")
	if f.Severity != model.SevError || f.Expected == nil || f.Actual == nil ||
		f.Expected.String() != "6" || f.Actual.String() != "7" {
		t.Fatalf("balance finding: %+v", f)
	}
	c := cellRef(f, "t3.carried_over.commercial")
	if c == nil || !c.ImpliedZero || c.Kind != model.CellBlank {
		t.Errorf("implied-zero operand not cited: %+v", f.Cells)
	}
	if c := cellRef(f, "t3.new_received.commercial"); c == nil || c.Raw != "6" || c.Src.IsZero() || c.ImpliedZero {
		t.Errorf("number operand not cited with its source: %+v", c)
	}
	for _, s := range []string{"第一项加第二项之和（6）不等于第三项加第四项之和（7）", "表三“二、上年结转政府信息公开申请数量”·商业企业"} {
		if !strings.Contains(f.Message, s) {
			t.Errorf("message %q lacks %q", f.Message, s)
		}
	}
	if !strings.Contains(f.MessageEN, "new + carried over (6) ≠ results total + carried forward (7)") {
		t.Errorf("English message %q", f.MessageEN)
	}
}

func TestUncertainCitesCells(t *testing.T) {
	r := consistent2021()
	r.Requests.Results.Granted.Commercial.Flags |= model.FlagUncertain
	o := testOptions()
	o.Only = []string{"T3-RESULT-SUM"}
	got := Run(r, o)
	f := findingFor(got, "T3-RESULT-SUM uncertain commercial")
	if f == nil {
		t.Fatalf("no uncertain finding: %v", got)
	}
	if c := cellRef(f, "t3.granted.commercial"); c == nil || !c.Uncertain {
		t.Errorf("uncertain cell not flagged: %+v", f.Cells)
	}
	if f.Actual == nil || f.Actual.String() != "6" || f.Expected != nil {
		t.Errorf("actual should be the readable total 6 and expected unknown: %v %v", f.Expected, f.Actual)
	}
	if !strings.Contains(f.MessageEN, "t3.granted.commercial (uncertain placement)") {
		t.Errorf("message does not say why: %s", f.MessageEN)
	}
}

func TestSeverities(t *testing.T) {
	r := consistent2021()
	r.Meta.Year = 2019
	r.Requests.Results.Granted.Total = blank()
	got := Run(r, testOptions())
	f := findingFor(got, "FMT-MISMATCH fail format")
	if f == nil || f.Severity != model.SevInfo {
		t.Errorf("FMT-MISMATCH for 2019 should be info: %+v", f)
	}
	if f := findingFor(got, "T3-TOTAL-BLANK fail total"); f == nil || f.Severity != model.SevWarning {
		t.Errorf("T3-TOTAL-BLANK: %+v", f)
	}
	for _, f := range got {
		if f.Severity == model.SevError && f.Status == model.StatusFail {
			t.Errorf("blank total produced an error: %s", f)
		}
	}
}

func TestDeterministic(t *testing.T) {
	r := consistent2021()
	r.Requests.CarriedForward = row(4, 2, 1, 0, 0, 0)
	r.Requests.Results.Granted.Research = text("略")
	a, b := Run(r, testOptions()), Run(r, testOptions())
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("runs differ: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if describe(a[i]) != describe(b[i]) || a[i].Message != b[i].Message {
			t.Fatalf("finding %d differs: %s vs %s", i, a[i], b[i])
		}
	}
	// rule order, then column order
	last, lastCol := -1, -2
	for _, f := range a {
		ri := ruleIndex(f.RuleID)
		if ri < last {
			t.Fatalf("rule order broken at %s", f)
		}
		if ri > last {
			last, lastCol = ri, -2
		}
		if c := columnRank(f.Column); c < lastCol {
			t.Fatalf("column order broken at %s", f)
		} else {
			lastCol = c
		}
	}
}

func ruleIndex(id string) int {
	for i, r := range All {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func TestPanicRecovered(t *testing.T) {
	bad := &Rule{ID: "T9-PANIC", Doc: "panics\n\nfor the test", Run: func(p *Pass) {
		var m map[string]*model.Cell
		_ = m["x"].Raw
	}}
	var got []model.Finding
	o := testOptions()
	runRule(&Pass{Report: consistent2021(), Options: &o, rule: bad, report: func(f model.Finding) { got = append(got, f) }})
	if len(got) != 1 || got[0].Status != model.StatusUncertain || !strings.Contains(got[0].MessageEN, "panicked") {
		t.Fatalf("panic not turned into a finding: %v", got)
	}
}

func TestRunOddReports(t *testing.T) {
	// No report, an empty report, and a report with empty tables must not panic.
	if Run(nil, Options{}) != nil {
		t.Error("nil report gave findings")
	}
	for _, r := range []*model.Report{
		{},
		{Format: model.Format2021, Requests: &model.RequestTable{}, Review: &model.ReviewLitigation{}, Active21: &model.ActiveDisclosure2021{}},
		{Format: model.Format2019, Requests: &model.RequestTable{Results: model.RequestResults{Subtotals: map[string]model.ByApplicant{"三": {}}}}},
	} {
		for _, f := range Run(r, Options{}) {
			if strings.Contains(f.MessageEN, "panicked") {
				t.Errorf("rule panicked: %s", f)
			}
		}
	}
}

func TestMonthDay(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		err  bool
	}{{"03-31", "03-31", false}, {"1-31", "01-31", false}, {"02-29", "02-29", false}, {"02-30", "", true}, {"13-01", "", true}, {"x", "", true}} {
		m, err := ParseMonthDay(c.in)
		if (err != nil) != c.err || (err == nil && m.String() != c.want) {
			t.Errorf("ParseMonthDay(%q) = %v, %v", c.in, m, err)
		}
	}
}

func TestNoSections(t *testing.T) {
	r := consistent2021()
	r.Sections = nil
	o := testOptions()
	o.Only = []string{"STR-SECTIONS"}
	expectFindings(t, Run(r, o), []string{"STR-SECTIONS uncertain sections"})
}

// BenchmarkRun measures all per-report rules on a full consistent 2021 report.
func BenchmarkRun(b *testing.B) {
	r := consistent2021()
	o := testOptions()
	b.ReportAllocs()
	for b.Loop() {
		if fs := Run(r, o); len(fs) != 0 {
			b.Fatalf("findings on a consistent report: %v", fs)
		}
	}
}

func TestRunConcurrent(t *testing.T) {
	r := consistent2021()
	r.Requests.CarriedForward = row(4, 1, 0, 0, 0, 0)
	want := Run(r, testOptions())
	done := make(chan []model.Finding)
	for i := 0; i < 8; i++ {
		go func() { done <- Run(r, testOptions()) }()
	}
	for i := 0; i < 8; i++ {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent run gave %d findings, want %d", len(got), len(want))
		}
	}
}

func TestColumnOrder(t *testing.T) {
	r := consistent2021()
	r.Active21.NormativeDocs = model.DocStats2021{Issued: num(1), Repealed: num(0), InForce: num(0)}
	r.Active21.Rules = model.DocStats2021{Issued: num(2), Repealed: num(0), InForce: num(0)}
	o := testOptions()
	o.Only = []string{"T2-INFORCE-GE"}
	expectFindings(t, Run(r, o), []string{"T2-INFORCE-GE fail rules", "T2-INFORCE-GE fail normative"})
	if got := Run(r, o); got[0].Column != "rules" {
		t.Errorf("规章 should come before 行政规范性文件: %v", got)
	}
}

func TestReceivedClaims(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"2022年，共收到政府信息公开申请45件，上年结转3件。", []string{"45"}},
		{"本年度全区共收到70件申请，及时依法依规办结69件。", []string{"70"}},
		{"全年接收通过信函、网络提交的各类政府信息公开申请共计81件，涉及自然人80件。", []string{"81"}},
		{"受理政府信息公开申请859件（含上年结转18件）。", []string{"859"}},
		{"受理当面申请0件，网上申请5件。", nil},
		{"收到行政复议申请2件，行政诉讼1件。", nil},
		{"收到2件行政复议申请。", nil},
		{"受理群众咨询申请30件。", nil},
		{"区政府办代表区政府受理政府信息公开申请１７件。", []string{"17"}},
	} {
		r := &model.Report{Sections: []model.Section{{ID: model.SecOverview, Text: c.text}}}
		var got []string
		for _, p := range receivedClaims(r) {
			got = append(got, p.n.String())
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: got %v, want %v", c.text, got, c.want)
		}
	}
}

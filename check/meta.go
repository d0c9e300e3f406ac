package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/xxgk/nianbao/model"
)

// FmtMismatch reports a format that does not match the report year.
var FmtMismatch = &Rule{
	ID: "FMT-MISMATCH",
	Doc: `the tables do not follow the format of the report year

Reports for 2019 and 2020 use the tables of 国办公开办函〔2019〕60号, reports
for 2021 on those of 〔2021〕30号, and earlier reports have no national
tables. A report whose tables follow another format is flagged; for report
year 2019 the 60号 notice allowed reports to follow the format loosely, so
the finding is only informational.`,
	Severity: model.SevWarning,
	Run: func(p *Pass) {
		r := p.Report
		if r.Meta.Year <= 0 || r.Format == model.FormatUnknown {
			p.NotApplicable("报告年度或表格格式未知", "the report year or the table format is unknown")
			return
		}
		want := model.ExpectedFormat(r.Meta.Year)
		if want == r.Format {
			return
		}
		f := model.Finding{Column: "format",
			Message:   fmt.Sprintf("%d年度报告应使用%s格式，实际使用%s格式", r.Meta.Year, formatZH(want), formatZH(r.Format)),
			MessageEN: fmt.Sprintf("a report for %d should use the %s format but uses the %s format", r.Meta.Year, want, r.Format)}
		if r.Meta.Year == 2019 {
			p.FailSeverity(model.SevInfo, f)
			return
		}
		p.Fail(f)
	},
}

func cites(basis []string, year, num string) bool {
	for _, b := range basis {
		b = strings.NewReplacer("[", "〔", "]", "〕", "［", "〔", "］", "〕", "(", "〔", ")", "〕", "（", "〔", "）", "〕", " ", "").Replace(b)
		if strings.Contains(b, year+"〕"+num+"号") {
			return true
		}
	}
	return false
}

// FmtBasisOutdated reports a 2021-era report citing the 2019 format notice.
var FmtBasisOutdated = &Rule{
	ID: "FMT-BASIS-OUTDATED",
	Doc: `a report of 2021 or later cites the 2019 format notice

The report gives 国办公开办函〔2019〕60号 as its basis although 〔2021〕30号
replaced it for reports from 2021 on.`,
	Severity: model.SevInfo,
	Run: func(p *Pass) {
		r := p.Report
		if r.Meta.Year < 2021 && r.Format != model.Format2021 {
			p.NotApplicable("报告年度早于2021年", "the report year is before 2021")
			return
		}
		if !cites(r.Meta.BasisCited, "2019", "60") || cites(r.Meta.BasisCited, "2021", "30") {
			return
		}
		p.Fail(model.Finding{
			Message:   "报告援引已被国办公开办函〔2021〕30号取代的国办公开办函〔2019〕60号",
			MessageEN: "the report cites 国办公开办函〔2019〕60号, superseded by 〔2021〕30号"})
	},
}

// StrSections checks the six sections of the outline.
var StrSections = &Rule{
	ID: "STR-SECTIONS",
	Doc: `the six sections are present and in order

Reports in the 2019 and 2021 formats have six sections: 总体情况, 主动公开,
收到和处理申请, 行政复议和行政诉讼, 存在的主要问题及改进情况, 其他需要报告
的事项, in this order.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		if len(p.Report.Sections) == 0 {
			p.Uncertain(model.Finding{Column: "sections",
				Message:   "未识别出任何部分标题，无法检查报告结构",
				MessageEN: "no section heading was recognised, so the outline cannot be checked"})
			return
		}
		pos := make(map[model.SectionID]int)
		for i, s := range p.Report.Sections {
			if _, dup := pos[s.ID]; !dup {
				pos[s.ID] = i
			}
		}
		var missZH, missEN []string
		var seen []model.SectionID
		for _, id := range model.SectionOrder {
			if _, ok := pos[id]; !ok {
				missZH = append(missZH, model.SectionTitles[id])
				missEN = append(missEN, string(id))
				continue
			}
			seen = append(seen, id)
		}
		if len(missZH) > 0 {
			p.Fail(model.Finding{Column: "sections",
				Message:   "报告缺少以下部分：" + strings.Join(missZH, "；"),
				MessageEN: "the report lacks these sections: " + strings.Join(missEN, ", ")})
		}
		for i := 1; i < len(seen); i++ {
			if pos[seen[i]] < pos[seen[i-1]] {
				p.Fail(model.Finding{Column: "sections",
					Message:   fmt.Sprintf("“%s”出现在“%s”之前，顺序不符合规定格式", model.SectionTitles[seen[i]], model.SectionTitles[seen[i-1]]),
					MessageEN: fmt.Sprintf("section %s comes before %s, out of the official order", seen[i], seen[i-1])})
				break
			}
		}
	},
}

// StrTableMissing reports missing statistical tables.
var StrTableMissing = &Rule{
	ID: "STR-TABLE-MISSING",
	Doc: `a statistical table is missing

A report in the 2019 or 2021 format must print table 2 (主动公开), table 3
(收到和处理申请) and table 4 (行政复议、行政诉讼). A table that was not found
(given only as prose, as an image, or left out) is reported. A report whose
format could not be detected is checked when its year calls for the 2019 or
2021 format.`,
	Severity: model.SevWarning,
	Run: func(p *Pass) {
		if !outlineApplies(p) {
			return
		}
		r := p.Report
		t2 := r.Active21 != nil || r.Active19 != nil
		for _, t := range []struct {
			ok      bool
			col, zh string
		}{
			{t2, "t2", "表二（主动公开政府信息情况）"},
			{r.Requests != nil, "t3", "表三（收到和处理政府信息公开申请情况）"},
			{r.Review != nil, "t4", "表四（政府信息公开行政复议、行政诉讼情况）"},
		} {
			if !t.ok {
				p.Fail(model.Finding{Column: t.col,
					Message:   "报告中未找到" + t.zh,
					MessageEN: "table " + t.col[1:] + " was not found in the report"})
			}
		}
	},
}

// outlineApplies reports whether the report should carry the national
// tables: its format is 2019 or 2021, or could not be detected
// while its year calls for one of them. Otherwise it reports
// not-applicable.
func outlineApplies(p *Pass) bool {
	f := p.Report.Format
	if f == model.FormatUnknown {
		f = model.ExpectedFormat(p.Report.Meta.Year)
	}
	if f == model.Format2019 || f == model.Format2021 {
		return true
	}
	p.NotApplicable("2019年以前的报告没有统一的结构和表格", "reports before 2019 have no national outline or tables")
	return false
}

// deadline returns the publication deadline for the report and the kind of
// body it was chosen for.
func deadline(r *model.Report, d Deadlines) (time.Time, string, string) {
	y := r.Meta.Year + 1
	switch {
	case r.Meta.Year <= 2018:
		return d.Legacy.in(y), "2019年以前的年度报告", "reports for years up to 2018"
	case r.Meta.Level == model.LevelTownship:
		return d.Township.in(y), "乡镇人民政府、街道办事处", "township government or subdistrict office"
	case r.Meta.IsGovernment:
		return d.Government.in(y), "县级以上地方人民政府", "local government at county level or above"
	case r.Meta.Level != model.LevelUnknown:
		return d.Department.in(y), "县级以上人民政府部门", "department of a government at county level or above"
	}
	// Unknown kind of body: take the latest deadline so as never to call a
	// report late that might not be.
	latest := d.Department.in(y)
	for _, m := range []MonthDay{d.Government, d.Township} {
		if t := m.in(y); t.After(latest) {
			latest = t
		}
	}
	return latest, "机关类型未知，按最宽松的期限", "unknown kind of body: the latest deadline"
}

// PubLate reports a publication after the statutory deadline.
var PubLate = &Rule{
	ID: "PUB-LATE",
	Doc: `the report was published after its deadline

条例 Art. 49: departments of governments at county level and above publish
by 31 January of the following year, county-level and higher governments by
31 March. Township deadlines are set locally (configurable, default 31
March); before 2019 every body had until 31 March. The kind of body comes
from the report's metadata; when it is unknown the latest deadline is used.`,
	Severity: model.SevWarning,
	Run: func(p *Pass) {
		r := p.Report
		if r.Meta.PublishedAt == nil {
			p.NotApplicable("报告未注明发布日期，无法判断是否逾期", "the report gives no publication date, so lateness cannot be judged")
			return
		}
		if r.Meta.Year <= 0 {
			p.NotApplicable("报告年度未知", "the report year is unknown")
			return
		}
		pub := *r.Meta.PublishedAt
		day := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
		if pub.After(p.Options.Now) || pub.Year() <= r.Meta.Year-1 {
			p.Uncertain(model.Finding{Column: "published_at",
				Message:   fmt.Sprintf("发布日期%s不合理（早于报告年度或晚于当前日期）", day.Format("2006-01-02")),
				MessageEN: fmt.Sprintf("the publication date %s is implausible (before the report year or in the future)", day.Format("2006-01-02"))})
			return
		}
		dl, kindZH, kindEN := deadline(r, p.Options.Deadlines)
		if !day.After(dl) {
			return
		}
		days := int(day.Sub(dl).Hours() / 24)
		p.Fail(model.Finding{Column: "published_at",
			Message:   fmt.Sprintf("报告于%s发布，晚于%s的发布期限%s，逾期%d天", day.Format("2006-01-02"), kindZH, dl.Format("2006-01-02"), days),
			MessageEN: fmt.Sprintf("published %s, %d day(s) after the deadline %s (%s)", day.Format("2006-01-02"), days, dl.Format("2006-01-02"), kindEN)})
	},
}

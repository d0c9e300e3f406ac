package check

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/xxgk/nianbao/model"
)

// Section texts written for the tests: a township's 总体情况 in two years
// (figures and years changed, one sentence added), the same text with
// another township's names, and genuinely different texts.
const (
	overviewA2022 = `2022年，伯党乡人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕乡党委、乡政府中心工作，不断加大政府信息公开力度，切实保障人民群众的知情权、参与权、表达权和监督权。
（一）主动公开情况。全年通过伯党乡政府信息公开专栏主动公开政府信息156条，其中机构职能类信息12条，财政预决算类信息8条，乡村振兴、人居环境整治等重点领域信息46条。
（二）依申请公开情况。本年度共收到政府信息公开申请3件，均已在法定期限内答复。
（三）政府信息管理。严格落实信息发布审核制度，坚持先审查后公开，全年未发生泄密事件。
（四）平台建设。充分利用政府门户网站、微信公众号等平台，及时发布惠民政策。
（五）监督保障。将政务公开工作纳入年度目标考核，成立由乡长任组长的政务公开工作领导小组。`

	overviewA2023 = `2023年，伯党乡人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕乡党委、乡政府中心工作，不断加大政府信息公开力度，切实保障人民群众的知情权、参与权、表达权和监督权。
（一）主动公开情况。全年通过伯党乡政府信息公开专栏主动公开政府信息203条，其中机构职能类信息9条，财政预决算类信息8条，乡村振兴、人居环境整治等重点领域信息71条。
（二）依申请公开情况。本年度共收到政府信息公开申请5件，均已在法定期限内答复。
（三）政府信息管理。严格落实信息发布审核制度，坚持先审查后公开，全年未发生泄密事件。
（四）平台建设。充分利用政府门户网站、微信公众号等平台，及时发布惠民政策。
全年组织政务公开业务培训两次，参训干部四十余人次。
（五）监督保障。将政务公开工作纳入年度目标考核，成立由乡长任组长的政务公开工作领导小组。`

	overviewB2023 = `2023年，人和镇人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕镇党委、镇政府中心工作，不断加大政府信息公开力度，切实保障人民群众的知情权、参与权、表达权和监督权。
（一）主动公开情况。全年通过人和镇政府信息公开专栏主动公开政府信息88条，其中机构职能类信息十二条，财政预决算类信息6条，乡村振兴、人居环境整治等重点领域信息30条。
（二）依申请公开情况。本年度共收到政府信息公开申请1件，均已在法定期限内答复。
（三）政府信息管理。严格落实信息发布审核制度，坚持先审查后公开，全年未发生泄密事件。
（四）平台建设。充分利用政府门户网站、微信公众号等平台，及时发布惠民政策。
（五）监督保障。将政务公开工作纳入年度目标考核，成立由镇长任组长的政务公开工作领导小组。`

	overviewC2023 = `本年度，区政府办公室以提升政务公开质量为抓手，重点做好以下工作：一是修订完善主动公开基本目录，对全区二十六个部门的目录进行逐项梳理，新增涉企政策、营商环境两个栏目；二是推进基层政务公开标准化规范化，在各街道便民服务中心设立政务公开专区，配备查阅终端；三是办理依申请公开事项，会同法制部门逐件研究答复口径，确保答复内容合法、规范；四是开展政府开放日活动，邀请人大代表、政协委员和群众代表走进政府机关，面对面听取意见建议。`

	overviewD2023 = `全镇围绕优化营商环境和民生保障，推动财政资金使用、重大建设项目、公共资源配置等领域信息公开。全年召开政策解读会四次，由镇主要负责同志解读产业扶持政策，回应企业关切。针对群众反映集中的农村危房改造、低保评定问题，通过村务公开栏和入户走访逐一说明政策依据和办理进度，全年受理群众咨询二百余人次，未发生因信息公开引发的行政争议。镇纪委对公开工作开展专项督查两次，督促整改问题五个。`
)

func summaryOf(r *model.Report) Summary {
	s := Summarize(r)
	// Summaries must survive JSON, as a batch may write them out.
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	var back Summary
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	return back
}

func reportWith(body string, year int, overview string, mutate func(*model.Report)) *model.Report {
	r := consistent2021()
	r.Source = body + "-" + string(rune('0'+year%10)) + ".pdf"
	r.SHA256 = body + "-sha-" + r.Source
	r.Meta.Body, r.Meta.Year = body, year
	r.Section(model.SecOverview).Text = overview
	if mutate != nil {
		mutate(r)
	}
	return r
}

func crossDescribe(cf []CrossFinding) []model.Finding {
	var out []model.Finding
	for _, c := range cf {
		f := c.Finding
		f.Column = strings.TrimSpace(f.Column + " @" + string(rune('0'+c.Index)))
		out = append(out, f)
	}
	return out
}

func TestCrossCarry(t *testing.T) {
	prev := reportWith("民权县伯党乡人民政府", 2022, overviewC2023, nil)
	cur := reportWith("伯党乡人民政府", 2023, overviewD2023, func(r *model.Report) {
		// carried over 2+1 instead of last year's 3+1 forward; new adjusted to keep the balance
		r.Requests.CarriedOver = row(2, 1, 0, 0, 0, 0)
	})
	prev.Requests.CarriedForward = row(3, 1, 0, 0, 0, 0)
	other := reportWith("人和镇人民政府", 2022, overviewA2022, func(r *model.Report) {
		r.Requests.CarriedForward = row(9, 9, 9, 9, 9, 9)
	})
	stampLocs(prev)
	o := testOptions()
	o.Only = []string{"T3-YOY-CARRY"}
	got := CrossCheck([]Summary{summaryOf(prev), summaryOf(cur), summaryOf(other)}, o)
	expectFindings(t, crossDescribe(got), []string{"T3-YOY-CARRY fail natural_person @1", "T3-YOY-CARRY fail total @1"})
	f := got[0].Finding
	if f.Related != prev.Source+" (2022)" || f.Expected.String() != "3" || f.Actual.String() != "2" {
		t.Errorf("finding: related %q expected %v actual %v", f.Related, f.Expected, f.Actual)
	}
	if c := cellRef(&f, "t3.carried_forward.natural_person"); c == nil || c.Raw != "3" || c.Src.IsZero() {
		t.Errorf("previous year's cell not cited: %+v", f.Cells)
	}
}

func TestCrossCarryAcrossFormatsAndUnknowns(t *testing.T) {
	prev := consistent2019() // 2020, 上海市人民政府办公厅, R4 = 3,1,0,0,0,0
	cur := consistent2021()
	cur.Meta.Body, cur.Meta.Year = "上海市政府办公厅", 2021
	cur.Requests.CarriedOver = row(3, 1, 0, 0, 0, 0)
	cur.Requests.CarriedOver.Research = blank() // implied zero matches 0
	got := CrossCheck([]Summary{summaryOf(prev), summaryOf(cur)}, testOptions())
	expectFindings(t, crossDescribe(got), nil)

	cur.Requests.CarriedOver.Commercial.Flags |= model.FlagUncertain
	got = CrossCheck([]Summary{summaryOf(prev), summaryOf(cur)}, testOptions())
	expectFindings(t, crossDescribe(got), []string{"T3-YOY-CARRY uncertain commercial @1"})
}

func TestCrossIdentical(t *testing.T) {
	prev := reportWith("伯党乡人民政府", 2022, overviewC2023, nil)
	cur := reportWith("伯党乡人民政府", 2023, overviewD2023, nil)
	cur.Requests.CarriedOver = row(3, 1, 0, 0, 0, 0) // match the carry so only the copy is found
	prev.Requests.CarriedOver = row(3, 1, 0, 0, 0, 0)
	prev.Requests.NewReceived = row(34, 6, 0, 1, 1, 2)
	cur.Requests.NewReceived = row(34, 6, 0, 1, 1, 2)
	got := CrossCheck([]Summary{summaryOf(prev), summaryOf(cur)}, testOptions())
	expectFindings(t, crossDescribe(got), []string{"T3-YOY-IDENTICAL fail @1"})

	// All zeros: identical but nothing to copy.
	zero := func(r *model.Report) {
		r.EachCell(func(k string, c *model.Cell) {
			if strings.HasPrefix(k, "t3.") && c.Present() {
				*c = num(0)
			}
		})
	}
	zero(prev)
	zero(cur)
	got = CrossCheck([]Summary{summaryOf(prev), summaryOf(cur)}, testOptions())
	expectFindings(t, crossDescribe(got), nil)
}

func TestCrossDuplicateText(t *testing.T) {
	sums := []Summary{
		summaryOf(reportWith("民权县伯党乡人民政府", 2022, overviewA2022, nil)),
		summaryOf(reportWith("伯党乡人民政府", 2023, overviewA2023, nil)),
		summaryOf(reportWith("人和镇人民政府", 2023, overviewB2023, nil)),
		summaryOf(reportWith("淮安市洪泽区人民政府", 2023, overviewC2023, nil)),
		summaryOf(reportWith("洪泽区人民政府", 2023, overviewC2023, nil)), // same report, another copy
		summaryOf(reportWith("陇县城关镇人民政府", 2023, overviewD2023, nil)),
	}
	o := testOptions()
	o.Only = []string{"META-DUP-PRIOR"}
	got := CrossCheck(sums, o)
	expectFindings(t, crossDescribe(got), []string{
		"META-DUP-PRIOR fail overview @1", // prior year of the same body (and 人和镇 the same year)
		"META-DUP-PRIOR fail overview @2", // 人和镇 copies 伯党乡
	})
	for _, c := range got {
		f := c.Finding
		if f.Actual == nil || f.Actual.Float64() < 0.85 || f.Related == "" || len(f.Cells) != 1 || f.Cells[0].Src.IsZero() {
			t.Errorf("finding lacks detail: %+v", f)
		}
	}
	if got[0].Finding.Related != sums[0].Source+" (2022)" || !strings.Contains(got[0].Finding.MessageEN, "; 1 more") {
		t.Errorf("same-body prior year should be preferred and the sibling counted: %s / %s", got[0].Finding.Related, got[0].Finding.MessageEN)
	}
	if got[1].Finding.Related != sums[1].Source+" (2023)" {
		t.Errorf("人和镇 should point at 伯党乡 2023: %s", got[1].Finding.Related)
	}

	// Genuinely different texts, and short sections, are not flagged.
	diff := []Summary{
		summaryOf(reportWith("甲镇人民政府", 2023, overviewC2023, nil)),
		summaryOf(reportWith("乙镇人民政府", 2023, overviewD2023, nil)),
		summaryOf(reportWith("丙镇人民政府", 2023, overviewA2023[:len(overviewA2023)/2], nil)),
	}
	if got := CrossCheck(diff, o); len(got) != 0 {
		t.Errorf("different texts flagged: %v", crossDescribe(got))
	}
	if s := similarity(diff[0].Sections[0].MinHash, diff[1].Sections[0].MinHash); s > 0.3 {
		t.Errorf("similarity of unrelated texts %.2f", s)
	}
}

// maskTextRegexp is the reference definition of maskText, written with
// regular expressions; maskText is a faster hand-written scanner.
func maskTextRegexp(s string, masks []string) []rune {
	s = width.Fold.String(s)
	for _, m := range masks {
		if m != "" {
			s = strings.ReplaceAll(s, m, "□")
		}
	}
	s = regexp.MustCompile(`\p{Han}{2,4}?(?:街道|社区|村|乡|镇|县|区|市)`).ReplaceAllString(s, "□")
	s = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?|[零〇一二三四五六七八九十百千万亿两]+`).ReplaceAllString(s, "#")
	return []rune(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

func TestMaskTextMatchesReference(t *testing.T) {
	masks := bodyMasks("民权县伯党乡人民政府")
	for _, s := range []string{overviewA2022, overviewA2023, overviewB2023, overviewC2023, overviewD2023,
		"2023年，伯党乡人民政府公开信息156条、十二条；民权县 城关镇", "１２３.５万元，三 十 人", "镇", "", "a1.b2..3 村民委员会社区街道"} {
		if got, want := string(maskText(s, masks)), string(maskTextRegexp(s, masks)); got != want {
			t.Errorf("maskText(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func TestMaskText(t *testing.T) {
	m := string(maskText("2023年，伯党乡人民政府公开信息156条、十二条；民权县 城关镇", bodyMasks("民权县伯党乡人民政府")))
	for _, bad := range []string{"2023", "156", "伯党", "十二", "城关镇", "民权县", " "} {
		if strings.Contains(m, bad) {
			t.Errorf("masked text %q still holds %q", m, bad)
		}
	}
	if !strings.Contains(m, "公开信息") {
		t.Errorf("masked text %q lost ordinary words", m)
	}
}

func TestCrossCheckEdgeCases(t *testing.T) {
	if got := CrossCheck(nil, Options{}); len(got) != 0 {
		t.Error("findings for no reports")
	}
	sums := []Summary{Summarize(nil), Summarize(&model.Report{}), {Year: 2023, BodyKey: "x", Sections: []SectionPrint{{ID: "overview", Runes: 500, MinHash: []uint32{1}}}}}
	for _, f := range CrossCheck(sums, Options{}) {
		t.Errorf("unexpected %s", f.Finding)
	}
}

// BenchmarkSummarize measures the digest of a report with six sections.
func BenchmarkSummarize(b *testing.B) {
	r := reportWith("伯党乡人民政府", 2023, overviewA2023, nil)
	for _, id := range model.SectionOrder[1:] {
		r.Section(id).Text = overviewC2023
	}
	b.ReportAllocs()
	for b.Loop() {
		Summarize(r)
	}
}

// BenchmarkCrossCheck measures CrossCheck on 500 reports of 100 bodies
// over five years.
func BenchmarkCrossCheck(b *testing.B) {
	texts := []string{overviewA2022, overviewB2023, overviewC2023, overviewD2023}
	var sums []Summary
	for body := 0; body < 100; body++ {
		for y := 2019; y < 2024; y++ {
			r := reportWith(fmt.Sprintf("第%d号镇人民政府", body), y, texts[(body+y)%4], nil)
			sums = append(sums, Summarize(r))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		CrossCheck(sums, testOptions())
	}
}

// TestCrossDupDeterministic: with several equally similar reports the one
// named is always the same (the first in the batch).
func TestCrossDupDeterministic(t *testing.T) {
	var sums []Summary
	for i, body := range []string{"甲镇人民政府", "乙镇人民政府", "丙镇人民政府", "丁镇人民政府", "戊镇人民政府"} {
		r := reportWith(body, 2023, overviewA2023, nil)
		r.Source = fmt.Sprintf("r%d.pdf", i)
		sums = append(sums, summaryOf(r))
	}
	o := testOptions()
	o.Only = []string{"META-DUP-PRIOR"}
	first := CrossCheck(sums, o)
	if len(first) != 5 {
		t.Fatalf("want 5 findings, got %v", crossDescribe(first))
	}
	if first[0].Finding.Related != "r1.pdf (2023)" || first[1].Finding.Related != "r0.pdf (2023)" {
		t.Errorf("ties not broken by batch order: %s, %s", first[0].Finding.Related, first[1].Finding.Related)
	}
	for run := 0; run < 20; run++ {
		again := CrossCheck(sums, o)
		for i := range first {
			if again[i].Finding.Related != first[i].Finding.Related || again[i].Finding.Message != first[i].Finding.Message {
				t.Fatalf("run %d differs at %d: %s vs %s", run, i, again[i].Finding.Related, first[i].Finding.Related)
			}
		}
	}
}

func TestCrossSkipsPartialTables(t *testing.T) {
	// Two excerpts showing only the first rows of table 3, identical and
	// non-zero, and without the carry rows: nothing can be concluded.
	mk := func(year int, text string) *model.Report {
		r := reportWith("伯党乡人民政府", year, text, nil)
		t3 := &model.RequestTable{NewReceived: row(5, 0, 0, 0, 0, 0)}
		r.Requests = t3
		return r
	}
	got := CrossCheck([]Summary{summaryOf(mk(2022, overviewC2023)), summaryOf(mk(2023, overviewD2023))}, testOptions())
	expectFindings(t, crossDescribe(got), nil)
}

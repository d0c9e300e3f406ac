package parser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// textDoc builds a minimal Document from text: one paragraph block per
// non-empty line, Src.Line set (what a plain-text front end would give
// without recognising tables).
func textDoc(text string) *tables.Document {
	d := &tables.Document{Input: "text"}
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		d.AddParagraph(strings.TrimRight(l, "\r"), model.Loc{Line: i + 1})
	}
	return d
}

func TestExtractMetaTitleYearBody(t *testing.T) {
	tests := []struct {
		name, text string
		title      string
		year       int
		body       string
		level      model.BodyLevel
		gov        bool
	}{
		{
			name:  "markdown title",
			text:  "# 伯党乡人民政府2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2021年，伯党乡政府信息公开工作……",
			title: "伯党乡人民政府2021年政府信息公开工作年度报告", year: 2021, body: "伯党乡人民政府",
			level: model.LevelTownship, gov: true,
		},
		{
			name:  "crawler header: 标题 is the title, breadcrumb skipped",
			text:  "标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n原文链接: https://example.gov.cn/t20220208_1.htm\n当前位置： 首页政务公开政府信息公开年报 平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府",
			title: "平潭综合实验区2021年度政府信息公开工作年度报告", year: 2021, body: "平潭综合实验区",
			level: model.LevelCounty, gov: true,
		},
		{
			name:  "fullwidth year, 关于 and quotes stripped",
			text:  "关于“淮安市人民政府２０２４年度政府信息公开工作年度报告”\n一、总体情况",
			title: "关于“淮安市人民政府２０２４年度政府信息公开工作年度报告", year: 2024, body: "淮安市人民政府",
			level: model.LevelCity, gov: true,
		},
		{
			name:  "Chinese numeral year",
			text:  "洪泽区人民政府二〇二一年政府信息公开工作年度报告\n本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。",
			title: "洪泽区人民政府二〇二一年政府信息公开工作年度报告", year: 2021, body: "洪泽区人民政府",
			level: model.LevelCounty, gov: true,
		},
		{
			name:  "body after the year, completed by the signature",
			text:  "2018年建新镇政府信息公开工作年度报告\n作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 点击数:- 分享到:\n建新镇根据《条例》规定……\n          遂溪县建新镇人民政府\n          2018年12月31日",
			title: "2018年建新镇政府信息公开工作年度报告", year: 2018, body: "遂溪县建新镇人民政府",
			level: model.LevelTownship, gov: true,
		},
		{
			name:  "bare township completed from the preamble",
			text:  "钟祥镇2019年度政府信息公开工作年度报告\n本报告由钟祥镇人民政府根据《条例》编制完成。",
			title: "钟祥镇2019年度政府信息公开工作年度报告", year: 2019, body: "钟祥镇人民政府",
			level: model.LevelTownship, gov: true,
		},
		{
			name:  "bare township kept when the text never names its organ",
			text:  "马水镇2019年政府信息公开年度报告\n编制说明:本年度报告中所列数据的统计期限自201911日起至20191231日止。",
			title: "马水镇2019年政府信息公开年度报告", year: 2019, body: "马水镇",
			level: model.LevelTownship, gov: true,
		},
		{
			name:  "department",
			text:  "沭阳县发展和改革局2023年政府信息公开年度报告\n一、总体情况",
			title: "沭阳县发展和改革局2023年政府信息公开年度报告", year: 2023, body: "沭阳县发展和改革局",
			level: model.LevelDepartment, gov: false,
		},
		{
			name: "no title: year from a garbled period, body from the preamble",
			text: "根据《中华人民共和国政府信息公开条例》特编制2023年度和静县克尔古提乡人民政府办公室信息公开年度报告。本报告中所列数据的统计期限为202311日至1231日。\n一、总体情况",
			year: 2023, body: "和静县克尔古提乡人民政府办公室", level: model.LevelTownship, gov: false,
		},
		{
			name: "no title: 特向社会公布 with the body before the year",
			text: "根据《条例》规定,特向社会公布螺洋街道2021年度信息公开年度报告。本报告中所列数据的统计期限自2021年1月1日起至12月31日止。",
			year: 2021, body: "螺洋街道", level: model.LevelTownship, gov: true,
		},
		{
			name: "no title: first full subdistrict name, completed by a longer one",
			text: "2022年,春城街道办事处按照中央、省、市、区的要求,不断拓展公开内容。\n本报告数据统计期限为2022年1月1日至2022年12月31日止。如对本报告有任何疑问,请联系长春市绿园区春城街道办事处(办公地址:略)。",
			year: 2022, body: "长春市绿园区春城街道办事处", level: model.LevelTownship, gov: true,
		},
		{
			name: "no title, no period: majority year of section 一 with spaces",
			text: "洛浦县人民政府\n一、总体情况\n(一)主动公开情况\n2025 年,纳瓦乡认真按照上级文件的有关规定。\n2025 年,我乡根据要求,截止 2025 年 12 月 31 日收到申请 0 条。2024年同比持平。\n二、主动公开政府信息情况",
			year: 2025, body: "纳瓦乡", level: model.LevelTownship, gov: true,
		},
		{
			name: "no title: a bare township as the subject of a sentence",
			text: "洛浦县人民政府\n依据《条例》撰写本报告。\n一、总体情况\n2025 年,在县委、县政府的正确领导下,纳瓦乡认真按照上级文件的有关规定,加强信息工作领导。",
			year: 2025, body: "纳瓦乡", level: model.LevelTownship, gov: true,
		},
		{
			name:  "spaced title from a PDF conversion",
			text:  "淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告",
			title: "淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告", year: 2024, body: "淮安市洪泽区人民政府",
			level: model.LevelCounty, gov: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ExtractMeta(textDoc(tc.text))
			if m.Title != tc.title {
				t.Errorf("title = %q, want %q", m.Title, tc.title)
			}
			if m.Year != tc.year {
				t.Errorf("year = %d, want %d", m.Year, tc.year)
			}
			if m.Body != tc.body {
				t.Errorf("body = %q, want %q", m.Body, tc.body)
			}
			if m.Level != tc.level || m.IsGovernment != tc.gov {
				t.Errorf("level = %q gov=%v, want %q gov=%v", m.Level, m.IsGovernment, tc.level, tc.gov)
			}
		})
	}
}

func TestExtractMetaDocMeta(t *testing.T) {
	pub := time.Date(2024, 3, 8, 15, 34, 0, 0, chinaZone)
	d := textDoc("一、总体情况\n2023年，我区主动公开政府信息13561条。")
	d.Meta = tables.DocMeta{Title: "平潭综合实验区2023年度政府信息公开工作年度报告", PublishedAt: &pub,
		Publisher: "平潭综合实验区管委会办公室", SourceURL: "https://www.pingtan.gov.cn/x.htm", IndexNo: "XM00104-0200-2024-00001"}
	m := ExtractMeta(d)
	if m.Title != d.Meta.Title || m.Year != 2023 || m.Body != "平潭综合实验区" {
		t.Errorf("title/year/body = %q %d %q", m.Title, m.Year, m.Body)
	}
	if m.PublishedAt == nil || !m.PublishedAt.Equal(pub) {
		t.Errorf("published = %v, want %v", m.PublishedAt, pub)
	}
	if m.SourceURL != d.Meta.SourceURL || m.IndexNo != d.Meta.IndexNo {
		t.Errorf("url/index = %q %q", m.SourceURL, m.IndexNo)
	}

	// A generic PDF title is ignored; the publisher is the fallback body.
	d = textDoc("一、总体情况\n本年度主动公开信息20条。")
	d.Meta = tables.DocMeta{Title: "Microsoft Word - 文档1", Publisher: "洪泽区人民政府"}
	m = ExtractMeta(d)
	if m.Title != "" || m.Body != "洪泽区人民政府" || m.Level != model.LevelCounty || !m.IsGovernment {
		t.Errorf("generic title: %+v", m)
	}
}

func TestExtractMetaHeaderFields(t *testing.T) {
	tests := []struct {
		name, text string
		published  string // RFC3339, "" for none
		url, index string
	}{
		{"crawler header", "标题: X县2021年政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n原文链接: https://www.example.gov.cn/a/t20220208_80613.htm\n索引号: 12345-2022-001", "2022-02-08T16:34:00+08:00", "https://www.example.gov.cn/a/t20220208_80613.htm", "12345-2022-001"},
		{"发布日期 with fullwidth colon", "林山乡2020年政府信息公开工作年度报告\n发布日期：2021-01-29", "2021-01-29T00:00:00+08:00", "", ""},
		{"CMS chrome line", "2018年建新镇政府信息公开工作年度报告\n作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 点击数:- 分享到:", "2019-01-18T00:00:00+08:00", "", ""},
		{"Chinese date", "公开日期：2024年1月19日", "2024-01-19T00:00:00+08:00", "", ""},
		{"invalid date ignored", "发布时间: 2023-02-30\n成文日期：2023年3月1日", "2023-03-01T00:00:00+08:00", "", ""},
		{"statistics period is not a publication date", "本报告所列数据的统计时间段为2020年1月1日至2020年12月31日。", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ExtractMeta(textDoc(tc.text))
			got := ""
			if m.PublishedAt != nil {
				got = m.PublishedAt.Format(time.RFC3339)
			}
			if got != tc.published {
				t.Errorf("published = %q, want %q", got, tc.published)
			}
			if m.SourceURL != tc.url || m.IndexNo != tc.index {
				t.Errorf("url/index = %q %q, want %q %q", m.SourceURL, m.IndexNo, tc.url, tc.index)
			}
		})
	}
}

func TestFindBasis(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）", []string{"国办公开办函〔2021〕30号"}},
		{"国办公开办函[2019]60号", []string{"国办公开办函〔2019〕60号"}},
		{"国办公开办函(2021)30号和国办公开办函（2019）60号", []string{"国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号"}},
		{"(国办公开办函〔2021〕30 号)", []string{"国办公开办函〔2021〕30号"}},
		{"国辦公開辦函〔202130", []string{"国办公开办函〔2021〕30号"}},
		{"国办公开办函202130 号", []string{"国办公开办函〔2021〕30号"}},
		{"海府办〔201864号", nil},
	}
	for _, tc := range tests {
		if got := findBasis(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("findBasis(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	m := ExtractMeta(textDoc("依据国办公开办函〔2021〕30号编制。\n格式见国办公开办函〔2021〕30号。"))
	if !reflect.DeepEqual(m.BasisCited, []string{"国办公开办函〔2021〕30号"}) {
		t.Errorf("BasisCited = %q, want one entry", m.BasisCited)
	}
}

func TestBodyLevel(t *testing.T) {
	tests := []struct {
		body  string
		level model.BodyLevel
		gov   bool
	}{
		{"伯党乡人民政府", model.LevelTownship, true},
		{"民权县伯党乡人民政府", model.LevelTownship, true},
		{"林山乡", model.LevelTownship, true},
		{"佳荣里街", model.LevelTownship, true},
		{"道里区经纬街道办事处", model.LevelTownship, true},
		{"洪泽区人民政府", model.LevelCounty, true},
		{"淮安市洪泽区人民政府", model.LevelCounty, true},
		{"平潭县人民政府", model.LevelCounty, true},
		{"平潭综合实验区", model.LevelCounty, true},
		{"平潭综合实验区管委会", model.LevelCounty, true},
		{"淮安市人民政府", model.LevelCity, true},
		{"福建省人民政府", model.LevelProvince, true},
		{"广西壮族自治区人民政府", model.LevelProvince, true},
		{"沭阳县发展和改革局", model.LevelDepartment, false},
		{"淮安市卫生健康委员会", model.LevelDepartment, false},
		{"某县政务服务中心", model.LevelDepartment, false},
		{"上海市人民政府办公厅", model.LevelCity, false},
		{"平潭综合实验区管委会办公室", model.LevelCounty, false},
		{"和静县克尔古提乡人民政府办公室", model.LevelTownship, false},
		{"", model.LevelUnknown, false},
	}
	for _, tc := range tests {
		l, g := bodyLevel(tc.body)
		if l != tc.level || g != tc.gov {
			t.Errorf("bodyLevel(%q) = %q,%v, want %q,%v", tc.body, l, g, tc.level, tc.gov)
		}
	}
}

func TestExtractMetaNeverPanics(t *testing.T) {
	for _, s := range []string{"", "年", "2021", "标题:", "标题: ", "发布时间:", "国办公开办函〔", "统计期限", "二〇", "一、", "###", "\xff\xfe年度报告信息公开"} {
		_ = ExtractMeta(textDoc(s))
		_ = SplitSections(textDoc(s))
		_ = DetectFormat(textDoc(s), 0)
	}
	_ = ExtractMeta(nil)
	_ = SplitSections(nil)
	_ = DetectFormat(nil, 0)
	_ = ExtractMeta(&tables.Document{Blocks: []tables.Block{{Kind: tables.BlockTable}}})
}

// truthMeta is the meta part of a corpus truth file.
type truthMeta struct {
	Meta struct {
		Year   int    `json:"year"`
		Body   string `json:"body"`
		Format string `json:"format"`
	} `json:"meta"`
}

// TestCorpusMeta reads every text and markdown report of the corpus as one
// paragraph per line and compares year, format and body with the truth.
// Year and format must match; body is reported only.
func TestCorpusMeta(t *testing.T) {
	dir := testutil.CorpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "raw", "*"))
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".md" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ext)
		tb, err := os.ReadFile(filepath.Join(dir, "truth", name+".json"))
		if err != nil {
			continue
		}
		var tr truthMeta
		if err := json.Unmarshal(tb, &tr); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		doc := textDoc(string(raw))
		m := ExtractMeta(doc)
		format := DetectFormat(doc, m.Year)
		s19, s21, leg := FormatScores(doc)
		t.Logf("%-40s year %d/%d format %s/%s (scores 2019=%d 2021=%d legacy=%d) body %q/%q level %s gov=%v basis %v",
			name, m.Year, tr.Meta.Year, format, tr.Meta.Format, s19, s21, leg, m.Body, tr.Meta.Body, m.Level, m.IsGovernment, m.BasisCited)
		if tr.Meta.Year != 0 && m.Year != tr.Meta.Year {
			t.Errorf("%s: year %d, truth %d", name, m.Year, tr.Meta.Year)
		}
		switch tr.Meta.Format {
		case "2019", "2021", "legacy":
			if format.String() != tr.Meta.Format {
				t.Errorf("%s: format %s, truth %s", name, format, tr.Meta.Format)
			}
		case "unknown":
			if format != model.FormatUnknown {
				t.Errorf("%s: format %s, truth unknown (no table visible)", name, format)
			}
		}
	}
	if n == 0 {
		t.Fatal("no text or markdown report with a truth file in the corpus")
	}
}

func TestExtractMetaTwoLineTitle(t *testing.T) {
	d := &tables.Document{Input: "pdf"}
	d.AddHeading("淮安市洪泽区人民政府", 1, model.Loc{Page: 1})
	d.AddHeading("2024年政府信息公开工作年度报告", 1, model.Loc{Page: 1})
	d.AddParagraph("本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。", model.Loc{Page: 1})
	m := ExtractMeta(d)
	if m.Title != "淮安市洪泽区人民政府2024年政府信息公开工作年度报告" || m.Body != "淮安市洪泽区人民政府" || m.Year != 2024 {
		t.Errorf("two-line title: %q %q %d", m.Title, m.Body, m.Year)
	}
	// A sentence before the title line is not part of it.
	m = ExtractMeta(textDoc("请阅读以下报告。\n2024年政府信息公开工作年度报告"))
	if m.Title != "2024年政府信息公开工作年度报告" || m.Body != "" {
		t.Errorf("sentence before title: %q %q", m.Title, m.Body)
	}
}

// FuzzMetaSectionsFormat checks that no text makes the three functions
// panic; `go test -fuzz FuzzMetaSectionsFormat ./parser/` explores further.
func FuzzMetaSectionsFormat(f *testing.F) {
	for _, s := range []string{
		"标题: X县2021年政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34",
		"一、总体情况2021年。二、主动公开政府信息情况第二十条第（一）项本年制发件数",
		"第一部分\n第二部分 主动公开政府信息情况",
		"国办公开办函〔202130\n统计期限为202311日至1231日",
		"二〇二一年\x00\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := textDoc(s)
		d.AddGrid(&tables.Grid{Rows: [][]tables.GridCell{{{Text: s}}}})
		m := ExtractMeta(d)
		_ = SplitSections(d)
		_ = DetectFormat(d, m.Year)
	})
}

func TestExtractMetaRunOnTitleLine(t *testing.T) {
	// A crawler line that runs on from the title into the body.
	text := "标题: 平潭县人民政府2011年政府信息公开工作年度报告 " + strings.Repeat("本报告主要根据条例编制。", 200)
	m := ExtractMeta(textDoc(text))
	if m.Title != "平潭县人民政府2011年政府信息公开工作年度报告" || m.Year != 2011 || m.Body != "平潭县人民政府" {
		t.Errorf("run-on title: %q %d %q", m.Title, m.Year, m.Body)
	}
}

package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// sectionIDs lists the IDs of sections.
func sectionIDs(ss []model.Section) []model.SectionID {
	var out []model.SectionID
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func idsString(ids []model.SectionID) string {
	var b []string
	for _, id := range ids {
		b = append(b, string(id))
	}
	return strings.Join(b, ",")
}

func TestSplitSectionsVariants(t *testing.T) {
	all := idsString(model.SectionOrder)
	tests := []struct {
		name, text string
		want       string
	}{
		{
			name: "official headings, intro repeating them mid-sentence",
			text: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分组成。\n" +
				"一、总体情况\n本年度主动公开信息20条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n问题一。\n六、其他需要报告的事项\n无。",
			want: all,
		},
		{
			name: "variant prefixes, 其它, 及改进措施, fullwidth dot and missing ordinal punctuation",
			text: "一．总体情况\n二．行政机关主动公开政府信息情况\n三．行政机关收到和处理政府信息公开申请情况\n四 因政府信息公开工作被申请行政复议、提起行政诉讼情况\n五、政府信息公开工作存在的主要问题及改进措施\n六、其它需要报告的事项",
			want: all,
		},
		{
			name: "Traditional forms",
			text: "一、 總體情況\n二、主動公開政府信息情況\n三、收到和處理政府信息公開申請情況\n四、政府信息公開行政復議、行政訴訟情況\n五、存在的主要問題及改進情況\n六、其他需要報告的事項",
			want: all,
		},
		{
			name: "headings without ordinals as whole blocks; sub-headings (一) are not sections",
			text: "总体情况\n(一)主动公开\n主动公开政府信息情况\n(二)依申请公开\n收到和处理政府信息公开申请情况\n政府信息公开行政复议和行政诉讼情况\n存在的主要问题及改进情况\n其他需要报告的事项",
			want: all,
		},
		{
			name: "第X部分 ordinals",
			text: "第一部分 总体情况\n第二部分 主动公开政府信息情况\n第三部分、收到和处理政府信息公开申请情况",
			want: "overview,active_disclosure,requests",
		},
		{
			name: "a prose line starting like a heading is not one",
			text: "一、总体情况\n主动公开政府信息情况良好，全年公开信息100条。\n二、主动公开政府信息情况",
			want: "overview,active_disclosure",
		},
		{
			name: "seven parts: 七、其他需要报告的事项 still counts",
			text: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、2022年工作思路\n七、其他需要报告的事项",
			want: all,
		},
		{
			name: "crawler line: run-in headings at boundaries only",
			text: "本报告包括总体情况、主动公开政府信息情况等六个部分。按照一、总体情况要求编制。电话：0591-23165370。一、总体情况2021年，我区深化政务公开。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数行政事业性收费24252.311082三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为）一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（七）总计630020469四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议总计10203120001200000五、存在的主要问题及改进情况（一）存在的主要问题。六、其他需要报告的事项2021年，无收取信息处理费情况。",
			want: all,
		},
		{
			name: "out-of-order mention does not hide the headings",
			text: "五、存在的主要问题及改进情况（见下文）\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项",
			want: all,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := idsString(sectionIDs(SplitSections(textDoc(tc.text))))
			if got != tc.want {
				t.Errorf("sections = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSplitSectionsTextAndSrc(t *testing.T) {
	d := &tables.Document{Input: "markdown"}
	d.AddHeading("一、总体情况", 2, model.Loc{Line: 3})
	d.AddParagraph("2021年，伯党乡公开信息197条。", model.Loc{Line: 5})
	d.AddParagraph("乡办公室负责信息发布。", model.Loc{Line: 6})
	d.AddHeading("二、主动公开政府信息情况", 2, model.Loc{Line: 8})
	d.AddGrid(&tables.Grid{Rows: [][]tables.GridCell{{{Text: "信息内容"}, {Text: "本年制发件数"}}}})
	d.AddParagraph("注：本表数据截至12月31日。", model.Loc{Line: 20})
	d.AddParagraph("一、总体情况2021年全乡……六、其他需要报告的事项无。", model.Loc{Line: 22})
	ss := SplitSections(d)
	if got := idsString(sectionIDs(ss)); got != "overview,active_disclosure,other" {
		t.Fatalf("sections = %s", got)
	}
	if ss[0].Heading != "一、总体情况" || ss[0].Src.Line != 3 {
		t.Errorf("overview heading %q at %v", ss[0].Heading, ss[0].Src)
	}
	if want := "2021年，伯党乡公开信息197条。\n乡办公室负责信息发布。"; ss[0].Text != want {
		t.Errorf("overview text = %q, want %q", ss[0].Text, want)
	}
	if want := "注：本表数据截至12月31日。\n一、总体情况2021年全乡……"; ss[1].Text != want {
		t.Errorf("active text = %q, want %q (tables excluded, a later repeat of 一 is text)", ss[1].Text, want)
	}
	if ss[2].Heading != "六、其他需要报告的事项" || ss[2].Text != "无。" || ss[2].Src.Line != 22 {
		t.Errorf("other = %+v", ss[2])
	}
}

// TestSplitSectionsCorpus: the six sections in order in the seed report and
// in the crawler texts of 平潭 2021, 2023 and 2025 (one line per report).
func TestSplitSectionsCorpus(t *testing.T) {
	dir := testutil.CorpusDir(t)
	files := []string{
		filepath.Join(testutil.SharedDir(), "seed", "000_9237cec754dc0776.txt"),
		filepath.Join(dir, "raw", "2021_pingtan_zone_gov.txt"),
		filepath.Join(dir, "raw", "2023_pingtan_zone_gov.txt"),
		filepath.Join(dir, "raw", "2025_pingtan_zone_gov.txt"),
		filepath.Join(dir, "raw", "2019_pingtan_zone_gov.txt"),
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Logf("%s: %v (skipped)", f, err)
			continue
		}
		ss := SplitSections(textDoc(string(b)))
		if got := idsString(sectionIDs(ss)); got != idsString(model.SectionOrder) {
			t.Errorf("%s: sections %s", filepath.Base(f), got)
		}
		for _, s := range ss {
			r := []rune(s.Text)
			if len(r) > 40 {
				r = r[:40]
			}
			t.Logf("%s: %s %q line %d: %q…", filepath.Base(f), s.ID, s.Heading, s.Src.Line, string(r))
		}
	}
	// The other text and markdown reports: print what is found.
	raws, _ := filepath.Glob(filepath.Join(dir, "raw", "*"))
	for _, f := range raws {
		if ext := filepath.Ext(f); ext != ".md" && ext != ".txt" {
			continue
		}
		b, _ := os.ReadFile(f)
		t.Logf("%-40s %s", filepath.Base(f), idsString(sectionIDs(SplitSections(textDoc(string(b))))))
	}
}

func TestSplitSectionsProblemVariantsAndScale(t *testing.T) {
	ss := SplitSections(textDoc("五、存在的主要问题及整改措施\n六、其他需要报告的事项"))
	if got := idsString(sectionIDs(ss)); got != "problems,other" {
		t.Errorf("整改措施: sections = %s", got)
	}
	// Many repeated headings: linear time, the first of each kept in order.
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		b.WriteString("一、总体情况\n二、主动公开政府信息情况\n")
	}
	ss = SplitSections(textDoc(b.String()))
	if got := idsString(sectionIDs(ss)); got != "overview,active_disclosure" || ss[0].Src.Line != 1 || ss[1].Src.Line != 2 {
		t.Errorf("repeated headings: %s at %v %v", got, ss[0].Src, ss[1].Src)
	}
}

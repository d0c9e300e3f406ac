package check

import (
	"strings"
	"testing"

	"github.com/xxgk/nianbao/model"
)

// TestNormalizeBodyVariants: printed variants of one body share a key.
func TestNormalizeBodyVariants(t *testing.T) {
	for _, group := range [][]string{
		{"平潭综合实验区管委会", "平潭综合实验区管理委员会", "平潭综合实验区"},
		{"佳荣里街", "佳荣里街道", "佳荣里街道办事处"},
		{"民权县伯党乡人民政府", "伯党乡人民政府", "伯党乡政府"},
	} {
		want := NormalizeBody(group[0])
		for _, b := range group[1:] {
			if got := NormalizeBody(b); got != want {
				t.Errorf("NormalizeBody(%q) = %q, want %q (as for %q)", b, got, want, group[0])
			}
		}
	}
}

// TestDupIgnoresTableSections: crawler text leaves the official table
// wording in sections 二–四; identical wording there is not copying.
func TestDupIgnoresTableSections(t *testing.T) {
	table := strings.Repeat("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章行政规范性文件第二十条第（五）项信息内容本年处理决定数量行政许可", 3)
	mk := func(body, overview string) *model.Report {
		return &model.Report{Source: body + ".txt", SHA256: body, Format: model.Format2021, Meta: model.Meta{Year: 2021, Body: body},
			Sections: []model.Section{
				{ID: model.SecOverview, Text: overview},
				{ID: model.SecActiveDisclosure, Text: table},
				{ID: model.SecRequests, Text: table + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"},
			}}
	}
	a := mk("甲坪镇人民政府", strings.Repeat("甲坪镇坚持以人民为中心，围绕乡村振兴主动公开农业补贴、低保救助等信息，完善村务公开栏。", 3))
	b := mk("乙城区人民政府", strings.Repeat("乙城区聚焦营商环境优化，公开重大建设项目批准和实施信息，举办政府开放日活动六场。", 3))
	for _, cf := range CrossCheck([]Summary{Summarize(a), Summarize(b)}, DefaultOptions()) {
		t.Errorf("unexpected cross finding: %s", cf.Finding)
	}
	c := mk("丙溪乡人民政府", a.Sections[0].Text)
	found := false
	for _, cf := range CrossCheck([]Summary{Summarize(a), Summarize(c)}, DefaultOptions()) {
		found = found || cf.Finding.RuleID == "META-DUP-PRIOR"
	}
	if !found {
		t.Errorf("copied 总体情况 not found")
	}
}

// TestNormalizeBodyConjunctionPlace: a township whose name starts with 和
// keeps matching with and without its county; a department with 和 in its
// name keeps its county.
func TestNormalizeBodyConjunctionPlace(t *testing.T) {
	if a, b := NormalizeBody("北河县和城乡人民政府"), NormalizeBody("和城乡人民政府"); a != b {
		t.Errorf("%q != %q", a, b)
	}
	if a, b := NormalizeBody("东川县住房和城乡建设局"), NormalizeBody("西山县住房和城乡建设局"); a == b {
		t.Errorf("two counties' departments share the key %q", a)
	}
}

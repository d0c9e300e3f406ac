package parser

import (
	"testing"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// gridDoc builds a document with an intro paragraph and one aligned grid.
func gridDoc(intro string, rows ...[]string) *tables.Document {
	d := &tables.Document{Input: "html"}
	if intro != "" {
		d.AddParagraph(intro, model.Loc{Line: 1})
	}
	g := &tables.Grid{Aligned: true}
	for _, r := range rows {
		var cells []tables.GridCell
		for _, c := range r {
			cells = append(cells, tables.GridCell{Text: c})
		}
		g.Rows = append(g.Rows, cells)
	}
	d.AddGrid(g)
	return d
}

const (
	table2of2021 = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n行政规范性文件\n0\n0\n0\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n0\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n0"
	table2of2019 = "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总数量\n规章\n0\n0\n0\n规范性文件\n0\n0\n0\n第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n0\n0\n0\n其他对外管理服务事项\n0\n0\n0\n第二十条第(九)项\n信息内容\n采购项目数量\n采购总金额\n政府集中采购\n2\n70487元"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		doc  *tables.Document
		year int
		want model.FormatVersion
	}{
		{"2021 table 2, one cell per line", textDoc(table2of2021), 2024, model.Format2021},
		{"2019 table 2, header cells split over lines", textDoc(table2of2019), 2019, model.Format2019},
		{"2024 report still printing the 2019 table 2", textDoc("宁陕县某镇人民政府2024年度政府信息公开工作年度报告\n" + table2of2019), 2024, model.Format2019},
		{"2021 report citing the 2019 notice keeps its 2021 tables", textDoc("依据国办公开办函〔2019〕60号编制。\n" + table2of2021), 2022, model.Format2021},
		{
			"mixed labels: 2019 header word and row beside 2021 columns → 2021",
			textDoc("第二十条第(一)项\n信息内容\n本年制 作数量\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n规范性文件\n0\n0\n0\n第二十条第(五)项"),
			2023, model.Format2021,
		},
		{
			"2021 table 2 as an HTML grid",
			gridDoc("二、主动公开政府信息情况",
				[]string{"第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项"},
				[]string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
				[]string{"规章", "0", "0", "0"},
				[]string{"行政规范性文件", "3", "0", "12"}),
			2023, model.Format2021,
		},
		{
			"2019 table 2 as a crawler line",
			textDoc("二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件686868第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购13575394432.52元"),
			2019, model.Format2019,
		},
		{
			"prose mentioning 行政规范性文件 is no table",
			textDoc("一、总体情况\n截至2021年12月31日，我街道共主动公开政府信息数700条，其中主动公开行政规范性文件数共0条。\n二、收到和处理政府信息公开申请情况"),
			2021, model.FormatUnknown,
		},
		{
			"narrative excerpt citing 30号 only: unknown, not 2021",
			textDoc("依据《条例》和国办公开办函〔2021〕30号要求编制。\n一、总体情况\n本年度主动公开信息32条。"),
			2024, model.FormatUnknown,
		},
		{
			"tie broken by the cited notice",
			textDoc("依据国办公开办函〔2021〕30号编制。\n现行有效件数\n对外公开总数量"),
			0, model.Format2021,
		},
		{
			"tie broken by the report year",
			textDoc("现行有效件数\n对外公开总数量"),
			2020, model.Format2019,
		},
		{
			"tie without any other evidence",
			textDoc("现行有效件数\n对外公开总数量"),
			0, model.FormatUnknown,
		},
		{
			"legacy: old outline, year 2011",
			textDoc("平潭县人民政府2011年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、政府信息依申请公开工作情况\n同意公开5件，未收到申诉。"),
			2011, model.FormatLegacy,
		},
		{
			"legacy: year 2018 without old terms",
			textDoc("一、主动公开政府信息的情况\n2018年度我镇主动公开政府信息数22条。"),
			2018, model.FormatLegacy,
		},
		{
			"legacy: unknown year, old terms",
			textDoc("本年度受理申请10件，其中同意公开8件，否决公开2件。收费及减免情况：未收取费用。"),
			0, model.FormatLegacy,
		},
		{
			"not legacy: a modern report mentioning 咨询",
			textDoc("一、总体情况\n2022年，春城街道接受群众咨询120人次。"),
			2022, model.FormatUnknown,
		},
		{
			"not legacy: 2018 year but 第二十条 anchors",
			textDoc("第二十条第（一）项\n信息内容"),
			2018, model.FormatUnknown,
		},
		{"empty", &tables.Document{}, 2021, model.FormatUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectFormat(tc.doc, tc.year); got != tc.want {
				s19, s21, leg := FormatScores(tc.doc)
				t.Errorf("DetectFormat = %s, want %s (scores 2019=%d 2021=%d legacy=%d)", got, tc.want, s19, s21, leg)
			}
		})
	}
}

func TestFormatScores(t *testing.T) {
	s19, s21, leg := FormatScores(textDoc(table2of2021))
	if s21 <= 0 || s19 != 0 || leg != 0 {
		t.Errorf("2021 table: scores 2019=%d 2021=%d legacy=%d", s19, s21, leg)
	}
	s19, s21, leg = FormatScores(textDoc(table2of2019))
	if s19 <= 0 || s21 != 0 || leg != 0 {
		t.Errorf("2019 table: scores 2019=%d 2021=%d legacy=%d", s19, s21, leg)
	}
	// Weak markers count in the scores but do not decide the format alone.
	s19, s21, _ = FormatScores(textDoc("国办公开办函〔2019〕60号"))
	if s19 != 1 || s21 != 0 {
		t.Errorf("citation only: scores 2019=%d 2021=%d", s19, s21)
	}
	_, _, leg = FormatScores(textDoc("同意公开3件，否决公开1件，申诉0件。"))
	if leg != 5 {
		t.Errorf("legacy terms: legacy=%d, want 5 (2 strong ×2 + 1 weak)", leg)
	}
	_, _, leg = FormatScores(textDoc("同意公开3件。（本列数据的勾稽关系为：第一项加第二项之和）"))
	if leg != 0 {
		t.Errorf("legacy with a modern anchor: legacy=%d, want 0", leg)
	}
}

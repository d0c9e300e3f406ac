package textdoc

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

var update = flag.Bool("update", false, "rewrite golden files")

// inputs lists the testdata inputs (.txt and .md).
func inputs(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no testdata inputs")
	}
	return out
}

// golden renders a document for a golden file: the Dump, then one line per
// diagnostic.
func golden(d *tables.Document) string {
	var b strings.Builder
	b.WriteString(d.Dump())
	if len(d.Diagnostics) > 0 {
		b.WriteString("diagnostics:\n")
	}
	for _, x := range d.Diagnostics {
		fmt.Fprintf(&b, "  %s [%s] %s: %q\n", x.Code, x.Src, x.Message, x.Raw)
	}
	return b.String()
}

func parseFile(t testing.TB, path string) (*tables.Document, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(context.Background(), string(b), strings.HasSuffix(path, ".md"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d, string(b)
}

func TestGolden(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			d, src := parseFile(t, in)
			checkLocations(t, d, src)
			got := golden(d)
			want := strings.TrimSuffix(in, filepath.Ext(in)) + ".dump"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(w) {
				t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", in, want, lineDiff(string(w), got))
			}
		})
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 10; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d\n  want %s\n  got  %s\n", i+1, w, g)
			shown++
		}
	}
	return b.String()
}

// checkLocations asserts that every block and cell points at its text: the
// line number is in range and the text (or its first line, for a joined
// label) is found at the offset.
func checkLocations(t *testing.T, d *tables.Document, src string) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	at := func(what string, loc model.Loc, text string) {
		t.Helper()
		if loc.Line < 1 || loc.Line > lines {
			t.Errorf("%s %q: line %d out of 1..%d", what, text, loc.Line, lines)
			return
		}
		if loc.Offset < 1 || loc.Offset-1 > len(src) {
			t.Errorf("%s %q: offset %d out of range", what, text, loc.Offset)
			return
		}
		if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(src[loc.Offset-1:], first) {
			t.Errorf("%s %q at %s: source has %q", what, text, loc, clip(src[loc.Offset-1:], 30))
		}
		if got := strings.Count(src[:loc.Offset-1], "\n") + strings.Count(src[:loc.Offset-1], "\r") -
			strings.Count(src[:loc.Offset-1], "\r\n") + 1; got != loc.Line {
			t.Errorf("%s %q: line %d, offset is on line %d", what, text, loc.Line, got)
		}
	}
	for _, b := range d.Blocks {
		if b.Kind != tables.BlockTable {
			at(b.Kind.String(), b.Src, b.Text)
			continue
		}
		for r, row := range b.Grid.Rows {
			for c, cell := range row {
				at("cell", cell.Src, cell.Text)
				if cell.Src.Row != r+1 || cell.Src.Col != c+1 || cell.Src.Table != b.Grid.Src.Table {
					t.Errorf("cell %q: src %s, want table %d r%dc%d", cell.Text, cell.Src, b.Grid.Src.Table, r+1, c+1)
				}
			}
		}
	}
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// grids returns the table blocks' grids.
func grids(d *tables.Document) []*tables.Grid {
	var out []*tables.Grid
	for _, b := range d.Blocks {
		if b.Kind == tables.BlockTable {
			out = append(out, b.Grid)
		}
	}
	return out
}

// rowByLabel finds the row whose cells hold label (line breaks and spaces
// ignored) and returns its cell texts.
func rowByLabel(g *tables.Grid, label string) []string {
	key := tables.LabelKey(label)
	for _, row := range g.Rows {
		for _, c := range row {
			if tables.LabelKey(c.Text) == key {
				out := make([]string, len(row))
				for i, x := range row {
					out[i] = x.Text
				}
				return out
			}
		}
	}
	return nil
}

// values returns the numeric cells of a row.
func values(row []string) []string {
	var out []string
	for _, s := range row {
		if s != "" && isNumericText(s) {
			out = append(out, s)
		}
	}
	return out
}

func diagCount(d *tables.Document, code, msgPart string) int {
	n := 0
	for _, x := range d.Diagnostics {
		if x.Code == code && strings.Contains(x.Message, msgPart) {
			n++
		}
	}
	return n
}

// The seed: tab-separated tables, every field kept, one grid per table even
// across the blank line inside table 3.
func TestSeedTabGrids(t *testing.T) {
	d, _ := parseFile(t, "testdata/seed_boudang_2021.txt")
	gs := grids(d)
	if len(gs) != 3 {
		t.Fatalf("got %d grids, want 3 (tables 2, 3, 4)", len(gs))
	}
	for _, g := range gs {
		if g.Aligned {
			t.Error("a grid cut from text lines must not be Aligned")
		}
	}
	if n := len(gs[1].Rows); n != 28 {
		t.Errorf("table 3 grid has %d rows, want 28 (3 header rows and 25 data rows)", n)
	}
	row := rowByLabel(gs[1], "二、上年结转政府信息公开申请数量")
	want := []string{"二、上年结转政府信息公开申请数量", "", "0", "0", "0", "0", "0", "0", "0", ""}
	if strings.Join(row, "|") != strings.Join(want, "|") {
		t.Errorf("row 二 = %q, want every field including the blanks %q", row, want)
	}
	if got := gs[2].Rows[3]; len(got) != 15 {
		t.Errorf("table 4 value row has %d cells, want 15", len(got))
	}
	var headings []string
	for _, b := range d.Blocks {
		if b.Kind == tables.BlockHeading {
			headings = append(headings, fmt.Sprintf("%d:%s", b.Level, b.Text))
		}
	}
	if len(headings) < 6 || headings[0] != "1:伯党乡人民政府2021年政府信息公开工作年度报告" || headings[1] != "2:一、总体情况" {
		t.Errorf("headings = %q", headings)
	}
}

// Space-aligned tables: each table-3 row holds its label and its seven values
// whatever the layout did to it.
func TestLayoutRows(t *testing.T) {
	type want struct {
		label  string
		values string
	}
	cases := []struct {
		file  string
		table int // index among the grids
		rows  []want
	}{
		{"layout_wrapped_labels.txt", 1, []want{
			{"一、本年新收政府信息公开申请数量", "42 3 0 1 2 0 48"},
			{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "5 0 0 0 0 0 5"},
			{"2.没有现成信息需要另行制作", "1 0 0 0 0 0 1"}, // after the page number
			{"5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"},
			{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1 0 0 0 0 0 1"},
			{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"},
			{"（七）总计", "43 3 0 1 2 0 49"},
			{"四、结转下年度继续办理", "1 0 0 0 0 0 1"},
		}},
		{"layout_vertical_groups.txt", 0, []want{
			{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "5 0 0 0 0 0 5"},
			{"2.其他法律行政法规禁止公开", "1 0 0 0 0 0 1"}, // 本 removed
			{"6.属于四类过程性信息", "3 0 0 0 0 0 3"},    // 果 removed
			{"2.没有现成信息需要另行制作", "1 0 0 0 0 0 1"},
			{"5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"},
			{"1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1 0 0 0 0 0 1"},
			{"2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"},
			{"四、结转下年度继续办理", "1 0 0 0 0 0 1"},
		}},
		{"layout_repeated_header.txt", 0, []want{
			{"一、本年新收政府信息公开申请数量", "42 3 0 1 2 0 48"},
			{"（一）予以公开", "20 1 0 0 1 0 22"},
			{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "5 0 0 0 0 0 5"},
			{"2.其他法律行政法规禁止公开", "1 0 0 0 0 0 1"},
			{"3.危及“三安全一稳定”", "0 0 0 0 0 0 0"},
			{"4.保护第三方合法权益", "2 0 0 0 0 0 2"}, // label continued after the page break
			{"6.属于四类过程性信息", "3 0 0 0 0 0 3"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			d, _ := parseFile(t, filepath.Join("testdata", tc.file))
			gs := grids(d)
			if tc.table >= len(gs) {
				t.Fatalf("got %d grids", len(gs))
			}
			g := gs[tc.table]
			for _, w := range tc.rows {
				row := rowByLabel(g, w.label)
				if row == nil {
					t.Errorf("no row labelled %s", w.label)
					continue
				}
				if got := strings.Join(values(row), " "); got != w.values {
					t.Errorf("%s: values %q, want %q (row %q)", w.label, got, w.values, row)
				}
			}
		})
	}
}

func TestLayoutDiagnostics(t *testing.T) {
	d, _ := parseFile(t, "testdata/layout_wrapped_labels.txt")
	if n := diagCount(d, model.DiagFrontEnd, "page number"); n != 3 {
		t.Errorf("page numbers dropped: %d diagnostics, want 3 (-2-, - 3 -, -4-)", n)
	}
	if n := diagCount(d, model.DiagLabelRepaired, ""); n < 4 {
		t.Errorf("label-repaired diagnostics: %d, want at least 4", n)
	}
	if gs := grids(d); len(gs) != 3 {
		t.Errorf("got %d grids, want 3: table 2 continued over its page number, tables 3 and 4", len(gs))
	}

	d, _ = parseFile(t, "testdata/layout_vertical_groups.txt")
	if n := diagCount(d, model.DiagFrontEnd, "group labels"); n != 1 {
		t.Errorf("group-label diagnostics: %d, want 1", n)
	}
	for _, g := range grids(d) {
		for _, row := range g.Rows {
			for _, c := range row {
				if strings.ContainsAny(c.Text, "本年度办结果") && isGroupPiece(span{text: c.Text}) {
					t.Errorf("margin character %q left in a row", c.Text)
				}
			}
		}
	}

	d, _ = parseFile(t, "testdata/layout_repeated_header.txt")
	if n := diagCount(d, model.DiagFrontEnd, "repeated"); n != 1 {
		t.Errorf("repeated-header diagnostics: %d, want 1", n)
	}
	if gs := grids(d); len(gs) != 1 {
		t.Errorf("got %d grids, want 1 (the table continues after the page break)", len(gs))
	}
}

// Shapes the table matcher reads as a token stream stay paragraphs.
func TestParagraphShapes(t *testing.T) {
	for _, f := range []string{"one_cell_per_line.md", "flattened_row.txt"} {
		d, src := parseFile(t, filepath.Join("testdata", f))
		if gs := grids(d); len(gs) != 0 {
			t.Errorf("%s: %d grids, want none", f, len(gs))
		}
		nonEmpty := 0
		for _, l := range strings.Split(src, "\n") {
			if strings.TrimSpace(l) != "" {
				nonEmpty++
			}
		}
		if len(d.Blocks) != nonEmpty {
			t.Errorf("%s: %d blocks, want one per non-empty line (%d)", f, len(d.Blocks), nonEmpty)
		}
	}
	// a header line with a wide gap does not turn a one-cell-per-line stream
	// into a table
	src := "信息内容\n本年新  制作数量\n本年新  公开数量\n规章\n  0\n  0\n  0\n规范性文件\n  1\n  1\n  2\n"
	d, err := Parse(context.Background(), src, true)
	if err != nil {
		t.Fatal(err)
	}
	if gs := grids(d); len(gs) != 0 || len(d.Blocks) != 11 {
		t.Errorf("one cell per line: %d grids, %d blocks, want 0 and 11:\n%s", len(gs), len(d.Blocks), d.Dump())
	}
	// nor does a page header line with a count in it
	d, err = Parse(context.Background(), "发布日期：2024-01-20   浏览次数：  125\n正文第一段。\n", false)
	if err != nil {
		t.Fatal(err)
	}
	if gs := grids(d); len(gs) != 0 {
		t.Errorf("a lone line with a value became a grid:\n%s", d.Dump())
	}
	d, _ = parseFile(t, "testdata/flattened_row.txt")
	found := false
	for _, b := range d.Blocks {
		if strings.Contains(b.Text, "申请数量642001067二、") {
			found = true
		}
	}
	if !found {
		t.Error("the run of digits must be kept whole in its paragraph")
	}
}

func TestMarkdownPipeTables(t *testing.T) {
	d, _ := parseFile(t, "testdata/markdown_pipe_2022.md")
	if d.Input != "markdown" {
		t.Errorf("Input = %q", d.Input)
	}
	gs := grids(d)
	if len(gs) != 3 {
		t.Fatalf("got %d grids, want 3", len(gs))
	}
	if got := gs[0].Rows[0]; len(got) != 4 || got[0].Text != "第二十条第（一）项" || got[1].Text != "" {
		t.Errorf("table 2 caption row = %v: outer pipes trimmed, empty cells kept", got)
	}
	for _, row := range gs[0].Rows {
		if strings.Contains(row[0].Text, "---") {
			t.Error("the delimiter row must be dropped")
		}
	}
	row := rowByLabel(gs[1], "（七）总计")
	if strings.Join(row, "|") != "|（七）总计||4|1|0|0|0|0|5" {
		t.Errorf("（七）总计 row = %q", row)
	}
	if n := len(gs[2].Rows[3]); n != 15 {
		t.Errorf("table 4 value row has %d cells, want 15", n)
	}
	// an escaped pipe in prose is not a table
	for _, b := range d.Blocks {
		if b.Kind == tables.BlockParagraph && strings.Contains(b.Text, `\|`) {
			return
		}
	}
	t.Error("the paragraph with an escaped pipe is missing")
}

func TestChromeVariants(t *testing.T) {
	d, _ := parseFile(t, "testdata/layout_chrome_variants.txt")
	if n := diagCount(d, model.DiagFrontEnd, "page number"); n != 5 {
		t.Errorf("page chrome dropped: %d, want 5", n)
	}
	gs := grids(d)
	if len(gs) != 1 {
		t.Fatalf("got %d grids, want 1 (table 2 continued across its page banners)", len(gs))
	}
	for label, want := range map[string]string{"行政规范性文件": "２ ０ ７", "行政许可": "１,２０４", "行政处罚": "—", "行政强制": "无", "行政事业性收费": "０.５"} {
		if got := strings.Join(values(rowByLabel(gs[0], label)), " "); got != want {
			t.Errorf("%s: %q, want %q", label, got, want)
		}
	}
	for _, b := range d.Blocks {
		if strings.Contains(b.Text, "Page") || strings.Contains(b.Text, "第3页") {
			t.Errorf("chrome kept as %s %q", b.Kind, b.Text)
		}
	}
}

func TestClassifiers(t *testing.T) {
	chrome := []struct {
		in   string
		want bool
	}{
		{"-3-", true}, {"- 3 -", true}, {"— 3 —", true}, {"－１２－", true}, {"第3页", true}, {"第 3 页 共 12 页", true},
		{"共12页 第3页", true}, {"3/12", true}, {"3 / 12", true}, {"Page 3", true}, {"page 3 of 9", true}, {"P. 3", true}, {"P3", true},
		{"3", false}, {"0", false}, {"—", false}, {"2023", false}, {"第二十条第（一）项", false}, {"-3", false}, {"3-", false},
		{"Page", false}, {"第3页内容", false}, {"1/2/3", false},
	}
	for _, c := range chrome {
		if got := isPageChrome(c.in); got != c.want {
			t.Errorf("isPageChrome(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	markers := []struct {
		in   string
		want bool
	}{
		{"一、本年新收", true}, {"（一）予以公开", true}, {"(三) 不予公开", true}, {"1.属于国家秘密", true}, {"１．属于", true},
		{"1、申请人", true}, {"①其他", true}, {"十二、其他", true}, {"（三", false}, {"1.5", false}, {"2023年", false},
		{"规章", false}, {"正、行政机关", false}, {"第二十条第（五）项", false}, {"123.abc", false},
	}
	for _, c := range markers {
		if got := startsWithMarker(c.in); got != c.want {
			t.Errorf("startsWithMarker(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	sections := []struct {
		in   string
		want bool
	}{
		{"三、收到和处理政府信息公开申请情况", true}, {"四、政府信息公开行政复议、行政诉讼情况", true}, {"六、其他需要报告的事项", true},
		{"三 、本 年 度办 理 结果", false}, {"四、结转下年度继续办理", false}, {"（一）主动公开情况", false},
	}
	for _, c := range sections {
		if got := isSectionHeading(c.in); got != c.want {
			t.Errorf("isSectionHeading(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	tabs := []struct {
		in   string
		want bool
	}{
		{"规章\t0\t0\t0", true}, {"第二十条第（一）项\t\t\t", true}, {"\t(二) 部分公开\t\t0", true}, {"\t全文缩进的一段话。", false},
		{"\t\t", false}, {"没有制表符", false},
	}
	for _, c := range tabs {
		if got := tabRow(c.in); got != c.want {
			t.Errorf("tabRow(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	delims := []struct {
		in   string
		want bool
	}{
		{"|---|---|", true}, {"| :-- | :-: | --: |", true}, {"--- | ---", true}, {"|---|", true},
		{"---", false}, {"| a | b |", false}, {"|-x-|", false}, {"||", false},
	}
	for _, c := range delims {
		if got := isDelimiterRow(c.in); got != c.want {
			t.Errorf("isDelimiterRow(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	headings := []struct {
		in    string
		level int
		text  string
	}{
		{"# 标题", 1, "标题"}, {"### (一) 主要做法", 3, "(一) 主要做法"}, {"## 二、情况 ##", 2, "二、情况"}, {"#标题", 0, ""},
		{"####### 七级", 0, ""}, {"#", 1, ""},
	}
	for _, c := range headings {
		lv, text, _, ok := atxHeading(c.in)
		if !ok {
			lv = 0
		}
		if lv != c.level || text != c.text {
			t.Errorf("atxHeading(%q) = %d %q, want %d %q", c.in, lv, text, c.level, c.text)
		}
	}
}

func TestSplitLayout(t *testing.T) {
	cases := []struct {
		in   string
		want string // fields joined by "|", each as text@col
	}{
		{"规章               0          0       2", "规章@0|0@17|0@28|2@36"},
		{"  （一）予以公开   5 2 0", "（一）予以公开@2|5@12|2@14|0@16"},
		{"信息内容\u3000本年制发件数", "信息内容@0|本年制发件数@5"},
		{"4.无正当理由大量反复 申请        0", "4.无正当理由大量反复 申请@0|0@22"},
		{"行政许可 12", "行政许可@0|12@5"},
		{"2023 年，全区", "2023 年，全区@0"},
		{"", ""},
	}
	for _, c := range cases {
		var parts []string
		for _, f := range splitNumericTokens(splitLayout(c.in, 0)) {
			parts = append(parts, fmt.Sprintf("%s@%d", f.text, f.col))
			if c.in[f.off:f.off+len(f.text)] != f.text {
				t.Errorf("%q: field %q has offset %d", c.in, f.text, f.off)
			}
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("split %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLineEndingsAndOffsets(t *testing.T) {
	src := "\ufeff第一行\r\n\r\n第三行\r第四行\n\f第五行\t1\t2\n"
	d, err := Parse(context.Background(), src, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		if b.Kind == tables.BlockTable {
			for _, row := range b.Grid.Rows {
				for _, c := range row {
					got = append(got, fmt.Sprintf("%d:%d:%s", c.Src.Line, c.Src.Offset, c.Text))
				}
			}
			continue
		}
		got = append(got, fmt.Sprintf("%d:%d:%s", b.Src.Line, b.Src.Offset, b.Text))
	}
	want := []string{"1:4:第一行", "3:17:第三行", "4:27:第四行", "5:38:第五行", "5:48:1", "5:50:2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for _, w := range want[:4] {
		parts := strings.SplitN(w, ":", 3)
		var off int
		fmt.Sscan(parts[1], &off)
		if !strings.HasPrefix(src[off-1:], parts[2]) {
			t.Errorf("offset %d does not point at %q", off, parts[2])
		}
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Parse(ctx, strings.Repeat("规章   1   2   3\n", 1000), false)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// Large and hostile inputs finish quickly: a 1 MB line, many short table
// lines, many label lines, a long run of pipes.
func TestLinearTime(t *testing.T) {
	cases := map[string]string{
		"long line":        strings.Repeat("申请数量6400201", 80000),
		"long spaced line": strings.Repeat("规章  0  ", 120000),
		"table lines":      strings.Repeat("（一）予以公开   1   2   3\n", 20000),
		"label lines":      strings.Repeat("规章   1   2\n正\n", 40000),
		"pipes":            strings.Repeat("|", 1<<20) + "\n|---|\n",
		"tabs":             strings.Repeat("\t", 1<<20),
		"wrapped labels":   strings.Repeat("5.要求行政机关确认或重新出\n     1   0   0\n具已获取信息\n\n", 20000),
	}
	for name, src := range cases {
		start := time.Now()
		if _, err := Parse(context.Background(), src, false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		el := time.Since(start)
		t.Logf("%s: %d bytes in %v", name, len(src), el)
		if el > 15*time.Second { // generous: the machine may be loaded; quadratic time would take hours
			t.Errorf("%s: %d bytes took %v", name, len(src), el)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, in := range inputs(f) {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), strings.HasSuffix(in, ".md"))
	}
	f.Add("a\tb\n\n|x|\n|-|\n\f-3-\n  一  二\n三、\n", false)
	f.Fuzz(func(t *testing.T, src string, md bool) {
		d, err := Parse(context.Background(), src, md)
		if err != nil {
			t.Fatal(err)
		}
		lines := len(splitLines(src))
		check := func(loc model.Loc) {
			if loc.Line < 1 || loc.Line > lines || loc.Offset < 1 || loc.Offset-1 > len(src) {
				t.Fatalf("location %+v outside the input (%d lines, %d bytes)", loc, lines, len(src))
			}
		}
		for _, b := range d.Blocks {
			check(b.Src)
			if b.Kind == tables.BlockTable {
				for _, row := range b.Grid.Rows {
					for _, c := range row {
						check(c.Src)
					}
				}
			}
		}
		for _, x := range d.Diagnostics {
			check(x.Src)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"seed_boudang_2021.txt", "layout_wrapped_labels.txt"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		s := string(src)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(context.Background(), s, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The real text and markdown reports of the shared corpus (read in place,
// never copied): every location is valid, and their tables, printed one cell
// per line or run together on one line, stay paragraphs for the matcher.
func TestCorpus(t *testing.T) {
	dir := filepath.Join(testutil.CorpusDir(t), "raw")
	var files []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no text or markdown reports in the corpus")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			d, src := parseFile(t, f)
			checkLocations(t, d, src)
			if gs := grids(d); len(gs) != 0 {
				t.Errorf("%d grids, want none:\n%s", len(gs), d.Dump())
			}
		})
	}
}

package htmldoc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// TestCharsetFixturesAgree: the same page as UTF-8, GB with the meta early,
// late (past 1 KB) or absent decodes to the same Document.
func TestCharsetFixturesAgree(t *testing.T) {
	var want string
	for _, name := range []string{"utf8_meta", "gb_meta", "gb_late_meta", "gb_nometa"} {
		d := parseFile(t, filepath.Join("testdata", name+".html"))
		got := d.Dump()
		if !strings.Contains(got, "刘䶮") || !strings.Contains(got, "０７５５－１２３４５６７８") {
			t.Errorf("%s: 刘䶮 or the full-width digits are lost:\n%s", name, got)
		}
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("%s decodes differently from utf8_meta:\n%s", name, got)
		}
	}
}

func TestDecode(t *testing.T) {
	gb := []byte("<html><head><meta charset=\"gbk\"></head><body><p>\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2</p></body></html>") // 政府信息
	tests := []struct {
		name, ct  string
		src       []byte
		charset   string
		wantText  string
		wantDiag  bool
		wantError error
	}{
		{"gbk label read as gb18030", "", gb, "gb18030", "政府信息", false, nil},
		{"content-type header wins over meta", "text/html; charset=GB2312", bytes.Replace(gb, []byte("gbk"), []byte("latin1"), 1), "gb18030", "政府信息", false, nil},
		{"declared gb2312 but UTF-8 bytes", "", []byte(`<meta charset="gb2312"><p>政府信息</p>`), "utf-8", "政府信息", true, nil},
		{"unknown label falls back to detection", "", bytes.Replace(gb, []byte("gbk"), []byte("x-no-such"), 1), "gb18030", "政府信息", true, nil},
		{"latin1 declared on GB bytes", "", bytes.Replace(gb, []byte("gbk"), []byte("iso-8859-1"), 1), "gb18030", "政府信息", true, nil},
		{"utf-8 BOM", "", append([]byte{0xEF, 0xBB, 0xBF}, []byte("<p>政府信息</p>")...), "utf-8", "政府信息", false, nil},
		{"utf-16le BOM", "", []byte{0xFF, 0xFE, '<', 0, 'p', 0, '>', 0, 0x3F, 0x65, 0x9C, 0x5E}, "utf-16le", "政府", false, nil},
		{"GB18030 four-byte sequence", "", []byte("<meta charset=gb2312><p>\x95\x32\x82\x36</p>"), "gb18030", "𠀀", false, nil},
		{"XML declaration", "", []byte("<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<html><p>\xd5\xfe\xb8\xae</p></html>"), "gb18030", "政府", false, nil},
		{"binary", "", bytes.Repeat([]byte{0x01, 0x02, 0x81, 0x03, 0xFF, 0x04}, 200), "", "", false, ErrUndecodable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := decode(tt.src, tt.ct)
			if tt.wantError != nil {
				if !errors.Is(err, tt.wantError) {
					t.Fatalf("err = %v, want %v", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			text := dec.text
			if dec.raw != nil {
				text = string(dec.raw)
			}
			if dec.charset != tt.charset || !strings.Contains(text, tt.wantText) {
				t.Errorf("charset %s text %q, want %s with %q", dec.charset, text, tt.charset, tt.wantText)
			}
			if (len(dec.diags) > 0) != tt.wantDiag {
				t.Errorf("diagnostics %v, want some: %v", dec.diags, tt.wantDiag)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\ufeff  <p style='text-align:center'>报告</p>", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"<!-- saved from url -->\n<html>", true},
		{"<table><tr><td>1</td></tr></table>", true},
		{"一、总体情况\n<中华人民共和国政府信息公开条例>", false},
		{"# 标题\n\n| a | b |", false},
		{"<unknowntag>", false},
		{"plain text with <html> inside the first 8 KB", true},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMetaLines(t *testing.T) {
	tests := []struct {
		line   string
		chrome bool
		fields string
	}{
		{"发布日期：2020-01-31", true, "发布日期=2020-01-31"},
		{"来源：某某县政府办公室 时间：2024-03-08 15:34 浏览次数：12", true, "来源=某某县政府办公室|时间=2024-03-08 15:34|浏览次数=12"},
		{"统计时间：2023年", false, ""},
		{"时间：2023年全年", false, "时间=2023年全年"},
		{"本年度报告中所列数据统计期限从2019年1月1日到12月31日止。", false, ""},
		{"【发布机构：某某局】【索引号：ABC/2024-1】", false, "发布机构=某某局|索引号=ABC/2024-1"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range parseFields(tt.line) {
			got = append(got, f.label+"="+f.value)
		}
		if strings.Join(got, "|") != tt.fields {
			t.Errorf("parseFields(%q) = %q, want %q", tt.line, strings.Join(got, "|"), tt.fields)
		}
		if c := isChromeLine(tt.line); c != tt.chrome {
			t.Errorf("isChromeLine(%q) = %v", tt.line, c)
		}
	}
	for in, want := range map[string]string{
		"2024-03-08 15:34":        "2024-03-08T15:34:00+08:00",
		"2024年1月17日":              "2024-01-17T00:00:00+08:00",
		"2024/02/30":              "",
		"发布时间：2023.12.31 8:05:09": "2023-12-31T08:05:09+08:00",
	} {
		got := ""
		if d := parseDate(in); d != nil {
			got = d.Format(time.RFC3339)
		}
		if got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCollapse(t *testing.T) {
	for in, want := range map[string]string{
		"  一、总体情况\u00a0":    "一、总体情况",
		"　　全年收到申请\n  12 件。": "全年收到申请12 件。",
		"2023\n年":           "2023年",
		"Hello \n world":    "Hello world",
		"a\u200bb\ufeff":    "ab",
		"刘\u3000䶮":          "刘 䶮",
		"\u00a0\u00a0":      "",
	} {
		if got := collapse(in); got != want {
			t.Errorf("collapse(%q) = %q, want %q", in, got, want)
		}
	}
}

// expected is ../shared/fixtures/pdf-synthetic/table3_expected.json.
type expected struct {
	Rows []struct {
		Label  []string `json:"label"`
		Values []int    `json:"values"`
	} `json:"rows"`
}

// table3 finds the grid holding table 3 and returns its data rows: from the
// row labelled 一、本年新收 to the row labelled 四、结转下年度.
func table3(d *tables.Document) [][]tables.GridCell {
	for _, b := range d.Blocks {
		if b.Kind != tables.BlockTable {
			continue
		}
		start := -1
		for r, row := range b.Grid.Rows {
			if len(row) == 0 {
				continue
			}
			lab := strings.Join(strings.Fields(row[0].Text), "")
			if strings.HasPrefix(lab, "一、本年新收") {
				start = r
			}
			if start >= 0 && strings.HasPrefix(lab, "四、结转下年度") {
				return b.Grid.Rows[start : r+1]
			}
		}
	}
	return nil
}

var reValue = regexp.MustCompile(`^([0-9]+|—|-|/|无|)$`)

// TestSyntheticFixtures: every table-3 cell of the 2021 template pages (rowspan
// 22) equals table3_expected.json.
func TestSyntheticFixtures(t *testing.T) {
	dir := testutil.FixturesDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "pdf-synthetic", "table3_expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "pdf-synthetic", "r*.html"))
	more, _ := filepath.Glob(filepath.Join(dir, "html-charset", "*.html"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no synthetic HTML")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			rows := table3(parseFile(t, f))
			if len(rows) != len(exp.Rows) {
				t.Fatalf("table 3 has %d data rows, want %d", len(rows), len(exp.Rows))
			}
			for i, row := range rows {
				want := exp.Rows[i].Values
				if len(row) < 7 {
					t.Fatalf("row %d has %d cells", i+1, len(row))
				}
				for k, cell := range row[len(row)-7:] {
					if cell.IsCopy() || cell.Text != strconv.Itoa(want[k]) {
						t.Errorf("row %d %v col %d = %q (copy %v), want %d", i+1, exp.Rows[i].Label, k+1, cell.Text, cell.IsCopy(), want[k])
					}
				}
			}
		})
	}
}

// TestCorpusPages: real pages give a Document whose table-3 data rows each
// end with 7 value cells, with the right metadata and without page chrome.
func TestCorpusPages(t *testing.T) {
	dir := testutil.CorpusDir(t)
	tests := []struct {
		file                string
		rows                int
		title, date, pub, u string
	}{
		{"2019_shanghai_city_office.html", 23, "2019年上海市人民政府办公厅政府信息公开工作年度报告", "2020-01-31", "", ""},
		{"2023_shuyang_development_reform_bureau_dept.html", 25, "沭阳县发展和改革局2023年政府信息公开年度报告", "2024-01-17", "沭阳县发展和改革局",
			"http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml"},
		{"2023_pingtan_zone_gov_page.html", 25, "平潭综合实验区2023年度政府信息公开工作年度报告", "2024-03-08", "平潭综合实验区管委会办公室",
			"https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"},
		{"2025_pingtan_zone_gov_page.html", 25, "平潭综合实验区2025年度政府信息公开工作年度报告", "2026-03-10", "平潭综合实验区管委会办公室",
			"https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm"},
	}
	chrome := []string{"当前位置", "分享到", "网站标识码", "采集时间", "索引号", "版权所有", "ICP备", "浏览次数", "打印本页"}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFile(t, filepath.Join(dir, "raw", tt.file))
			rows := table3(d)
			if len(rows) != tt.rows {
				t.Fatalf("table 3 has %d data rows, want %d", len(rows), tt.rows)
			}
			for i, row := range rows {
				if len(row) < 8 {
					t.Errorf("row %d has %d cells", i+1, len(row))
					continue
				}
				for k, cell := range row[len(row)-7:] {
					if cell.IsCopy() || !reValue.MatchString(cell.Text) {
						t.Errorf("row %d (%s) value %d = %q (copy %v)", i+1, row[0].Text, k+1, cell.Text, cell.IsCopy())
					}
				}
				if lab := row[len(row)-8]; reValue.MatchString(lab.Text) && !lab.IsCopy() {
					t.Errorf("row %d: an eighth value cell %q before the 7 values", i+1, lab.Text)
				}
			}
			m := d.Meta
			if m.Title != tt.title || m.PublishedAt == nil || m.PublishedAt.Format("2006-01-02") != tt.date ||
				m.Publisher != tt.pub || m.SourceURL != tt.u {
				t.Errorf("meta = %q %v %q %q", m.Title, m.PublishedAt, m.Publisher, m.SourceURL)
			}
			var body strings.Builder
			for _, b := range d.Blocks {
				body.WriteString(b.Text + "\n")
			}
			for _, w := range chrome {
				if strings.Contains(body.String(), w) {
					t.Errorf("page chrome %q in the body", w)
				}
			}
			for _, sec := range []string{"一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"} {
				found := false
				for _, b := range d.Blocks {
					if b.Kind != tables.BlockTable && strings.HasPrefix(b.Text, sec) {
						found = true
					}
				}
				if !found {
					t.Errorf("no block starts with %s", sec)
				}
			}
		})
	}
}

func TestRobustness(t *testing.T) {
	deepDiv := strings.Repeat("<div>", 10000) + "<p>一、总体情况</p>" + strings.Repeat("</div>", 10000)
	deepTable := strings.Repeat("<table><tr><td>", 10000) + "深" + strings.Repeat("</td></tr></table>", 10000)
	var wide strings.Builder
	wide.WriteString("<table>")
	for r := 0; r < 300; r++ {
		wide.WriteString(`<tr><td colspan="1000">x</td><td rowspan="1000">y</td></tr>`)
	}
	wide.WriteString("</table>")
	tests := []struct {
		name     string
		src      string
		wantText string
		wantDiag string
	}{
		{"10k nested divs", deepDiv, "一、总体情况", "flat text"},
		{"10k nested tables", deepTable, "深", "flat text"},
		{"deep page without </head>", "<html><head><title>t</title><body>" + deepDiv, "一、总体情况", "flat text"},
		{"unterminated tags", "<html><body><p>一、总体情况<table><tr><td>1<td>2<tr><td>3", "一、总体情况", ""},
		{"unterminated comment", "<p>正文</p><!-- 未闭合", "正文", ""},
		{"unknown charset", `<meta charset="x-klingon"><p>正文</p>`, "正文", "unknown charset"},
		{"huge spans", wide.String(), "", "cells or"},
		{"only chrome", `<div class="footer">版权所有</div>`, "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			start := time.Now()
			d, err := Parse(ctx, []byte(tt.src), Options{})
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if el := time.Since(start); el > 3*time.Second {
				t.Errorf("took %v", el)
			}
			dump := d.Dump()
			if tt.wantText != "" && !strings.Contains(dump, tt.wantText) {
				t.Errorf("text %q lost:\n%.500s", tt.wantText, dump)
			}
			var diags []string
			for _, x := range d.Diagnostics {
				diags = append(diags, x.Message)
			}
			if tt.wantDiag != "" && !strings.Contains(strings.Join(diags, "\n"), tt.wantDiag) {
				t.Errorf("no diagnostic %q in %q", tt.wantDiag, diags)
			}
			for _, b := range d.Blocks {
				if b.Kind == tables.BlockTable {
					n := 0
					for _, r := range b.Grid.Rows {
						n += len(r)
					}
					if n > MaxTableCells || len(b.Grid.Rows) > MaxTableCells {
						t.Errorf("grid of %d positions", n)
					}
				}
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	for name, b := range map[string][]byte{
		"size": bytes.Repeat([]byte("<p>政府信息公开</p>"), MaxInputSize/20),
		"tags": bytes.Repeat([]byte("<td>"), MaxTags+1),
	} {
		if _, err := Parse(context.Background(), b, Options{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", name, err)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, []byte("<p>x</p>"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestLocations(t *testing.T) {
	d := parseFile(t, filepath.Join("testdata", "word_2019_t3.html"))
	for _, b := range d.Blocks {
		if b.Kind != tables.BlockTable {
			continue
		}
		for r, row := range b.Grid.Rows {
			for c, cell := range row {
				if cell.Src.Table != b.Grid.Src.Table {
					t.Fatalf("r%dc%d: table %d", r+1, c+1, cell.Src.Table)
				}
				or, oc := r+1-cell.SpanRow, c+1-cell.SpanCol
				if cell.Src.Row != or || cell.Src.Col != oc {
					t.Errorf("r%dc%d cites %v, want the printed cell r%dc%d", r+1, c+1, cell.Src, or, oc)
				}
			}
		}
	}
}

// cmsPage composes a ~100 KB CMS page: the composed 2021 report inside a
// site's chrome, with scripts, menus, related links and a long footer.
func cmsPage(tb testing.TB) []byte {
	tb.Helper()
	base, err := os.ReadFile(filepath.Join("testdata", "cms_2021.html"))
	if err != nil {
		tb.Fatal(err)
	}
	var chrome, script strings.Builder
	for i := 0; len(chrome.String()) < 40<<10; i++ {
		fmt.Fprintf(&chrome, `<li class="menu-item"><a href="/zwgk/col%d/index.html" title="栏目%d">政务公开栏目%d</a><span class="date">2024-01-%02d</span></li>`+"\n", i, i, i, i%28+1)
	}
	for len(script.String()) < 30<<10 {
		script.WriteString(`<script>window.__data = {"cols":[1,2,3],"title":"不是正文","html":"<div>不是正文</div>"};</script>` + "\n")
	}
	page := strings.Replace(string(base), "<body>", "<body>\n"+script.String()+`<div class="nav"><ul>`+chrome.String()+"</ul></div>", 1)
	page = strings.Replace(page, `<div class="footer">`, `<div class="footer"><ul class="friendlink">`+chrome.String()[:10<<10]+"</ul>", 1)
	return []byte(page)
}

func TestCMSPageChromeDropped(t *testing.T) {
	page := cmsPage(t)
	if len(page) < 90<<10 {
		t.Fatalf("page is %d bytes", len(page))
	}
	d, err := Parse(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	small := parseFile(t, filepath.Join("testdata", "cms_2021.html"))
	if d.Dump() != small.Dump() {
		t.Errorf("the padded page reads differently:\n%s", d.Dump())
	}
}

func BenchmarkParseCMSPage(b *testing.B) {
	page := cmsPage(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Parse(context.Background(), page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte(`<table><tr><td rowspan=999 colspan=999>x</td></tr></table>`), "text/html; charset=big5")
	f.Add([]byte("<meta charset=gbk>\x81\x30\x81"), "")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		d, err := Parse(ctx, b, Options{ContentType: ct})
		if errors.Is(err, ErrInternal) {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			return
		}
		for _, bl := range d.Blocks {
			if bl.Kind == tables.BlockTable {
				for _, row := range bl.Grid.Rows {
					for _, c := range row {
						if c.RowSpan < 1 || c.ColSpan < 1 || c.SpanRow >= c.RowSpan || c.SpanCol >= c.ColSpan {
							t.Fatalf("bad span %+v", c)
						}
					}
				}
			}
		}
		_ = d.Dump()
		Sniff(b)
		_ = model.Loc{}
	})
}

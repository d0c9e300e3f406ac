package docxdoc

// A small DOCX generator for tests: it writes the package parts directly
// with archive/zip, so fixtures are deterministic and need no office suite.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`

const contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`

const relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`

// Styles as Chinese Word writes them: ids "1", "2" named "heading 1/2",
// a Title style, and a body style based on Normal.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="SecHead"><w:name w:val="Section Head"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="a4"><w:name w:val="Strong"/></w:style>
</w:styles>`

// One list: level 0 "一、", level 1 "（一）".
const numberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`

// xmlText escapes text for a w:t element.
func xmlText(s string) string { return html.EscapeString(s) }

// run writes text as runs; "\n" becomes <w:br/>, and text is split into
// several runs (as Word does around formatting changes).
func run(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		rs := []rune(line)
		for len(rs) > 0 {
			k := min(len(rs), 5)
			fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, xmlText(string(rs[:k])))
			rs = rs[k:]
		}
	}
	return b.String()
}

// para writes a paragraph with an optional style id.
func wpara(style, text string) string {
	pPr := ""
	if style != "" {
		pPr = `<w:pPr><w:pStyle w:val="` + style + `"/><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>`
	}
	return `<w:p>` + pPr + run(text) + `</w:p>`
}

// tc is a generated table cell. Text lines separated by "\n\n" become
// separate paragraphs; a single "\n" becomes a line break.
type tc struct {
	text   string
	span   int    // gridSpan (0: none)
	vmerge string // "", "restart" or "continue"
	nested string // a nested table's XML
}

func c(text string) tc         { return tc{text: text} }
func cs(text string, n int) tc { return tc{text: text, span: n} }
func vr(text string, n int) tc { return tc{text: text, span: n, vmerge: "restart"} }
func vc(n int) tc              { return tc{span: n, vmerge: "continue"} }
func nums(vals ...string) []tc {
	out := make([]tc, len(vals))
	for i, v := range vals {
		out[i] = c(v)
	}
	return out
}
func trow(cells ...[]tc) []tc {
	var out []tc
	for _, x := range cells {
		out = append(out, x...)
	}
	return out
}
func one(cells ...tc) []tc { return cells }

func (x tc) xml() string {
	var b strings.Builder
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>`)
	if x.span > 1 {
		fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, x.span)
	}
	switch x.vmerge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	for _, p := range strings.Split(x.text, "\n\n") {
		b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + run(p) + `</w:p>`)
	}
	if x.nested != "" {
		b.WriteString(x.nested)
		b.WriteString(`<w:p/>`)
	}
	b.WriteString(`</w:tc>`)
	return b.String()
}

// table writes a w:tbl of rows.
func table(rows ...[]tc) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>`)
		for _, x := range r {
			b.WriteString(x.xml())
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// buildDOCX writes a package whose body is the given XML; extra parts are
// added or replace the defaults (a nil value removes a part).
func buildDOCX(t testing.TB, body string, extra map[string][]byte) []byte {
	t.Helper()
	parts := map[string][]byte{
		"[Content_Types].xml": []byte(contentTypesXML),
		"_rels/.rels":         []byte(relsXML),
		"word/styles.xml":     []byte(stylesXML),
		"word/numbering.xml":  []byte(numberingXML),
		"word/document.xml": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document ` + wNS + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`),
	}
	for k, v := range extra {
		parts[k] = v
	}
	order := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml"}
	for k := range extra {
		if !strings.Contains(strings.Join(order, "\x00"), k) {
			order = append(order, k)
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		data, ok := parts[name]
		if !ok || data == nil {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// t3Labels are the 2021 table-3 rows: group label (with its row span),
// subgroup label (with its span), row label.
type t3row struct {
	group, sub string
	gspan      int
	sspan      int
	label      string
	vals       []string
}

// report2021 composes a whole 2021-format report with Word-style markup:
// auto-numbered section headings, table 2 single values with gridSpan 3,
// table 3 group labels merged with vMerge over 22 rows, a 3×3 header note,
// header text order different from data order, blank cells meaning zero,
// a line break inside header cells and two paragraphs in one cell.
func report2021() string {
	var b strings.Builder
	b.WriteString(wpara("a3", "某某县人民政府2023年政府信息公开工作年度报告"))
	b.WriteString(wpara("", "本报告依据《中华人民共和国政府信息公开条例》编制。"))
	b.WriteString(wpara("SecHead", "总体情况"))
	b.WriteString(wpara("Body", "2023年，全县共收到政府信息公开申请１２件。"))
	b.WriteString(wpara("SecHead", "主动公开政府信息情况"))
	b.WriteString(table(
		one(cs("第二十条第（一）项", 4)),
		one(c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")),
		one(c("规章"), c("0"), c("0"), c("0")),
		one(c("行政规范性文件"), c("3"), c("1"), c("25")),
		one(cs("第二十条第（五）项", 4)),
		one(c("信息内容"), cs("本年处理决定数量", 3)),
		one(c("行政许可"), cs("1,234", 3)),
		one(cs("第二十条第（六）项", 4)),
		one(c("信息内容"), cs("本年处理决定数量", 3)),
		one(c("行政处罚"), cs("56", 3)),
		one(c("行政强制"), cs("", 3)),
		one(cs("第二十条第（八）项", 4)),
		one(c("信息内容"), cs("本年收费金额（单位：万元）", 3)),
		one(c("行政事业性收费"), cs("12.3456", 3)),
	))
	b.WriteString(wpara("SecHead", "收到和处理政府信息公开申请情况"))
	rows := [][]tc{
		one(vr("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), cs("申请人情况", 7)),
		one(vc(3), vr("自然人", 1), cs("法人或其他组织", 5), vr("总计", 1)),
		one(vc(3), vc(1), c("商业\n企业"), c("科研\n机构"), c("社会公益组织"), c("法律服务机构"), c("其他"), vc(1)),
		trow(one(cs("一、本年新收政府信息公开申请数量", 3)), nums("10", "1", "", "", "", "1", "12")),
		trow(one(cs("二、上年结转政府信息公开申请数量", 3)), nums("1", "", "", "", "", "", "1")),
	}
	t3 := []t3row{
		{"三、本年度办理结果", "（一）予以公开", 22, 0, "", []string{"5", "1", "", "", "", "", "6"}},
		{"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0, 0, "", []string{"1", "", "", "", "", "", "1"}},
		{"", "（三）不予公开", 0, 8, "1.属于国家秘密", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "2.其他法律行政法规禁止公开", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "3.危及“三安全一稳定”", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "4.保护第三方合法权益", []string{"1", "", "", "", "", "", "1"}},
		{"", "", 0, 0, "5.属于三类内部事务信息", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "6.属于四类过程性信息", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "7.属于行政执法案卷", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "8.属于行政查询事项", []string{"", "", "", "", "", "", ""}},
		{"", "（四）无法提供", 0, 3, "1.本机关不掌握相关政府信息", []string{"2", "", "", "", "", "", "2"}},
		{"", "", 0, 0, "2.没有现成信息需要另行制作", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "3.补正后申请内容仍不明确", []string{"", "", "", "", "", "", ""}},
		{"", "（五）不予处理", 0, 5, "1.信访举报投诉类申请", []string{"1", "", "", "", "", "", "1"}},
		{"", "", 0, 0, "2.重复申请", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "3.要求提供公开出版物", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "4.无正当理由大量反复申请", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "5.要求行政机关确认或重新出具已获取信息", []string{"", "", "", "", "", "", ""}},
		{"", "（六）其他处理", 0, 3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", []string{"", "", "", "", "", "", ""}},
		{"", "", 0, 0, "3.其他", []string{"", "", "", "", "", "", ""}},
		{"", "（七）总计", 0, 0, "", []string{"10", "1", "", "", "", "", "11"}},
	}
	for i, r := range t3 {
		var cells []tc
		if i == 0 {
			cells = append(cells, vr(r.group, 1))
		} else {
			cells = append(cells, vc(1))
		}
		switch {
		case r.label == "":
			cells = append(cells, cs(r.sub, 2))
		case r.sub != "":
			cells = append(cells, vr(r.sub, 1), c(r.label))
		default:
			cells = append(cells, vc(1), c(r.label))
		}
		rows = append(rows, trow(cells, nums(r.vals...)))
	}
	rows = append(rows, trow(one(cs("四、结转下年度继续办理", 3)), nums("1", "", "", "", "", "1", "2")))
	b.WriteString(table(rows...))
	b.WriteString(wpara("SecHead", "政府信息公开行政复议、行政诉讼情况"))
	b.WriteString(table(
		one(cs("行政复议", 5), cs("行政诉讼", 10)),
		trow(one(vr("结果\n维持", 1), vr("结果\n纠正", 1), vr("其他\n结果", 1), vr("尚未\n审结", 1), vr("总计", 1)),
			one(cs("未经复议直接起诉", 5), cs("复议后起诉", 5))),
		trow(one(vc(1), vc(1), vc(1), vc(1), vc(1)), nums("结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
			"结果维持", "结果纠正", "其他结果", "尚未审结", "总计")),
		one(nums("1", "", "", "", "1", "", "", "", "1", "1", "", "", "", "", "")...),
	))
	b.WriteString(wpara("SecHead", "存在的主要问题及改进情况"))
	b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>` + run("主要问题") + `</w:p>`)
	b.WriteString(wpara("", "一是公开意识有待加强。\n二是平台建设仍需完善。"))
	b.WriteString(wpara("SecHead", "其他需要报告的事项"))
	b.WriteString(wpara("", "本年度未收取信息处理费。"))
	return b.String()
}

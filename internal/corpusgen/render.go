package corpusgen

import (
	"fmt"
	"html"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// Layouts a report can be rendered in.
const (
	LayoutTSV         = "tsv"         // tab-separated cells, like a copy from a web page
	LayoutMarkdown    = "markdown"    // markdown pipe tables with the merged cells expanded
	LayoutSpaced      = "spaced"      // pdftotext -layout style: cells aligned with runs of spaces
	LayoutCellPerLine = "cellperline" // one cell per line
	LayoutRunTogether = "runtogether" // crawler text: each table on one line, cells run together
	LayoutHTML        = "html"        // a CMS page with rowspan/colspan tables
)

// AllLayouts lists every layout.
var AllLayouts = []string{LayoutTSV, LayoutMarkdown, LayoutSpaced, LayoutCellPerLine, LayoutRunTogether, LayoutHTML, LayoutDOCX, LayoutPDF}

// ext returns the file extension of a layout.
func ext(layout string) string {
	switch layout {
	case LayoutMarkdown:
		return ".md"
	case LayoutHTML:
		return ".html"
	case LayoutDOCX:
		return ".docx"
	case LayoutPDF:
		return ".pdf"
	}
	return ".txt"
}

// block is one element of a report in reading order.
type block struct {
	heading bool
	text    string
	table   *ltable
}

// blocks lays out the report: title, preamble, the six sections with their
// tables, signature.
func (rp *Report) blocks() (title string, out []block) {
	name := rp.Body.Name
	if rp.ShortTitle {
		name = rp.Body.Short
	}
	title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", name, rp.Year)
	basis := "国办公开办函〔2021〕30号"
	if rp.Format == model.Format2019 {
		basis = "国办公开办函〔2019〕60号"
	}
	out = append(out, block{text: fmt.Sprintf("本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（%s）编制。本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。", basis, rp.Year, rp.Year)})
	for _, id := range model.SectionOrder {
		if id == rp.OmitSection {
			continue
		}
		out = append(out, block{heading: true, text: model.SectionTitles[id]})
		for _, p := range strings.Split(rp.Sections[id], "\n") {
			if p != "" {
				out = append(out, block{text: p})
			}
		}
		var lt *ltable
		switch id {
		case model.SecActiveDisclosure:
			lt = table2(rp.T2)
		case model.SecRequests:
			lt = table3(rp.T3)
		case model.SecReviewLitigation:
			if !rp.OmitT4 {
				lt = table4(rp.T4)
			}
		}
		if lt != nil {
			if rp.Halfwidth {
				lt.halfwidth()
			}
			out = append(out, block{table: lt})
		}
	}
	out = append(out, block{text: rp.Body.Name}, block{text: rp.Published})
	return title, out
}

// Render returns the report's bytes in its layout.
func (rp *Report) Render() []byte {
	title, blocks := rp.blocks()
	switch rp.Layout {
	case LayoutHTML:
		return rp.renderHTML(title, blocks)
	case LayoutDOCX:
		return rp.renderDOCX(title, blocks)
	case LayoutPDF:
		return rp.renderPDF(title, blocks)
	}
	var sb strings.Builder
	if rp.Layout == LayoutMarkdown {
		sb.WriteString("# " + title + "\n\n")
	} else if rp.Layout == LayoutRunTogether {
		// a crawler's header before the body
		fmt.Fprintf(&sb, "标题：%s\n发布时间：%s\n来源：%s\n原文链接：http://www.example.gov.cn/xxgk/%s.html\n\n%s\n", title, rp.Published, rp.Body.Name, rp.Body.ID, title)
	} else {
		sb.WriteString(title + "\n\n")
	}
	for _, b := range blocks {
		switch {
		case b.table != nil:
			rp.renderTextTable(&sb, b.table)
		case b.heading && rp.Layout == LayoutMarkdown:
			sb.WriteString("## " + b.text + "\n\n")
		case rp.Layout == LayoutRunTogether:
			// paragraphs run together on one line, headings in mid-line
			sb.WriteString(b.text)
		default:
			sb.WriteString(b.text + "\n")
			if rp.Layout == LayoutMarkdown || b.heading {
				sb.WriteString("\n")
			}
		}
	}
	sb.WriteString("\n")
	return []byte(sb.String())
}

// width is the display width of s: two columns per CJK character.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func pad(s string, w int, right bool) string {
	n := w - width(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// isValue reports whether a cell prints a number (a value, not a label).
func isValue(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
		default:
			return false
		}
	}
	return digits > 0
}

func (rp *Report) renderTextTable(sb *strings.Builder, lt *ltable) {
	switch rp.Layout {
	case LayoutMarkdown:
		g := lt.grid(false)
		for i, row := range g {
			sb.WriteString("|")
			for _, s := range row {
				sb.WriteString(" " + s + " |")
			}
			sb.WriteString("\n")
			if i == 0 {
				sb.WriteString("|" + strings.Repeat(" --- |", lt.Cols) + "\n")
			}
		}
		sb.WriteString("\n")
	case LayoutTSV:
		for _, row := range lt.Rows {
			parts := make([]string, len(row))
			for i, cell := range row {
				parts[i] = cell.Text
			}
			sb.WriteString(strings.Join(parts, "\t") + "\n")
		}
		sb.WriteString("\n")
	case LayoutSpaced:
		// labels padded to a common width, values right-aligned in columns
		for _, row := range lt.Rows {
			var line strings.Builder
			var labels []string
			var vals []string
			for _, cell := range row {
				if isValue(cell.Text) {
					vals = append(vals, cell.Text)
				} else {
					labels = append(labels, cell.Text)
				}
			}
			if len(vals) == 0 {
				line.WriteString(strings.Join(labels, "    "))
			} else {
				line.WriteString(pad(strings.Join(labels, "  "), 60, false))
				for _, v := range vals {
					line.WriteString(pad(v, 7, true))
				}
			}
			sb.WriteString("  " + strings.TrimRight(line.String(), " ") + "\n")
		}
		sb.WriteString("\n")
	case LayoutCellPerLine:
		for _, row := range lt.Rows {
			for _, cell := range row {
				if cell.Text != "" {
					sb.WriteString(cell.Text + "\n")
				}
			}
		}
	case LayoutRunTogether:
		for _, row := range lt.Rows {
			for _, cell := range row {
				sb.WriteString(cell.Text)
			}
		}
	}
}

func (rp *Report) renderHTML(title string, blocks []block) []byte {
	var sb strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&sb, `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s_%s</title>
<meta name="ArticleTitle" content="%s"><meta name="PubDate" content="%s">
<link rel="stylesheet" href="/css/site.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="header"><div class="logo">%s</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
<div class="article"><h1>%s</h1><div class="info">发布时间：%s 来源：%s 浏览次数：<span id="hits">%d</span></div>
<div class="TRS_Editor">
`, e(title), e(rp.Body.County), e(title), rp.PubISO, e(rp.Body.County+"人民政府"), e(title), rp.PubISO, e(rp.Body.Name), 100+len(title)*7)
	for _, b := range blocks {
		switch {
		case b.table != nil:
			sb.WriteString(`<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">` + "\n")
			for i, row := range b.table.Rows {
				sb.WriteString("<tr>")
				for _, cell := range row {
					sb.WriteString("<td")
					if cell.RowSpan > 1 {
						fmt.Fprintf(&sb, ` rowspan="%d"`, cell.RowSpan)
					}
					if cell.ColSpan > 1 {
						fmt.Fprintf(&sb, ` colspan="%d"`, cell.ColSpan)
					}
					if i < b.table.Head || isValue(cell.Text) {
						sb.WriteString(` align="center"`)
					}
					txt := e(cell.Text)
					if txt == "" {
						txt = "&nbsp;"
					}
					sb.WriteString(`><p style="text-align:center">` + txt + "</p></td>")
				}
				sb.WriteString("</tr>\n")
			}
			sb.WriteString("</table>\n")
		case b.heading:
			sb.WriteString(`<p style="text-indent:2em"><strong>` + e(b.text) + "</strong></p>\n")
		default:
			sb.WriteString(`<p style="text-indent:2em">` + e(b.text) + "</p>\n")
		}
	}
	sb.WriteString(`</div></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="footer"><p>主办单位：` + e(rp.Body.County+"人民政府办公室") + `　网站标识码：3400000000　备案号：皖ICP备00000000号</p><p>技术支持：某某信息技术有限公司</p></div>
<script>var hits=document.getElementById("hits");</script>
</body></html>
`)
	return []byte(sb.String())
}

package htmldoc

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// page holds the parse of one HTML page.
type page struct {
	ctx  context.Context
	doc  *tables.Document
	root *html.Node
	meta *pageMeta
}

// readMeta fills doc.Meta from the whole page (before chrome is dropped).
func (p *page) readMeta() {
	p.meta = p.readMetaTags()
	m := &p.doc.Meta
	m.Title = p.meta.title
	m.PublishedAt = p.meta.date
	m.Publisher = p.meta.publisher
	m.SourceURL = p.meta.url
	m.IndexNo = p.meta.index
}

// chromeWords mark class or id names of site chrome: navigation,
// breadcrumbs, share buttons, footers, headers, side bars.
var chromeWords = []string{"breadcrumb", "crumb", "share", "footer", "copyright", "navbar", "nav_", "-nav", "_nav",
	"menu", "header", "topbar", "sidebar", "qrcode", "ewm", "position", "location", "weizhi", "dqwz", "search",
	"login", "toolbar", "related", "xgwz", "xgxx", "pager", "pagination", "fenxiang", "friendlink",
	"article_extend", "article_btn", "function_icon", "bottom", "print"}

// chromeTags are HTML5 elements that never hold the article.
var chromeTags = map[string]bool{"nav": true, "footer": true, "aside": true}

func isChromeElement(n *html.Node) bool {
	if chromeTags[n.Data] {
		return true
	}
	if n.Data == "body" || n.Data == "html" || n.Data == "table" || n.Data == "tr" || n.Data == "td" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		if v == "nav" || v == "head" || v == "foot" || v == "top" {
			return true
		}
		for _, w := range chromeWords {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// metaTableLabels are the label cells of a CMS's document-information
// table (名称 / 索引号 / 发布机构 / 公开日期 …), which is page chrome.
var metaTableLabels = map[string]bool{"名称": true, "标题": true, "索引号": true, "分类": true, "主题分类": true,
	"发布机构": true, "发文机关": true, "公开日期": true, "发布日期": true, "成文日期": true, "发文日期": true,
	"文号": true, "发文字号": true, "关键词": true, "主题词": true, "文件下载": true, "时效": true, "有效性": true,
	"公开方式": true, "公开范围": true, "信息来源": true, "生成日期": true, "体裁分类": true, "组配分类": true}

// isMetaTable reports a document-information table: at least three cells
// hold a metadata label and the table is small.
func isMetaTable(n *html.Node) bool {
	if n.Data != "table" {
		return false
	}
	rows := tableRows(n)
	if len(rows) == 0 || len(rows) > 12 {
		return false
	}
	labels := 0
	for _, tr := range rows {
		for _, td := range rowCells(tr) {
			var b strings.Builder
			gatherCell(td, &b, new([]*html.Node))
			if metaTableLabels[strings.TrimRight(squash(strings.ReplaceAll(b.String(), lineBreak, "")), ":：")] {
				labels++
			}
		}
	}
	return labels >= 3
}

// stat is what the body search knows of an element: its text weight (non
// space runes outside links) and its report markers (data tables, lines that
// open a numbered section such as 一、总体情况).
type stat struct {
	weight, markers int
}

var reSection = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}、`)

// measure computes the stat of every element under n.
func measure(n *html.Node, stats map[*html.Node]stat, inLink bool) stat {
	var s stat
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			// Trailing space counts for neither the weight nor the marker.
			t := strings.TrimLeftFunc(c.Data, isSpaceRune)
			if t == "" {
				continue
			}
			if !inLink {
				for _, r := range t {
					if !isSpaceRune(r) {
						s.weight++
					}
				}
			}
			if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("一二三四五六七八九十", r) && reSection.MatchString(t) {
				s.markers++
			}
		case html.ElementNode:
			if kindOf(c)&(kindSkip|kindVoid) != 0 {
				continue
			}
			cs := measure(c, stats, inLink || c.Data == "a")
			s.weight += cs.weight
			s.markers += cs.markers
		}
	}
	if n.Type == html.ElementNode && n.Data == "table" && len(tableRows(n)) >= 2 {
		s.markers++ // a data table marks the report
	}
	if s != (stat{}) {
		stats[n] = s // a missing entry reads as the zero stat
	}
	return s
}

// findBody returns the element that holds the report: site chrome is
// dropped (elements named like navigation, breadcrumbs, share bars,
// footers, unless they hold report markers or much text), then the search
// descends from <body> into the child that keeps every report marker and
// most of the text.
func (p *page) findBody() *html.Node {
	body := findElement(p.root, "body")
	if body == nil {
		return p.root
	}
	stats := map[*html.Node]stat{}
	total := measure(body, stats, false)
	dropped := 0
	var prune func(n *html.Node)
	prune = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				st := stats[c]
				if kindOf(c)&kindSkip != 0 {
					n.RemoveChild(c)
				} else if ((isChromeElement(c) && st.markers == 0) || (isMetaTable(c) && st.markers <= 1)) &&
					st.weight*4 < total.weight {
					n.RemoveChild(c)
					dropped++
					// Keep the ancestors' stats right without measuring again.
					for a := n; a != nil; a = a.Parent {
						as := stats[a]
						as.weight -= st.weight
						as.markers -= st.markers
						stats[a] = as
					}
				} else {
					prune(c)
				}
			}
			c = next
		}
	}
	prune(body)
	cur := body
	for {
		if cur.Data == "table" && !isLayoutTable(cur, tableRows(cur)) {
			break // never into a data table's rows
		}
		cs := stats[cur]
		var best *html.Node
		for c := cur.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (best == nil || stats[c].weight > stats[best].weight) {
				best = c
			}
		}
		if best == nil {
			break
		}
		bs := stats[best]
		if bs.markers != cs.markers || bs.weight == 0 {
			break
		}
		if cs.markers >= 2 {
			if bs.weight*10 < cs.weight*4 {
				break
			}
		} else if bs.weight*10 < cs.weight*8 {
			break
		}
		cur = best
	}
	if dropped > 0 || cur != body {
		p.doc.Diagnostics = append(p.doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
			Message: fmt.Sprintf("article body %s; %d page-chrome elements dropped", describe(cur), dropped)})
	}
	return cur
}

// describe names an element for diagnostics: tag, id and class.
func describe(n *html.Node) string {
	s := "<" + n.Data
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "class" {
			v := a.Val
			if len(v) > 40 {
				v = v[:40]
			}
			s += " " + a.Key + "=\"" + v + "\""
		}
	}
	return s + ">"
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// finish prepends the report title when the body does not print it and
// falls back to a title line of the body for Meta.Title.
func (p *page) finish(body *html.Node) {
	d := p.doc
	if t := d.Meta.Title; t != "" {
		if !strings.Contains(t, "报告") && !strings.Contains(t, "年报") && !strings.Contains(t, "報告") && !strings.Contains(t, "年報") {
			return
		}
		key := squash(t)
		found := false
		for i, b := range d.Blocks {
			if i > 5 {
				break
			}
			if b.Kind != tables.BlockTable && strings.Contains(squash(b.Text), key) {
				found = true
				break
			}
		}
		if !found {
			d.Blocks = append([]tables.Block{{Kind: tables.BlockHeading, Text: d.Meta.Title, Level: 1}}, d.Blocks...)
		}
		return
	}
	for i, b := range d.Blocks {
		if i > 3 || b.Kind == tables.BlockTable {
			break
		}
		if strings.Contains(b.Text, "报告") && utf8.RuneCountInString(b.Text) <= 80 {
			d.Meta.Title = b.Text
			break
		}
	}
}

// squash removes white space, for containment tests.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpaceRune(r) {
			return -1
		}
		return r
	}, s)
}

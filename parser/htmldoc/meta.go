package htmldoc

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// cst is China Standard Time, a fixed +08:00 zone (no tzdata needed).
var cst = time.FixedZone("CST", 8*3600)

// Field labels of the page-chrome lines and metadata tables of government
// CMS pages, longest first so that 信息来源 wins over 来源.
var fieldLabels = []string{
	"发布日期", "发布时间", "公开日期", "公开时间", "成文日期", "发文日期", "印发日期", "生成日期", "更新时间", "更新日期",
	"发布机构", "发文机关", "发文单位", "公开机构", "公开主体", "信息来源", "文章来源", "内容来源", "原文链接", "原文地址",
	"索引号", "浏览次数", "点击次数", "阅读次数", "访问次数", "点击数", "浏览量", "阅读量",
	"来源", "作者", "时间", "日期", "字号", "编辑", "责任编辑",
	// Traditional forms (Big5 mirror sites).
	"發布日期", "發佈日期", "發布時間", "發佈時間", "公開日期", "發布機構", "發文機關", "資訊來源", "信息來源", "文章來源",
	"原文鏈接", "索引號", "瀏覽次數", "點擊數", "來源", "時間",
}

// tradLabels maps the Traditional label forms to the Simplified ones.
var tradLabels = map[string]string{
	"發布日期": "发布日期", "發佈日期": "发布日期", "發布時間": "发布时间", "發佈時間": "发布时间", "公開日期": "公开日期",
	"發布機構": "发布机构", "發文機關": "发文机关", "資訊來源": "信息来源", "信息來源": "信息来源", "文章來源": "文章来源",
	"原文鏈接": "原文链接", "索引號": "索引号", "瀏覽次數": "浏览次数", "點擊數": "点击数", "來源": "来源", "時間": "时间",
}

// chromeLabels start lines that are page chrome, not report text; such a
// paragraph is kept out of the body blocks.
var chromeLabels = map[string]bool{
	"发布日期": true, "发布时间": true, "公开日期": true, "公开时间": true, "成文日期": true, "发文日期": true,
	"更新时间": true, "更新日期": true, "生成日期": true,
	"发布机构": true, "发文机关": true, "公开机构": true, "信息来源": true, "文章来源": true, "内容来源": true,
	"原文链接": true, "原文地址": true, "索引号": true, "浏览次数": true, "点击次数": true, "阅读次数": true,
	"访问次数": true, "点击数": true, "浏览量": true, "阅读量": true, "来源": true, "作者": true, "字号": true,
	"责任编辑": true,
}

// field is one "label：value" pair found in a line.
type field struct {
	label, value string
	at           int // byte offset of the label in the line
}

// parseFields finds "label：value" pairs in a line. A label counts only at
// the start of the line or after a space or bracket (so 统计时间： is not
// 时间：); a value runs to the next label or the end of the line.
func parseFields(line string) []field {
	if !strings.ContainsAny(line, ":：") {
		return nil
	}
	type hit struct {
		label         string
		at, valueFrom int
	}
	var hits []hit
	for i := 0; i < len(line); {
		lab := ""
		if i == 0 || labelBoundary(line[:i]) {
			for _, l := range fieldLabels {
				if strings.HasPrefix(line[i:], l) {
					rest := strings.TrimLeft(line[i+len(l):], " \u3000")
					if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
						lab = l
					}
					break
				}
			}
		}
		if lab == "" {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
			continue
		}
		rest := strings.TrimLeft(line[i+len(lab):], " \u3000")
		_, size := utf8.DecodeRuneInString(rest) // the colon
		from := len(line) - len(rest) + size
		hits = append(hits, hit{label: lab, at: i, valueFrom: from})
		i = from
	}
	out := make([]field, len(hits))
	for k, h := range hits {
		end := len(line)
		if k+1 < len(hits) {
			end = hits[k+1].at
		}
		v := strings.Trim(strings.TrimSpace(line[h.valueFrom:end]), "|｜【】[] \u3000")
		lab := h.label
		if simp, ok := tradLabels[lab]; ok {
			lab = simp
		}
		out[k] = field{label: lab, value: v, at: h.at}
	}
	return out
}

// labelBoundary reports whether a label may start right after prefix.
func labelBoundary(prefix string) bool {
	r, _ := utf8.DecodeLastRuneInString(prefix)
	switch r {
	case ' ', '\u3000', '|', '｜', '【', '[', '（', '(', '>', '】', ']', '/', '，', ',', ';', '；':
		return true
	}
	return false
}

// isChromeLine reports whether a paragraph is a page-chrome line such as
// "发布日期：2020-01-31" or "来源：… 时间：… 浏览次数：…".
func isChromeLine(s string) bool {
	if utf8.RuneCountInString(s) > 120 || strings.Contains(s, "。") {
		return false
	}
	fs := parseFields(s)
	if len(fs) == 0 || fs[0].at != 0 {
		return false
	}
	if chromeLabels[fs[0].label] {
		return true
	}
	// 时间：/日期： alone may be report text; with another field it is chrome.
	return len(fs) > 1
}

var (
	reDate = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?`)
	reURL  = regexp.MustCompile(`https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+`)
)

// parseDate reads the first date (and time) in s in China Standard Time.
func parseDate(s string) *time.Time {
	m := reDate.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	num := func(x string) int { v, _ := strconv.Atoi(x); return v }
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	hh, mm, ss := num(m[4]), num(m[5]), num(m[6])
	if y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return nil
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, cst)
	if t.Day() != d { // 2月30日
		return nil
	}
	return &t
}

// metaNames maps <meta name|property> values (lower case) to DocMeta fields.
var metaNames = map[string]string{
	"articletitle": "title", "og:title": "title", "dc.title": "title",
	"pubdate": "date", "publishdate": "date", "firstpublishedtime": "date", "article:published_time": "date",
	"dc.date": "date", "dc.date.created": "date", "dc.date.issued": "date",
	"contentsource": "publisher", "dc.publisher": "publisher",
	"og:url": "url", "url": "url",
}

// pageMeta collects metadata candidates with their priority (lower wins).
type pageMeta struct {
	title, publisher, url, index string
	titleP, publisherP, urlP     int
	date                         *time.Time
	dateP                        int
}

func (m *pageMeta) setTitle(s string, p int) {
	s = collapse(s)
	if s != "" && (m.title == "" || p < m.titleP) {
		m.title, m.titleP = s, p
	}
}

func (m *pageMeta) setPublisher(s string, p int) {
	s = collapse(s)
	if s == "" || utf8.RuneCountInString(s) > 60 || reURL.MatchString(s) {
		return
	}
	if m.publisher == "" || p < m.publisherP {
		m.publisher, m.publisherP = s, p
	}
}

func (m *pageMeta) setURL(s string, p int) {
	u := reURL.FindString(s)
	if u != "" && (m.url == "" || p < m.urlP) {
		m.url, m.urlP = u, p
	}
}

func (m *pageMeta) setDate(s string, p int) {
	if t := parseDate(s); t != nil && (m.date == nil || p < m.dateP) {
		m.date, m.dateP = t, p
	}
}

// datePriority ranks the date labels: publication first, signing last.
var datePriority = map[string]int{"发布日期": 10, "发布时间": 11, "公开日期": 12, "公开时间": 13, "时间": 14,
	"日期": 15, "发文日期": 16, "印发日期": 17, "成文日期": 18}

// addField records one label/value pair.
func (m *pageMeta) addField(label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	switch label {
	case "发布机构", "发文机关", "公开机构", "公开主体", "发文单位":
		m.setPublisher(value, 10)
	case "信息来源", "文章来源", "内容来源", "来源":
		if reURL.MatchString(value) && !strings.ContainsFunc(value, isWide) {
			m.setURL(value, 20)
		} else {
			m.setPublisher(value, 20)
		}
	case "原文链接", "原文地址":
		m.setURL(value, 15)
	case "索引号":
		if m.index == "" && utf8.RuneCountInString(value) <= 60 {
			m.index = strings.Fields(value)[0]
		}
	default:
		if p, ok := datePriority[label]; ok {
			m.setDate(value, p)
		}
	}
}

// readMetaTags reads <meta>, <title>, <link rel=canonical>, metadata tables
// and labelled lines of the whole page. One walk of the tree collects what
// each source needs; the sources are then read in a fixed order (meta tags,
// canonical links, a report heading, the title, table rows, lines), each in
// document order, as the priorities of the setters expect.
func (p *page) readMetaTags() *pageMeta {
	m := &pageMeta{}
	c := metaCollector{}
	c.walk(p.root, true)
	c.flush()
	for _, n := range c.metas {
		key, _ := attr(n, "name")
		if key == "" {
			key, _ = attr(n, "property")
		}
		val, _ := attr(n, "content")
		switch metaNames[strings.ToLower(strings.TrimSpace(key))] {
		case "title":
			m.setTitle(val, 1)
		case "date":
			m.setDate(val, 1)
		case "publisher":
			m.setPublisher(val, 1)
		case "url":
			m.setURL(val, 1)
		}
	}
	for _, n := range c.links {
		if h, ok := attr(n, "href"); ok {
			m.setURL(h, 2)
		}
	}
	// A heading that names the report, then the page <title> cleaned of the
	// site name.
	for _, h := range c.headings {
		t := collapse(nodeText(h))
		if strings.Contains(t, "报告") && utf8.RuneCountInString(t) <= 80 {
			m.setTitle(t, 3)
			break
		}
	}
	if c.title != nil {
		m.setTitle(cleanTitle(nodeText(c.title)), 4)
	}
	// Metadata tables: a label cell followed by its value cell.
	var cells []*html.Node
	for _, tr := range c.rows {
		cells = cells[:0]
		for k := tr.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && (k.Data == "td" || k.Data == "th") {
				cells = append(cells, k)
			}
		}
		if len(cells) < 2 || len(cells) > 8 {
			continue
		}
		for i := 0; i+1 < len(cells); i++ {
			if !maybeLabel(cells[i]) {
				continue
			}
			if l := fieldLabel(strings.TrimRight(collapse(nodeText(cells[i])), ":： ")); l != "" {
				m.addField(l, collapse(nodeText(cells[i+1])))
				i++
			}
		}
	}
	// Labelled lines anywhere in the page.
	for _, line := range c.lines {
		for _, f := range parseFields(line) {
			m.addField(f.label, f.value)
		}
	}
	return m
}

// metaCollector gathers, in one walk of the tree, the elements the metadata
// sources read and the page's text lines (block and <br> boundaries; script,
// style and head skipped) that may hold "label：value" fields.
type metaCollector struct {
	metas, links, headings, rows []*html.Node
	title                        *html.Node
	lines                        []string
	buf                          []byte // the current line
}

// walk visits the children of n; text is true while their text counts for
// the lines.
func (c *metaCollector) walk(n *html.Node, text bool) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		switch k.Type {
		case html.TextNode:
			if text {
				c.buf = append(c.buf, k.Data...)
			}
		case html.ElementNode:
			switch k.Data {
			case "meta":
				c.metas = append(c.metas, k)
			case "link":
				for _, a := range k.Attr {
					if a.Key == "rel" && a.Val == "canonical" {
						c.links = append(c.links, k)
						break
					}
				}
			case "h1", "h2":
				c.headings = append(c.headings, k)
			case "title":
				if c.title == nil {
					c.title = k
				}
			case "tr":
				c.rows = append(c.rows, k)
			}
			if !text {
				c.walk(k, false)
				continue
			}
			kind := kindOf(k)
			switch {
			case kind&(kindSkip|kindVoid) != 0:
				c.walk(k, false)
			case k.Data == "br":
				c.flush()
			case kind&kindBlock != 0:
				c.flush()
				c.walk(k, true)
				c.flush()
			default:
				c.walk(k, true)
			}
		default:
			// Comments, doctypes: no text, but their children (there are
			// none) would be searched by a selector too.
			c.walk(k, text)
		}
	}
}

// flush ends the current line. Only short lines with a colon can hold
// "label：value" fields.
func (c *metaCollector) flush() {
	if raw := c.buf; len(raw) > 0 && len(raw) < 2000 && hasColon(raw) {
		if s := collapse(string(raw)); s != "" {
			c.lines = append(c.lines, s)
		}
	}
	c.buf = c.buf[:0]
}

// hasColon reports whether b holds ':' or '：' (bytes.ContainsAny without
// its slow path for a non-ASCII set).
func hasColon(b []byte) bool {
	return bytes.IndexByte(b, ':') >= 0 || bytes.Contains(b, []byte("："))
}

// attr returns the value of n's first attribute named key.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// nodeText returns the text of every text node under n, in document order
// (script and style included).
func nodeText(n *html.Node) string {
	if n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode {
		return n.FirstChild.Data
	}
	var b strings.Builder
	appendText(&b, n)
	return b.String()
}

func appendText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		appendText(b, c)
	}
}

// maxLabelLen is the byte length of the longest field label.
var maxLabelLen = func() int {
	n := 0
	for _, l := range fieldLabels {
		n = max(n, len(l))
	}
	return n
}()

// maybeLabel reports whether the text under n may be a field label: without
// white space, invisible characters and colons it is at most maxLabelLen
// bytes long. It spares collapsing the text of every data cell.
func maybeLabel(n *html.Node) bool {
	k := 0
	var count func(n *html.Node) bool
	count = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				for _, r := range c.Data {
					if isSpaceRune(r) || isZeroWidth(r) || r == ':' || r == '：' {
						continue
					}
					if k += utf8.RuneLen(r); k > maxLabelLen {
						return false
					}
				}
			}
			if !count(c) {
				return false
			}
		}
		return true
	}
	return count(n)
}

// fieldLabel returns the Simplified form of a field label, or "".
func fieldLabel(s string) string {
	for _, l := range fieldLabels {
		if s == l {
			if simp, ok := tradLabels[l]; ok {
				return simp
			}
			return l
		}
	}
	return ""
}

// cleanTitle keeps the part of a page title that names the report:
// "某某报告_政府信息公开年报_某某网" → "某某报告".
func cleanTitle(s string) string {
	s = collapse(s)
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '_', '|', '｜', '－', '—', '–', '-':
			return true
		}
		return false
	})
	best := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if strings.Contains(p, "报告") && utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
			best = p
		}
	}
	if best != "" {
		return best
	}
	return s
}

package parser

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// chinaZone is the fixed +08:00 zone of every date printed in a report (no
// tzdata needed).
var chinaZone = time.FixedZone("CST", 8*3600)

// How far into the document the header fields are looked for.
const (
	headBlocks   = 40 // blocks searched for the title and crawler/CMS header lines
	preambleRuns = 12 // prose blocks searched for the body in the preamble
)

// ExtractMeta reads title, issuing body, report year, body level, cited
// basis and publication metadata from the document.
//
// Title: doc.Meta.Title when it reads like a report title, else the value of
// a crawler header line "标题: …", else the first heading or paragraph that
// starts with a title (it holds 信息公开 and ends in 年度报告/年报/报告,
// with no sentence punctuation before that). Header lines (发布时间:,
// 原文链接:, 当前位置:, …) are never taken for the title.
//
// Year (the statistics year): the year printed in the title (2021年,
// 2021年度, fullwidth digits, 二〇二一年); else the first year after a
// 统计期限/统计时间 phrase, reading only the first four digits so that
// garbled dates (202311日至1231日) still give 2023; else the most frequent
// "YYYY年" in section 一 (or in the opening prose when there are no
// sections). It is 0 when nothing plausible (2000–2099) is found.
//
// Body: the name printed in the title before the year, without 关于, quotes
// and 《》; when nothing precedes the year, the name between the year and
// 政府信息公开 (2018年建新镇政府信息公开… → 建新镇). A bare place name
// (…镇, …乡, …街道) is completed from the text: by a short line (a
// signature) or a phrase naming it with 人民政府 or 办事处. Without a title
// the preamble is read ("特编制2023年度X信息公开年度报告", "公布X2021年度…",
// "X2024年政府信息公开"), then the first full township or subdistrict
// name, then a bare township name as the subject of a sentence
// ("…领导下,纳瓦乡认真按照…"), then doc.Meta.Publisher or a "发布机构:"
// header line.
//
// Level and IsGovernment: see bodyLevel.
func ExtractMeta(doc *tables.Document) model.Meta {
	return extractMeta(newDocText(doc, false))
}

// extractMeta is ExtractMeta on prepared text.
func extractMeta(dt *docText) model.Meta {
	var m model.Meta
	if dt == nil {
		return m
	}
	doc := dt.doc
	lines := dt.proseLines()
	m.Title = findTitle(doc, lines)

	m.Year = titleYear(m.Title)
	if m.Year == 0 {
		m.Year = periodYear(lines)
	}
	if m.Year == 0 {
		m.Year = majorityYear(dt)
	}

	m.Body = bodyFromTitle(m.Title)
	if m.Body != "" {
		m.Body = completeBody(m.Body, lines)
	}
	if m.Body == "" {
		m.Body = bodyFromPreamble(lines)
	}
	if m.Body == "" {
		m.Body = strings.TrimSpace(doc.Meta.Publisher)
	}
	if m.Body == "" {
		m.Body = headerValue(lines, "发布机构")
	}
	m.Level, m.IsGovernment = bodyLevel(m.Body)

	seen := map[string]bool{}
	for i := range lines {
		if lines[i].mask&runeHan == 0 {
			continue // findBasis needs 函
		}
		for _, b := range findBasis(lines[i].str()) {
			if !seen[b] {
				seen[b] = true
				m.BasisCited = append(m.BasisCited, b)
			}
		}
	}

	if doc.Meta.PublishedAt != nil {
		t := *doc.Meta.PublishedAt
		m.PublishedAt = &t
	} else {
		m.PublishedAt = findPublished(lines)
	}
	m.SourceURL = strings.TrimSpace(doc.Meta.SourceURL)
	if m.SourceURL == "" {
		m.SourceURL = headerToken(lines, "原文链接")
	}
	m.IndexNo = strings.TrimSpace(doc.Meta.IndexNo)
	if m.IndexNo == "" {
		m.IndexNo = headerToken(lines, "索引号")
	}
	return m
}

// line is one piece of prose text: a paragraph or heading block, or a table
// row with its cells joined by spaces.
type line struct {
	text  string // for a table row, set by str
	block int
	table bool
	row   []tables.GridCell // a table row's cells
	// joined is set once a table row's text is joined.
	joined bool
	// mask has the metaRune bits of the runes of FoldText(text) (all bits
	// when text is not valid UTF-8): a line without a bit cannot hold a
	// word with that rune once folded.
	mask   uint8
	hfold  string // headFold(text), once folded is set
	folded bool
}

// headFold returns headFold(l.text), folding it once.
func (l *line) headFold() string {
	if !l.folded {
		l.hfold, l.folded = headFold(l.str()), true
	}
	return l.hfold
}

// str returns the line's text, joining a table row's cells on first use.
func (l *line) str() string {
	if l.table && !l.joined {
		var b strings.Builder
		for _, c := range l.row {
			if !c.IsCopy() {
				if t := strings.TrimSpace(c.Text); t != "" {
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(t)
				}
			}
		}
		l.text, l.joined = b.String(), true
	}
	return l.text
}

// Bits of metaRune: runes that the header and basis searches need.
const (
	runeQi   = 1 << iota // 期: 日期 labels
	runeJian             // 间: 时间 labels
	runeJie              // 接: 原文链接
	runeHao              // 号: 索引号
	runeHan              // 函: 国办公开办函
)

// metaRune returns the bit of a folded rune the metadata searches look
// for, or 0.
func metaRune(r rune) uint8 {
	switch r {
	case '期':
		return runeQi
	case '间':
		return runeJian
	case '接':
		return runeJie
	case '号':
		return runeHao
	case '函':
		return runeHan
	}
	return 0
}

// proseLines lists the document's text in reading order.
func proseLines(doc *tables.Document) []line {
	return newDocText(doc, false).proseLines()
}

// proseLines lists the document's text in reading order, built once; the
// caller may fill the lines' fold caches.
func (dt *docText) proseLines() []line {
	if dt.lines != nil {
		return dt.lines
	}
	n := len(dt.doc.Blocks)
	for _, b := range dt.doc.Blocks {
		if b.Grid != nil {
			n += len(b.Grid.Rows)
		}
	}
	out := make([]line, 0, n)
	for i, b := range dt.doc.Blocks {
		bt := &dt.blocks[i]
		if b.Kind == tables.BlockTable {
			if b.Grid == nil {
				continue
			}
			ci := bt.cell0
			for _, row := range b.Grid.Rows {
				any := false
				var mask uint8
				for _, c := range row {
					ct := dt.cells[ci]
					ci++
					if !c.IsCopy() {
						if strings.TrimSpace(c.Text) != "" {
							any = true
							mask |= ct.mask
							if !ct.valid {
								mask = 0xFF
							}
						}
					}
				}
				if any {
					out = append(out, line{row: row, block: i, table: true, mask: mask})
				}
			}
			continue
		}
		if strings.TrimSpace(b.Text) != "" {
			mask := bt.mask
			if !bt.valid {
				mask = 0xFF
			}
			out = append(out, line{text: b.Text, block: i, mask: mask})
		}
	}
	dt.lines = out
	return out
}

// stripMarkup removes markdown heading and emphasis marks around a line.
func stripMarkup(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "#>*- \t")
	s = strings.TrimRight(s, "*# \t|")
	return strings.TrimSpace(s)
}

// headerLabels start crawler and CMS header lines that are not the title.
var headerLabels = []string{"发布时间", "发布日期", "公开日期", "成文日期", "原文链接", "当前位置", "您的位置", "当前页面",
	"来源", "作者", "索引号", "文号", "发布机构", "栏目", "本地目录", "页面链接", "分类", "主题分类", "时间", "日期", "字号", "点击"}

// isHeaderLine reports whether a line is crawler/CMS chrome.
func isHeaderLine(s string) bool {
	f := headFold(stripMarkup(s))
	if strings.HasPrefix(f, "===") || strings.HasPrefix(f, "---") {
		return true
	}
	for _, l := range headerLabels {
		if strings.HasPrefix(f, l) {
			rest := strings.TrimSpace(strings.TrimPrefix(f, l))
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ">") || l == "当前位置" || l == "您的位置" || l == "当前页面" {
				return true
			}
		}
	}
	return false
}

// headerValue returns the value of a "label: value" header line (the rest of
// the line), or "".
func headerValue(lines []line, label string) string {
	for i := range lines {
		if i >= headBlocks {
			break
		}
		f := headFold(stripMarkup(lines[i].str()))
		if !strings.HasPrefix(f, label) {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(f, label))
		if strings.HasPrefix(rest, ":") {
			return strings.TrimSpace(rest[1:])
		}
	}
	return ""
}

// headerToken returns the first space-delimited token after "label:" anywhere
// in the head of the document (the label may follow other header fields on
// the same line, as in "作者: | 来源: | 索引号: …").
func headerToken(lines []line, label string) string {
	need := labelBits(label)
	for i := range lines {
		if i >= headBlocks {
			break
		}
		if lines[i].mask&need != need {
			continue
		}
		f := lines[i].headFold()
		for off := 0; ; {
			j := strings.Index(f[off:], label)
			if j < 0 {
				break
			}
			rest := strings.TrimSpace(f[off+j+len(label):])
			off += j + len(label)
			if !strings.HasPrefix(rest, ":") {
				continue
			}
			rest = strings.TrimSpace(rest[1:])
			if k := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '|' }); k >= 0 {
				rest = rest[:k]
			}
			if rest != "" {
				return rest
			}
		}
	}
	return ""
}

// titleEnds are the words a report title ends with, longest first.
var titleEnds = []string{"年度报告", "工作报告", "年报", "报告"}

// titleIn returns the report title a line starts with, or "".
func titleIn(s string) string {
	s = stripMarkup(s)
	if rest, ok := strings.CutPrefix(s, "标题"); ok {
		rest = strings.TrimSpace(rest)
		for _, c := range []string{":", "："} {
			if v, ok := strings.CutPrefix(rest, c); ok {
				return capTitle(strings.TrimSpace(v))
			}
		}
	}
	if isHeaderLine(s) {
		return ""
	}
	end := -1
	for _, w := range titleEnds {
		if i := strings.Index(s, w); i >= 0 && (end < 0 || i+len(w) < end) {
			end = i + len(w)
		}
	}
	if end < 0 {
		return ""
	}
	t := strings.TrimSpace(s[:end])
	if utf8.RuneCountInString(t) > 80 {
		return ""
	}
	ft := tables.FoldText(t)
	if !strings.Contains(ft, "信息公开") {
		return ""
	}
	if strings.ContainsAny(ft, ",.;:。!?、()<>") {
		return "" // a sentence, not a title
	}
	for _, p := range []string{"根据", "依据", "按照", "为", "本", "现将", "特"} {
		if strings.HasPrefix(ft, p) {
			return ""
		}
	}
	return t
}

// maxTitleRunes bounds a title; a longer "标题:" value (a crawler line that
// runs on into the body) is cut after its first 年度报告/年报.
const maxTitleRunes = 100

func capTitle(v string) string {
	if utf8.RuneCountInString(v) <= maxTitleRunes {
		return v
	}
	v = headString(v, 4*maxTitleRunes)
	for _, w := range titleEnds {
		if i := strings.Index(v, w); i >= 0 && utf8.RuneCountInString(v[:i]) < maxTitleRunes {
			return strings.TrimSpace(v[:i+len(w)])
		}
	}
	return ""
}

// headString returns at most the first n bytes of s, cut at a rune start.
func headString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// headFold folds the head of a line: header fields are short and come
// first, so a crawler line running a whole report together need not be
// folded whole.
func headFold(s string) string { return tables.FoldText(headString(s, 4096)) }

// findTitle picks the report title (see ExtractMeta).
func findTitle(doc *tables.Document, lines []line) string {
	if t := titleIn(doc.Meta.Title); t != "" {
		return t
	}
	for i, l := range lines {
		if i >= headBlocks {
			break
		}
		if l.table {
			continue
		}
		if t := titleIn(l.text); t != "" {
			// A title printed on two lines: the body, then "2023年…报告".
			if i > 0 && bodyFromTitle(t) == "" && !lines[i-1].table {
				if prev := stripMarkup(lines[i-1].text); looksLikeBodyLine(prev) {
					return prev + t
				}
			}
			return t
		}
	}
	t := strings.TrimSpace(doc.Meta.Title)
	if strings.Contains(tables.FoldText(t), "信息公开") {
		return t
	}
	return ""
}

// looksLikeBodyLine reports whether a line is nothing but the name of an
// issuing body (the first line of a title set on two lines).
func looksLikeBodyLine(s string) bool {
	c := compact(s)
	if c == "" || utf8.RuneCountInString(c) > 30 || strings.ContainsAny(tables.FoldText(c), ",.;:。!?、()<>《》") || isHeaderLine(s) {
		return false
	}
	if len(findYears(c, true)) > 0 {
		return false
	}
	lvl, _ := bodyLevel(c)
	return lvl != model.LevelUnknown
}

// cnDigits maps the characters of a year written in Chinese numerals.
var cnDigits = map[rune]int{'〇': 0, '○': 0, '零': 0, 'O': 0, 'o': 0, '０': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// asciiDigit returns the value of an ASCII or fullwidth digit, or -1.
func asciiDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// yearSpan is a year found in text, with its rune span.
type yearSpan struct {
	year       int
	start, end int // rune indices; end is after 年/年度 when present
}

// findYears lists the plausible years (2000–2099) in s: four digits not
// part of a longer number, or four Chinese numerals (二〇二一), followed by
// 年 unless loose is set. Spaces between the digits and 年 are allowed. With
// loose, a year is also taken from the first four digits of a longer run
// (garbled dates such as 202311日).
func findYears(s string, loose bool) []yearSpan {
	rs := []rune(s)
	var out []yearSpan
	for i := 0; i+4 <= len(rs); i++ {
		y, ok := 0, true
		digits := asciiDigit(rs[i]) >= 0
		for k := 0; k < 4 && ok; k++ {
			var d int
			if digits {
				d = asciiDigit(rs[i+k])
			} else {
				v, isCN := cnDigits[rs[i+k]]
				d = v
				if !isCN || (k == 0 && v != 2) || (rs[i+k] == 'O' || rs[i+k] == 'o') && k == 0 {
					d = -1
				}
			}
			if d < 0 {
				ok = false
				break
			}
			y = y*10 + d
		}
		if !ok || y < 2000 || y > 2099 {
			continue
		}
		if digits && i > 0 && asciiDigit(rs[i-1]) >= 0 {
			continue
		}
		j := i + 4
		longer := digits && j < len(rs) && asciiDigit(rs[j]) >= 0
		for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\u00a0') {
			j++
		}
		hasNian := j < len(rs) && rs[j] == '年'
		switch {
		case hasNian && !longer:
			j++
			if j < len(rs) && rs[j] == '度' {
				j++
			}
		case loose:
			j = i + 4
		default:
			continue
		}
		out = append(out, yearSpan{year: y, start: i, end: j})
		i += 3
	}
	return out
}

// titleYear returns the year printed in a title, or 0.
func titleYear(title string) int {
	if ys := findYears(title, false); len(ys) > 0 {
		return ys[0].year
	}
	if ys := findYears(title, true); len(ys) > 0 {
		return ys[0].year
	}
	return 0
}

// periodPhrases introduce the statistics period in the preamble.
var periodPhrases = []string{"统计期限", "统计时间", "统计时限", "统计期间", "统计区间", "统计周期", "统计截止"}

// periodYear returns the year of the first statistics-period phrase.
func periodYear(lines []line) int {
	for _, l := range lines {
		if l.table {
			continue
		}
		if !strings.Contains(l.text, "统计") && !strings.Contains(l.text, "統計") {
			continue
		}
		f := tables.FoldText(l.text)
		for _, p := range periodPhrases {
			i := strings.Index(f, p)
			if i < 0 {
				continue
			}
			after := []rune(f[i+len(p):])
			if len(after) > 24 {
				after = after[:24]
			}
			if ys := findYears(string(after), true); len(ys) > 0 {
				return ys[0].year
			}
		}
	}
	return 0
}

// majorityYear returns the most frequent "YYYY年" of section 一, or of the
// opening prose when no section is found; the earliest wins a tie.
func majorityYear(dt *docText) int {
	var text string
	for _, s := range splitSections(dt) {
		if s.ID == model.SecOverview {
			text = s.Text
		}
	}
	if text == "" {
		var b strings.Builder
		for _, l := range dt.proseLines() {
			if l.table || b.Len() > 6000 {
				continue
			}
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
		text = b.String()
	}
	count := map[int]int{}
	best, bestN := 0, 0
	for _, y := range findYears(text, false) {
		count[y.year]++
	}
	for y, n := range count {
		if n > bestN || n == bestN && y < best {
			best, bestN = y, n
		}
	}
	return best
}

// nameTrim are the characters trimmed around a body name.
const nameTrim = " \t\u3000\u00a0《》〈〉<>“”\"'‘’「」『』()（）:：,，、.。|*#"

// compact removes every kind of space from s (PDF and web conversions put
// spaces inside words: "关 于", "2025 年").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' {
			return -1
		}
		return r
	}, s)
}

// cleanBody trims punctuation and the words 关于/特/编制 around a name.
func cleanBody(s string) string {
	for {
		before := s
		s = strings.Trim(s, nameTrim)
		s = strings.TrimPrefix(s, "关于")
		s = strings.TrimSuffix(s, "关于")
		if s == before {
			return s
		}
	}
}

// cutBeforePublic cuts a name in front of 政府信息公开/信息公开/政务公开,
// keeping 人民政府 whole (陇县城关镇人民政府信息公开 → 陇县城关镇人民政府).
func cutBeforePublic(s string) string {
	for _, w := range []string{"人民政府信息公开", "政府信息公开", "信息公开", "政务公开"} {
		if i := strings.Index(s, w); i >= 0 {
			if w == "人民政府信息公开" {
				return s[:i] + "人民政府"
			}
			return s[:i]
		}
	}
	return s
}

// bodyFromTitle returns the issuing body printed in a title.
func bodyFromTitle(title string) string {
	t := compact(title)
	if t == "" {
		return ""
	}
	ys := findYears(t, false)
	if len(ys) == 0 {
		ys = findYears(t, true)
	}
	if len(ys) == 0 {
		return cleanBody(cutBeforePublic(t))
	}
	rs := []rune(t)
	if b := cleanBody(string(rs[:ys[0].start])); b != "" {
		return b
	}
	return cleanBody(cutBeforePublic(string(rs[ys[0].end:])))
}

// isBareCommunity reports whether a name is a township or subdistrict place
// name without the organ (人民政府, 办事处).
func isBareCommunity(s string) bool {
	for _, suf := range []string{"镇", "乡", "街道", "苏木"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// completeBody completes a bare township name from the text: a short line
// (the signature) ending with the name and an organ, else the name followed
// by 人民政府/办事处 anywhere in the prose.
func completeBody(body string, lines []line) string {
	if !isBareCommunity(body) {
		return body
	}
	organs := []string{"人民政府", "办事处"}
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].table {
			continue
		}
		c := compact(stripMarkup(lines[i].text))
		if utf8.RuneCountInString(c) > 30 {
			continue
		}
		for _, o := range organs {
			if strings.HasSuffix(c, body+o) && !strings.ContainsAny(c, ",，。:：;；") {
				return c
			}
		}
	}
	for i := range lines {
		c := compact(lines[i].str())
		for _, o := range organs {
			if strings.Contains(c, body+o) {
				return body + o
			}
		}
	}
	return body
}

var (
	// 特编制2023年度X信息公开年度报告 / 现将2023年X信息公开工作年度报告
	rePreambleYearFirst = regexp.MustCompile(`(?:编制|公布|现将|发布|公开)(?:了|本)?(?:20\d\d)年度?(\p{Han}{2,30}?)(人民政府)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)`)
	// 特向社会公布X2021年度信息公开年度报告
	rePreambleBodyFirst = regexp.MustCompile(`(?:编制|公布|现将|发布)(?:了|本)?(\p{Han}{2,30}?)(?:20\d\d)年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)`)
	// X人民政府2024年政府信息公开…
	reBodyYear = regexp.MustCompile(`(\p{Han}{2,24}?(?:人民政府|办事处|管委会|管理委员会))(?:20\d\d)年度?(?:政府)?信息公开`)
	// a full township or subdistrict name
	reCommunity = regexp.MustCompile(`\p{Han}{2,24}?(?:乡人民政府|镇人民政府|街道办事处)`)
	// a bare township name as the subject of a sentence: ",纳瓦乡认真按照…"
	reSubject = regexp.MustCompile(`(?:^|[,。;:\n])(\p{Han}{2,8}?(?:乡|镇|街道))(?:认真|严格|坚持|按照|根据|高度重视|积极|持续|进一步|共|全年|通过)`)
)

// namePrefixes are words that precede a name in the preamble.
var namePrefixes = []string{"本报告由", "请联系", "请与", "联系", "地址", "由", "经", "根据"}

// bodyFromPreamble finds the issuing body in the opening prose of a report
// printed without a title.
func bodyFromPreamble(lines []line) string {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		if l.table || isHeaderLine(l.text) {
			continue
		}
		if n++; n > preambleRuns {
			break
		}
		b.WriteString(compact(tables.FoldText(headString(l.text, 16<<10))))
		b.WriteByte('\n')
	}
	text := b.String()
	if m := rePreambleYearFirst.FindStringSubmatch(text); m != nil {
		return cleanBody(m[1] + m[2])
	}
	if m := rePreambleBodyFirst.FindStringSubmatch(text); m != nil {
		if s := cleanBody(m[1]); s != "" {
			return s
		}
	}
	if m := reBodyYear.FindStringSubmatch(text); m != nil {
		return cleanBody(m[1])
	}
	all := reCommunity.FindAllString(text, -1)
	if len(all) == 0 {
		for _, m := range reSubject.FindAllStringSubmatch(text, -1) {
			if name := m[1]; !strings.ContainsAny(name, "各全本我该") && !strings.Contains(name, "乡镇") {
				return name
			}
		}
		return ""
	}
	strip := func(s string) string {
		for _, p := range namePrefixes {
			if strings.HasPrefix(s, p) && utf8.RuneCountInString(s)-utf8.RuneCountInString(p) >= 4 {
				return s[len(p):]
			}
		}
		return s
	}
	first := strip(all[0])
	best := first
	for _, s := range all[1:] {
		s = strip(s)
		if strings.HasSuffix(s, first) && len(s) > len(best) {
			best = s
		}
	}
	return best
}

// officeSuffixes name the general office of a government (…人民政府办公室,
// …管委会办公室, a township's 党政办); such a body takes the level of its
// government and is not itself a government.
var officeSuffixes = []string{"党政综合办公室", "党政办公室", "党政办", "办公室", "办公厅"}

// hasOrganSuffix reports whether a name ends with a government organ.
func hasOrganSuffix(s string) bool {
	for _, o := range []string{"人民政府", "政府", "管委会", "管理委员会", "办事处"} {
		if strings.HasSuffix(s, o) {
			return true
		}
	}
	return false
}

// deptSuffixes end the names of departments and other non-government bodies.
var deptSuffixes = []string{"局", "委员会", "委", "办公室", "办", "厅", "中心", "研究所", "所", "院", "站", "队", "处", "署", "社", "馆", "部", "台", "集团", "公司", "协会", "联合会", "总会", "会", "司"}

// zoneSuffixes name development and pilot zones run by a 管委会.
var zoneSuffixes = []string{"综合实验区", "实验区", "开发区", "高新区", "新区", "示范区", "保税区", "试验区", "管委会", "管理委员会"}

// bodyLevel classifies an issuing body (heuristics, in this order):
//
//   - a government's general office (…人民政府办公室/办公厅, …管委会办公室,
//     a township's 党政办) takes the level of its government and is not a
//     government;
//   - …街道办事处, …街道, …街 (subdistricts) and …乡/镇/苏木 (with or
//     without 人民政府) are township-level governments;
//   - a development or pilot zone (…综合实验区, …开发区, …新区, or its
//     管委会) is a county-level government;
//   - a name ending in 人民政府 or 政府, or a bare place name, takes the level
//     of the last administrative unit before it: 省/自治区 → province,
//     市/州/盟 → city, 县/区/旗 → county (a county-level city such as 耒阳市
//     cannot be told from a prefecture city by its name and comes out as
//     city);
//   - any other name ending in 局/委/办/厅/中心/所/院/站/… is a department;
//   - anything else is LevelUnknown.
func bodyLevel(body string) (model.BodyLevel, bool) {
	b := compact(tables.FoldText(body))
	if b == "" {
		return model.LevelUnknown, false
	}
	for _, off := range officeSuffixes {
		rest, ok := strings.CutSuffix(b, off)
		if !ok || rest == "" {
			continue
		}
		if strings.HasPrefix(off, "党政") || hasOrganSuffix(rest) {
			if lvl, _ := bodyLevel(rest); lvl != model.LevelUnknown && lvl != model.LevelDepartment {
				return lvl, false
			}
		}
	}
	for _, s := range []string{"街道办事处", "街道办", "街道", "街"} {
		if strings.HasSuffix(b, s) {
			return model.LevelTownship, true
		}
	}
	core := b
	for _, s := range []string{"人民政府", "政府"} {
		if strings.HasSuffix(core, s) && len(core) > len(s) {
			core = strings.TrimSuffix(core, s)
			break
		}
	}
	for _, s := range zoneSuffixes {
		if strings.HasSuffix(core, s) {
			return model.LevelCounty, true
		}
	}
	if lvl := placeLevel(core); lvl != model.LevelUnknown {
		return lvl, true
	}
	for _, s := range deptSuffixes {
		if strings.HasSuffix(b, s) {
			return model.LevelDepartment, false
		}
	}
	return model.LevelUnknown, false
}

// placeLevel returns the level of a place name by its last unit.
func placeLevel(s string) model.BodyLevel {
	switch {
	case strings.HasSuffix(s, "乡"), strings.HasSuffix(s, "镇"), strings.HasSuffix(s, "苏木"):
		return model.LevelTownship
	case strings.HasSuffix(s, "自治区") && !strings.ContainsAny(s, "市州县"), strings.HasSuffix(s, "省"):
		return model.LevelProvince
	case strings.HasSuffix(s, "自治州"), strings.HasSuffix(s, "市"), strings.HasSuffix(s, "州"), strings.HasSuffix(s, "盟"), strings.HasSuffix(s, "地区"):
		return model.LevelCity
	case strings.HasSuffix(s, "县"), strings.HasSuffix(s, "区"), strings.HasSuffix(s, "旗"):
		return model.LevelCounty
	}
	return model.LevelUnknown
}

// reBasis matches a citation of the national format notices with the
// garbling seen in the wild: 国办公开办函〔2021〕30号, [2021], (2021),
// 〔202130, 202130 号. The input is folded (〔〕 → [], （） → ()).
var reBasis = regexp.MustCompile(`国办公开办函\s*[\[(]?\s*(20\d\d)\s*[\])]?\s*(\d{1,3})\s*号?`)

// findBasis returns the 国办公开办函 citations in s, normalised to
// 国办公开办函〔YYYY〕N号.
func findBasis(s string) []string {
	if !strings.Contains(s, "办函") && !strings.Contains(s, "辦函") {
		return nil
	}
	f := tables.FoldText(s)
	if !strings.Contains(f, "国办公开办函") {
		return nil
	}
	var out []string
	for _, m := range reBasis.FindAllStringSubmatch(f, -1) {
		n, err := strconv.Atoi(m[2])
		if err != nil || n == 0 {
			continue
		}
		out = append(out, "国办公开办函〔"+m[1]+"〕"+strconv.Itoa(n)+"号")
	}
	return out
}

// dateLabels introduce a publication date, most reliable first.
var dateLabels = []string{"发布时间", "发布日期", "公开日期", "成文日期", "时间", "日期"}

// reDate matches a date (and optional time) right after a label.
var reDate = regexp.MustCompile(`^\s*:\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?`)

// findPublished returns the first labelled publication date in the head of
// the document, preferring 发布时间/发布日期 over the other labels.
func findPublished(lines []line) *time.Time {
	for _, label := range dateLabels {
		need := labelBits(label)
		for i := range lines {
			if i >= headBlocks && !(label == "成文日期" || label == "发布日期") {
				break
			}
			if lines[i].mask&need != need {
				continue
			}
			f := lines[i].headFold()
			for off := 0; ; {
				j := strings.Index(f[off:], label)
				if j < 0 {
					break
				}
				off += j + len(label)
				if t, ok := parseDateAt(f[off:]); ok {
					return &t
				}
			}
		}
	}
	return nil
}

// labelBits returns the metaRune bits of the runes of a label.
func labelBits(label string) uint8 {
	var m uint8
	for _, r := range label {
		m |= metaRune(r)
	}
	return m
}

// parseDateAt parses ": 2022-02-08 16:34" and similar at the start of s.
func parseDateAt(s string) (time.Time, bool) {
	m := reDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	num := func(x string) int {
		n, _ := strconv.Atoi(x)
		return n
	}
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	hh, mm, ss := num(m[4]), num(m[5]), num(m[6])
	if y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, chinaZone)
	if t.Day() != d {
		return time.Time{}, false // 2月30日
	}
	return t, true
}

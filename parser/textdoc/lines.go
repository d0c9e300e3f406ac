package textdoc

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// line is one line of the decoded text.
type line struct {
	raw  string // the line without its terminator and without a leading form feed
	off  int    // byte offset of raw[0] in the source
	no   int    // 1-based line number
	page bool   // a form feed (pdftotext's page break) started the line
}

// splitLines cuts src into lines at "\n", "\r\n" and a lone "\r". A form
// feed at the start of a line is removed and recorded as a page break; form
// feeds elsewhere are left in the text.
func splitLines(src string) []line {
	n := strings.Count(src, "\n") + 1
	out := make([]line, 0, n)
	start, no := 0, 1
	emit := func(end int) {
		l := line{raw: src[start:end], off: start, no: no}
		for strings.HasPrefix(l.raw, "\f") {
			l.raw = l.raw[1:]
			l.off++
			l.page = true
		}
		out = append(out, l)
		no++
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			emit(i)
			start = i + 1
		case '\r':
			emit(i)
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(src) {
		emit(len(src))
	}
	return out
}

// isBlankRune reports whether r is white space for trimming: ASCII space and
// tab, U+3000, no-break space, a stray form feed and the byte-order mark.
func isBlankRune(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u00a0', '\f', '\v', '\ufeff', '\u200b':
		return true
	}
	return false
}

// trimSpan trims blank runes from both ends of s and returns the trimmed
// text with the byte offset of its start inside s.
func trimSpan(s string) (string, int) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isBlankRune(r) {
			break
		}
		i += n
	}
	j := len(s)
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isBlankRune(r) {
			break
		}
		j -= n
	}
	return s[i:j], i
}

// atxHeading recognises a markdown ATX heading ("## 一、总体情况") and
// returns its level and text (without the #s and a closing sequence).
func atxHeading(s string) (level int, text string, textOff int, ok bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, "", 0, false
	}
	rest := s[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", 0, false
	}
	t, o := trimSpan(rest)
	// a closing sequence of #s preceded by a space
	if k := strings.TrimRight(t, "#"); len(k) < len(t) && (k == "" || strings.HasSuffix(k, " ")) {
		t, _ = trimSpan(k)
	}
	return level, t, level + o, true
}

// Page chrome printed inside the text: page numbers and page banners.
var (
	reDashPage  = regexp.MustCompile(`^[-－—–―─~～]+ *\d{1,4} *[-－—–―─~～]+$`)
	reNthPage   = regexp.MustCompile(`^(共 *\d{1,4} *页 *[,，]? *)?第 *\d{1,4} *页( *[,，/]? *共 *\d{1,4} *页)?$`)
	reSlashPage = regexp.MustCompile(`^\d{1,4} */ *\d{1,4}$`)
	rePageWord  = regexp.MustCompile(`^(?i:page|p\.|pp\.|p) *\d{1,4}( *(?i:of|/) *\d{1,4})?$`)
)

// isPageChrome reports whether the trimmed line s is a page number or page
// banner: "-3-", "— 3 —", "第3页", "第 3 页 共 12 页", "3/12", "Page 3",
// "P. 3". A bare number is never chrome: it may be a table value.
func isPageChrome(s string) bool {
	if len(s) == 0 || len(s) > 48 || !strings.ContainsFunc(s, isDigitRune) {
		return false
	}
	s = strings.ReplaceAll(s, "\u3000", " ")
	s = foldDigits(s)
	return reDashPage.MatchString(s) || reNthPage.MatchString(s) || reSlashPage.MatchString(s) || rePageWord.MatchString(s)
}

// foldDigits maps fullwidth digits to ASCII.
func foldDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// isNumericText reports whether a cell's text is numeric in the sense of the
// table matcher: anything tables.ParseCell does not classify as text
// (numbers, dashes, 无, blanks).
func isNumericText(s string) bool {
	if len(s) > 64 {
		return false
	}
	if allASCIIDigits(s) {
		return true
	}
	// Fast rejection of labels: a numeric cell starts (after blanks) with a
	// digit, a sign, a dash or slash, 无/没有/無, 零/〇, 增/减, or a fullwidth form.
	t := strings.TrimLeftFunc(s, isBlankRune)
	if t != "" {
		r, _ := utf8.DecodeRuneInString(t)
		if !(r < 0x80 || r >= 0xFF00 && r <= 0xFFEF || strings.ContainsRune("—–―−‐～━─无没無零〇○增减", r)) {
			return false
		}
	}
	return tables.ParseCell(s, model.Loc{}).Kind != model.CellText
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// fieldsAtLeast reports whether s has at least n fields in the sense of
// splitLayout, without allocating.
func fieldsAtLeast(s string, n int) bool {
	count, inField, runLen, runWide := 0, false, 0, false
	for _, r := range s {
		if isBlankRune(r) {
			runLen++
			if r != ' ' {
				runWide = true
			}
			continue
		}
		if !inField || runLen >= 2 || runWide {
			count++
			if count >= n {
				return true
			}
		}
		inField = true
		runLen, runWide = 0, false
	}
	return false
}

const cnDigits = "一二三四五六七八九十"

// startsWithMarker reports whether s begins with a list marker of a row
// label: "一、", "（一）", "(1)", "1.", "1、", "１．", "①". Spaces are ignored.
func startsWithMarker(s string) bool {
	s = strings.TrimLeftFunc(s, isBlankRune)
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳', r >= '⑴' && r <= '⒇', r >= '㈠' && r <= '㈩':
		return true
	case r == '(' || r == '（':
		rest := skipSpaces(s[n:])
		k := 0
		for k < len(rest) {
			c, m := utf8.DecodeRuneInString(rest[k:])
			if !(strings.ContainsRune(cnDigits, c) || isDigitRune(c)) {
				break
			}
			k += m
		}
		if k == 0 {
			return false
		}
		c, _ := utf8.DecodeRuneInString(skipSpaces(rest[k:]))
		return c == ')' || c == '）'
	case strings.ContainsRune(cnDigits, r):
		k := 0
		for k < len(s) {
			c, m := utf8.DecodeRuneInString(s[k:])
			if !strings.ContainsRune(cnDigits, c) {
				break
			}
			k += m
		}
		c, _ := utf8.DecodeRuneInString(skipSpaces(s[k:]))
		return c == '、' || c == '.' || c == '．' || c == '，'
	case isDigitRune(r):
		k, digits := 0, 0
		for k < len(s) {
			c, m := utf8.DecodeRuneInString(s[k:])
			if !isDigitRune(c) {
				break
			}
			k += m
			digits++
		}
		if digits > 2 {
			return false
		}
		c, m := utf8.DecodeRuneInString(s[k:])
		switch c {
		case '、', '）', ')':
			return true
		case '.', '．':
			// "1.属于…" but not the decimal "1.5"
			d, _ := utf8.DecodeRuneInString(s[k+m:])
			return !isDigitRune(d)
		}
	}
	return false
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func skipSpaces(s string) string { return strings.TrimLeftFunc(s, isBlankRune) }

// isSectionHeading reports whether a one-field line is a heading of the
// report's outline ("三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"):
// a Chinese ordinal with 、 and a title naming a 情况 or 事项. Such a line
// ends a space-aligned table.
func isSectionHeading(s string) bool {
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	k := strings.Map(func(r rune) rune {
		if isBlankRune(r) {
			return -1
		}
		return r
	}, s)
	r, _ := utf8.DecodeRuneInString(k)
	if !strings.ContainsRune(cnDigits, r) || !startsWithMarker(k) {
		return false
	}
	return strings.Contains(k, "情况") || strings.Contains(k, "事项") || strings.Contains(k, "措施")
}

// tabRow reports whether a line is a row of a tab-separated table: it has
// at least two non-empty fields, or one field followed by a tab (a row whose
// other cells are blank). A line merely indented with tabs is not a row.
func tabRow(raw string) bool {
	if strings.IndexByte(raw, '\t') < 0 {
		return false
	}
	nonEmpty := 0
	seenText, tabAfterText := false, false
	start := 0
	for k := 0; k <= len(raw); k++ {
		if k < len(raw) && raw[k] != '\t' {
			continue
		}
		if ft, _ := trimSpan(raw[start:k]); ft != "" {
			nonEmpty++
			seenText = true
			if nonEmpty >= 2 {
				return true
			}
		} else if seenText {
			tabAfterText = true
		}
		start = k + 1
	}
	return tabAfterText
}

// isDelimiterRow reports whether s is a markdown table delimiter row
// ("|---|:--:|", "--- | ---").
func isDelimiterRow(s string) bool {
	t, _ := trimSpan(s)
	if t == "" || !strings.Contains(t, "-") {
		return false
	}
	if !strings.Contains(t, "|") {
		return false
	}
	for _, c := range splitPipes(t, 0) {
		x := strings.TrimSpace(c.text)
		x = strings.TrimPrefix(x, ":")
		x = strings.TrimSuffix(x, ":")
		if x == "" || strings.Trim(x, "-") != "" {
			return false
		}
	}
	return true
}

// span is a piece of a line with its byte offset in the source and its
// column (rune index from the start of the line).
type span struct {
	text string
	off  int
	col  int
}

// splitPipes splits a markdown table row at unescaped pipes, dropping the
// outer pipes; cells are trimmed. base is the byte offset of s in the source.
func splitPipes(s string, base int) []span {
	t, lead := trimSpan(s)
	base += lead
	var cells []span
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] == '\\' {
			i++
			continue
		}
		if i == len(t) || t[i] == '|' {
			c, o := trimSpan(t[start:min(i, len(t))])
			cells = append(cells, span{text: c, off: base + start + o})
			start = i + 1
		}
	}
	if strings.HasPrefix(t, "|") && len(cells) > 0 {
		cells = cells[1:]
	}
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, "\\|") && len(cells) > 0 {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// splitLayout splits a space-aligned line into fields separated by runs of
// two or more spaces or by any ideographic space (U+3000). Fields keep
// their inner single spaces. col is the field's rune column in the line.
func splitLayout(s string, base int) []span {
	var out []span
	col := 0
	fieldStart, fieldCol := -1, 0
	runStart, runLen, runWide := -1, 0, false
	flush := func(end int) {
		if fieldStart >= 0 {
			out = append(out, span{text: s[fieldStart:end], off: base + fieldStart, col: fieldCol})
			fieldStart = -1
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isBlankRune(r) {
			if runStart < 0 {
				runStart, runLen, runWide = i, 0, false
			}
			runLen++
			if r != ' ' {
				runWide = true
			}
		} else {
			if runStart >= 0 {
				if fieldStart >= 0 && (runLen >= 2 || runWide) {
					flush(runStart)
				}
				runStart = -1
			}
			if fieldStart < 0 {
				fieldStart, fieldCol = i, col
			}
		}
		i += n
		col++
	}
	if runStart >= 0 {
		flush(runStart)
	} else {
		flush(len(s))
	}
	return out
}

// splitNumericTokens splits fields that hold several numbers separated by
// single spaces ("0 0 0") and a label followed by single-spaced plain
// digits ("行政许可 12"), so that no two values are read as one.
func splitNumericTokens(fs []span) []span {
	var out []span
	for _, f := range fs {
		if !strings.Contains(f.text, " ") || len(f.text) > 512 {
			out = append(out, f)
			continue
		}
		toks := tokenSpans(f)
		// the first token from which every token is a plain number
		k := len(toks)
		for k > 0 && isPlainNumber(toks[k-1].text) {
			k--
		}
		if k == len(toks) || (k == 0 && len(toks) == 1) {
			out = append(out, f)
			continue
		}
		if k > 0 {
			last := toks[k-1]
			out = append(out, span{text: f.text[:last.off-f.off+len(last.text)], off: f.off, col: f.col})
		}
		out = append(out, toks[k:]...)
	}
	return out
}

// tokenSpans splits a field at single spaces.
func tokenSpans(f span) []span {
	var out []span
	col := f.col
	start, startCol := -1, 0
	for i := 0; i < len(f.text); {
		r, n := utf8.DecodeRuneInString(f.text[i:])
		if r == ' ' {
			if start >= 0 {
				out = append(out, span{text: f.text[start:i], off: f.off + start, col: startCol})
				start = -1
			}
		} else if start < 0 {
			start, startCol = i, col
		}
		i += n
		col++
	}
	if start >= 0 {
		out = append(out, span{text: f.text[start:], off: f.off + start, col: startCol})
	}
	return out
}

// isPlainNumber reports whether s is digits with optional separators,
// decimal point or a sign: "12", "1,024", "7730.28", "-3", "+1036".
func isPlainNumber(s string) bool {
	s = foldDigits(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if s == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' || c == '.':
		default:
			return false
		}
	}
	return digits > 0 && s[0] >= '0' && s[0] <= '9'
}

// runeLen is the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

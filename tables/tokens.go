package tables

import (
	"strings"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
)

type tokKind uint8

const (
	tokText  tokKind = iota // label or other text
	tokValue                // a value cell: number, blank, dash, 无
)

// token is one cell, line or run of the document in reading order.
type token struct {
	kind tokKind
	raw  string
	key  string     // LabelKey(raw) for text tokens
	loc  *model.Loc // where the text is (shared with the grid cell or block)
	row  int        // identity of the printed row the token belongs to
	grid bool       // from a grid (a cell), not from a paragraph
	// aligned: the grid's column positions are real.
	aligned bool
	// run: a numeric run cut out of text that runs together (crawler text):
	// its digits may hold several cells and are split by the identities.
	run bool
	// copyCol: a horizontal copy of a merged cell.
	copyCol bool
	// sub: the token is a sub-piece of a paragraph (run-together text).
	sub bool
	// blank: a value token printed empty.
	blank bool
	// beforeValue: a text run followed by a numeric run in the same
	// paragraph; only such runs can be row labels of run-together text.
	beforeValue bool
}

// maxCellRunes bounds what counts as a label line in a stream of short
// paragraphs (one cell per line); longer paragraphs are prose or run-together.
const maxCellRunes = 60

// tokenize flattens the document into tokens.
func tokenize(doc *Document) []token {
	n := 0
	for _, b := range doc.Blocks {
		if b.Grid != nil {
			for _, r := range b.Grid.Rows {
				n += len(r)
			}
		} else {
			n += 2
		}
	}
	toks := make([]token, 0, n+n/4)
	row := 0
	for bi, b := range doc.Blocks {
		switch b.Kind {
		case BlockTable:
			if b.Grid == nil {
				continue
			}
			for _, r := range b.Grid.Rows {
				row++
				for ci, c := range r {
					isText := isTextCell(c.Text)
					if c.SpanRow > 0 && c.SpanCol == 0 && !isText {
						// a value repeated by a vertical span belongs to the first row only
						continue
					}
					t := token{raw: c.Text, loc: &r[ci].Src, row: row, grid: true, aligned: b.Grid.Aligned, copyCol: c.SpanCol > 0}
					if isText {
						// A cell holding a label and its numbers ("规章 0 0 0") is
						// split like run-together text.
						if !b.Grid.Aligned && hasValueDigits(c.Text) {
							parts := splitRuns(c.Text, c.Src, row, false)
							// the row's next cells follow the cell's last run
							if n := len(parts); n > 0 && parts[n-1].kind == tokText {
								parts[n-1].beforeValue = true
							}
							toks = append(toks, parts...)
							continue
						}
						t.kind = tokText
						t.key = LabelKey(c.Text)
					} else {
						t.kind = tokValue
						t.blank = ParseCell(c.Text, model.Loc{}).Kind == model.CellBlank
					}
					toks = append(toks, t)
				}
			}
		default:
			row++
			text := strings.TrimSpace(b.Text)
			if text == "" {
				continue
			}
			if !isTextCell(text) {
				toks = append(toks, token{kind: tokValue, raw: text, loc: &doc.Blocks[bi].Src, row: row})
				continue
			}
			if hasBareNumber(text) {
				toks = append(toks, splitRuns(text, b.Src, row, true)...)
				continue
			}
			key := longProseKey
			if len(text) <= 240 || mayBeAnchor(text) {
				key = LabelKey(text)
			}
			toks = append(toks, token{kind: tokText, raw: text, key: key, loc: &doc.Blocks[bi].Src, row: row})
		}
	}
	return toks
}

// longProseKey stands for the key of a long paragraph that is neither a
// label nor a table anchor: step only needs to know it is long prose, so
// its key is not computed.
var longProseKey = strings.Repeat("-", 241)

// mayBeAnchor reports whether a long paragraph may hold table 3's header
// words (勾稽关系, 申请人情况, in Simplified or Traditional characters), so
// that its key is worth computing.
func mayBeAnchor(s string) bool {
	return strings.Contains(s, "勾稽") || strings.Contains(s, "申请人") || strings.Contains(s, "申請人") ||
		strings.Contains(s, "收到和处理") || strings.Contains(s, "收到和處理")
}

// isTextCell reports whether the text is not a value (number, blank, dash, 无).
func isTextCell(s string) bool {
	return ParseCell(s, model.Loc{}).Kind == model.CellText
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func hasDigitRun(s string) bool {
	for _, r := range s {
		if isASCIIDigit(r) || (r >= '０' && r <= '９') {
			return true
		}
	}
	return false
}

// hasBareNumber reports a run of digits that is not followed by a unit or
// a date word: prose ("2021年", "197条") has none, a table run together with
// its labels has some. Only such paragraphs need splitRuns.
func hasBareNumber(s string) bool {
	inRun := false
	for _, r := range s {
		digit := (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
		switch {
		case digit:
			inRun = true
		case inRun && (r == '.' || r == ',' || r == ' ' || r == '，' || r == '．'):
			// inside a number, or a separator; decide on the next rune
		case inRun:
			if !isUnitRune(r) && r != '、' && r != '.' {
				return true
			}
			inRun = false
		}
	}
	return inRun
}

// hasValueDigits reports digits in a cell beyond its list ordinal ("1.属于
// 国家秘密" has none; "规章 0 0 0" has).
func hasValueDigits(s string) bool {
	if !hasDigitRun(s) {
		return false
	}
	_, rest := StripOrdinal(LabelKey(s))
	return hasDigitRun(rest)
}

// splitRuns cuts text into alternating text and numeric runs. A numeric run
// is digits with the spaces, commas and decimal points between them. A digit
// directly followed by "." or "、" and then a CJK character is an item
// ordinal ("…00000002.其他法律…") and goes with the text after it.
func splitRuns(text string, src model.Loc, row int, para bool) []token {
	folded := []rune(FoldText(text))
	var toks []token
	n := len(folded)
	ro := &runeOffsets{text: text}
	isNumRune := func(r rune) bool { return isASCIIDigit(r) }
	emit := func(kind tokKind, s string, off int) {
		if kind == tokText {
			s2 := strings.TrimSpace(s)
			if s2 == "" {
				return
			}
			toks = append(toks, token{kind: tokText, raw: s2, key: LabelKey(s2), loc: subLoc(src, ro, off), row: row, sub: true})
			return
		}
		toks = append(toks, token{kind: tokValue, raw: strings.TrimSpace(s), loc: subLoc(src, ro, off), row: row, run: true, sub: true})
	}
	i, textStart := 0, 0
	for i < n {
		if !isNumRune(folded[i]) {
			i++
			continue
		}
		// a digit: find the numeric run [i, j)
		j := i
		for j < n {
			r := folded[j]
			if isNumRune(r) || r == ' ' || r == '\t' {
				j++
				continue
			}
			if (r == '.' || r == ',') && j+1 < n && isNumRune(folded[j+1]) && j > i {
				j++
				continue
			}
			break
		}
		// trim trailing spaces
		k := j
		for k > i && (folded[k-1] == ' ' || folded[k-1] == '\t') {
			k--
		}
		// an ordinal "2." / "2、" right after the run belongs to the next label
		if k == j && j < n && (folded[j] == '.' || folded[j] == '、') && j+1 < n && !isNumRune(folded[j+1]) {
			// the last digit is the ordinal
			k--
			j = k
			if k <= i {
				// the whole run is the ordinal: it is text
				i = j + 1
				continue
			}
		}
		// a run embedded in a word (第2条, 2021年) is text, not a value:
		// the run must be followed by a label-like boundary, not by a unit.
		if j < n && isUnitRune(folded[j]) {
			// an amount in 元 right after 政府集中采购 is a table value
			if folded[j] == '元' && strings.HasSuffix(strings.TrimSpace(string(folded[textStart:i])), "采购") {
				emit(tokText, string(folded[textStart:i]), textStart)
				emit(tokValue, string(folded[i:k]), i)
				textStart = j + 1
				i = j + 1
				continue
			}
			i = j
			continue
		}
		if i > 0 && isYearContext(folded, i, k) {
			i = j
			continue
		}
		emit(tokText, string(folded[textStart:i]), textStart)
		emit(tokValue, string(folded[i:k]), i)
		textStart = j
		i = j
	}
	if textStart < n {
		emit(tokText, string(folded[textStart:]), textStart)
	}
	for i := range toks {
		toks[i].beforeValue = toks[i].kind == tokText && i+1 < len(toks) && toks[i+1].kind == tokValue
	}
	// A short run that ends the paragraph, not a sentence, may be a label
	// whose values follow one per line ("1.属于国家秘密" then "0", "0", …).
	if n := len(toks); n > 0 && toks[n-1].kind == tokText {
		k := toks[n-1].key
		if len(k) <= 150 && !strings.HasSuffix(k, "。") && !strings.HasSuffix(k, ";") {
			toks[n-1].beforeValue = true
		}
	}
	_ = para
	return toks
}

// isUnitRune reports characters that mark a number as part of prose.
func isUnitRune(r rune) bool {
	return strings.ContainsRune("件条个份人次年月日号项%％元家篇期批宗余多万亿天小时分秒页版", r)
}

// isYearContext reports a run such as 2021 that precedes 年 (handled by the
// unit test) or that is inside brackets of a 文号.
func isYearContext(f []rune, i, k int) bool {
	if i > 0 && (f[i-1] == '[' || f[i-1] == '〔') {
		return true
	}
	return false
}

// runeOffsets walks a paragraph once and answers, for increasing rune
// indexes, the byte offset of that rune: splitRuns asks for its tokens in
// order, so the whole paragraph costs one pass (a crawler page can be one
// line of several hundred kilobytes).
type runeOffsets struct {
	text       string
	rune, byte int
}

func (r *runeOffsets) at(off int) int {
	if off < r.rune { // not expected: restart
		r.rune, r.byte = 0, 0
	}
	for r.rune < off && r.byte < len(r.text) {
		_, sz := utf8.DecodeRuneInString(r.text[r.byte:])
		r.byte += sz
		r.rune++
	}
	return r.byte
}

// subLoc returns the location of the rune offset off inside a paragraph
// (through ro, which walks the paragraph's raw text once).
func subLoc(src model.Loc, ro *runeOffsets, off int) *model.Loc {
	if src.Offset > 0 {
		// Offsets are bytes; approximate through the raw text's runes.
		src.Offset += ro.at(off)
	}
	return &src
}

// srcLoc returns where the token's text is.
func (t *token) srcLoc() model.Loc {
	if t.loc == nil {
		return model.Loc{}
	}
	return *t.loc
}

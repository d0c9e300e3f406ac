package tables

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/xxgk/nianbao/model"
)

// units that may follow a number in a cell, longest first.
var numberUnits = []string{"万元", "人次", "件次", "件", "条", "个", "份", "元", "项", "次", "家", "宗", "篇", "人"}

// isDashText reports whether s (spaces removed, width folded) is a dash or slash cell.
func isDashText(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch r {
		case '-', '—', '–', '－', '―', '−', '‐', '/', '／', '\\', '~', '～', '━', '─', '_':
		default:
			return false
		}
	}
	return true
}

// stripSpace removes every white-space rune (including U+3000 and U+00A0)
// and zero-width characters.
func stripSpace(s string) string {
	if !strings.ContainsFunc(s, isSpaceLike) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpaceLike(r) {
			return -1
		}
		return r
	}, s)
}

func isSpaceLike(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// ParseCell classifies the text of a table cell and parses its number
// (domain.md §6): blank, dash (—, -, /, …), 无, a number with optional
// thousands separators, sign (+, -, 增, 减) and unit (件, 条, 元, 万元, …),
// 零/〇 as 0, and anything else as text. Raw is kept as given.
func ParseCell(raw string, src model.Loc) model.Cell {
	c := model.Cell{Raw: raw, Src: src}
	if v, ok := plainInt(raw); ok {
		c.Kind = model.CellNumber
		c.Num = model.Int(v)
		return c
	}
	if raw == "" {
		c.Kind = model.CellBlank
		return c
	}
	if obviousText(raw) {
		c.Kind = model.CellText
		return c
	}
	s := stripSpace(width.Fold.String(raw))
	switch {
	case s == "":
		c.Kind = model.CellBlank
		return c
	case isDashText(s):
		c.Kind = model.CellDash
		return c
	case s == "无" || s == "没有" || s == "無":
		c.Kind = model.CellNone
		return c
	case s == "零" || s == "〇" || s == "○":
		c.Kind = model.CellNumber
		return c
	}
	if d, unit, ok := ParseNumber(s); ok {
		c.Kind = model.CellNumber
		c.Num = d
		c.Unit = unit
		return c
	}
	c.Kind = model.CellText
	return c
}

// ParseNumber parses a number as printed in a table cell: fullwidth digits,
// "," "，" and spaces between digits, a leading sign (+ - － 增 减), one
// decimal point and a trailing unit. It returns the unit separately.
func ParseNumber(s string) (d model.Decimal, unit string, ok bool) {
	s = stripSpace(width.Fold.String(s))
	if s == "" {
		return d, "", false
	}
	for _, u := range numberUnits {
		if strings.HasSuffix(s, u) && len(s) > len(u) {
			unit = u
			s = s[:len(s)-len(u)]
			break
		}
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "−"):
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		neg = true
	case strings.HasPrefix(s, "增"):
		s = s[len("增"):]
	case strings.HasPrefix(s, "减"):
		s = s[len("减"):]
		neg = true
	}
	if s == "" {
		return d, "", false
	}
	var b strings.Builder
	b.Grow(len(s) + 1)
	if neg {
		b.WriteByte('-')
	}
	prevDigit, dots := false, 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			b.WriteByte(ch)
			prevDigit = true
		case ch == ',' && prevDigit && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			// thousands separator
		case ch == '.' && prevDigit && dots == 0 && i+1 < len(s):
			b.WriteByte('.')
			dots++
			prevDigit = false
		default:
			if strings.HasPrefix(s[i:], "，") && prevDigit {
				i += len("，") - 1
				continue
			}
			return d, "", false
		}
	}
	v, err := model.ParseDecimal(b.String())
	if err != nil {
		return d, "", false
	}
	return v, unit, true
}

// IsNumeric reports whether the cell text is a number, blank-like value
// (dash, 无) or 零: something that can stand in a value column.
func IsNumeric(raw string) bool {
	c := ParseCell(raw, model.Loc{})
	return c.Kind != model.CellText
}

// plainInt parses the common case quickly: 1 to 12 ASCII digits, nothing else.
func plainInt(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 12 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// obviousText reports text that cannot be a value cell: it holds a Han
// character that is neither a value word (无, 零, 〇, 增, 减, 没有) nor a
// unit (件, 条, 元, 万元, …).
func obviousText(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune("无無零〇增减没有件条个份人次元万项家宗篇", r) {
			return true
		}
	}
	return false
}

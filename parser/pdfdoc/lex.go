package pdfdoc

import (
	"strconv"

	"github.com/xxgk/nianbao/parser/pdfdoc/cmap"
)

// Content-stream operand kinds.
type opKind uint8

const (
	kNum opKind = iota
	kName
	kStr
	kArr
	kDict // a skipped dictionary (marked-content properties)
	kOther
)

// operand is one content-stream operand. Arrays (TJ) keep their elements.
type operand struct {
	kind opKind
	num  float64
	s    []byte // string bytes or name
	arr  []operand
}

// contentLexer tokenises a content stream. It never panics: a malformed
// token is skipped, and every loop advances by at least one byte.
type contentLexer struct {
	b []byte
	i int
}

// next returns the next operand (op == "") or operator (op != ""); ok is
// false at the end of the stream.
func (l *contentLexer) next(depth int) (o operand, op string, ok bool) {
	b := l.b
	for l.i < len(b) {
		c := b[l.i]
		switch {
		case cmap.IsSpace(c):
			l.i++
		case c == '%':
			for l.i < len(b) && b[l.i] != '\n' && b[l.i] != '\r' {
				l.i++
			}
		case c == '(':
			l.i++
			return operand{kind: kStr, s: l.literal()}, "", true
		case c == '<':
			if l.i+1 < len(b) && b[l.i+1] == '<' {
				l.i += 2
				l.skipDict()
				return operand{kind: kDict}, "", true
			}
			l.i++
			var out []byte
			var hi byte
			half := false
			for l.i < len(b) && b[l.i] != '>' {
				if v, ok := cmap.Unhex(b[l.i]); ok {
					if half {
						out = append(out, hi<<4|v)
					} else {
						hi = v
					}
					half = !half
				}
				l.i++
			}
			if half {
				out = append(out, hi<<4)
			}
			l.i++
			return operand{kind: kStr, s: out}, "", true
		case c == '/':
			l.i++
			st := l.i
			for l.i < len(b) && !cmap.IsSpace(b[l.i]) && !cmap.IsDelim(b[l.i]) {
				l.i++
			}
			return operand{kind: kName, s: b[st:l.i]}, "", true
		case c == '[':
			l.i++
			var arr []operand
			for {
				if depth > 32 {
					break
				}
				save := l.i
				for l.i < len(b) && cmap.IsSpace(b[l.i]) {
					l.i++
				}
				if l.i >= len(b) {
					break
				}
				if b[l.i] == ']' {
					l.i++
					break
				}
				e, eop, ok := l.next(depth + 1)
				if !ok {
					break
				}
				if eop != "" { // an operator inside an array: malformed; end the array here
					l.i = save
					for l.i < len(b) && cmap.IsSpace(b[l.i]) {
						l.i++
					}
					break
				}
				if len(arr) < 1<<16 {
					arr = append(arr, e)
				}
			}
			return operand{kind: kArr, arr: arr}, "", true
		case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
			l.i++ // stray delimiter
		default:
			st := l.i
			for l.i < len(b) && !cmap.IsSpace(b[l.i]) && !cmap.IsDelim(b[l.i]) {
				l.i++
			}
			w := b[st:l.i]
			if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' {
				f, err := strconv.ParseFloat(string(w), 64)
				if err != nil {
					f = parseLooseNumber(w)
				}
				return operand{kind: kNum, num: f}, "", true
			}
			if string(w) == "BI" {
				l.skipInlineImage()
				continue
			}
			return operand{}, opName(w), true
		}
	}
	return operand{}, "", false
}

// parseLooseNumber reads what it can of a malformed number such as "--1" or "1.2.3".
func parseLooseNumber(w []byte) float64 {
	end := 0
	for end < len(w) && (w[end] >= '0' && w[end] <= '9' || w[end] == '.' || (end == 0 && (w[end] == '-' || w[end] == '+'))) {
		end++
	}
	f, _ := strconv.ParseFloat(string(w[:end]), 64)
	return f
}

func (l *contentLexer) literal() []byte {
	b := l.b
	depth := 1
	out := make([]byte, 0, 16)
	for l.i < len(b) {
		c := b[l.i]
		l.i++
		switch c {
		case '\\':
			if l.i >= len(b) {
				return out
			}
			e := b[l.i]
			l.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.i < len(b) && b[l.i] == '\n' {
					l.i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(b) && b[l.i] >= '0' && b[l.i] <= '7'; k++ {
						v = v*8 + int(b[l.i]-'0')
						l.i++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return out
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// skipDict skips a << … >> dictionary (nested ones and strings included).
func (l *contentLexer) skipDict() {
	b := l.b
	depth := 1
	for l.i < len(b) && depth > 0 {
		switch {
		case b[l.i] == '(':
			l.i++
			l.literal()
		case b[l.i] == '<' && l.i+1 < len(b) && b[l.i+1] == '<':
			depth++
			l.i += 2
		case b[l.i] == '>' && l.i+1 < len(b) && b[l.i+1] == '>':
			depth--
			l.i += 2
		default:
			l.i++
		}
	}
}

// skipInlineImage skips BI … ID <binary> EI.
func (l *contentLexer) skipInlineImage() {
	b := l.b
	for l.i+1 < len(b) {
		if b[l.i] == 'I' && b[l.i+1] == 'D' && (l.i == 0 || cmap.IsSpace(b[l.i-1])) {
			l.i += 2
			break
		}
		l.i++
	}
	for l.i+2 < len(b) {
		if cmap.IsSpace(b[l.i]) && b[l.i+1] == 'E' && b[l.i+2] == 'I' && (l.i+3 >= len(b) || cmap.IsSpace(b[l.i+3])) {
			l.i += 3
			return
		}
		l.i++
	}
	l.i = len(b)
}

// opName returns the operator's name, without allocating for the
// operators the walker knows.
func opName(w []byte) string {
	switch string(w) {
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tf":
		return "Tf"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "'":
		return "'"
	case "\"":
		return "\""
	case "m":
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "v":
		return "v"
	case "y":
		return "y"
	case "h":
		return "h"
	case "re":
		return "re"
	case "S":
		return "S"
	case "s":
		return "s"
	case "f":
		return "f"
	case "F":
		return "F"
	case "f*":
		return "f*"
	case "B":
		return "B"
	case "B*":
		return "B*"
	case "b":
		return "b"
	case "b*":
		return "b*"
	case "n":
		return "n"
	case "W":
		return "W"
	case "W*":
		return "W*"
	case "Do":
		return "Do"
	case "g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN", "gs", "w", "J", "j", "M", "d", "ri", "i",
		"BDC", "BMC", "EMC", "MP", "DP", "Tr", "sh", "d0", "d1", "BX", "EX":
		return "other"
	}
	return string(w)
}

// Package cmap parses PDF character maps: the ToUnicode CMaps embedded in
// fonts (bfchar, bfrange with carry across bytes, the array form of
// bfrange), embedded encoding CMaps (codespacerange, cidchar, cidrange) and
// the predefined Chinese CMaps that PDF producers name instead of embedding
// (GBK-EUC-H and relatives, UniGB-UCS2-H, UniGB-UTF16-H, Identity-H).
//
// The parser is a small tokenizer of its own: it never panics on malformed
// input, it skips what it does not understand, and it bounds the work done
// on hostile ranges.
package cmap

import (
	"sort"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxRange bounds the number of codes one bfrange/cidrange may expand to
// when it is materialised; larger ranges are kept as arithmetic ranges.
const maxRangeSpan = 1 << 16

// Space is one codespace range: codes of N bytes between Lo and Hi, byte by byte.
type Space struct {
	N      int
	Lo, Hi [4]byte
}

func (s Space) match(b []byte) bool {
	if len(b) < s.N {
		return false
	}
	for i := 0; i < s.N; i++ {
		if b[i] < s.Lo[i] || b[i] > s.Hi[i] {
			return false
		}
	}
	return true
}

type uniRange struct {
	lo, hi uint32
	n      int // code length in bytes
	dst    []rune
	arr    []string // array form: one destination per code
}

type cidRange struct {
	lo, hi uint32
	cid    uint32
}

// CMap is a parsed character map. The zero value maps nothing.
type CMap struct {
	Name   string
	Spaces []Space
	uni    map[uint32]string // bfchar and materialised small ranges, keyed by code|len<<24
	uniRng []uniRange
	cid    map[uint32]uint32
	cidRng []cidRange
}

func key(code uint32, n int) uint32 { return code | uint32(n)<<28 }

// HasUnicode reports whether the map holds any code→Unicode entry.
func (m *CMap) HasUnicode() bool { return m != nil && (len(m.uni) > 0 || len(m.uniRng) > 0) }

// HasCID reports whether the map holds code→CID entries.
func (m *CMap) HasCID() bool { return m != nil && (len(m.cid) > 0 || len(m.cidRng) > 0) }

// Unicode returns the text of an n-byte code and whether the map has it.
func (m *CMap) Unicode(code uint32, n int) (string, bool) {
	if m == nil {
		return "", false
	}
	if s, ok := m.uni[key(code, n)]; ok {
		return s, true
	}
	for i := range m.uniRng {
		r := &m.uniRng[i]
		if r.n == n && code >= r.lo && code <= r.hi {
			off := code - r.lo
			if r.arr != nil {
				if int(off) < len(r.arr) {
					return r.arr[off], true
				}
				return "", false
			}
			return string(addCarry(r.dst, off)), true
		}
	}
	return "", false
}

// CID returns the CID of a code when the map defines one.
func (m *CMap) CID(code uint32) (uint32, bool) {
	if m == nil {
		return 0, false
	}
	if c, ok := m.cid[code]; ok {
		return c, true
	}
	for _, r := range m.cidRng {
		if code >= r.lo && code <= r.hi {
			return r.cid + (code - r.lo), true
		}
	}
	return 0, false
}

// Split cuts b into codes by the codespace ranges; without ranges it uses
// def bytes per code (1 or 2). A byte sequence matching no range consumes
// the shortest range's length (at least one byte) so decoding always advances.
func (m *CMap) Split(b []byte, def int, fn func(code uint32, n int)) {
	var spaces []Space
	if m != nil {
		spaces = m.Spaces
	}
	for len(b) > 0 {
		n := 0
		for _, s := range spaces {
			if s.match(b) {
				n = s.N
				break
			}
		}
		if n == 0 {
			n = def
			if len(spaces) > 0 {
				n = spaces[0].N
				for _, s := range spaces {
					if s.N < n {
						n = s.N
					}
				}
			}
			if n < 1 {
				n = 1
			}
		}
		if n > len(b) {
			n = len(b)
		}
		var c uint32
		for _, x := range b[:n] {
			c = c<<8 | uint32(x)
		}
		fn(c, n)
		b = b[n:]
	}
}

// addCarry adds off to the last rune of dst. Producers write bfrange
// destinations as UTF-16 hex; the increment carries across the byte
// boundary (<4EFF>+1 = <4F00>), which is what arithmetic on the rune gives.
func addCarry(dst []rune, off uint32) []rune {
	if len(dst) == 0 {
		return nil
	}
	out := make([]rune, len(dst))
	copy(out, dst)
	r := out[len(out)-1] + rune(off)
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	out[len(out)-1] = r
	return out
}

// utf16Runes decodes a big-endian UTF-16 byte string (a bfchar/bfrange
// destination). Odd lengths and single bytes are taken as code units.
func utf16Runes(b []byte) []rune {
	if len(b) == 1 {
		return []rune{rune(b[0])}
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return utf16.Decode(u)
}

// token kinds
const (
	tEOF = iota
	tHex
	tStr
	tNum
	tName
	tOp
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

type tok struct {
	kind int
	b    []byte
	s    string
	arr  []tok
}

type lexer struct {
	b []byte
	i int
}

func (l *lexer) next() tok {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		case IsSpace(c):
			l.i++
		case c == '<':
			if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
				l.i += 2
				return tok{kind: tDictOpen}
			}
			l.i++
			var out []byte
			hi, half := byte(0), false
			for l.i < len(l.b) && l.b[l.i] != '>' {
				if v, ok := Unhex(l.b[l.i]); ok {
					if half {
						out = append(out, hi<<4|v)
						half = false
					} else {
						hi, half = v, true
					}
				}
				l.i++
			}
			if half {
				out = append(out, hi<<4)
			}
			l.i++
			return tok{kind: tHex, b: out}
		case c == '>':
			l.i++
			if l.i < len(l.b) && l.b[l.i] == '>' {
				l.i++
				return tok{kind: tDictClose}
			}
		case c == '[':
			l.i++
			return tok{kind: tArrOpen}
		case c == ']':
			l.i++
			return tok{kind: tArrClose}
		case c == '(':
			l.i++
			depth := 1
			var out []byte
			for l.i < len(l.b) {
				c := l.b[l.i]
				l.i++
				if c == '\\' && l.i < len(l.b) {
					out = append(out, l.b[l.i])
					l.i++
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
				out = append(out, c)
			}
			return tok{kind: tStr, b: out}
		case c == '/':
			l.i++
			st := l.i
			for l.i < len(l.b) && !IsSpace(l.b[l.i]) && !IsDelim(l.b[l.i]) {
				l.i++
			}
			return tok{kind: tName, s: string(l.b[st:l.i])}
		default:
			st := l.i
			for l.i < len(l.b) && !IsSpace(l.b[l.i]) && !IsDelim(l.b[l.i]) {
				l.i++
			}
			if l.i == st { // a stray delimiter such as ')' or '{'
				l.i++
				continue
			}
			w := string(l.b[st:l.i])
			if (w[0] >= '0' && w[0] <= '9') || w[0] == '-' || w[0] == '+' || w[0] == '.' {
				return tok{kind: tNum, s: w}
			}
			return tok{kind: tOp, s: w}
		}
	}
	return tok{kind: tEOF}
}

// IsSpace reports PDF white space (PDF 32000 §7.2.2), shared with the
// content-stream lexer.
func IsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// IsDelim reports a PDF delimiter character.
func IsDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// Unhex returns the value of a hexadecimal digit.
func Unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func codeOf(b []byte) (uint32, int) {
	if len(b) > 4 {
		b = b[len(b)-4:]
	}
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c, len(b)
}

// Parse reads a CMap stream. It never fails: unknown or broken parts are
// skipped, so a partly readable map still decodes what it can.
func Parse(data []byte) *CMap {
	m := &CMap{uni: map[uint32]string{}}
	l := &lexer{b: data}
	var operands []tok
	var arr []tok
	inArr := false
	for {
		t := l.next()
		if t.kind == tEOF {
			break
		}
		switch t.kind {
		case tArrOpen:
			inArr, arr = true, nil
			continue
		case tArrClose:
			if inArr {
				inArr = false
				operands = append(operands, tok{kind: tArrOpen, arr: arr})
			}
			continue
		}
		if inArr {
			if len(arr) < maxRangeSpan {
				arr = append(arr, t)
			}
			continue
		}
		if t.kind != tOp {
			if len(operands) > 1<<20 {
				operands = operands[:0]
			}
			operands = append(operands, t)
			continue
		}
		m.op(t.s, operands)
		operands = operands[:0]
	}
	sort.SliceStable(m.Spaces, func(i, j int) bool { return m.Spaces[i].N < m.Spaces[j].N })
	return m
}

func (m *CMap) op(op string, operands []tok) {
	switch op {
	case "endcodespacerange":
		for i := 0; i+1 < len(operands); i += 2 {
			lo, hi := operands[i], operands[i+1]
			if lo.kind != tHex || hi.kind != tHex || len(lo.b) != len(hi.b) || len(lo.b) == 0 || len(lo.b) > 4 {
				continue
			}
			s := Space{N: len(lo.b)}
			copy(s.Lo[:], lo.b)
			copy(s.Hi[:], hi.b)
			m.Spaces = append(m.Spaces, s)
		}
	case "endbfchar":
		for i := 0; i+1 < len(operands); i += 2 {
			src, dst := operands[i], operands[i+1]
			if src.kind != tHex || len(src.b) == 0 {
				continue
			}
			c, n := codeOf(src.b)
			switch dst.kind {
			case tHex:
				m.uni[key(c, n)] = string(utf16Runes(dst.b))
			case tName:
				if r, ok := GlyphRune(dst.s); ok {
					m.uni[key(c, n)] = string(r)
				}
			}
		}
	case "endbfrange":
		for i := 0; i+2 < len(operands); i += 3 {
			lo, hi, dst := operands[i], operands[i+1], operands[i+2]
			if lo.kind != tHex || hi.kind != tHex || len(lo.b) == 0 {
				continue
			}
			a, n := codeOf(lo.b)
			z, _ := codeOf(hi.b)
			if z < a {
				continue
			}
			r := uniRange{lo: a, hi: z, n: n}
			switch dst.kind {
			case tHex:
				r.dst = utf16Runes(dst.b)
			case tArrOpen:
				for _, d := range dst.arr {
					r.arr = append(r.arr, string(utf16Runes(d.b)))
				}
			default:
				continue
			}
			if z-a < 256 { // small ranges: materialise for O(1) lookups
				for c := a; c <= z; c++ {
					off := c - a
					if r.arr != nil {
						if int(off) < len(r.arr) {
							m.uni[key(c, n)] = r.arr[off]
						}
						continue
					}
					m.uni[key(c, n)] = string(addCarry(r.dst, off))
				}
				continue
			}
			m.uniRng = append(m.uniRng, r)
		}
	case "endcidchar":
		for i := 0; i+1 < len(operands); i += 2 {
			src, dst := operands[i], operands[i+1]
			if src.kind != tHex || dst.kind != tNum {
				continue
			}
			c, _ := codeOf(src.b)
			if v, err := strconv.ParseUint(dst.s, 10, 32); err == nil {
				if m.cid == nil {
					m.cid = map[uint32]uint32{}
				}
				m.cid[c] = uint32(v)
			}
		}
	case "endcidrange":
		for i := 0; i+2 < len(operands); i += 3 {
			lo, hi, dst := operands[i], operands[i+1], operands[i+2]
			if lo.kind != tHex || hi.kind != tHex || dst.kind != tNum {
				continue
			}
			a, _ := codeOf(lo.b)
			z, _ := codeOf(hi.b)
			v, err := strconv.ParseUint(dst.s, 10, 32)
			if err != nil || z < a {
				continue
			}
			m.cidRng = append(m.cidRng, cidRange{lo: a, hi: z, cid: uint32(v)})
		}
	case "def":
		if n := len(operands); n >= 2 && operands[n-2].kind == tName && operands[n-2].s == "CMapName" && operands[n-1].kind == tName {
			m.Name = operands[n-1].s
		}
	}
}

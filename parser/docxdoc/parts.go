package docxdoc

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// attrInt reads an integer attribute (def when absent or not a number).
func attrInt(se xml.StartElement, local string, def int) int {
	v := strings.TrimSpace(attr(se, local))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

// newDecoder returns a strict decoder: encoding/xml does not expand custom
// entities, and a reference to an undefined one is a syntax error.
func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d
}

// contentTypesMain returns the part name of the main document declared by
// [Content_Types].xml, or "".
func contentTypesMain(data []byte) string {
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Override" {
			continue
		}
		ct := strings.TrimSpace(attr(se, "ContentType"))
		for _, m := range mainTypes {
			if strings.EqualFold(ct, m) {
				return strings.TrimPrefix(attr(se, "PartName"), "/")
			}
		}
	}
}

// coreTitle returns dc:title of docProps/core.xml.
func coreTitle(data []byte) string {
	d := newDecoder(data)
	in := false
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return strings.TrimSpace(b.String())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			if in {
				return collapse(b.String())
			}
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}

// styleInfo is what the front end needs of a paragraph style.
type styleInfo struct {
	name         string // lower case
	outline      int    // outline level + 1 (0: none)
	basedOn      string
	numID, ilvl  int
	hasNum, kind bool
}

// styles maps paragraph style ids to their definitions.
type styles struct {
	byID map[string]*styleInfo
}

func parseStyles(data []byte) *styles {
	s := &styles{byID: map[string]*styleInfo{}}
	d := newDecoder(data)
	var cur *styleInfo
	for {
		tok, err := d.Token()
		if err != nil {
			return s
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				cur = nil
				if typ := attr(t, "type"); typ == "" || typ == "paragraph" {
					cur = &styleInfo{}
					s.byID[attr(t, "styleId")] = cur
				}
			case "name":
				if cur != nil {
					cur.name = strings.ToLower(strings.TrimSpace(attr(t, "val")))
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if v := attrInt(t, "val", 9); v >= 0 && v < 9 {
						cur.outline = v + 1
					}
				}
			case "numId":
				if cur != nil {
					cur.numID, cur.hasNum = attrInt(t, "val", 0), true
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl = attrInt(t, "val", 0)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" {
				cur = nil
			}
		}
	}
}

// headingLevel returns the heading level of a paragraph style (0: body
// text): Title and heading N styles (English or Chinese names), or an
// outline level, following basedOn links.
func (s *styles) headingLevel(id string) int {
	for hops := 0; id != "" && hops < 10; hops++ {
		st := s.byID[id]
		if st == nil {
			break
		}
		if lvl := levelFromName(st.name); lvl > 0 {
			return lvl
		}
		if st.outline > 0 {
			return st.outline
		}
		id = st.basedOn
	}
	if s.byID[id] == nil {
		// No styles part: Word's built-in ids.
		return levelFromName(strings.ToLower(id))
	}
	return 0
}

// levelFromName maps "title", "heading 2", "标题 2", "heading2" to a level.
func levelFromName(n string) int {
	n = strings.ReplaceAll(n, " ", "")
	switch n {
	case "title", "标题", "subtitle", "副标题":
		return 1
	}
	for _, p := range []string{"heading", "标题"} {
		if strings.HasPrefix(n, p) {
			if v, err := strconv.Atoi(n[len(p):]); err == nil && v >= 1 && v <= 9 {
				return v
			}
		}
	}
	return 0
}

// numPr returns the list numbering a style gives its paragraphs.
func (s *styles) numPr(id string) (numID, ilvl int, ok bool) {
	for hops := 0; id != "" && hops < 10; hops++ {
		st := s.byID[id]
		if st == nil {
			return 0, 0, false
		}
		if st.hasNum {
			return st.numID, st.ilvl, true
		}
		id = st.basedOn
	}
	return 0, 0, false
}

// level is one level of an abstract numbering definition.
type level struct {
	start  int
	format string
	text   string
}

// numbering renders automatic list numbers.
type numbering struct {
	abstract map[int]map[int]*level // abstractNumId → ilvl → level
	nums     map[int]int            // numId → abstractNumId
	counters map[int][]int          // abstractNumId → counters by ilvl
}

func parseNumbering(data []byte) *numbering {
	n := &numbering{abstract: map[int]map[int]*level{}, nums: map[int]int{}}
	d := newDecoder(data)
	abs, curNum := -1, -1
	var lvl *level
	for {
		tok, err := d.Token()
		if err != nil {
			return n
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = attrInt(t, "abstractNumId", -1)
				if abs >= 0 && n.abstract[abs] == nil {
					n.abstract[abs] = map[int]*level{}
				}
			case "lvl":
				lvl = nil
				if abs >= 0 {
					if i := attrInt(t, "ilvl", -1); i >= 0 && i < 9 {
						lvl = &level{start: 1, format: "decimal"}
						n.abstract[abs][i] = lvl
					}
				}
			case "start":
				if lvl != nil {
					lvl.start = attrInt(t, "val", 1)
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = attr(t, "val")
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = attr(t, "val")
				}
			case "num":
				curNum = attrInt(t, "numId", -1)
			case "abstractNumId":
				if curNum >= 0 {
					n.nums[curNum] = attrInt(t, "val", -1)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				abs, lvl = -1, nil
			case "lvl":
				lvl = nil
			case "num":
				curNum = -1
			}
		}
	}
}

// next advances the counter of (numID, ilvl) and returns the rendered
// number text, e.g. "一、" or "（二）" or "1.".
func (n *numbering) next(numID, ilvl int) string {
	if n == nil || numID <= 0 || ilvl < 0 || ilvl > 8 {
		return ""
	}
	absID, ok := n.nums[numID]
	if !ok {
		return ""
	}
	levels := n.abstract[absID]
	lv := levels[ilvl]
	if lv == nil {
		return ""
	}
	if n.counters == nil {
		n.counters = map[int][]int{}
	}
	c := n.counters[absID]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = -1
		}
		n.counters[absID] = c
	}
	if c[ilvl] < 0 {
		c[ilvl] = lv.start
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = -1
	}
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	out := lv.text
	for i := 0; i < 9; i++ {
		ph := "%" + strconv.Itoa(i+1)
		if !strings.Contains(out, ph) {
			continue
		}
		v := c[i]
		f := "decimal"
		if l := levels[i]; l != nil {
			if v < 0 {
				v = l.start
			}
			f = l.format
		}
		if v < 0 {
			v = 1
		}
		out = strings.ReplaceAll(out, ph, formatNumber(v, f))
	}
	return out
}

var (
	cnDigits   = []rune("〇一二三四五六七八九")
	tianGan    = []rune("甲乙丙丁戊己庚辛壬癸")
	circled    = []rune("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
	fullDigits = []rune("０１２３４５６７８９")
)

// formatNumber renders a list counter in a numFmt.
func formatNumber(v int, f string) string {
	switch f {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
		"taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional":
		return chineseNumber(v)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune(cnDigits[d-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string(tianGan[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(circled[v-1])
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune(fullDigits[d-'0'])
		}
		return b.String()
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		if v >= 1 {
			s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
			if f == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if v >= 1 && v < 4000 {
			s := roman(v)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(v)
}

// chineseNumber writes 1..9999 in Chinese counting form (十, 十一, 二十一).
func chineseNumber(v int) string {
	if v <= 0 || v > 9999 {
		return strconv.Itoa(v)
	}
	units := []string{"", "十", "百", "千"}
	digits := strconv.Itoa(v)
	var b strings.Builder
	zero := false
	for i, d := range digits {
		pos := len(digits) - 1 - i
		if d == '0' {
			zero = true
			continue
		}
		if zero && b.Len() > 0 {
			b.WriteRune('零')
		}
		zero = false
		if !(d == '1' && pos == 1 && i == 0) { // 十 not 一十
			b.WriteRune(cnDigits[d-'0'])
		}
		b.WriteString(units[pos])
	}
	return b.String()
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, x := range vals {
		for v >= x {
			b.WriteString(syms[i])
			v -= x
		}
	}
	return b.String()
}

// collapse turns white-space runs (U+3000 and U+00A0 included) into one
// space and trims the ends.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

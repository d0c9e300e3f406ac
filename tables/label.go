package tables

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// radicalMap maps CJK Radicals Supplement code points (U+2E80–U+2EF3), which
// NFKC leaves alone, to the unified ideographs they stand for. Chromium-made
// PDFs emit them through their ToUnicode maps.
var radicalMap = map[rune]rune{
	'⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺐': '尢', '⺒': '巳', '⺓': '幺',
	'⺔': '彑', '⺖': '忄', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺝': '月', '⺞': '歹', '⺟': '母',
	'⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺨': '犭',
	'⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟',
	'⺱': '罒', '⺲': '罒', '⺳': '网', '⺴': '网', '⺵': '网', '⺶': '羊', '⺷': '羊', '⺹': '老',
	'⺺': '聿', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎',
	'⻂': '衤', '⻃': '襾', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝',
	'⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長',
	'⻒': '长', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页',
	'⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食', '⻟': '食', '⻠': '饣', '⻡': '首', '⻢': '马',
	'⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾',
	'⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿', '⻯': '龙', '⻰': '龙', '⻱': '龟', '⻲': '龟', '⻳': '龟',
}

// tradPairs maps the Traditional forms of the characters in the label and
// heading vocabulary to their Simplified forms (Big5 mirror sites).
const tradPairs = "規规範范數数總总計计開开請请處处關关機机構构業业務务會会組组織织員员個个對对於于結结轉转續续辦办與与復复議议訴诉訟讼" +
	"況况報报書书門门預预實实際际決决強强製制廢废現现銷销項项審审費费額额採采購购這这體体統统區区縣县鄉乡鎮镇" +
	"權权條条舉举複复類类內内過过程程讀读執执檢检査查詢询護护險险穩稳維维纠纠糾纠盡尽屬属國国秘秘禁禁" +
	"將将補补們们並并為为時时間间發发佈布細细說说問问題题進进應应當当線线網网頁页圖图簡简單单證证據据" +
	"認认確确重重獲获獲获無无說说記记錄录總总收收據据歷历狀状態态來来級级長长據据稱称導导範范圍围"

var tradMap = func() map[rune]rune {
	m := map[rune]rune{}
	rs := []rune(tradPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// compatRanges are the code-point ranges whose NFKC form differs in ways
// that matter here: Kangxi radicals, CJK symbols, enclosed and circled
// numbers, compatibility ideographs, full-width forms. FoldText maps them
// through a table built from NFKC once, instead of normalising whole
// strings (which costs a lookup per rune).
var compatRanges = [][2]rune{
	{0x2460, 0x24FF}, {0x2F00, 0x2FDF}, {0x3000, 0x303F}, {0x3200, 0x33FF},
	{0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF},
}

var compatMap = func() map[rune]string {
	m := map[rune]string{}
	for _, rg := range compatRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			if n := norm.NFKC.String(s); n != s {
				m[r] = n
			}
		}
	}
	return m
}()

// foldRune maps one rune that is not subject to NFKC expansion.
func foldRune(r rune) rune {
	if m, ok := radicalMap[r]; ok {
		return m
	}
	if m, ok := tradMap[r]; ok {
		return m
	}
	switch r {
	case '“', '”', '„', '‟', '″', '「', '」', '『', '』':
		return '"'
	case '‘', '’', '′':
		return '\''
	case '〔', '［', '【', '〖':
		return '['
	case '〕', '］', '】', '〗':
		return ']'
	case '．':
		return '.'
	case '\u00a0', '\u3000':
		return ' '
	}
	return r
}

// needsFold reports whether FoldText would change r.
func needsFold(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r == 0xA0, r >= 0x2018 && r <= 0x2033:
		return true
	case r >= 0x2E80 && r <= 0x2EFF:
		_, ok := radicalMap[r]
		return ok
	case r >= 0x4E00 && r <= 0x9FFF:
		i := r - 0x4E00
		return tradBits[i>>6]&(1<<(i&63)) != 0
	}
	for _, rg := range compatRanges {
		if r >= rg[0] && r <= rg[1] {
			if _, ok := compatMap[r]; ok {
				return true
			}
			break
		}
	}
	return foldRune(r) != r
}

// tradBits marks the unified ideographs that tradMap maps, so that the
// common case (a Simplified character) costs a bit test, not a map lookup.
var tradBits = func() (b [(0x9FFF - 0x4E00 + 64) / 64]uint64) {
	for r := range tradMap {
		if r >= 0x4E00 && r <= 0x9FFF {
			i := r - 0x4E00
			b[i>>6] |= 1 << (i & 63)
		}
	}
	return b
}()

// FoldText returns the matching form of s: the NFKC forms of full-width
// characters, Kangxi radicals, enclosed numbers (㈠ to (一)) and
// compatibility ideographs; radical-supplement and Traditional forms mapped
// to Simplified; curly quotes and 〔〕［］【】 folded. Spaces are kept. Use it
// for comparison only; keep the raw text for display.
func FoldText(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsFold(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !needsFold(r) {
			b.WriteRune(r)
			continue
		}
		if m, ok := compatMap[r]; ok {
			for _, r2 := range m {
				b.WriteRune(foldRune(r2))
			}
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// keyCache holds the key form of each rune of the Basic Multilingual
// Plane, filled on first use: 0 unknown, 1 removed, 2 several runes
// (computed each time), r+3 the single rune r. LabelKey works rune by rune,
// so a string's key is the concatenation of its runes' keys.
var keyCache [0x10000]atomic.Int32

// LabelKey returns the key a label is matched on: FoldText, then every space,
// line break, quote and list punctuation removed, so that "（一） 予以 公开",
// "(一)予以公开" and "（一）予以\n公开" give the same key "(一)予以公开".
func LabelKey(s string) string {
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		var c int32
		if r >= 0 && r < 0x10000 {
			c = keyCache[r].Load()
			if c == 0 {
				k := []rune(labelKeySlow(string(r)))
				switch len(k) {
				case 0:
					c = 1
				case 1:
					c = k[0] + 3
				default:
					c = 2
				}
				keyCache[r].Store(c)
			}
		}
		switch {
		case c == 1:
		case c >= 3:
			buf = utf8.AppendRune(buf, c-3)
		default:
			buf = append(buf, labelKeySlow(string(r))...)
		}
	}
	return string(buf)
}

// labelKeySlow is the definition of LabelKey.
func labelKeySlow(s string) string {
	s = FoldText(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || isSpaceLike(r) {
			return -1
		}
		switch r {
		case '"', '\'', ':', '*', '|':
			return -1
		case '、', ',', '，':
			return '.'
		}
		return r
	}, s)
}

// StripOrdinal removes a leading list marker from a label key: "一.", "(一)",
// "1.", "(1)", "①" (after NFKC "1"), so that only the label text remains.
// It returns the marker and the rest. It works on bytes and allocates
// nothing: it is called for every text token.
func StripOrdinal(key string) (marker, rest string) {
	i := 0
	isCN := func(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	// scan a run of ordinal characters starting at j; return its end
	run := func(j int) int {
		for j < len(key) {
			r, sz := utf8.DecodeRuneInString(key[j:])
			if !isCN(r) && !isDigit(r) {
				break
			}
			j += sz
		}
		return j
	}
	if len(key) == 0 {
		return "", ""
	}
	first, _ := utf8.DecodeRuneInString(key)
	switch {
	case first == '(':
		j := run(1)
		if j > 1 && j < len(key) && key[j] == ')' {
			i = j + 1
		}
	case isCN(first) || isDigit(first):
		j := run(0)
		switch {
		case j < len(key) && (key[j] == '.' || key[j] == ')'):
			i = j + 1
		case j < len(key) && isDigit(first) && j <= 2:
			// "1属于国家秘密": a digit marker without punctuation, unless
			// the number goes on (a year, a percentage)
			r, _ := utf8.DecodeRuneInString(key[j:])
			if !isDigit(r) && r != '%' && r != '年' && r != '月' && r != '日' && r != '件' {
				i = j
			}
		}
	}
	for i < len(key) && (key[i] == '.' || key[i] == ')') {
		i++
	}
	return key[:i], key[i:]
}

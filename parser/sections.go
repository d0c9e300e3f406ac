package parser

import (
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// sectionHeads are the cores of the six headings of domain.md §2.2 and their
// variants, in key form (tables.LabelKey, 其它 read as 其他) and without the
// words the matcher skips (的, 和, 及, 与, list punctuation). An optional
// prefix of headPrefixes may precede them.
var sectionHeads = [][]string{
	{"总体情况"},
	{"主动公开政府信息情况", "主动公开政府信息工作情况"},
	{"收到处理政府信息公开申请情况", "收到处理信息公开申请情况"},
	{"行政复议行政诉讼情况", "被申请行政复议提起行政诉讼情况", "申请行政复议提起行政诉讼情况",
		"被申请行政复议行政诉讼情况", "行政复议提起行政诉讼情况"},
	problemHeads(),
	{"其他需要报告事项", "其他需要说明事项"},
}

// problemHeads spells the variants of heading 五: 存在的(主要)问题 or
// 主要问题, then 及改进情况, 及改进措施, 及整改措施, 及整改情况.
func problemHeads() []string {
	var out []string
	for _, a := range []string{"存在主要问题", "存在问题", "主要问题"} {
		for _, b := range []string{"改进情况", "改进措施", "整改措施", "整改情况", "改进举措"} {
			out = append(out, a+b)
		}
	}
	return out
}

// headPrefixes may precede a heading core (行政机关主动公开…,
// 政府信息公开工作存在的主要问题…, 因政府信息公开工作被申请行政复议…).
var headPrefixes = []string{"", "行政机关", "政府信息公开工作", "因政府信息公开工作", "因政府信息公开", "政府信息公开", "本机关"}

// headSkip are runes the heading matcher steps over.
func headSkip(r rune) bool {
	switch r {
	case '的', '和', '及', '与', '.', '/', '、':
		return true
	}
	return false
}

// ordinals are the section numbers; index i is section i (一 = overview).
var ordinals = []rune("一二三四五六七八九十")

// keyText is the key form of a text with, for every key rune, the byte
// offset of the source rune it came from.
type keyText struct {
	runes []rune
	offs  []int32
	src   string
}

// hfold maps extra Traditional and variant forms of heading words (它 →
// 他, 動 → 动, 況 → 况, 並 → 并, 於 → 于); the heading matcher applies it to
// the key runes it compares.
func hfold(r rune) rune {
	switch r {
	case '它':
		return '他'
	case '動':
		return '动'
	case '況':
		return '况'
	case '並':
		return '并'
	case '於':
		return '于'
	}
	return r
}

// runeForm packs the fold and key forms of one rune: tables.FoldText and
// tables.LabelKey work rune by rune, so the forms of a valid UTF-8 text are
// the concatenations of the forms of its runes. It holds the metaRune bits
// of the fold (bits 48–55), one of formSame, formGone, formOne (the key is
// the one rune in bits 0–20) or formMulti (the key has several runes:
// compute it), and formDone.
type runeForm uint64

const (
	formDone  runeForm = 1 << 63
	formSame  runeForm = 1 << 62 // the rune is its own fold and key
	formGone  runeForm = 1 << 61 // the key is empty (a space)
	formOne   runeForm = 1 << 60 // the key is one rune
	formMulti runeForm = 1 << 59 // the key has several runes
	formRune  runeForm = 1<<21 - 1
)

func (f runeForm) mask() uint8 { return uint8(f >> 48) }

// bmpForms caches the forms of the Basic Multilingual Plane, filled on
// first use (a report uses a few thousand distinct runes). It holds no
// pointers, so the garbage collector does not scan it.
var bmpForms [0x10000]atomic.Uint64

// formOf returns the forms of r.
func formOf(r rune) runeForm {
	if r >= 0 && r < 0x10000 {
		if f := bmpForms[r].Load(); f != 0 {
			return runeForm(f)
		}
	}
	s := string(r)
	fold, key := tables.FoldText(s), []rune(tables.LabelKey(s))
	f := formDone
	for _, x := range fold {
		f |= runeForm(metaRune(x)) << 48
	}
	switch {
	case fold == s && len(key) == 1 && key[0] == r:
		f |= formSame
	case len(key) == 0:
		f |= formGone
	case len(key) == 1:
		f |= formOne | runeForm(key[0])
	default:
		f |= formMulti
	}
	if r >= 0 && r < 0x10000 {
		bmpForms[r].Store(uint64(f))
	}
	return f
}

// appendKey appends the key runes of s to kt (with their source offsets
// when offs is set) and returns the OR of the runes' metaRune masks and
// whether s is valid UTF-8. The runes are those of newKeyText: an invalid
// byte counts as U+FFFD.
func appendKey(runes []rune, offs []int32, s string, withKeys, withOffs bool) ([]rune, []int32, uint8, bool) {
	var mask uint8
	valid := true
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if c := s[i]; (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) &&
				s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				// A three-byte sequence in U+1000–U+CFFF or U+E000–U+FFFF
				// (CJK, fullwidth forms): every continuation byte is valid
				// there, so this is what utf8.DecodeRuneInString returns.
				r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			} else if r, n = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && n == 1 {
				valid = false
			}
		}
		f := formOf(r)
		mask |= f.mask()
		switch {
		case !withKeys || f&formGone != 0:
		case f&(formSame|formOne) != 0:
			if f&formOne != 0 {
				r = rune(f & formRune)
			}
			runes = append(runes, r)
			if withOffs {
				offs = append(offs, int32(i))
			}
		default:
			for _, k := range tables.LabelKey(string(r)) {
				runes = append(runes, k)
				if withOffs {
					offs = append(offs, int32(i))
				}
			}
		}
		i += n
	}
	if !valid {
		mask = 0xFF
	}
	return runes, offs, mask, valid
}

// newKeyText builds the key form rune by rune so that matches map back to
// the printed text.
func newKeyText(s string) keyText {
	kt := keyText{src: s}
	kt.runes, kt.offs, _, _ = appendKey(nil, nil, s, true, true)
	return kt
}

// byteAt returns the source byte offset of key rune i (len(src) at the end).
func (kt keyText) byteAt(i int) int {
	if i >= len(kt.offs) {
		return len(kt.src)
	}
	return int(kt.offs[i])
}

// docText is the text of a document prepared once for ExtractMeta,
// SplitSections and DetectFormat: the key form of every prose block and
// table cell, with the metaRune masks of their folds.
type docText struct {
	doc    *tables.Document
	keys   bool // the key forms are set, not only the masks
	offs   bool // the source offsets of prose key runes are set
	blocks []blockText
	cells  []cellText // of every table block, row by row
	lines  []line     // proseLines, built on first use
}

// blockText is the key form of one block.
type blockText struct {
	kt    keyText // prose blocks: key runes and source offsets
	mask  uint8   // prose blocks: metaRune bits of the fold
	valid bool    // prose blocks: the text is valid UTF-8
	cell0 int     // table blocks: index of the first cell in docText.cells
}

// cellText is the key form of one grid cell.
type cellText struct {
	key   []rune
	mask  uint8
	valid bool
}

// newDocText prepares doc (nil for a nil doc); without keys only the masks
// are computed.
func newDocText(doc *tables.Document, keys bool) *docText {
	return prepare(doc, keys, true, keys)
}

// prepare is newDocText, leaving the table cells out unless cells is set
// (only splitSections may be given such a docText) and the offsets of the
// key runes unless offs is set (splitSections needs them).
func prepare(doc *tables.Document, keys, cells, offs bool) *docText {
	if doc == nil {
		return nil
	}
	offs = offs && keys
	dt := &docText{doc: doc, keys: keys, offs: offs, blocks: make([]blockText, len(doc.Blocks))}
	var runes []rune
	var offsets []int32
	if keys {
		n, p := 0, 0
		for _, b := range doc.Blocks {
			n += len(b.Text)
			if b.Grid != nil && cells {
				for _, row := range b.Grid.Rows {
					for _, c := range row {
						n += len(c.Text)
					}
				}
			} else {
				p += len(b.Text)
			}
		}
		// One backing array for all blocks; each block's slice is capped so
		// that appending to it cannot overwrite the next.
		runes = make([]rune, 0, n/2+16)
		if offs {
			offsets = make([]int32, 0, p/2+16)
		}
	}
	ncells := 0
	for _, b := range doc.Blocks {
		if b.Kind == tables.BlockTable && b.Grid != nil && cells {
			for _, row := range b.Grid.Rows {
				ncells += len(row)
			}
		}
	}
	dt.cells = make([]cellText, 0, ncells)
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		bt := &dt.blocks[bi]
		if b.Kind == tables.BlockTable {
			if b.Grid == nil || !cells {
				continue
			}
			bt.cell0 = len(dt.cells)
			for _, row := range b.Grid.Rows {
				for _, c := range row {
					if c.Text == "" {
						dt.cells = append(dt.cells, cellText{valid: true})
						continue
					}
					rs := len(runes)
					var m uint8
					var ok bool
					runes, _, m, ok = appendKey(runes, nil, c.Text, keys, false)
					dt.cells = append(dt.cells, cellText{key: runes[rs:len(runes):len(runes)], mask: m, valid: ok})
				}
			}
			continue
		}
		rs, os := len(runes), len(offsets)
		var m uint8
		var ok bool
		runes, offsets, m, ok = appendKey(runes, offsets, b.Text, keys, offs)
		bt.kt = keyText{runes: runes[rs:len(runes):len(runes)], offs: offsets[os:len(offsets):len(offsets)], src: b.Text}
		bt.mask, bt.valid = m, ok
	}
	return dt
}

// analyze returns the metadata, sections and format of doc, preparing
// its text once: FromDocument's ExtractMeta, SplitSections and
// DetectFormat.
func analyze(doc *tables.Document) (model.Meta, []model.Section, model.FormatVersion) {
	dt := newDocText(doc, true)
	meta := extractMeta(dt)
	return meta, splitSections(dt), detectFormat(dt, meta.Year)
}

// The heading words as runes, and the runes a heading can start with.
var (
	headPrefixRunes  = toRunes(headPrefixes)
	sectionHeadRunes = func() [][][]rune {
		out := make([][][]rune, len(sectionHeads))
		for i, cores := range sectionHeads {
			out[i] = toRunes(cores)
		}
		return out
	}()
	headFirstRunes = func() []rune {
		var out []rune
		add := func(ws [][]rune) {
			for _, w := range ws {
				if len(w) > 0 && indexRune(out, w[0]) < 0 {
					out = append(out, w[0])
				}
			}
		}
		add(headPrefixRunes)
		for _, cores := range sectionHeadRunes {
			add(cores)
		}
		return out
	}()
)

func toRunes(ws []string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// matchCore matches pattern at key rune i, stepping over headSkip runes that
// the pattern does not have. It returns the end of the match.
func matchCore(k []rune, i int, pattern []rune) (int, bool) {
	j := i
	for _, p := range pattern {
		for j < len(k) && hfold(k[j]) != p && headSkip(k[j]) {
			j++
		}
		if j >= len(k) || hfold(k[j]) != p {
			return 0, false
		}
		j++
	}
	return j, true
}

// matchHeading matches any heading of the six at key rune i and returns the
// section index and the end of the longest match.
func matchHeading(k []rune, i int) (sec, end int, ok bool) {
	end = -1
	// Every prefix and core starts with a rune that is not a headSkip rune:
	// after the skipped runes, the next one must start one of them.
	j0 := i
	for j0 < len(k) && headSkip(k[j0]) {
		j0++
	}
	if j0 >= len(k) || indexRune(headFirstRunes, hfold(k[j0])) < 0 {
		return sec, end, false
	}
	var prefixEnd [8]int // the end of each prefix (-1: no match)
	pe := prefixEnd[:0]
	for _, p := range headPrefixRunes {
		j := i
		if len(p) > 0 {
			var okp bool
			if j, okp = matchCore(k, i, p); !okp {
				j = -1
			}
		}
		pe = append(pe, j)
	}
	for s, cores := range sectionHeadRunes {
		for _, j := range pe {
			if j < 0 {
				continue
			}
			for _, c := range cores {
				if e, okc := matchCore(k, j, c); okc && e > end {
					sec, end = s, e
				}
			}
		}
	}
	return sec, end, end >= 0
}

// headCand is a heading found in a block.
type headCand struct {
	sec        int // index into model.SectionOrder
	block      int
	start, end int // byte span of the heading in the block text
}

// boundaryBefore reports whether a run-in heading may start after key rune
// r: after sentence punctuation, a closing bracket or table text (digits,
// 元, %, a bar), never inside a sentence.
func boundaryBefore(r rune) bool {
	switch {
	case r >= '0' && r <= '9':
		return true
	}
	switch r {
	case '。', '.', '…', ';', '!', '?', ')', ']', '|', '元', '%', '>', '"':
		return true
	}
	return false
}

// findHeadings lists the heading candidates of one prose block.
func findHeadings(kt keyText, block int, isHeading bool) []headCand {
	text := kt.src
	k := kt.runes
	var out []headCand
	// At the start of the block: markdown marks, then an optional ordinal
	// (一、 一． 一) 一 followed directly by the heading, 第一部分).
	i := 0
	for i < len(k) && strings.ContainsRune("#>-+=", k[i]) {
		i++
	}
	start := i
	isOrd := func(r rune) bool { return ordinal(r) >= 0 }
	if i+3 < len(k) && k[i] == '第' && isOrd(k[i+1]) && k[i+2] == '部' && k[i+3] == '分' {
		// 第一部分 总体情况
		j := i + 4
		if j < len(k) && (k[j] == '.' || k[j] == ')') {
			j++
		}
		if sec, end, ok := matchHeading(k, j); ok {
			out = append(out, headCand{sec: sec, block: block, start: kt.byteAt(start), end: kt.byteAt(end)})
			i = end
		}
	} else if i < len(k) && isOrd(k[i]) {
		j := i + 1
		if j < len(k) && (k[j] == '.' || k[j] == ')') {
			j++
		}
		if sec, end, ok := matchHeading(k, j); ok {
			out = append(out, headCand{sec: sec, block: block, start: kt.byteAt(start), end: kt.byteAt(end)})
			i = end
		}
	} else if sec, end, ok := matchHeading(k, i); ok {
		// Without an ordinal the block must be the heading itself.
		if isHeading || len(k)-end <= 2 {
			out = append(out, headCand{sec: sec, block: block, start: kt.byteAt(start), end: kt.byteAt(end)})
			i = end
		}
	}
	// Run-in headings (crawler text): the canonical ordinal, 、, the
	// heading, at a plausible boundary.
	for p := max(i, 1); p+2 < len(k); p++ {
		if k[p+1] != '.' {
			continue
		}
		o := ordinal(k[p])
		if o < 0 || o >= 6 {
			continue
		}
		prevByte := kt.byteAt(p)
		spaced := prevByte > 0 && strings.ContainsAny(text[prevByteBefore(text, prevByte):prevByte], " \t\u3000\u00a0")
		if !boundaryBefore(k[p-1]) && !spaced {
			continue
		}
		sec, end, ok := matchHeading(k, p+2)
		if !ok || sec != o {
			continue
		}
		out = append(out, headCand{sec: sec, block: block, start: kt.byteAt(p), end: kt.byteAt(end)})
		p = end - 1
	}
	return out
}

// prevByteBefore returns the start of the rune before byte offset off.
func prevByteBefore(s string, off int) int {
	_, n := utf8.DecodeLastRuneInString(s[:off])
	return off - n
}

// ordinal returns the index of r in ordinals, or -1.
func ordinal(r rune) int {
	switch r {
	case '一':
		return 0
	case '二':
		return 1
	case '三':
		return 2
	case '四':
		return 3
	case '五':
		return 4
	case '六':
		return 5
	case '七':
		return 6
	case '八':
		return 7
	case '九':
		return 8
	case '十':
		return 9
	}
	return -1
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// SplitSections finds the six section headings of the 2019/2021 outline in
// the document's prose blocks and returns the sections in document order.
//
// A heading is recognised at the start of a paragraph or heading block, with
// or without its ordinal (一、 一． 一), with the variants of domain.md §2.2
// (行政机关 and 政府信息公开工作 prefixes, 其他/其它, 及改进措施, Traditional
// forms); a block without an ordinal must hold nothing but the heading. The
// ordinal at a block start may differ from the official one (a report with
// seven parts numbers 其他需要报告的事项 as 七). Inside a line (crawler text
// that runs the report together) a heading counts only with its official
// ordinal and after a boundary: sentence punctuation, a space, or table
// text such as a number. Mentions without an ordinal in the preamble
// ("本报告包括总体情况、主动公开…") are never headings.
//
// Of all candidates the longest chain in increasing section order is kept
// (earliest candidates preferred), so a duplicate or an out-of-order mention
// does not hide the real headings. A section's text is the prose after its
// heading (rest of the heading's block included, table grids excluded) up
// to the next kept heading, paragraphs joined by "\n"; Src is the heading
// block's location.
func SplitSections(doc *tables.Document) []model.Section {
	return splitSections(prepare(doc, true, false, true))
}

// splitSections is SplitSections on prepared text.
func splitSections(dt *docText) []model.Section {
	if dt == nil {
		return nil
	}
	if !dt.offs {
		dt = prepare(dt.doc, true, false, true)
	}
	doc := dt.doc
	var cands []headCand
	for bi, b := range doc.Blocks {
		if b.Kind == tables.BlockTable || strings.TrimSpace(b.Text) == "" {
			continue
		}
		cands = append(cands, findHeadings(dt.blocks[bi].kt, bi, b.Kind == tables.BlockHeading)...)
	}
	chain := longestChain(cands)
	if len(chain) == 0 {
		return nil
	}
	out := make([]model.Section, 0, len(chain))
	for ci, c := range chain {
		b := doc.Blocks[c.block]
		sec := model.Section{
			ID:      model.SectionOrder[c.sec],
			Heading: strings.TrimSpace(strings.TrimLeft(b.Text[c.start:c.end], "#>-+= ")),
			Src:     b.Src,
		}
		// Text runs to the next kept heading or the end of the document.
		endBlock, endOff := len(doc.Blocks), 0
		if ci+1 < len(chain) {
			endBlock, endOff = chain[ci+1].block, chain[ci+1].start
		}
		var parts []string
		add := func(s string) {
			if s = strings.TrimSpace(s); s != "" {
				parts = append(parts, s)
			}
		}
		for bi := c.block; bi <= endBlock && bi < len(doc.Blocks); bi++ {
			blk := doc.Blocks[bi]
			if blk.Kind == tables.BlockTable {
				continue
			}
			from, to := 0, len(blk.Text)
			if bi == c.block {
				from = c.end
			}
			if bi == endBlock {
				to = endOff
			}
			if from < to {
				add(blk.Text[from:to])
			}
		}
		sec.Text = strings.Join(parts, "\n")
		out = append(out, sec)
	}
	return out
}

// longestChain returns the longest subsequence of candidates (in document
// order) with strictly increasing section index; among equally long chains
// the one whose headings come earliest wins. It runs in linear time (there
// are only six section values), so a document repeating a heading many
// thousand times cannot slow it down.
func longestChain(c []headCand) []headCand {
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].block != c[j].block {
			return c[i].block < c[j].block
		}
		return c[i].start < c[j].start
	})
	n := len(c)
	if n == 0 {
		return nil
	}
	// best[i]: length of the longest chain starting at i; next[i]: its successor.
	best := make([]int, n)
	next := make([]int, n)
	// head[v]: the earliest candidate of section v after the current one
	// that starts a longest chain among those of section v (-1: none).
	head := make([]int, len(sectionHeads))
	for v := range head {
		head[v] = -1
	}
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = 1, -1
		for v := c[i].sec + 1; v < len(head); v++ {
			j := head[v]
			if j < 0 {
				continue
			}
			if best[j]+1 > best[i] || best[j]+1 == best[i] && next[i] >= 0 && j < next[i] {
				best[i], next[i] = best[j]+1, j
			}
		}
		if v := c[i].sec; head[v] < 0 || best[i] >= best[head[v]] {
			head[v] = i
		}
	}
	first := 0
	for i := range c {
		if best[i] > best[first] {
			first = i
		}
	}
	var out []headCand
	for i := first; i >= 0; i = next[i] {
		out = append(out, c[i])
	}
	return out
}

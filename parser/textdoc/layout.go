package textdoc

import (
	"strings"
	"unicode"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// Limits of the space-aligned table reader.
const (
	maxLabelRun  = 12 // label-only lines in a row before a table is taken to have ended
	maxLookback  = 8  // short lines above a table's first row taken as its header
	maxTrailing  = 3  // continuation lines after a table's last row
	colTolerance = 4  // columns a wrapped label line may be shifted from its first line
	longLine     = 22 // runes from which two one-field lines in a row read as prose
	marginCol    = 8  // columns of the left margin where group labels are printed
)

// layoutTable reads a space-aligned table whose first row is line i and
// returns the index of the first line after it. When the lines turn out not
// to be a table they become paragraphs.
func (p *parser) layoutTable(i int) (int, error) {
	end := p.layoutExtent(i)
	// short header lines just above the first row belong to the table
	k := len(p.pend)
	next := i
	for k > 0 && len(p.pend)-k < maxLookback {
		li := p.pend[k-1]
		s, _ := trimSpan(p.lines[li].raw)
		if p.lines[next].no-p.lines[li].no > 3 || !headerLine(s) {
			break
		}
		k--
		next = li
	}
	idx := make([]int, 0, len(p.pend)-k+end-i)
	idx = append(idx, p.pend[k:]...)
	for li := i; li < end; li++ {
		idx = append(idx, li)
	}
	b := &gridBuilder{p: p, closed: -1, dropped: -1, prevKept: -1}
	for n, li := range idx {
		if n%ctxEvery == 0 {
			if err := p.ctx.Err(); err != nil {
				return end, err
			}
		}
		b.line(li)
	}
	g, ok := b.finish()
	if !ok {
		for li := i; li < end; li++ {
			s, o := trimSpan(p.lines[li].raw)
			switch {
			case s == "":
			case isPageChrome(s):
				p.chrome(p.lines[li], s, o)
			default:
				p.pend = append(p.pend, li)
			}
		}
		return end, nil
	}
	p.pend = p.pend[:k]
	p.flush()
	p.doc.Diagnostics = append(p.doc.Diagnostics, b.chrome...)
	p.doc.AddGrid(g)
	for n := range b.diags {
		b.diags[n].Src.Table = g.Src.Table
	}
	p.doc.Diagnostics = append(p.doc.Diagnostics, b.diags...)
	return end, nil
}

// headerLine reports whether a paragraph line above a table may be part of
// its header: short, not a heading, not a sentence.
func headerLine(s string) bool {
	return runeLen(s) <= 26 && !isSectionHeading(s) && !isProseLine(s) && !isHeadingLine(s)
}

// isTableRowLine reports whether a line has at least two fields or is a
// lone value: a line that keeps a space-aligned table going.
func isTableRowLine(l line) bool {
	if fieldsAtLeast(l.raw, 2) {
		return true
	}
	t, _ := trimSpan(l.raw)
	return t != "" && isNumericText(t)
}

// layoutExtent returns the end (exclusive) of the space-aligned table
// starting at line i: it runs over rows, label lines, blank lines and page
// chrome, and stops at a heading, a sentence, another kind of table, or too
// many label lines without a row.
func (p *parser) layoutExtent(i int) int {
	n := len(p.lines)
	last, run := i, 0
	for j := i; j < n; j++ {
		l := p.lines[j]
		s, _ := trimSpan(l.raw)
		if s == "" || isPageChrome(s) {
			continue
		}
		if isHeadingLine(s) || tabRow(l.raw) || isSectionHeading(s) || isProseLine(s) ||
			j+1 < n && strings.Contains(s, "|") && isDelimiterRow(p.lines[j+1].raw) {
			break
		}
		if isTableRowLine(l) {
			last, run = j, 0
			continue
		}
		if runeLen(s) >= longLine && p.nextIsLong(j) {
			break
		}
		if run++; run > maxLabelRun {
			break
		}
	}
	// directly following short continuation lines of the last row
	e := last + 1
	for c := 0; c < maxTrailing && e < n; c++ {
		s, _ := trimSpan(p.lines[e].raw)
		if s == "" || runeLen(s) > 12 || startsWithMarker(s) || isPageChrome(s) || isSectionHeading(s) ||
			isHeadingLine(s) || isProseLine(s) || tabRow(p.lines[e].raw) || isTableRowLine(p.lines[e]) {
			break
		}
		e++
	}
	return e
}

// nextIsLong reports whether the next non-blank line after j is a long line
// of one field (the second line of a wrapped paragraph).
func (p *parser) nextIsLong(j int) bool {
	for k := j + 1; k < len(p.lines) && k <= j+3; k++ {
		s, _ := trimSpan(p.lines[k].raw)
		if s == "" {
			continue
		}
		return runeLen(s) >= longLine && !fieldsAtLeast(s, 2)
	}
	return false
}

// gridBuilder assembles the rows of a space-aligned table line by line.
type gridBuilder struct {
	p       *parser
	rows    []*brow
	pending *brow // a label printed above its values, waiting for them

	groups  []span // group-label fragments removed from the left margin
	diags   []model.Diagnostic
	chrome  []model.Diagnostic
	header  strings.Builder // label text before the first value row
	numeric bool            // a value row has been seen

	closed   int  // label pieces on lines before this one can no longer be continued
	blankRun int  // blank lines since the last kept line
	glue     bool // a page break since the last kept line
	dropped  int  // index in diags of the repeated-header note being written, -1 if none
	// afterBreak is set for the first kept line after a page break: the
	// columns of the new page need not line up with the old one's.
	afterBreak bool
	hpos       int // how much of the header text a repeated header has matched
	prevKept   int // line index of the last kept line
}

// tailTarget returns the value row or pending label whose label ends on
// the line just above f and starts in f's column.
func (b *gridBuilder) tailTarget(f span) *brow {
	t := b.pending
	if t == nil && len(b.rows) > 0 {
		t = b.rows[len(b.rows)-1]
	}
	if t == nil || t.label < 0 || t.lastLine != b.prevKept || !b.numeric {
		return nil
	}
	col := t.labelCol
	if t.label < len(t.cols) {
		col = t.cols[t.label]
	}
	if abs(f.col-col) > 1 {
		return nil
	}
	return t
}

// brow is a row under construction.
type brow struct {
	cells    []tables.GridCell
	cols     []int // column of each cell's first line
	label    int   // index of the innermost label cell, -1 if none
	labelCol int   // column of the label's first line
	lastLine int   // line index of the label's last piece
	joined   bool
	values   bool
	wide     bool // the value line itself printed two fields or more
}

func (b *gridBuilder) pageBreak() {
	b.glue = true
	b.dropped = -1
	b.hpos = 0
}

func (b *gridBuilder) line(li int) {
	l := b.p.lines[li]
	if l.page {
		b.pageBreak()
	}
	s, o := trimSpan(l.raw)
	if s == "" {
		b.blankRun++
		return
	}
	if isPageChrome(s) {
		b.chrome = append(b.chrome, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
			Message: "page number or banner dropped from a table", Raw: s,
			Src: model.Loc{Line: l.no, Offset: l.off + o + 1}})
		b.pageBreak()
		return
	}
	fs := splitNumericTokens(splitLayout(l.raw, l.off))
	num := make([]bool, len(fs))
	nn := 0
	for k, f := range fs {
		if isNumericText(f.text) {
			num[k] = true
			nn++
		}
	}
	if nn == 0 && len(fs) == 1 && isGroupPiece(fs[0]) {
		// the last character of a label right above it, in its column ("请"
		// under "政府信息公开申"), or a piece of a group label down the margin
		if t := b.tailTarget(fs[0]); t != nil && !b.glue && b.blankRun == 0 {
			b.afterBreak = false
			b.appendLabel(t, t.label, fs[0], li)
			b.prevKept = li
			return
		}
		b.groups = append(b.groups, fs[0])
		return
	}
	if b.glue && nn == 0 && b.repeatedHeader(fs) {
		if b.dropped < 0 {
			b.diags = append(b.diags, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
				Message: "table header repeated after a page break dropped", Raw: s,
				Src: model.Loc{Line: l.no, Offset: l.off + o + 1}})
			b.dropped = len(b.diags) - 1
		} else {
			b.diags[b.dropped].Raw += "\n" + s
		}
		return
	}
	// a kept line: settle blank lines and page breaks before it
	// Tall rows print a blank line between the pieces of a label; two
	// blank lines end it.
	if b.blankRun >= 2 && !b.glue {
		b.closed = li
	}
	b.afterBreak = b.glue
	b.blankRun, b.glue, b.dropped = 0, false, -1
	b.prevKept = li
	fs, num = b.stripGroupPrefix(fs, num)
	if len(fs) == 0 {
		return
	}
	if nn == 0 {
		b.labelLine(fs, li)
	} else {
		b.valueLine(fs, num, li)
	}
}

// isGroupPiece reports whether a one-field line is a piece of a group label
// printed down the left margin: one ideograph ("本", "年") or an ordinal
// with 、 ("三、").
func isGroupPiece(f span) bool {
	if f.col >= marginCol {
		return false
	}
	rs := []rune(f.text)
	switch len(rs) {
	case 1:
		return unicode.Is(unicode.Han, rs[0])
	case 2:
		return strings.ContainsRune(cnDigits, rs[0]) && rs[1] == '、'
	}
	return false
}

// stripGroupPrefix removes a group-label fragment printed in the left margin
// before a row label that starts with a list marker: a short first field
// ("开   3.危及…") or a short first token ("（三 1.属于国家秘密").
func (b *gridBuilder) stripGroupPrefix(fs []span, num []bool) ([]span, []bool) {
	if len(fs) >= 2 && !num[0] && !num[1] && fs[0].col < marginCol && runeLen(fs[0].text) <= 3 &&
		!hasDigit(fs[0].text) && startsWithMarker(fs[1].text) && !startsWithMarker(fs[0].text) {
		b.groups = append(b.groups, fs[0])
		return fs[1:], num[1:]
	}
	if len(fs) >= 1 && !num[0] && fs[0].col < marginCol {
		if pre, rest, ok := splitPrefix(fs[0], true); ok && startsWithMarker(rest.text) {
			b.groups = append(b.groups, pre)
			out := append([]span{rest}, fs[1:]...)
			return out, num
		}
	}
	if len(fs) >= 1 && !num[0] && startsWithMarker(fs[0].text) {
		// "（四）无法 2.没有现成信息…": a group label and a row label in one
		// field become two cells, as when the gap between them is wide.
		if g, rest, ok := splitGroupCell(fs[0]); ok {
			out := append([]span{g, rest}, fs[1:]...)
			return out, append([]bool{false}, num...)
		}
	}
	return fs, num
}

// splitGroupCell splits a field that holds a group label and a row label
// separated by a single space, both starting with a list marker.
func splitGroupCell(f span) (g, rest span, ok bool) {
	for i := 0; i < len(f.text); i++ {
		if f.text[i] != ' ' {
			continue
		}
		head, tail := f.text[:i], f.text[i+1:]
		if runeLen(head) > 12 {
			return g, rest, false
		}
		t, o := trimSpan(tail)
		if t == "" || !startsWithMarker(t) {
			continue
		}
		g = span{text: head, off: f.off, col: f.col}
		rest = span{text: t, off: f.off + i + 1 + o, col: f.col + runeLen(f.text[:i+1+o])}
		return g, rest, true
	}
	return g, rest, false
}

// splitPrefix splits a field into a short first token (at most three runes,
// no digits, not a list marker) and the rest after a single space.
// A marker head ("三、本 （一）予以公开") is allowed when markerOK is set.
func splitPrefix(f span, markerOK bool) (pre, rest span, ok bool) {
	sp := strings.IndexByte(f.text, ' ')
	if sp <= 0 || sp+1 >= len(f.text) {
		return pre, rest, false
	}
	head := f.text[:sp]
	if runeLen(head) > 3 || hasDigit(head) || !markerOK && startsWithMarker(head) {
		return pre, rest, false
	}
	tail, o := trimSpan(f.text[sp:])
	if tail == "" {
		return pre, rest, false
	}
	pre = span{text: head, off: f.off, col: f.col}
	rest = span{text: tail, off: f.off + sp + o, col: f.col + runeLen(f.text[:sp+o])}
	return pre, rest, true
}

// isMarginPiece reports whether a field is a short fragment (at most three
// runes, no digit, no list marker) printed in the left margin.
func isMarginPiece(f span) bool {
	return f.col < marginCol && runeLen(f.text) <= 3 && !hasDigit(f.text) && !startsWithMarker(f.text)
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, isDigitRune) }

// repeatedHeader reports whether a label line after a page break repeats
// the table's header: every field is a piece of the header text.
//
// The lines must come in the header's order: each is looked for after the
// previous one, so that a label piece that happens to occur in the header
// ("请" of 申请人情况) is not taken for it once the header is over.
func (b *gridBuilder) repeatedHeader(fs []span) bool {
	h := b.header.String()
	if len(h) < 6 || !b.numeric || b.hpos >= len(h) {
		return false
	}
	var t strings.Builder
	for _, f := range fs {
		if startsWithMarker(f.text) {
			return false
		}
		t.WriteString(stripBlank(f.text))
	}
	if t.Len() == 0 || t.Len() > 240 {
		return false
	}
	k := strings.Index(h[b.hpos:], t.String())
	if k < 0 {
		return false
	}
	b.hpos += k + t.Len()
	return true
}

func stripBlank(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlankRune(r) {
			return -1
		}
		return r
	}, s)
}

// cell makes a grid cell from a field.
func (b *gridBuilder) cell(f span, li int) tables.GridCell {
	return tables.GridCell{Text: f.text, Src: model.Loc{Line: b.p.lines[li].no, Offset: f.off + 1}}
}

// labelLine handles a line without values: a header row, a label printed
// above its values, or the continuation of a wrapped label.
func (b *gridBuilder) labelLine(fs []span, li int) {
	if b.numeric && len(fs) == 2 && fs[0].col < marginCol && runeLen(fs[0].text) <= 3 && !startsWithMarker(fs[1].text) {
		// "理   缴纳费用、行政": a margin fragment and a label continuation
		if t, k, piece := b.continuationTarget(fs[1]); t != nil {
			b.groups = append(b.groups, fs[0])
			b.appendLabel(t, k, piece, li)
			return
		}
	}
	if len(fs) >= 2 {
		b.flushPending()
		r := &brow{label: -1, lastLine: li}
		for _, f := range fs {
			r.cells = append(r.cells, b.cell(f, li))
			r.cols = append(r.cols, f.col)
		}
		b.addRow(r)
		return
	}
	f := fs[0]
	// Header lines before the first value row are kept one row per printed
	// line: their pieces do not line up in columns that can be trusted.
	if b.numeric && !startsWithMarker(f.text) && !isCaption(f.text) {
		if t, k, piece := b.continuationTarget(f); t != nil {
			b.appendLabel(t, k, piece, li)
			return
		}
	}
	if b.numeric && isMarginPiece(f) && len(b.rows) > 0 {
		// "）不" left of the row labels: a piece of a group label
		if last := b.rows[len(b.rows)-1]; last.values && last.label >= 0 && last.labelCol > f.col+colTolerance {
			b.groups = append(b.groups, f)
			return
		}
	}
	b.flushPending()
	r := &brow{cells: []tables.GridCell{b.cell(f, li)}, cols: []int{f.col}, label: 0, labelCol: f.col, lastLine: li}
	if isCaption(f.text) {
		b.addRow(r) // a caption never takes values printed below it
		return
	}
	b.pending = r
}

// appendLabel adds a continuation line to cell k of row t.
func (b *gridBuilder) appendLabel(t *brow, k int, piece span, li int) {
	t.cells[k].Text += "\n" + piece.text
	t.lastLine = li
	t.joined = true
	if b.afterBreak {
		// the label goes on in the new page's column
		if k < len(t.cols) {
			t.cols[k] = piece.col
		}
		if k == t.label {
			t.labelCol = piece.col
		}
	}
}

// isCaption reports whether a label line is a caption of a sub-table
// ("第二十条第（五）项") or a note ("注：…"): it neither continues a label nor
// takes values.
func isCaption(s string) bool {
	return strings.HasPrefix(s, "第") && strings.ContainsAny(s, "条项") || strings.HasPrefix(s, "注")
}

// continuationTarget finds the label a non-marker label line continues: the
// pending label or one of the last rows, printed on the lines just above
// (no blank line between) and starting in about the same column. A short
// group fragment before the continuation is removed when the rest lines up.
func (b *gridBuilder) continuationTarget(f span) (*brow, int, span) {
	cands := make([]*brow, 0, 4)
	if b.pending != nil {
		cands = append(cands, b.pending)
	}
	for k := len(b.rows) - 1; k >= 0 && k >= len(b.rows)-3; k-- {
		cands = append(cands, b.rows[k])
	}
	pre, rest, hasPre := splitPrefix(f, false)
	for _, t := range cands {
		if t.label < 0 || t.lastLine < b.closed {
			continue
		}
		if b.pending != nil && t != b.pending && t.values {
			// a new label has begun: the rows with values above it are
			// complete (group labels beside it may still go on)
			continue
		}
		// the innermost label first, then group labels printed before it
		for k := t.label; k >= 0; k-- {
			col := t.labelCol
			if k < len(t.cols) {
				col = t.cols[k]
			}
			if hasPre && abs(rest.col-col) <= 1 {
				b.groups = append(b.groups, pre)
				return t, k, rest
			}
			if abs(f.col-col) <= colTolerance || b.afterBreak && k == t.label && t == cands[0] {
				return t, k, f
			}
		}
	}
	return nil, 0, f
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// valueLine handles a line with values: values alone (their label printed
// above them) or a label followed by values.
func (b *gridBuilder) valueLine(fs []span, num []bool, li int) {
	r := &brow{label: -1, lastLine: li, values: true, wide: len(fs) >= 2}
	if p := b.pending; p != nil && len(fs) >= 2 && !num[0] && !num[1] && fs[0].col < marginCol &&
		runeLen(fs[0].text) <= 3 && abs(fs[1].col-p.labelCol) <= colTolerance && !startsWithMarker(fs[1].text) {
		// "处理   不再处理其政府信息公开申请   0 …": a margin fragment before
		// the end of a label printed above
		b.groups = append(b.groups, fs[0])
		fs, num = fs[1:], num[1:]
	}
	if p := b.pending; p != nil && len(fs) >= 2 && !num[0] && num[1] && isMarginPiece(fs[0]) &&
		startsWithMarker(p.cells[0].Text) && p.labelCol > fs[0].col+colTolerance {
		// "予公               0      0 …" under "5.属于三类内部": a margin
		// fragment on the value line of a label printed above
		b.groups = append(b.groups, fs[0])
		fs, num = fs[1:], num[1:]
	}
	if !num[0] {
		// the innermost label is the last text field before the first value
		k := 0
		for k+1 < len(fs) && !num[k+1] {
			k++
		}
		r.label, r.labelCol = k, fs[0].col
		if k > 0 {
			r.labelCol = fs[k].col
		}
		if p := b.pending; p != nil && !startsWithMarker(fs[0].text) {
			if pre, rest, ok := splitPrefix(fs[0], false); ok && abs(rest.col-p.labelCol) <= 1 {
				b.groups = append(b.groups, pre)
				fs = append([]span{rest}, fs[1:]...)
			}
		}
		if p := b.pending; p != nil && !startsWithMarker(fs[0].text) && abs(fs[0].col-p.labelCol) <= colTolerance {
			// the label began on the lines above: "1、申请人…逾期不补" / "正、行政机关… 67 3 …"
			head := p.cells[0]
			head.Text += "\n" + fs[0].text
			r.cells = append(r.cells, head)
			r.cols = append(r.cols, p.labelCol)
			fs = fs[1:]
			r.joined = true
			b.pending = nil
			if k == 0 {
				r.labelCol = p.labelCol
			}
		}
	} else if p := b.pending; p != nil {
		r.cells = append(r.cells, p.cells[0])
		r.cols = append(r.cols, p.labelCol)
		r.label, r.labelCol = 0, p.labelCol
		r.joined = true
		b.pending = nil
	}
	b.flushPending()
	for _, f := range fs {
		r.cells = append(r.cells, b.cell(f, li))
		r.cols = append(r.cols, f.col)
	}
	b.addRow(r)
	b.numeric = true
}

// flushPending turns a label that got no values into a row of its own (a
// group label or a caption).
func (b *gridBuilder) flushPending() {
	if b.pending != nil {
		p := b.pending
		b.pending = nil
		b.addRow(p)
	}
}

func (b *gridBuilder) addRow(r *brow) {
	if !b.numeric {
		for _, c := range r.cells {
			b.header.WriteString(stripBlank(c.Text))
		}
	}
	b.rows = append(b.rows, r)
}

// finish builds the grid and its diagnostics; ok is false when no line
// printed values beside a label or another value.
func (b *gridBuilder) finish() (*tables.Grid, bool) {
	b.flushPending()
	// A table has a line that printed a label and a value, or two values,
	// side by side: a label line followed by one value per line (one cell
	// per line) stays prose for the matcher's token stream.
	ok := false
	for _, r := range b.rows {
		if r.values && r.wide {
			ok = true
			break
		}
	}
	// A single line ("发布日期：2024-01-20   浏览次数：  125") is not a table.
	if !ok || len(b.rows) < 2 {
		return nil, false
	}
	g := &tables.Grid{Src: b.rows[0].cells[0].Src}
	g.Src.Col = 0
	for ri, r := range b.rows {
		for k := range r.cells {
			r.cells[k].Src.Col = k + 1
			r.cells[k].Src.Row = ri + 1
		}
		g.Rows = append(g.Rows, r.cells)
		if !r.joined || !r.values {
			continue // header lines joined silently: the matcher reads no header
		}
		wrapped := false
		for _, c := range r.cells {
			if strings.Contains(c.Text, "\n") {
				wrapped = true
				b.diags = append(b.diags, model.Diagnostic{Code: model.DiagLabelRepaired, Severity: model.SevInfo,
					Message: "row label printed over several lines joined", Raw: c.Text, Src: c.Src})
			}
		}
		if !wrapped && r.label >= 0 && r.label < len(r.cells) {
			c := r.cells[r.label]
			b.diags = append(b.diags, model.Diagnostic{Code: model.DiagLabelRepaired, Severity: model.SevInfo,
				Message: "row label printed on a line apart from its values joined to them", Raw: c.Text, Src: c.Src})
		}
	}
	if len(b.groups) > 0 {
		texts := make([]string, len(b.groups))
		for k, s := range b.groups {
			texts[k] = s.text
		}
		first := b.groups[0]
		b.diags = append(b.diags, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
			Message: "group labels printed down the left margin removed from the table rows",
			Raw:     strings.Join(texts, " "),
			Src:     model.Loc{Line: lineOf(b.p.lines, first.off), Offset: first.off + 1}})
	}
	return g, true
}

// lineOf returns the 1-based number of the line holding byte offset off.
func lineOf(ls []line, off int) int {
	lo, hi := 0, len(ls)
	for lo < hi {
		m := (lo + hi) / 2
		if ls[m].off <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 1
	}
	return ls[lo-1].no
}

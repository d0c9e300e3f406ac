package pdfdoc

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// textLine is a run of glyphs on one baseline, left to right.
type textLine struct {
	glyphs []glyph
	y      float64 // baseline of the first glyph
	size   float64
	x0, x1 float64
}

// groupLines clusters glyphs into lines: same baseline within a fraction
// of the font size, compared with the line's first glyph; then sorts each
// line by X. Lines come out top to bottom.
func groupLines(gs []glyph) []*textLine {
	if len(gs) == 0 {
		return nil
	}
	// One sorted copy; since it is sorted by baseline, every line is a
	// contiguous range of it.
	sorted := make([]glyph, len(gs))
	copy(sorted, gs)
	sort.SliceStable(sorted, func(a, b int) bool {
		ga, gb := &sorted[a], &sorted[b]
		if math.Abs(ga.Y-gb.Y) > 0.01 {
			return ga.Y > gb.Y
		}
		return ga.X < gb.X
	})
	var lines []*textLine
	start := 0
	for i := 1; i <= len(sorted); i++ {
		if i < len(sorted) {
			g := &sorted[i]
			tol := math.Max(1.0, 0.3*math.Max(g.Size, 1))
			if math.Abs(sorted[start].Y-g.Y) <= tol {
				continue
			}
		}
		lines = append(lines, &textLine{glyphs: sorted[start:i:i], y: sorted[start].Y})
		start = i
	}
	for _, ln := range lines {
		sort.SliceStable(ln.glyphs, func(a, b int) bool { return ln.glyphs[a].X < ln.glyphs[b].X })
		// Fake bold draws each glyph twice, slightly offset: keep one.
		kept := ln.glyphs[:1]
		for _, g := range ln.glyphs[1:] {
			p := kept[len(kept)-1]
			if g.Text == p.Text && math.Abs(g.X-p.X) < 0.15*math.Max(g.Size, 1) && math.Abs(g.Y-p.Y) < 0.15*math.Max(g.Size, 1) {
				continue
			}
			kept = append(kept, g)
		}
		ln.glyphs = kept
		ln.x0 = ln.glyphs[0].X
		last := ln.glyphs[len(ln.glyphs)-1]
		ln.x1 = last.X + last.W
		var s float64
		for _, g := range ln.glyphs {
			s = math.Max(s, g.Size)
		}
		ln.size = s
	}
	return lines
}

// chunk is a run of glyphs in a line without a wide gap.
type chunk struct {
	text string
	x, y float64
	x1   float64
}

// lineChunks joins a line's glyphs into text, inserting a space at gaps
// wider than 0.3 em and starting a new chunk at gaps wider than split
// (split <= 0: never).
func lineChunks(ln *textLine, split float64) []chunk {
	var out []chunk
	var b strings.Builder
	var cur chunk
	prevEnd := math.Inf(-1)
	for i, g := range ln.glyphs {
		sz := math.Max(g.Size, 1)
		gap := g.X - prevEnd
		if i > 0 && split > 0 && gap > split {
			cur.text = strings.TrimSpace(b.String())
			if cur.text != "" {
				out = append(out, cur)
			}
			b.Reset()
		}
		if b.Len() == 0 {
			cur = chunk{x: g.X, y: g.Y}
		} else if gap > 0.3*sz && !strings.HasSuffix(b.String(), " ") && g.Text != " " {
			b.WriteByte(' ')
		}
		if g.Text == " " && (b.Len() == 0 || strings.HasSuffix(b.String(), " ")) {
			prevEnd = g.X + g.W
			continue
		}
		b.WriteString(g.Text)
		prevEnd = g.X + g.W
		cur.x1 = prevEnd
	}
	cur.text = strings.TrimSpace(b.String())
	if cur.text != "" {
		out = append(out, cur)
	}
	return out
}

func lineText(ln *textLine) string {
	cs := lineChunks(ln, 0)
	if len(cs) == 0 {
		return ""
	}
	return cs[0].text
}

// cellText renders a cell's glyphs: lines top to bottom joined by "\n".
func cellText(gs []glyph) (string, glyph) {
	lines := groupLines(gs)
	var parts []string
	for _, ln := range lines {
		if t := lineText(ln); t != "" {
			parts = append(parts, t)
		}
	}
	var first glyph
	if len(lines) > 0 {
		first = lines[0].glyphs[0]
	}
	return strings.Join(parts, "\n"), first
}

var (
	pageNumRe = regexp.MustCompile(`^(?:[-—–－\s]*[0-9０-９]+[-—–－\s]*|第\s*[0-9０-９]+\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]+\s*页)?|[0-9]+\s*/\s*[0-9]+|[Pp](?:age|\.)\s*[0-9]+)$`)
	numberRe  = regexp.MustCompile(`^[-+]?[0-9０-９][0-9０-９,，.．]*%?$`)
	// dashRe is a cell printed as a dash or slash, which reports use for
	// zero (or "not applicable"): a value, not a text fragment.
	dashRe = regexp.MustCompile(`^[-—–－―−‐/／\\~～━─_]+$`)
)

// item is a block candidate on a page with its top Y for ordering.
type item struct {
	top   float64
	block tables.Block
	grid  *tables.Grid
}

// layoutPage turns one page's glyphs and rulings into blocks.
// It reports the page's last prose line when that line runs to the right
// margin (its paragraph may continue on the next page), with the margin.
func layoutPage(page int, pc *pageContent, doc *tables.Document, unruled map[*tables.Grid]bool) (open *pline, right float64) {
	if d := normaliseRotation(pc); d != 0 {
		doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
			Message: fmt.Sprintf("page content rotated by %d°: positions are given in the reading orientation", d*90),
			Src:     model.Loc{Page: page}})
	}
	var items []item
	lats := findLattices(pc.Segs)
	rest := pc.Glyphs
	if len(lats) > 0 {
		rest = make([]glyph, 0, len(pc.Glyphs))
	}
	for _, g := range pc.Glyphs {
		if len(lats) == 0 {
			break
		}
		placed := false
		for _, l := range lats {
			if l.place(g) {
				placed = true
				break
			}
		}
		if !placed {
			rest = append(rest, g)
		}
	}
	for _, l := range lats {
		if g := l.grid(page); g != nil {
			items = append(items, item{top: l.y1, grid: g})
		}
	}
	lines := groupLines(rest)
	// body font size: the most common line size
	sizes := map[int]int{}
	for _, ln := range lines {
		sizes[int(math.Round(ln.size))] += len(ln.glyphs)
	}
	body, best := 0, 0
	for s, n := range sizes {
		if n > best || n == best && s < body {
			body, best = s, n
		}
	}
	more, open, right := layoutLines(page, lines, body, doc, unruled)
	items = append(items, more...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].top > items[j].top })
	for _, it := range items {
		if it.grid != nil {
			doc.AddGrid(it.grid)
			continue
		}
		b := it.block
		if b.Kind == tables.BlockHeading {
			doc.AddHeading(b.Text, b.Level, b.Src)
		} else {
			doc.AddParagraph(b.Text, b.Src)
		}
	}
	if open != nil {
		for _, it := range items {
			if it.top < open.ln.y-0.01 && (it.grid != nil || it.block.Src.Y < open.ln.y-0.01) {
				open = nil // something follows the paragraph on the page
				break
			}
		}
	}
	return open, right
}

func splitGap(ln *textLine) float64 { return math.Max(0.5*ln.size, 4) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func lineItem(page int, ln *textLine, body int) item {
	t := lineText(ln)
	src := model.Loc{Page: page, X: round2(ln.x0), Y: round2(ln.y)}
	b := tables.Block{Kind: tables.BlockParagraph, Text: t, Src: src}
	if body > 0 && ln.size >= 1.3*float64(body) && utf8.RuneCountInString(t) <= 60 {
		b.Kind, b.Level = tables.BlockHeading, 1
	}
	return item{top: ln.y + ln.size, block: b}
}

// grid renders a lattice as a Grid: one row per row band in which some
// cell starts, one column per column band in which some cell starts;
// merged cells repeat their text with SpanRow/SpanCol set.
func (l *lattice) grid(page int) *tables.Grid {
	R, C := len(l.ys)-1, len(l.xs)-1
	rowUsed := make([]bool, R)
	colUsed := make([]bool, C)
	texts := make([]string, len(l.cells))
	firsts := make([]glyph, len(l.cells))
	any := false
	for k := range l.cells {
		c := &l.cells[k]
		rowUsed[c.r0], colUsed[c.c0] = true, true
		texts[k], firsts[k] = cellText(c.glyphs)
		if texts[k] != "" {
			any = true
		}
	}
	if !any {
		return nil
	}
	g := &tables.Grid{Aligned: true, Src: model.Loc{Page: page, X: round2(l.x0), Y: round2(l.y1)}}
	for i := 0; i < R; i++ {
		if !rowUsed[i] {
			continue
		}
		var row []tables.GridCell
		for j := 0; j < C; j++ {
			if !colUsed[j] {
				continue
			}
			k := l.owner[i][j]
			c := l.cells[k]
			src := model.Loc{Page: page, X: round2(l.xs[c.c0]), Y: round2(l.ys[c.r0])}
			if len(c.glyphs) > 0 {
				src.X, src.Y = round2(firsts[k].X), round2(firsts[k].Y)
			}
			rs, cs := 0, 0
			for r := c.r0; r <= c.r1; r++ {
				if rowUsed[r] {
					rs++
				}
			}
			for q := c.c0; q <= c.c1; q++ {
				if colUsed[q] {
					cs++
				}
			}
			sr, sc := 0, 0
			for r := c.r0; r < i; r++ {
				if rowUsed[r] {
					sr++
				}
			}
			for q := c.c0; q < j; q++ {
				if colUsed[q] {
					sc++
				}
			}
			row = append(row, tables.GridCell{Text: texts[k], Src: src, SpanRow: sr, SpanCol: sc, RowSpan: rs, ColSpan: cs})
		}
		g.Rows = append(g.Rows, row)
	}
	dropEmptyRows(g)
	if len(g.Rows) == 0 {
		return nil
	}
	return g
}

// isBlank reports a string of spaces only.
func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) < 0
}

// dropEmptyRows removes rows in which no cell holds text.
func dropEmptyRows(g *tables.Grid) {
	out := g.Rows[:0]
	for _, r := range g.Rows {
		for _, c := range r {
			if !isBlank(c.Text) {
				out = append(out, r)
				break
			}
		}
	}
	g.Rows = out
}

// rowHasNumber reports a row with a value cell: a number, or a dash or
// slash printed for zero.
func rowHasNumber(r []tables.GridCell) bool {
	for _, c := range r {
		if t := strings.TrimSpace(c.Text); numberRe.MatchString(t) || dashRe.MatchString(t) {
			return true
		}
	}
	return false
}

func sameRow(a, b []tables.GridCell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

// mergeContinuations repairs tables that continue on the next page
// (unruled holds the grids rebuilt from text positions, true for those whose
// first row holds label fragments cut by the page break). Ruled tables:
// when a page's first table follows the previous page's last table with
// the same number of columns, its repeated header rows are kept, and a
// first body row that holds only text fragments (a merged cell cut by the
// page break, no number) is joined onto the previous page's last row.
func mergeContinuations(doc *tables.Document, unruled map[*tables.Grid]bool) {
	var prev *tables.Grid
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if b.Kind != tables.BlockTable {
			// prose after the table on its own page ends it; prose at the
			// top of the next page (a repeated header of an unruled table,
			// a page title) does not
			if prev != nil && b.Src.Page != prev.Src.Page+1 {
				prev = nil
			}
			continue
		}
		g := b.Grid
		if prev != nil && len(prev.Rows) > 0 && len(g.Rows) > 1 && g.Src.Page == prev.Src.Page+1 && unruled[g] && !rowHasNumber(g.Rows[0]) {
			// unruled: a first row of label fragments continues the
			// innermost label of the previous page's last row
			last := prev.Rows[len(prev.Rows)-1]
			if li := innermostLabel(last); li >= 0 {
				// only the innermost (rightmost) fragment continues the
				// label; fragments left of it are vertical group labels
				frag := g.Rows[0]
				if t := strings.TrimSpace(frag[len(frag)-1].Text); t != "" {
					last[li].Text += "\n" + t
				}
				g.Rows = g.Rows[1:]
				doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
					Message: "table label cut by a page break joined to the previous page's row", Src: frag[0].Src})
			}
		}
		if _, isUnruled := unruled[g]; prev != nil && !isUnruled && len(prev.Rows) > 0 && len(g.Rows) > 0 && g.Src.Page == prev.Src.Page+1 && len(g.Rows[0]) == len(prev.Rows[len(prev.Rows)-1]) {
			k := 0
			for k < len(g.Rows) && k < len(prev.Rows) && sameRow(g.Rows[k], prev.Rows[k]) {
				k++
			}
			if k < len(g.Rows) && !rowHasNumber(g.Rows[k]) {
				last := prev.Rows[len(prev.Rows)-1]
				frag := g.Rows[k]
				if len(frag) == len(last) {
					for i := range frag {
						if t := strings.TrimSpace(frag[i].Text); t != "" && frag[i].SpanCol == 0 && frag[i].SpanRow == 0 {
							last[i].Text += "\n" + t
						}
					}
					// copies of the fragment's merged cells below it now
					// continue the previous row's cells
					g.Rows = append(g.Rows[:k], g.Rows[k+1:]...)
					doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
						Message: "table row cut by a page break joined to the previous page's row", Src: frag[0].Src})
				}
			}
		}
		prev = g
	}
}

// dropRunningHeaders removes running headers and footers: a paragraph that
// is the first or last block of its page with the same text on several
// pages (three, or two in a document of up to four pages).
func dropRunningHeaders(doc *tables.Document) {
	type pos struct{ first, last int }
	edge := map[int]*pos{}
	for i, b := range doc.Blocks {
		p := b.Src.Page
		if p == 0 {
			continue
		}
		if e, ok := edge[p]; ok {
			e.last = i
		} else {
			edge[p] = &pos{i, i}
		}
	}
	count := map[string]map[int]bool{}
	isEdge := func(i int) bool {
		e := edge[doc.Blocks[i].Src.Page]
		return e != nil && (e.first == i || e.last == i)
	}
	for i, b := range doc.Blocks {
		if b.Kind == tables.BlockTable || !isEdge(i) {
			continue
		}
		k := tables.LabelKey(b.Text)
		if count[k] == nil {
			count[k] = map[int]bool{}
		}
		count[k][b.Src.Page] = true
	}
	need := 3
	if doc.Pages <= 4 {
		need = 2
	}
	out := doc.Blocks[:0]
	for i, b := range doc.Blocks {
		if b.Kind != tables.BlockTable && isEdge(i) && len(count[tables.LabelKey(b.Text)]) >= need {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
				Message: "running header or footer dropped", Raw: b.Text, Src: b.Src})
			continue
		}
		out = append(out, b)
	}
	doc.Blocks = out
}

// joinAcrossPages joins a paragraph that runs to the end of its page (open
// holds its location) with the first block of the next page when that is a
// paragraph not starting with a heading or list marker. Run after page
// chrome is dropped.
func joinAcrossPages(doc *tables.Document, open map[model.Loc]bool) {
	if len(open) == 0 {
		return
	}
	out := doc.Blocks[:0]
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		out = append(out, b)
		if b.Kind != tables.BlockParagraph || !open[b.Src] || i+1 >= len(doc.Blocks) {
			continue
		}
		n := doc.Blocks[i+1]
		if n.Kind == tables.BlockParagraph && n.Src.Page == b.Src.Page+1 && !markerRe.MatchString(tables.FoldText(n.Text)) {
			out[len(out)-1].Text = joinLines(b.Text, n.Text)
			i++
		}
	}
	doc.Blocks = out
}

// normaliseRotation turns a page whose text mostly runs up, down or right
// to left (content drawn rotated, e.g. a landscape table on a portrait
// page) into the reading orientation: glyphs and rulings are rotated so
// that the main text runs left to right. It returns the quarter turns
// applied (0: none).
func normaliseRotation(pc *pageContent) int {
	var n [4]int
	for _, g := range pc.Glyphs {
		n[g.Dir&3]++
	}
	d := 0
	for k := 1; k < 4; k++ {
		if n[k] > n[d] {
			d = k
		}
	}
	if d == 0 || n[d]*10 < len(pc.Glyphs)*6 {
		return 0
	}
	rot := func(x, y float64) (float64, float64) {
		switch d {
		case 1: // text runs up: turn clockwise
			return y, -x
		case 3: // text runs down: turn counter-clockwise
			return -y, x
		}
		return -x, -y
	}
	for i := range pc.Glyphs {
		g := &pc.Glyphs[i]
		g.X, g.Y = rot(g.X, g.Y)
		g.Dir = (g.Dir + 4 - uint8(d)) & 3
		g.Rotated = g.Dir != 0
	}
	for i, s := range pc.Segs {
		x0, y0 := rot(s.X0, s.Y0)
		x1, y1 := rot(s.X1, s.Y1)
		pc.Segs[i] = segment{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)}
	}
	return d
}

// innermostLabel is the index of the last text cell before a row's first
// value, a number or dash (-1 if none).
func innermostLabel(r []tables.GridCell) int {
	li := -1
	for i, c := range r {
		t := strings.TrimSpace(c.Text)
		if numberRe.MatchString(t) || dashRe.MatchString(t) {
			break
		}
		if t != "" {
			li = i
		}
	}
	return li
}

package pdfdoc

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// Tables without ruling lines are rebuilt from text lines: a run of lines
// that carry several widely spaced values (numbers, or dashes printed for
// zero) is a table; a line of one short label and one value far to its
// right (table 2's single-value rows) continues a run but starts none; a
// lone line of five or more values is a table when column headers stand
// right above it (table 4). Text-only lines inside the run that reach over
// the value columns are column-header rows of the grid (with a label line
// right above one, as table 2's 第二十条第（五）项 over 信息内容 |
// 本年处理决定数量); other text-only lines are fragments of wrapped labels,
// attached to the numeric line they share a baseline with, else to the
// vertically nearest (numbers are centred in tall cells), to the label
// cell they overlap horizontally. Fragments that overlap no label (one
// character per line group labels) are dropped with a note. Value columns
// come from clustering the values' centres: when every value falls into
// its own column the grid is Aligned and blank cells are real blanks.

var (
	sectionRe = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	markerRe  = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]+[）)]?|[一二三四五六七八九十]+、|[0-9０-９]+\s*[.、．])`)
)

type pline struct {
	ln      *textLine
	cs      []chunk
	text    string
	numeric bool
	// weak: a numeric line of one short label and one number far to its
	// right (table 2's single-value rows): it continues a table but does
	// not start one.
	weak bool
	nums int // number chunks
}

func classify(ln *textLine) pline {
	p := pline{ln: ln, cs: lineChunks(ln, splitGap(ln)), text: lineText(ln)}
	nums := 0
	for _, c := range p.cs {
		if isValueText(c.text) {
			nums++
		}
		if utf8.RuneCountInString(c.text) > 40 {
			return p // running prose, not a table row
		}
	}
	p.nums = nums
	p.numeric = len(p.cs) >= 3 && nums >= 1 || len(p.cs) >= 2 && nums >= 2
	if !p.numeric && len(p.cs) == 2 && nums == 1 && isValueText(p.cs[1].text) {
		lab := p.cs[0].text
		last, _ := utf8.DecodeLastRuneInString(lab)
		sz := math.Max(ln.size, 6)
		if utf8.RuneCountInString(lab) <= 20 && !unicode.IsDigit(last) && p.cs[1].x-p.cs[0].x1 >= 3*sz {
			p.numeric, p.weak = true, true
		}
	}
	return p
}

// endsRun reports a text line that cannot be part of a table: a line of
// running prose, or a section heading (一、…) not followed closely by a
// numeric line (table 3's row labels look like headings too).
func endsRun(ls []pline, k int) bool {
	p := ls[k]
	n := utf8.RuneCountInString(p.text)
	if n > 40 {
		return true
	}
	if len(p.cs) == 1 && n >= 8 && sectionRe.MatchString(tables.FoldText(p.text)) {
		for j := k + 1; j < len(ls) && j <= k+2; j++ {
			if ls[j-1].ln.y-ls[j].ln.y > 2.2*math.Max(ls[j-1].ln.size, 6) {
				break
			}
			if ls[j].numeric {
				return false
			}
		}
		return true
	}
	return false
}

// near reports whether line b follows line a at label-wrapping distance.
func near(a, b pline) bool {
	return a.ln.y-b.ln.y <= 2.2*math.Max(math.Max(a.ln.size, b.ln.size), 6)
}

// tableRuns splits classified lines into runs; it returns, for every line,
// the index of its run (-1: prose).
func tableRuns(ls []pline) []int {
	run := make([]int, len(ls))
	for i := range run {
		run[i] = -1
	}
	r := 0
	for i := 0; i < len(ls); {
		if !ls[i].numeric || ls[i].weak {
			i++
			continue
		}
		start, last := i, i
		for k := i + 1; k < len(ls); k++ {
			size := math.Max(ls[k-1].ln.size, 6)
			if ls[k-1].ln.y-ls[k].ln.y > 4*size {
				break
			}
			if ls[k].numeric {
				last = k
				continue
			}
			if endsRun(ls, k) || k-last > 8 {
				break
			}
		}
		// single-chunk label lines just above the first numeric line and
		// just below the last one wrap the labels of those rows
		for start > 0 && run[start-1] < 0 && i-start < 6 && !ls[start-1].numeric && len(ls[start-1].cs) <= 2 &&
			!endsRun(ls, start-1) && near(ls[start-1], ls[start]) {
			start--
		}
		end := last
		for end+1 < len(ls) && end-last < 6 && !ls[end+1].numeric && len(ls[end+1].cs) <= 2 && !endsRun(ls, end+1) && near(ls[end], ls[end+1]) {
			end++
		}
		numeric := 0
		for k := start; k <= last; k++ {
			if ls[k].numeric && !ls[k].weak {
				numeric++
			}
		}
		if numeric == 1 && last == i && ls[i].nums >= 5 {
			// One row of many values (table 4; a table's first row at the
			// foot of a page): a table when column headers stand right
			// above it.
			h := start
			// (header cells may be tall: looser than label wrapping)
			for h > 0 && run[h-1] < 0 && i-h < 10 && !ls[h-1].numeric && !endsRun(ls, h-1) &&
				ls[h-1].ln.y-ls[h].ln.y <= 5*math.Max(math.Max(ls[h-1].ln.size, ls[h].ln.size), 6) && overValues(ls[h-1], ls[i]) {
				h--
			}
			if h < i {
				start, numeric = h, 2
			}
		}
		if numeric >= 2 {
			for k := start; k <= end; k++ {
				run[k] = r
			}
			r++
			i = end + 1
			continue
		}
		i = last + 1
	}
	return run
}

// overValues reports a text line whose chunks all lie over the value
// columns of the numeric line row: column headers.
func overValues(p, row pline) bool {
	sz := math.Max(row.ln.size, 6)
	var vs []chunk
	for _, c := range row.cs {
		if isValueText(c.text) {
			vs = append(vs, c)
		}
	}
	n := len(vs)
	if n == 0 {
		return false
	}
	tol := 2 * sz
	if n > 1 {
		// a column's width: values may sit at either side of their cells
		tol = math.Max(tol, (vs[n-1].x-vs[0].x)/float64(n-1))
	}
	lo, hi := vs[0].x-tol, vs[n-1].x1+tol
	for _, c := range p.cs {
		if c.x < lo || c.x1 > hi || utf8.RuneCountInString(c.text) > 20 {
			return false
		}
	}
	return len(p.cs) > 0
}

type urow struct {
	line   pline
	labels []chunk // text chunks before the first number
	nums   []chunk
	tail   []chunk // text after the numbers
}

// headerLines marks the text lines of a run that are column headers: a
// line with text over the value columns (right of firstNum), and a line
// of at most two label chunks right above such a line below a numeric row
// (table 2's 第二十条第（五）项 over 信息内容 | 本年处理决定数量).
func headerLines(ls []pline, firstNum float64) []bool {
	head := make([]bool, len(ls))
	for k, p := range ls {
		if p.numeric {
			continue
		}
		for _, c := range p.cs {
			if c.x1 > firstNum+1 {
				head[k] = true
				break
			}
		}
	}
	seenRow := false
	for k := range ls {
		if ls[k].numeric {
			seenRow = true
			continue
		}
		if seenRow && !head[k] && len(ls[k].cs) <= 2 && k+1 < len(ls) && head[k+1] {
			head[k] = true
		}
	}
	return head
}

// unruledGrid builds the grid of one run of lines; dropped counts label
// fragments that fit no label cell; cont reports a first row of label
// fragments continuing a row cut by a page break.
func unruledGrid(page int, ls []pline) (g *tables.Grid, dropped []string, scattered, cont bool) {
	var rows []*urow
	for _, p := range ls {
		if !p.numeric {
			continue
		}
		r := &urow{line: p}
		for _, c := range p.cs {
			switch {
			case isValueText(c.text):
				r.nums = append(r.nums, c)
			case len(r.nums) == 0:
				r.labels = append(r.labels, c)
			default:
				r.tail = append(r.tail, c)
			}
		}
		rows = append(rows, r)
	}
	// Label cells: every text chunk left of the numbers is a piece; pieces
	// are grouped into columns by their left edge, a column's pieces into
	// cells that start at a list marker (（二）, 2., 二、), after a gap, at
	// a column header line or on the baseline of another numeric row than
	// the cell's, and each cell goes to the numeric row it shares a
	// baseline with, else to the one nearest its vertical centre.
	firstNum := math.Inf(1)
	for _, r := range rows {
		if len(r.nums) > 0 {
			firstNum = math.Min(firstNum, r.nums[0].x)
		}
		r.labels = nil
	}
	head := headerLines(ls, firstNum)
	var headYs []float64
	for k, h := range head {
		if h {
			headYs = append(headYs, ls[k].ln.y)
		}
	}
	type piece struct {
		c      chunk
		size   float64
		anchor int // the numeric row on whose baseline the piece sits, -1: none
	}
	anchorOf := func(y, size float64) int {
		for i, r := range rows {
			if math.Abs(r.line.ln.y-y) <= 0.25*size {
				return i
			}
		}
		return -1
	}
	var pieces []piece
	for k, p := range ls {
		if head[k] {
			continue
		}
		for _, c := range p.cs {
			if isValueText(c.text) && p.numeric {
				continue
			}
			if c.x1 > firstNum+1 {
				if !p.numeric {
					dropped = append(dropped, c.text)
				}
				continue
			}
			sz := math.Max(p.ln.size, 6)
			pieces = append(pieces, piece{c, sz, anchorOf(c.y, sz)})
		}
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].c.x < pieces[j].c.x })
	var contCells []chunk // label fragments continuing the previous page's last row
	var cols [][]piece
	for _, pc := range pieces {
		if n := len(cols); n > 0 && pc.c.x-cols[n-1][0].c.x <= pc.size {
			cols[n-1] = append(cols[n-1], pc)
			continue
		}
		cols = append(cols, []piece{pc})
	}
	for _, col := range cols {
		sort.SliceStable(col, func(i, j int) bool { return col[i].c.y > col[j].c.y })
		first := true // the column's topmost cell
		flushCell := func(cell []piece) {
			if len(cell) == 0 {
				return
			}
			top := first
			first = false
			// A label cell cut by a page break: the top cell of a column
			// lies wholly above the first numeric line, does not start
			// with a list marker and is followed by a cell that does.
			if top && len(rows) > 0 && cell[len(cell)-1].c.y > rows[0].line.ln.y+0.5*cell[0].size &&
				!markerRe.MatchString(tables.FoldText(cell[0].c.text)) {
				texts := make([]string, len(cell))
				for i, pc := range cell {
					texts[i] = pc.c.text
				}
				c := cell[0].c
				c.text = strings.Join(texts, "\n")
				contCells = append(contCells, c)
				return
			}
			best := -1
			for _, pc := range cell {
				if pc.anchor >= 0 && best >= 0 && pc.anchor != best {
					best = -2 // anchored on several rows: a tall group label
					break
				}
				if pc.anchor >= 0 {
					best = pc.anchor
				}
			}
			if best < 0 {
				mid := (cell[0].c.y + cell[len(cell)-1].c.y) / 2
				bd := math.Inf(1)
				for i, r := range rows {
					if d := math.Abs(r.line.ln.y - mid); d < bd-0.01 {
						best, bd = i, d
					}
				}
			}
			texts := make([]string, len(cell))
			for i, pc := range cell {
				texts[i] = pc.c.text
			}
			c := cell[0].c
			c.text = strings.Join(texts, "\n")
			r := rows[best]
			for i := range r.labels {
				if math.Abs(r.labels[i].x-c.x) <= cell[0].size {
					r.labels[i].text += "\n" + c.text
					return
				}
			}
			r.labels = append(r.labels, c)
			sort.SliceStable(r.labels, func(i, j int) bool { return r.labels[i].x < r.labels[j].x })
		}
		var cell []piece
		anchor := -1 // the numeric row the current cell sits on
		for _, pc := range col {
			if len(cell) > 0 {
				prev := cell[len(cell)-1]
				short := utf8.RuneCountInString(prev.c.text) <= 3 && utf8.RuneCountInString(pc.c.text) <= 3
				crossesHead := false
				for _, y := range headYs {
					if y < prev.c.y && y > pc.c.y {
						crossesHead = true
					}
				}
				otherRow := !short && pc.anchor >= 0 && anchor >= 0 && pc.anchor != anchor
				if markerRe.MatchString(tables.FoldText(pc.c.text)) || !short && prev.c.y-pc.c.y > 2.2*pc.size || crossesHead || otherRow {
					flushCell(cell)
					cell, anchor = nil, -1
				}
			}
			cell = append(cell, pc)
			if anchor < 0 {
				anchor = pc.anchor
			}
		}
		flushCell(cell)
	}
	// value columns
	var centres []float64
	maxNums := 0
	for _, r := range rows {
		for _, c := range r.nums {
			centres = append(centres, (c.x+c.x1)/2)
		}
		maxNums = max(maxNums, len(r.nums))
	}
	sort.Float64s(centres)
	var vcols []float64 // cluster centres
	var cnt []int
	// Columns are told apart at 12pt, or at 0.4 of the mean column pitch
	// of the widest row: a cell's value may sit at its left edge (a dash)
	// or in its middle (a number).
	tol := 12.0
	for _, r := range rows {
		if n := len(r.nums); n == maxNums && n >= 3 {
			pitch := (r.nums[n-1].x + r.nums[n-1].x1 - r.nums[0].x - r.nums[0].x1) / 2 / float64(n-1)
			tol = math.Max(tol, 0.4*pitch)
			break
		}
	}
	for _, x := range centres {
		if n := len(vcols); n > 0 && x-vcols[n-1] <= tol {
			vcols[n-1] = (vcols[n-1]*float64(cnt[n-1]) + x) / float64(cnt[n-1]+1)
			cnt[n-1]++
			continue
		}
		vcols = append(vcols, x)
		cnt = append(cnt, 1)
	}
	aligned := len(vcols) == maxNums
	// Numbers that mostly share no columns are prose with wide
	// justification gaps, not a table: the widest row's worth of columns
	// must hold three quarters of the numbers.
	if len(vcols) > maxNums {
		top := append([]int(nil), cnt...)
		sort.Sort(sort.Reverse(sort.IntSlice(top)))
		in := 0
		for _, c := range top[:maxNums] {
			in += c
		}
		scattered = in*4 < len(centres)*3
	}
	place := make([][]int, len(rows))
	for ri, r := range rows {
		used := map[int]bool{}
		for _, c := range r.nums {
			cx := (c.x + c.x1) / 2
			k, kd := -1, math.Inf(1)
			for j, x := range vcols {
				if d := math.Abs(cx - x); d < kd {
					k, kd = j, d
				}
			}
			if used[k] {
				aligned = false
			}
			used[k] = true
			place[ri] = append(place[ri], k)
		}
	}
	// the columns' left edges: their values' leftmost start
	lefts := make([]float64, len(vcols))
	for j := range lefts {
		lefts[j] = math.Inf(1)
	}
	for ri, r := range rows {
		for i, c := range r.nums {
			lefts[place[ri][i]] = math.Min(lefts[place[ri][i]], c.x)
		}
	}
	loc := func(c chunk) model.Loc { return model.Loc{Page: page, X: round2(c.x), Y: round2(c.y)} }
	first := ls[0].ln
	g = &tables.Grid{Aligned: aligned, Src: model.Loc{Page: page, X: round2(first.x0), Y: round2(first.y)}}
	if len(contCells) > 0 {
		var row []tables.GridCell
		for _, c := range contCells {
			row = append(row, tables.GridCell{Text: c.text, Src: loc(c)})
		}
		g.Rows = append(g.Rows, row)
	}
	type yrow struct {
		y   float64
		row []tables.GridCell
	}
	var out []yrow
	for ri, r := range rows {
		var row []tables.GridCell
		for _, c := range r.labels {
			row = append(row, tables.GridCell{Text: c.text, Src: loc(c)})
		}
		switch {
		case aligned && len(vcols) == 3 && len(r.nums) == 1 && place[ri][0] == 1:
			// One value centred under three columns is a merged cell
			// (table 2's single-value rows), printed once.
			c := r.nums[0]
			for j := 0; j < 3; j++ {
				row = append(row, tables.GridCell{Text: c.text, Src: loc(c), SpanCol: j, ColSpan: 3, RowSpan: 1})
			}
		case aligned:
			cells := make([]tables.GridCell, len(vcols))
			for j := range cells {
				cells[j].Src = model.Loc{Page: page, X: round2(vcols[j]), Y: round2(r.line.ln.y)}
			}
			for i, c := range r.nums {
				cells[place[ri][i]] = tables.GridCell{Text: c.text, Src: loc(c)}
			}
			row = append(row, cells...)
		default:
			for _, c := range r.nums {
				row = append(row, tables.GridCell{Text: c.text, Src: loc(c)})
			}
		}
		for _, c := range r.tail {
			row = append(row, tables.GridCell{Text: c.text, Src: loc(c)})
		}
		out = append(out, yrow{r.line.ln.y, row})
	}
	for k := 0; k < len(ls); {
		if !head[k] {
			k++
			continue
		}
		j := k
		for j < len(ls) && head[j] {
			j++
		}
		for _, hr := range headerRows(page, ls[k:j], vcols, lefts) {
			out = append(out, yrow{hr[0].Src.Y, hr})
		}
		k = j
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y > out[j].y })
	for _, r := range out {
		g.Rows = append(g.Rows, r.row)
	}
	return g, dropped, scattered, len(contCells) > 0
}

// headerRows renders a block of column-header lines. Lines of short
// fragments each centred over one value column (a header wrapped in its
// cell: 结果维 / 持) are stacked into one row, a cell per column, the
// fragments of a column joined with "\n"; the lines above the first line
// that is not such a line (spanning headers: 行政复议 over five columns)
// stay rows of their own, a cell per chunk.
func headerRows(page int, ls []pline, vcols, lefts []float64) [][]tables.GridCell {
	loc := func(c chunk) model.Loc { return model.Loc{Page: page, X: round2(c.x), Y: round2(c.y)} }
	pitch := math.Inf(1)
	for j := 1; j < len(vcols); j++ {
		pitch = math.Min(pitch, vcols[j]-vcols[j-1])
	}
	colOf := func(c chunk) int {
		if len(vcols) < 2 || c.x1-c.x > 1.1*pitch {
			return -1
		}
		cx := (c.x + c.x1) / 2
		for j, x := range vcols {
			if math.Abs(cx-x) <= 0.25*pitch {
				return j
			}
		}
		// values and headers printed flush left in their cells
		for j, x := range lefts {
			if math.Abs(c.x-x) <= 0.25*pitch {
				return j
			}
		}
		return -1
	}
	leaf := func(p pline) bool {
		for _, c := range p.cs {
			if colOf(c) < 0 {
				return false
			}
		}
		return true
	}
	split := len(ls)
	for split > 0 && leaf(ls[split-1]) {
		split--
	}
	var out [][]tables.GridCell
	if len(ls)-split < 2 {
		split = len(ls)
	}
	for _, p := range ls[:split] {
		var row []tables.GridCell
		for _, c := range p.cs {
			row = append(row, tables.GridCell{Text: c.text, Src: loc(c)})
		}
		out = append(out, row)
	}
	if split == len(ls) {
		return out
	}
	frags := make([][]chunk, len(vcols))
	for _, p := range ls[split:] {
		for _, c := range p.cs {
			j := colOf(c)
			frags[j] = append(frags[j], c)
		}
	}
	var row []tables.GridCell
	for _, fs := range frags {
		if len(fs) == 0 {
			continue
		}
		texts := make([]string, len(fs))
		for i, c := range fs {
			texts[i] = c.text
		}
		row = append(row, tables.GridCell{Text: strings.Join(texts, "\n"), Src: loc(fs[0])})
	}
	return append(out, row)
}

// layoutLines emits the lines outside ruled tables: prose lines as
// paragraphs (or headings), runs of numeric lines as unruled grids.
func layoutLines(page int, lines []*textLine, body int, doc *tables.Document, unruled map[*tables.Grid]bool) (items []item, open *pline, right float64) {
	var ls []pline
	for li, ln := range lines {
		t := lineText(ln)
		if t == "" {
			continue
		}
		if (li == 0 || li == len(lines)-1) && pageNumRe.MatchString(strings.TrimSpace(t)) {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
				Message: "page number or running header dropped", Raw: t, Src: model.Loc{Page: page, X: round2(ln.x0), Y: round2(ln.y)}})
			continue
		}
		ls = append(ls, classify(ln))
	}
	runs := tableRuns(ls)
	// The body size leaves out the lines of unruled tables, as it leaves
	// out the glyphs of ruled ones: a page mostly taken by a table of small
	// print keeps its prose as paragraphs, not headings.
	sizes := map[int]int{}
	for i, p := range ls {
		if runs[i] < 0 {
			sizes[int(math.Round(p.ln.size))] += len(p.ln.glyphs)
		}
	}
	if len(sizes) > 0 {
		b, best := 0, 0
		for sz, n := range sizes {
			if n > best || n == best && sz < b {
				b, best = sz, n
			}
		}
		body = b
	}
	// the text's right margin: the widest body line's end
	for _, p := range ls {
		if !p.numeric && math.Abs(p.ln.size-float64(body)) < 1 {
			right = math.Max(right, p.ln.x1)
		}
	}
	var prev *pline // the last prose line, when it may continue
	for i := 0; i < len(ls); {
		if runs[i] < 0 {
			p := &ls[i]
			if prev != nil && continues(*prev, *p, right) {
				it := &items[len(items)-1]
				it.block.Text = joinLines(it.block.Text, p.text)
			} else {
				items = append(items, lineItem(page, p.ln, body))
			}
			prev = p
			if items[len(items)-1].block.Kind != tables.BlockParagraph {
				prev = nil
			}
			i++
			continue
		}
		prev = nil
		j := i
		for j < len(ls) && runs[j] == runs[i] {
			j++
		}
		g, dropped, scattered, cont := unruledGrid(page, ls[i:j])
		if scattered && !g.Aligned {
			for k := i; k < j; k++ {
				items = append(items, lineItem(page, ls[k].ln, body))
			}
			i = j
			continue
		}
		if unruled != nil {
			unruled[g] = cont
		}
		if len(dropped) > 0 {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevInfo,
				Message: "label fragments outside any label cell dropped (vertical group labels?)", Raw: strings.Join(dropped, " "),
				Src: model.Loc{Page: page, X: round2(ls[i].ln.x0), Y: round2(ls[i].ln.y)}})
		}
		items = append(items, item{top: ls[i].ln.y + ls[i].ln.size, grid: g})
		i = j
	}
	return items, prev, right
}

// continues reports whether prose line b continues the paragraph of line a:
// same size, a reaches the right margin, b follows at line distance, is not
// indented past a's start and does not start with a heading or list marker.
func continues(a, b pline, right float64) bool {
	sz := math.Max(a.ln.size, 6)
	switch {
	case math.Abs(a.ln.size-b.ln.size) > 0.5,
		right == 0 || a.ln.x1 < right-1.5*sz,
		a.ln.y-b.ln.y > 2.2*sz || a.ln.y <= b.ln.y,
		b.ln.x0 > a.ln.x0+0.5*sz,
		markerRe.MatchString(tables.FoldText(b.text)):
		return false
	}
	return true
}

// joinLines joins two lines of a paragraph: without a separator between
// Chinese text, with a space between Latin words.
func joinLines(a, b string) string {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra < 0x2E80 && rb < 0x2E80 && ra != ' ' && !strings.ContainsRune("，。；：、（）", ra) {
		return a + " " + b
	}
	return a + b
}

// isValueText reports a value chunk of a table line: a number, or a dash
// or slash printed for zero.
func isValueText(s string) bool { return numberRe.MatchString(s) || dashRe.MatchString(s) }

package htmldoc

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// tableRows returns the table's own rows in document order (rows of nested
// tables excluded). The HTML parser always puts rows in a row group.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			rows = append(rows, c)
		case "thead", "tbody", "tfoot":
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.Data == "tr" {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// rowCells returns the td/th children of a row.
func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			cells = append(cells, c)
		}
	}
	return cells
}

// isLayoutTable reports whether a table only arranges the page rather than
// holding data: it has a single cell (or a single non-empty one), a cell
// holds a long text (a whole article), or a cell holds a nested table that
// carries most of the table's text.
func isLayoutTable(t *html.Node, rows []*html.Node) bool {
	cells, nonEmpty, total := 0, 0, 0
	longCell, nestedHeavy := false, false
	for _, tr := range rows {
		for _, td := range rowCells(tr) {
			cells++
			n, inNested := textLen(td, false)
			if n > 0 {
				nonEmpty++
			}
			total += n
			if n-inNested > 300 {
				longCell = true
			}
			if inNested > 0 && inNested*2 >= n {
				nestedHeavy = true
			}
		}
	}
	if cells == 0 || nonEmpty <= 1 || longCell {
		return true
	}
	return nestedHeavy && total > 0 && cells <= 3
}

// textLen counts the non-space runes of text under n, and how many of them
// are inside nested tables.
func textLen(n *html.Node, inTable bool) (all, nested int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := 0
			for _, r := range c.Data {
				if !isSpaceRune(r) {
					k++
				}
			}
			all += k
			if inTable {
				nested += k
			}
		case html.ElementNode:
			if kindOf(c)&kindSkip != 0 {
				continue
			}
			a, b := textLen(c, inTable || c.Data == "table")
			all += a
			nested += b
		}
	}
	return all, nested
}

// origin is one printed cell of a grid before expansion.
type origin struct {
	text     string
	row, col int // position of the top-left corner
	rs, cs   int
}

type slot struct {
	o      *origin
	dr, dc int
}

// buildGrid expands a data table into an aligned grid: a cell spanning
// several rows or columns is written at every position it covers. Spans
// below 1 or above maxSpan count as 1; row spans are clipped to the rows
// left, column spans to the table's width (the widest row whose last cell is
// not itself spanning, or the widest start of a cell). It also returns the
// tables nested in the cells, in document order, and diagnostics about
// repaired spans and limits; n is the grid's number in the document.
func buildGrid(t *html.Node, rows []*html.Node, n int) (*tables.Grid, []*html.Node, []model.Diagnostic) {
	g := &tables.Grid{Aligned: true}
	var nested []*html.Node
	var diags []model.Diagnostic
	note := func(sev model.Severity, format string, args ...any) {
		diags = append(diags, model.Diagnostic{Code: model.DiagFrontEnd, Severity: sev,
			Message: fmt.Sprintf("table %d: ", n) + fmt.Sprintf(format, args...), Src: model.Loc{Table: n}})
	}
	if len(rows) > MaxTableCells {
		note(model.SevWarning, "%d rows: only the first %d kept", len(rows), MaxTableCells)
		rows = rows[:MaxTableCells]
	}
	nrows := len(rows)
	occ := make([][]slot, nrows)
	// The cells of each row, and room for the slots and origins in a few
	// allocations rather than one per cell (the bounds keep a hostile table
	// from reserving more than the cell limit).
	rowTDs := make([][]*html.Node, nrows)
	nCells, maxTDs := 0, 0
	for r, tr := range rows {
		rowTDs[r] = rowCells(tr)
		nCells += len(rowTDs[r])
		maxTDs = max(maxTDs, len(rowTDs[r]))
	}
	if nrows*maxTDs <= MaxTableCells {
		backing := make([]slot, nrows*maxTDs)
		for r := range occ {
			occ[r] = backing[r*maxTDs : r*maxTDs : (r+1)*maxTDs]
		}
	}
	nCells = min(nCells, MaxTableCells)
	store := make([]origin, 0, nCells)
	newOrigin := func(o origin) *origin {
		if len(store) == cap(store) {
			store = make([]origin, 0, 64)
		}
		store = append(store, o)
		return &store[len(store)-1]
	}
	positions := 0
	badSpans, clipped, overlaps := 0, 0, 0
	truncated := false
	origins := make([]*origin, 0, nCells)
rowLoop:
	for r := range rows {
		c := 0
		for _, td := range rowTDs[r] {
			for c < len(occ[r]) && occ[r][c].o != nil {
				c++
			}
			if c >= MaxTableCols {
				truncated = true
				break
			}
			rs, okR := spanAttr(td, "rowspan")
			cs, okC := spanAttr(td, "colspan")
			if !okR || !okC {
				badSpans++
			}
			if rs > nrows-r {
				rs = nrows - r
				clipped++
			}
			if c+cs > MaxTableCols {
				cs = MaxTableCols - c
				truncated = true
			}
			if positions+rs*cs > MaxTableCells {
				truncated = true
				break rowLoop
			}
			positions += rs * cs
			o := newOrigin(origin{text: cellText(td, &nested), row: r, col: c, rs: rs, cs: cs})
			origins = append(origins, o)
			for dr := 0; dr < rs; dr++ {
				row := occ[r+dr]
				for len(row) < c+cs {
					row = append(row, slot{})
				}
				for dc := 0; dc < cs; dc++ {
					if row[c+dc].o != nil {
						overlaps++
						continue
					}
					row[c+dc] = slot{o: o, dr: dr, dc: dc}
				}
				occ[r+dr] = row
			}
			c += cs
		}
	}

	// Table width: rows ending in a plain cell define it; a spanning last
	// cell may not widen the table beyond that, but no cell start is lost.
	width, widest := 0, 0
	for _, row := range occ {
		if len(row) > widest {
			widest = len(row)
		}
		if k := len(row); k > 0 && row[k-1].o != nil && row[k-1].o.cs == 1 && k > width {
			width = k
		}
	}
	if width == 0 {
		width = widest
	}
	for _, o := range origins {
		if o.col+1 > width {
			width = o.col + 1
		}
	}
	for _, o := range origins {
		if o.col+o.cs > width {
			o.cs = width - o.col
			clipped++
		}
	}

	g.Rows = make([][]tables.GridCell, nrows)
	total := 0
	for _, row := range occ {
		total += min(len(row), width)
	}
	all := make([]tables.GridCell, total)
	for r, row := range occ {
		if len(row) > width {
			row = row[:width]
		}
		cells := all[:len(row):len(row)]
		all = all[len(row):]
		for c, s := range row {
			if s.o == nil || s.dc >= s.o.cs {
				cells[c] = tables.GridCell{RowSpan: 1, ColSpan: 1}
				continue
			}
			cells[c] = tables.GridCell{Text: s.o.text, SpanRow: s.dr, SpanCol: s.dc, RowSpan: s.o.rs, ColSpan: s.o.cs}
			if s.dr > 0 || s.dc > 0 {
				// A copy cites the printed cell.
				cells[c].Src = model.Loc{Row: s.o.row + 1, Col: s.o.col + 1}
			}
		}
		g.Rows[r] = cells
	}
	if badSpans > 0 {
		note(model.SevInfo, "%d cells with an invalid rowspan/colspan read as 1", badSpans)
	}
	if clipped > 0 {
		note(model.SevInfo, "%d spans overrunning the table clipped", clipped)
	}
	if overlaps > 0 {
		note(model.SevWarning, "%d positions claimed by two overlapping cells: the first kept", overlaps)
	}
	if truncated {
		note(model.SevWarning, "more than %d cells or %d columns: the rest dropped", MaxTableCells, MaxTableCols)
	}
	return g, nested, diags
}

// spanAttr reads a rowspan or colspan attribute: 1 when absent; values
// below 1 or above maxSpan, and garbage, count as 1 (ok false).
func spanAttr(n *html.Node, name string) (int, bool) {
	for _, a := range n.Attr {
		if a.Key != name {
			continue
		}
		v := strings.TrimSpace(a.Val)
		// Browsers read the leading digits ("2px", "3;").
		end := 0
		for end < len(v) && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		if end == 0 || end > 6 {
			return 1, false
		}
		k, _ := strconv.Atoi(v[:end])
		if k < 1 || k > maxSpan {
			return 1, false
		}
		return k, true
	}
	return 1, true
}

// cellText returns a cell's text: inner markup collapsed, "\n" at <br> and
// block boundaries (Word's <p> inside cells), nested tables left out and
// appended to nested.
func cellText(td *html.Node, nested *[]*html.Node) string {
	var b strings.Builder
	gatherCell(td, &b, nested)
	s := collapseLines(b.String())
	if utf8.RuneCountInString(s) > 1<<16 {
		s = string([]rune(s)[:1<<16])
	}
	return s
}

func gatherCell(n *html.Node, b *strings.Builder, nested *[]*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.WriteString(strings.ReplaceAll(c.Data, "\x00", ""))
		case html.ElementNode:
			tag, kind := c.Data, kindOf(c)
			switch {
			case kind&(kindSkip|kindVoid) != 0:
			case tag == "br":
				b.WriteString(lineBreak)
			case tag == "table":
				*nested = append(*nested, c)
				b.WriteString(lineBreak)
			case kind&kindBlock != 0:
				b.WriteString(lineBreak)
				gatherCell(c, b, nested)
				b.WriteString(lineBreak)
			default:
				gatherCell(c, b, nested)
			}
		}
	}
}

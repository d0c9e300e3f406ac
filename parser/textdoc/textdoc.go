// Package textdoc is the plain-text and markdown front end: it turns decoded
// text into a tables.Document of headings, paragraphs and table grids, each
// with its source line and byte offset.
//
// Every non-empty line of prose becomes one paragraph block; markdown ATX
// headings ("## 二、…") become heading blocks in both text and markdown
// input, because crawled .txt copies of web pages keep them. Three kinds of
// table lines become grids (Grid.Aligned is false: cells are in printed
// order, blank fields kept, and the table matcher decides which are layout):
//
//  1. tab-separated rows; blank lines between rows of one table are skipped;
//  2. markdown pipe tables (a header row followed by a |---| delimiter row);
//  3. space-aligned columns as printed by pdftotext -layout: fields are
//     separated by two or more spaces or an ideographic space. Wrapped row
//     labels are joined into their row's label cell (with "\n" between the
//     pieces and a label-repaired diagnostic), group labels printed down the
//     left margin one or two characters per line are removed from the rows,
//     page numbers are dropped, and a table continues across a page break
//     with its repeated header dropped.
//
// One cell per line (label line, then value lines) and tables run together
// on one line without separators are left as paragraphs: the table matcher
// reads them as a token stream.
//
// Parsing is total: every input gives a Document. The only error is the
// context's.
//
// BUG(textdoc): header lines of a space-aligned table are kept one row per
// printed line, not rebuilt into columns. A label that a narrow layout
// splits into a label-only line and a value line whose first field is a
// margin fragment ("处理   不再处理其…申请   0 4 …" after "（六）其他
// 2.申请人…") stays in two rows. Running page headers other than page
// numbers (a repeated document title) are not dropped.
package textdoc

import (
	"context"
	"strings"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// Parse turns decoded text into a Document. markdown is set for .md input.
func Parse(ctx context.Context, text string, markdown bool) (*tables.Document, error) {
	d := &tables.Document{Input: "text"}
	if markdown {
		d.Input = "markdown"
	}
	p := &parser{ctx: ctx, doc: d, lines: splitLines(text)}
	if err := p.run(); err != nil {
		return nil, err
	}
	return d, nil
}

// parser holds the state of one Parse call.
type parser struct {
	ctx   context.Context
	doc   *tables.Document
	lines []line
	// pend holds paragraph lines not yet added to the document, so that a
	// space-aligned table can take back the short header lines above it.
	pend []int
}

// ctxEvery is how many lines are handled between context checks.
const ctxEvery = 256

func (p *parser) run() error {
	n := len(p.lines)
	for i, checked := 0, 0; i < n; {
		if i-checked >= ctxEvery || i == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
			checked = i
		}
		l := p.lines[i]
		s, o := trimSpan(l.raw)
		switch {
		case s == "":
			i++
		case isHeadingLine(s):
			p.flush()
			lv, t, to, _ := atxHeading(s)
			p.doc.AddHeading(t, lv, model.Loc{Line: l.no, Offset: l.off + o + to + 1})
			i++
		case i+1 < n && strings.Contains(s, "|") && isDelimiterRow(p.lines[i+1].raw):
			p.flush()
			i = p.pipeTable(i)
		case tabRow(l.raw):
			p.flush()
			i = p.tabTable(i)
		case isPageChrome(s):
			p.chrome(l, s, o)
			i++
		default:
			if fieldsAtLeast(s, 2) && !isProseLine(s) {
				var err error
				if i, err = p.layoutTable(i); err != nil {
					return err
				}
				continue
			}
			p.pend = append(p.pend, i)
			i++
		}
	}
	p.flush()
	return p.ctx.Err()
}

// isHeadingLine reports whether s is a markdown ATX heading.
func isHeadingLine(s string) bool {
	_, _, _, ok := atxHeading(s)
	return ok
}

// flush adds the pending paragraph lines to the document.
func (p *parser) flush() {
	for _, i := range p.pend {
		l := p.lines[i]
		s, o := trimSpan(l.raw)
		p.doc.AddParagraph(s, model.Loc{Line: l.no, Offset: l.off + o + 1})
	}
	p.pend = p.pend[:0]
}

// chrome records a dropped page number or banner.
func (p *parser) chrome(l line, s string, o int) {
	p.doc.Diagnostics = append(p.doc.Diagnostics, model.Diagnostic{
		Code: model.DiagFrontEnd, Severity: model.SevInfo,
		Message: "page number or banner dropped", Raw: s,
		Src: model.Loc{Line: l.no, Offset: l.off + o + 1},
	})
}

// isProseLine reports whether a line reads as running text rather than a
// table row: it ends a sentence.
func isProseLine(s string) bool {
	return strings.ContainsAny(s, "。；;")
}

// pipeTable reads a markdown pipe table starting at line i (its header row)
// and returns the index of the first line after it.
func (p *parser) pipeTable(i int) int {
	g := &tables.Grid{}
	addRow := func(l line) {
		cells := splitPipes(l.raw, l.off)
		row := make([]tables.GridCell, len(cells))
		for k, c := range cells {
			row[k] = tables.GridCell{Text: unescapePipes(c.text), Src: model.Loc{Line: l.no, Offset: c.off + 1, Col: k + 1}}
		}
		g.Rows = append(g.Rows, row)
	}
	addRow(p.lines[i])
	g.Src = gridSrc(p.lines[i])
	j := i + 2 // skip the delimiter row
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		s, _ := trimSpan(l.raw)
		if s == "" || !strings.Contains(s, "|") || isHeadingLine(s) {
			break
		}
		addRow(l)
	}
	p.doc.AddGrid(g)
	return j
}

func unescapePipes(s string) string {
	if !strings.Contains(s, `\|`) {
		return s
	}
	return strings.ReplaceAll(s, `\|`, "|")
}

func gridSrc(l line) model.Loc {
	_, o := trimSpan(l.raw)
	return model.Loc{Line: l.no, Offset: l.off + o + 1}
}

// tabTable reads tab-separated rows starting at line i. Blank lines and page
// chrome between rows are skipped when another tab row follows. Every field
// is kept, empty ones as blank cells.
func (p *parser) tabTable(i int) int {
	var rows []int
	j := i
	for j < len(p.lines) {
		l := p.lines[j]
		if tabRow(l.raw) {
			rows = append(rows, j)
			j++
			continue
		}
		// look past blank lines and page chrome for another row
		k := j
		for k < len(p.lines) {
			s, _ := trimSpan(p.lines[k].raw)
			if s != "" && !isPageChrome(s) {
				break
			}
			k++
		}
		if k >= len(p.lines) || !tabRow(p.lines[k].raw) {
			break
		}
		for ; j < k; j++ {
			if s, o := trimSpan(p.lines[j].raw); s != "" {
				p.chrome(p.lines[j], s, o)
			}
		}
	}
	// one allocation for all the cells of the grid
	n := 0
	for _, r := range rows {
		n += strings.Count(p.lines[r].raw, "\t") + 1
	}
	slab := make([]tables.GridCell, 0, n)
	g := &tables.Grid{Src: gridSrc(p.lines[i]), Rows: make([][]tables.GridCell, 0, len(rows))}
	for _, r := range rows {
		start := len(slab)
		slab = appendTabCells(slab, p.lines[r])
		g.Rows = append(g.Rows, slab[start:len(slab):len(slab)])
	}
	p.doc.AddGrid(g)
	return j
}

// appendTabCells splits a tab row into cells, trimming spaces around each
// field, and appends them to row.
func appendTabCells(row []tables.GridCell, l line) []tables.GridCell {
	start, col := 0, 1
	raw := l.raw
	for k := 0; k <= len(raw); k++ {
		if k < len(raw) && raw[k] != '\t' {
			continue
		}
		f, o := trimSpan(raw[start:k])
		off := l.off + start + o
		row = append(row, tables.GridCell{Text: f, Src: model.Loc{Line: l.no, Offset: off + 1, Col: col}})
		col++
		start = k + 1
	}
	return row
}

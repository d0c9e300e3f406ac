package docxdoc

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// skipElements are subtrees whose text is not printed body text: drawings
// and text boxes (their AlternateContent repeats the text), deleted and
// moved-away revisions, field instructions, ruby annotations, section and
// paragraph-mark properties.
var skipElements = map[string]bool{
	"drawing": true, "pict": true, "object": true, "AlternateContent": true, "del": true,
	"delText": true, "moveFrom": true, "instrText": true, "delInstrText": true, "rt": true,
	"sectPr": true, "rPr": true, "footnoteReference": true, "endnoteReference": true,
	"commentReference": true, "fldData": true, "txbxContent": true,
}

// docParser reads word/document.xml as a token stream.
type docParser struct {
	ctx    context.Context
	doc    *tables.Document
	d      *xml.Decoder
	st     *styles
	num    *numbering
	para   int // paragraphs seen (w:p), for Loc.Line
	tokens int
	depth  int // table nesting
}

func newDocParser(ctx context.Context, doc *tables.Document, r io.Reader, st *styles, num *numbering) *docParser {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &docParser{ctx: ctx, doc: doc, d: d, st: st, num: num}
}

// token returns the next token, checking cancellation now and then and
// wrapping syntax errors.
func (p *docParser) token() (xml.Token, error) {
	p.tokens++
	if p.tokens&4095 == 0 {
		if err := p.ctx.Err(); err != nil {
			return nil, err
		}
	}
	tok, err := p.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: word/document.xml: %v", ErrMalformed, err)
	}
	return tok, nil
}

// skip consumes the rest of the current element.
func (p *docParser) skip() error {
	for depth := 1; depth > 0; {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("%w: word/document.xml ends inside an element", ErrMalformed)
			}
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// run reads the whole document: paragraphs and tables at any container
// depth (body, content controls, custom XML) in order.
func (p *docParser) run() error {
	for {
		tok, err := p.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "p":
			par, err := p.paragraph()
			if err != nil {
				return err
			}
			p.emitParagraph(par)
		case se.Name.Local == "tbl":
			if err := p.table(); err != nil {
				return err
			}
		case skipElements[se.Name.Local]:
			if err := p.skip(); err != nil {
				return err
			}
		}
	}
}

// para is one w:p: its lines (split at breaks), style and numbering.
type para struct {
	lines   []string
	style   string
	outline int // direct outline level + 1
	numID   int
	ilvl    int
	hasNum  bool
	line    int // paragraph index
}

func (p *docParser) paragraph() (*para, error) {
	p.para++
	if p.para > maxParagraphs {
		return nil, fmt.Errorf("%w: more than %d paragraphs", ErrTooLarge, maxParagraphs)
	}
	out := &para{line: p.para}
	var cur strings.Builder
	depth := 0
	inText := false
	for {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return nil, fmt.Errorf("%w: word/document.xml ends inside a paragraph", ErrMalformed)
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "pPr":
				if err := p.paragraphProps(out); err != nil {
					return nil, err
				}
				continue
			case skipElements[name]:
				if err := p.skip(); err != nil {
					return nil, err
				}
				continue
			case name == "t":
				inText = true
			case name == "tab" || name == "ptab":
				cur.WriteByte(' ')
			case name == "br" || name == "cr":
				out.lines = append(out.lines, cur.String())
				cur.Reset()
			case name == "noBreakHyphen":
				cur.WriteByte('-')
			case name == "p" || name == "tbl":
				// Not valid inside a paragraph: skip rather than misread.
				if err := p.skip(); err != nil {
					return nil, err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				out.lines = append(out.lines, cur.String())
				return out, nil
			}
			depth--
			if t.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}

// paragraphProps reads w:pPr: style, outline level and numbering.
func (p *docParser) paragraphProps(out *para) error {
	for depth := 1; depth > 0; {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("%w: word/document.xml ends inside paragraph properties", ErrMalformed)
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "pStyle":
				out.style = attr(t, "val")
			case "outlineLvl":
				if v := attrInt(t, "val", 9); v >= 0 && v < 9 {
					out.outline = v + 1
				}
			case "numId":
				out.numID, out.hasNum = attrInt(t, "val", 0), true
			case "ilvl":
				out.ilvl = attrInt(t, "val", 0)
			case "rPr", "sectPr", "pPrChange":
				if err := p.skip(); err != nil {
					return err
				}
				depth--
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// numberPrefix renders the paragraph's automatic list number, if any.
func (p *docParser) numberPrefix(par *para) string {
	numID, ilvl, ok := par.numID, par.ilvl, par.hasNum
	if !ok {
		numID, ilvl, ok = p.st.numPr(par.style)
	}
	if !ok || numID == 0 {
		return ""
	}
	return p.num.next(numID, ilvl)
}

// text returns the paragraph's lines with the list number on the first,
// each collapsed; empty lines dropped.
func (p *docParser) text(par *para) []string {
	prefix := p.numberPrefix(par)
	var out []string
	for i, l := range par.lines {
		if i == 0 && prefix != "" {
			l = prefix + l
		}
		if s := collapse(l); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *docParser) emitParagraph(par *para) {
	lines := p.text(par)
	level := par.outline
	if level == 0 {
		level = p.st.headingLevel(par.style)
	}
	for _, l := range lines {
		loc := model.Loc{Line: par.line}
		if level > 0 {
			p.doc.AddHeading(l, level, loc)
		} else {
			p.doc.AddParagraph(l, loc)
		}
	}
}

// cell is one w:tc before expansion.
type cell struct {
	lines      []string
	line       int // first paragraph index
	gridSpan   int
	vMerge     int // 0 none, 1 restart, 2 continue
	hMergeCont bool
	spanBad    bool
}

type row struct {
	cells      []cell
	gridBefore int
}

// table reads a w:tbl and emits its grid, then the grids of the tables
// nested in its cells.
func (p *docParser) table() error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxTableDepth {
		p.doc.Diagnostics = append(p.doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
			Message: fmt.Sprintf("table nested deeper than %d levels skipped", maxTableDepth)})
		return p.skip()
	}
	var rows []row
	var inner []*tables.Document // nested tables, parsed into scratch documents
	depth := 0
	for {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("%w: word/document.xml ends inside a table", ErrMalformed)
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "tr":
				r, in, err := p.row()
				if err != nil {
					return err
				}
				rows = append(rows, r)
				inner = append(inner, in...)
				continue
			case skipElements[t.Name.Local] || t.Name.Local == "tblPr" || t.Name.Local == "tblGrid":
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				p.emitTable(rows)
				for _, d := range inner {
					p.adopt(d)
				}
				return nil
			}
			depth--
		}
	}
}

// adopt appends the blocks of a scratch document (a nested table and what
// it nested) to the document, renumbering its grids.
func (p *docParser) adopt(d *tables.Document) {
	for _, b := range d.Blocks {
		if b.Kind == tables.BlockTable {
			g := b.Grid
			for r := range g.Rows {
				for c := range g.Rows[r] {
					g.Rows[r][c].Src.Table = 0
				}
			}
			p.doc.AddGrid(g)
			continue
		}
		p.doc.Blocks = append(p.doc.Blocks, b)
	}
	p.doc.Diagnostics = append(p.doc.Diagnostics, d.Diagnostics...)
}

func (p *docParser) row() (row, []*tables.Document, error) {
	var r row
	var inner []*tables.Document
	depth := 0
	for {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return r, nil, fmt.Errorf("%w: word/document.xml ends inside a table row", ErrMalformed)
			}
			return r, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "tc":
				c, in, err := p.cell()
				if err != nil {
					return r, nil, err
				}
				r.cells = append(r.cells, c)
				inner = append(inner, in...)
				continue
			case t.Name.Local == "gridBefore":
				if v := attrInt(t, "val", 0); v > 0 && v <= maxSpan {
					r.gridBefore = v
				}
			case skipElements[t.Name.Local]:
				if err := p.skip(); err != nil {
					return r, nil, err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return r, inner, nil
			}
			depth--
		}
	}
}

func (p *docParser) cell() (cell, []*tables.Document, error) {
	c := cell{gridSpan: 1}
	var inner []*tables.Document
	depth := 0
	for {
		tok, err := p.token()
		if err != nil {
			if err == io.EOF {
				return c, nil, fmt.Errorf("%w: word/document.xml ends inside a table cell", ErrMalformed)
			}
			return c, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				par, err := p.paragraph()
				if err != nil {
					return c, nil, err
				}
				if c.line == 0 {
					c.line = par.line
				}
				c.lines = append(c.lines, p.text(par)...)
				continue
			case "tbl":
				// A nested table: parsed into a scratch document so that its
				// grid follows the outer one and its text stays out of the cell.
				outer := p.doc
				p.doc = &tables.Document{Input: "docx"}
				err := p.table()
				scratch := p.doc
				p.doc = outer
				if err != nil {
					return c, nil, err
				}
				inner = append(inner, scratch)
				continue
			case "gridSpan":
				v := attrInt(t, "val", 1)
				if v < 1 || v > maxSpan {
					v, c.spanBad = 1, true
				}
				c.gridSpan = v
			case "vMerge":
				if strings.EqualFold(attr(t, "val"), "restart") {
					c.vMerge = 1
				} else {
					c.vMerge = 2
				}
			case "hMerge":
				c.hMergeCont = !strings.EqualFold(attr(t, "val"), "restart")
			default:
				if skipElements[t.Name.Local] {
					if err := p.skip(); err != nil {
						return c, nil, err
					}
					continue
				}
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return c, inner, nil
			}
			depth--
		}
	}
}

// origin is one printed cell of a grid.
type origin struct {
	text     string
	line     int
	row, col int
	rs, cs   int
}

type slot struct {
	o      *origin
	dr, dc int
}

// emitTable expands the rows into an aligned grid: gridSpan and hMerge
// widen a cell, vMerge continuation cells become copies of the cell above
// that started the merge (same column and width).
func (p *docParser) emitTable(rows []row) {
	n := p.doc.Tables() + 1
	note := func(sev model.Severity, format string, args ...any) {
		p.doc.Diagnostics = append(p.doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: sev,
			Message: fmt.Sprintf("table %d: ", n) + fmt.Sprintf(format, args...), Src: model.Loc{Table: n}})
	}
	if len(rows) == 0 {
		return
	}
	occ := make([][]slot, len(rows))
	positions := 0
	bad, orphans, dropped := 0, 0, 0
	truncated := false
	for r, rw := range rows {
		col := 0
		var line []slot
		place := func(o *origin, dr, w int) {
			for dc := 0; dc < w; dc++ {
				line = append(line, slot{o: o, dr: dr, dc: dc})
			}
		}
		if rw.gridBefore > 0 && rw.gridBefore < MaxTableCols {
			for k := 0; k < rw.gridBefore; k++ {
				place(&origin{row: r, col: k, rs: 1, cs: 1}, 0, 1)
			}
			col = rw.gridBefore
		}
		for _, c := range rw.cells {
			cs := c.gridSpan
			if c.spanBad {
				bad++
			}
			if col+cs > MaxTableCols || positions+cs > MaxTableCells {
				truncated = true
				break
			}
			positions += cs
			if c.hMergeCont && len(line) > 0 {
				// Legacy horizontal merge: widen the cell to the left.
				prev := line[len(line)-1]
				if prev.dr == 0 {
					prev.o.cs += cs
					for dc := 0; dc < cs; dc++ {
						line = append(line, slot{o: prev.o, dr: 0, dc: prev.dc + 1 + dc})
					}
					col += cs
					continue
				}
			}
			if c.vMerge == 2 && r > 0 && col < len(occ[r-1]) {
				above := occ[r-1][col]
				if above.o != nil && above.dc == 0 && above.o.col == col && above.o.cs == cs {
					o := above.o
					dr := above.dr + 1
					if dr+1 > o.rs {
						o.rs = dr + 1
					}
					if len(c.lines) > 0 {
						dropped++
					}
					place(o, dr, cs)
					col += cs
					continue
				}
				orphans++
			}
			text := strings.Join(c.lines, "\n")
			if len([]rune(text)) > maxRunesInCell {
				text = string([]rune(text)[:maxRunesInCell])
			}
			place(&origin{text: text, line: c.line, row: r, col: col, rs: 1, cs: cs}, 0, cs)
			col += cs
		}
		occ[r] = line
	}
	g := &tables.Grid{Aligned: true, Rows: make([][]tables.GridCell, len(rows))}
	if len(rows) > 0 && len(rows[0].cells) > 0 {
		g.Src.Line = rows[0].cells[0].line
	}
	for r, line := range occ {
		cells := make([]tables.GridCell, len(line))
		for c, s := range line {
			o := s.o
			cells[c] = tables.GridCell{Text: o.text, SpanRow: s.dr, SpanCol: s.dc, RowSpan: o.rs, ColSpan: o.cs,
				Src: model.Loc{Line: o.line}}
			if s.dr > 0 || s.dc > 0 {
				cells[c].Src.Row, cells[c].Src.Col = o.row+1, o.col+1
			}
		}
		g.Rows[r] = cells
	}
	p.doc.AddGrid(g)
	if bad > 0 {
		note(model.SevInfo, "%d cells with an invalid gridSpan read as 1", bad)
	}
	if orphans > 0 {
		note(model.SevInfo, "%d vertical-merge continuations without a matching cell above read as cells", orphans)
	}
	if dropped > 0 {
		note(model.SevInfo, "%d vertical-merge continuations held text that Word does not show: ignored", dropped)
	}
	if truncated {
		note(model.SevWarning, "more than %d cells or %d columns: the rest dropped", MaxTableCells, MaxTableCols)
	}
}

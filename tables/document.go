// Package tables holds the format-neutral Document that every front end
// produces (headings, paragraphs and table grids, each with its source
// location), the normalisation of numbers and labels, and the schema of the
// report's statistical tables 2, 3 and 4 with the matching of grids onto it.
//
// Matching is label-driven: a table row is identified by its row label, never
// by its position or by the order of the header text. Rows whose cells are
// fewer than expected or shifted are repaired with the table's identities
// when exactly one result fits, and marked uncertain otherwise.
package tables

import (
	"fmt"
	"strings"
	"time"

	"github.com/xxgk/nianbao/model"
)

// BlockKind says what a Block holds.
type BlockKind uint8

// Block kinds.
const (
	BlockParagraph BlockKind = iota // a line or paragraph of prose
	BlockHeading                    // a heading the front end recognised as such (markup or style)
	BlockTable                      // a table grid
)

func (k BlockKind) String() string {
	switch k {
	case BlockHeading:
		return "heading"
	case BlockTable:
		return "table"
	}
	return "paragraph"
}

// Block is one element of a Document, in reading order.
type Block struct {
	Kind  BlockKind
	Text  string    // prose or heading text as printed (empty for tables)
	Level int       // heading level when known (1 = top)
	Grid  *Grid     // set when Kind == BlockTable
	Src   model.Loc // where the block starts
}

// Grid is a table as rows of cells. Front ends expand merged cells: a cell
// spanning several rows or columns appears at every position it covers, with
// SpanRow/SpanCol telling the copy from the origin.
type Grid struct {
	Rows [][]GridCell
	// Aligned is true when cell positions are real columns (HTML, DOCX, a PDF
	// table rebuilt from rulings): a blank cell is a printed blank. It is false
	// for grids cut from text lines (tabs, pipes, runs of spaces), where blank
	// fields may be layout and values may be shifted.
	Aligned bool
	Src     model.Loc
}

// GridCell is one position of a Grid.
type GridCell struct {
	Text string    // text as printed, inner line breaks kept as "\n"
	Src  model.Loc // where the text is
	// SpanRow and SpanCol are the offsets of this position inside a merged
	// cell: both 0 at the origin; SpanCol > 0 marks a horizontal copy.
	SpanRow, SpanCol int
	// RowSpan and ColSpan are the size of the merged cell (1 when not merged).
	RowSpan, ColSpan int
}

// IsCopy reports whether the position repeats a merged cell's origin.
func (c GridCell) IsCopy() bool { return c.SpanRow > 0 || c.SpanCol > 0 }

// DocMeta is metadata a front end found outside the report text proper, such
// as an HTML page's publication date.
type DocMeta struct {
	Title       string     // page or document title
	PublishedAt *time.Time // publication date printed by the page or CMS
	Publisher   string     // 发布机构 / ContentSource
	SourceURL   string     // the page's own address when it names it
	IndexNo     string     // 索引号
}

// Document is the front ends' output: ordered blocks with source locations.
type Document struct {
	Input       string // "text", "markdown", "html", "pdf", "docx"
	Blocks      []Block
	Meta        DocMeta
	Pages       int // number of pages (PDF), 0 otherwise
	Diagnostics []model.Diagnostic

	grids int // grids added so far (AddGrid numbers them)
}

// AddParagraph appends a paragraph block.
func (d *Document) AddParagraph(text string, src model.Loc) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockParagraph, Text: text, Src: src})
}

// AddHeading appends a heading block.
func (d *Document) AddHeading(text string, level int, src model.Loc) {
	d.Blocks = append(d.Blocks, Block{Kind: BlockHeading, Text: text, Level: level, Src: src})
}

// Tables returns the number of grids added with AddGrid so far; the next
// grid will be numbered Tables()+1.
func (d *Document) Tables() int { return d.grids }

// AddGrid appends a table block. It numbers the grid (Src.Table) and stamps
// the table number on every cell that has none.
func (d *Document) AddGrid(g *Grid) {
	d.grids++
	n := d.grids
	g.Src.Table = n
	for r := range g.Rows {
		for c := range g.Rows[r] {
			cell := &g.Rows[r][c]
			cell.Src.Table = n
			if cell.Src.Row == 0 {
				cell.Src.Row = r + 1
			}
			if cell.Src.Col == 0 {
				cell.Src.Col = c + 1
			}
			if cell.RowSpan == 0 {
				cell.RowSpan = 1
			}
			if cell.ColSpan == 0 {
				cell.ColSpan = 1
			}
		}
	}
	d.Blocks = append(d.Blocks, Block{Kind: BlockTable, Grid: g, Src: g.Src})
}

// Dump renders the document as stable text for golden files: one line per
// block (tables one line per row, cells separated by " | ", copies of merged
// cells shown as "^" or "<"), each with its location.
func (d *Document) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "input %s", d.Input)
	if d.Pages > 0 {
		fmt.Fprintf(&b, " pages %d", d.Pages)
	}
	b.WriteByte('\n')
	if d.Meta.Title != "" {
		fmt.Fprintf(&b, "meta.title %q\n", d.Meta.Title)
	}
	if d.Meta.PublishedAt != nil {
		fmt.Fprintf(&b, "meta.published %s\n", d.Meta.PublishedAt.Format("2006-01-02"))
	}
	if d.Meta.Publisher != "" {
		fmt.Fprintf(&b, "meta.publisher %q\n", d.Meta.Publisher)
	}
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case BlockTable:
			fmt.Fprintf(&b, "[%s] table %d (%d rows, aligned=%v)\n", bl.Src, bl.Grid.Src.Table, len(bl.Grid.Rows), bl.Grid.Aligned)
			for _, row := range bl.Grid.Rows {
				b.WriteString("  |")
				for _, c := range row {
					b.WriteByte(' ')
					switch {
					case c.SpanCol > 0:
						b.WriteString("<")
					case c.SpanRow > 0:
						b.WriteString("^")
					default:
						b.WriteString(strings.ReplaceAll(c.Text, "\n", "⏎"))
					}
					b.WriteString(" |")
				}
				b.WriteByte('\n')
			}
		default:
			t := bl.Text
			if r := []rune(t); len(r) > 60 {
				t = string(r[:60]) + "…"
			}
			fmt.Fprintf(&b, "[%s] %s %q\n", bl.Src, bl.Kind, t)
		}
	}
	return b.String()
}

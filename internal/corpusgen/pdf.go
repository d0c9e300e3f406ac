package corpusgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// LayoutPDF renders a PDF with a text layer, as a word processor exports
// it: a subset-style Type0 font (Identity-H, glyph IDs numbered per
// document, a ToUnicode CMap), prose wrapped into lines, ruled tables whose
// merged cells leave out the inner rules, long labels wrapped inside their
// cells, and tables that continue on the next page.
const LayoutPDF = "pdf"

const (
	pageW, pageH       = 595.0, 842.0
	marginX, marginTop = 50.0, 60.0
	marginBottom       = 60.0
	textW              = pageW - 2*marginX
)

// pdfWriter lays out text and tables on pages.
type pdfWriter struct {
	ruled bool // draw the table rules (a word processor's export); false: text only
	cids  map[rune]int
	runes []rune
	pages []*bytes.Buffer
	cur   *bytes.Buffer
	y     float64
}

func newPDFWriter() *pdfWriter {
	w := &pdfWriter{cids: map[rune]int{}}
	w.newPage()
	return w
}

func (w *pdfWriter) newPage() {
	w.cur = &bytes.Buffer{}
	w.pages = append(w.pages, w.cur)
	w.y = pageH - marginTop
	// a page number in the footer, as exports print it
	w.textAt(pageW/2-10, 30, 9, fmt.Sprintf("- %d -", len(w.pages)))
}

func (w *pdfWriter) cid(r rune) int {
	if c, ok := w.cids[r]; ok {
		return c
	}
	c := len(w.runes) + 1
	w.cids[r] = c
	w.runes = append(w.runes, r)
	return c
}

// runeW is the advance of a rune in text space units per point of size.
func runeW(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func strW(s string, size float64) float64 {
	var n float64
	for _, r := range s {
		n += runeW(r)
	}
	return n * size
}

func (w *pdfWriter) textAt(x, y, size float64, s string) {
	if s == "" {
		return
	}
	var hex strings.Builder
	for _, r := range s {
		fmt.Fprintf(&hex, "%04X", w.cid(r))
	}
	fmt.Fprintf(w.cur, "BT /F1 %.1f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET\n", size, x, y, hex.String())
}

// wrap cuts s into lines no wider than width at the given size.
func wrap(s string, width, size float64) []string {
	var lines []string
	var line strings.Builder
	lw := 0.0
	for _, r := range s {
		if lw+runeW(r)*size > width && line.Len() > 0 {
			lines = append(lines, line.String())
			line.Reset()
			lw = 0
		}
		line.WriteRune(r)
		lw += runeW(r) * size
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

func (w *pdfWriter) need(h float64) {
	if w.y-h < marginBottom {
		w.newPage()
	}
}

func (w *pdfWriter) para(s string, size float64, indent, center bool) {
	first := true
	width := textW
	for _, l := range wrap(s, width, size) {
		w.need(size * 1.6)
		x := marginX
		if center {
			x = (pageW - strW(l, size)) / 2
		} else if indent && first {
			x += 2 * size
		}
		w.textAt(x, w.y-size, size, l)
		w.y -= size * 1.6
		first = false
	}
	w.y -= size * 0.4
}

// table draws a ruled table; colW are the column widths.
func (w *pdfWriter) table(lt *ltable, colW []float64, size float64) {
	const pad = 2.0
	lh := size * 1.25
	// row heights from the cells that start in each row and span one row
	type placed struct {
		cell     lcell
		row, col int
	}
	var cells []placed
	covered := map[[2]int]bool{}
	heights := make([]float64, len(lt.Rows))
	for r, row := range lt.Rows {
		col := 0
		for _, c := range row {
			for covered[[2]int{r, col}] {
				col++
			}
			for dr := 0; dr < c.RowSpan; dr++ {
				for dc := 0; dc < c.ColSpan; dc++ {
					covered[[2]int{r + dr, col + dc}] = true
				}
			}
			cells = append(cells, placed{c, r, col})
			h := lh + 2*pad
			if c.RowSpan == 1 {
				h = float64(len(wrap(c.Text, spanW(colW, col, c.ColSpan)-2*pad, size)))*lh + 2*pad
			}
			heights[r] = max(heights[r], h)
			col += c.ColSpan
		}
	}
	// place rows on pages
	type rowPos struct {
		page int
		top  float64
	}
	pos := make([]rowPos, len(lt.Rows))
	for r := range lt.Rows {
		w.need(heights[r])
		pos[r] = rowPos{len(w.pages) - 1, w.y}
		w.y -= heights[r]
	}
	w.y -= 6
	last := w.cur
	for _, p := range cells {
		x := marginX + spanW(colW, 0, p.col)
		cw := spanW(colW, p.col, p.cell.ColSpan)
		// the rows the cell covers, cut at page breaks
		r0 := p.row
		for r0 < p.row+p.cell.RowSpan {
			r1 := r0
			for r1+1 < p.row+p.cell.RowSpan && pos[r1+1].page == pos[r0].page {
				r1++
			}
			top := pos[r0].top
			bottom := pos[r1].top - heights[r1]
			buf := w.pages[pos[r0].page]
			if w.ruled {
				fmt.Fprintf(buf, "0.5 w %.2f %.2f %.2f %.2f re S\n", x, bottom, cw, top-bottom)
			}
			if r0 == p.row {
				w.cur = buf
				lines := wrap(p.cell.Text, cw-2*pad, size)
				ty := top - pad - size
				if p.cell.RowSpan > 1 || len(lines)*int(lh) < int(top-bottom-2*pad) {
					ty = top - (top-bottom-float64(len(lines))*lh)/2 - size
				}
				for _, l := range lines {
					tx := x + pad
					if isValue(l) || p.row < lt.Head {
						tx = x + (cw-strW(l, size))/2
					}
					w.textAt(tx, ty, size, l)
					ty -= lh
				}
			}
			r0 = r1 + 1
		}
	}
	w.cur = last
}

func spanW(colW []float64, from, n int) float64 {
	var s float64
	for i := from; i < from+n && i < len(colW); i++ {
		s += colW[i]
	}
	return s
}

// bytes assembles the PDF file.
func (w *pdfWriter) bytes(title string) []byte {
	var out bytes.Buffer
	var offs []int
	obj := func(body string) {
		offs = append(offs, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", len(offs), body)
	}
	stream := func(dict, data string) {
		obj(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data)+1, data))
	}
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(w.pages)
	// objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, 7 info, then page/content pairs
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 8+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	obj("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>")
	var widths strings.Builder
	for i, r := range w.runes {
		fmt.Fprintf(&widths, "%d [%d] ", i+1, int(runeW(r)*1000))
	}
	obj(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>", widths.String()))
	obj("<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 6 /FontBBox [-8 -145 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 50 >>")
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	idx := make([]int, len(w.runes))
	for i := range idx {
		idx[i] = i
	}
	sort.Ints(idx)
	for start := 0; start < len(idx); start += 100 {
		end := min(start+100, len(idx))
		fmt.Fprintf(&cm, "%d beginbfchar\n", end-start)
		for _, i := range idx[start:end] {
			fmt.Fprintf(&cm, "<%04X> <%04X>\n", i+1, w.runes[i])
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	stream("", cm.String())
	var t strings.Builder
	for _, r := range title {
		fmt.Fprintf(&t, "%04X", r)
	}
	obj(fmt.Sprintf("<< /Title <FEFF%s> /Producer (nianbao corpusgen) >>", t.String()))
	for i, p := range w.pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", int(pageW), int(pageH), 9+2*i))
		stream("", strings.TrimRight(p.String(), "\n"))
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return out.Bytes()
}

func (rp *Report) renderPDF(title string, blocks []block) []byte {
	w := newPDFWriter()
	w.ruled = !rp.Unruled
	w.para(title, 16, false, true)
	for _, b := range blocks {
		switch {
		case b.table != nil:
			var colW []float64
			switch b.table.Cols {
			case 4:
				colW = []float64{150, 115, 115, 115}
			case 10:
				colW = []float64{45, 60, 145, 35, 35, 35, 35, 35, 35, 35}
			default:
				colW = make([]float64, b.table.Cols)
				for i := range colW {
					colW[i] = textW / float64(b.table.Cols)
				}
			}
			w.table(b.table, colW, 7.5)
		case b.heading:
			w.para(b.text, 12, false, false)
		default:
			w.para(b.text, 10.5, true, false)
		}
	}
	return w.bytes(title)
}

package corpusgen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// LayoutDOCX renders a Word document: paragraphs, bold section headings and
// tables whose merged cells use gridSpan and vMerge, as Word writes them.
const LayoutDOCX = "docx"

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func docxPara(sb *strings.Builder, text string, bold, center bool) {
	sb.WriteString("<w:p>")
	if center {
		sb.WriteString(`<w:pPr><w:jc w:val="center"/></w:pPr>`)
	}
	if text != "" {
		sb.WriteString("<w:r>")
		if bold {
			sb.WriteString("<w:rPr><w:b/></w:rPr>")
		}
		sb.WriteString(`<w:t xml:space="preserve">` + xmlText(text) + "</w:t></w:r>")
	}
	sb.WriteString("</w:p>")
}

// docxTable writes a table: a cell spanning rows starts a vertical merge,
// and each row it covers below gets an empty continuation cell.
func docxTable(sb *strings.Builder, lt *ltable) {
	sb.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>`)
	for i := 0; i < lt.Cols; i++ {
		sb.WriteString(`<w:gridCol w:w="800"/>`)
	}
	sb.WriteString("</w:tblGrid>")
	cont := map[[2]int]int{} // (row, col) covered from above → colspan of the merge
	tc := func(text string, span int, vmerge string) {
		sb.WriteString("<w:tc><w:tcPr>")
		if span > 1 {
			fmt.Fprintf(sb, `<w:gridSpan w:val="%d"/>`, span)
		}
		sb.WriteString(vmerge)
		sb.WriteString("</w:tcPr>")
		docxPara(sb, text, false, false)
		sb.WriteString("</w:tc>")
	}
	for r, row := range lt.Rows {
		sb.WriteString("<w:tr>")
		col := 0
		flush := func() {
			for {
				span, ok := cont[[2]int{r, col}]
				if !ok {
					return
				}
				tc("", span, "<w:vMerge/>")
				col += span
			}
		}
		for _, cell := range row {
			flush()
			vm := ""
			if cell.RowSpan > 1 {
				vm = `<w:vMerge w:val="restart"/>`
				for dr := 1; dr < cell.RowSpan; dr++ {
					cont[[2]int{r + dr, col}] = cell.ColSpan
				}
			}
			tc(cell.Text, cell.ColSpan, vm)
			col += cell.ColSpan
		}
		flush()
		sb.WriteString("</w:tr>")
	}
	sb.WriteString("</w:tbl>")
}

func (rp *Report) renderDOCX(title string, blocks []block) []byte {
	var body strings.Builder
	docxPara(&body, title, true, true)
	for _, b := range blocks {
		switch {
		case b.table != nil:
			docxTable(&body, b.table)
		default:
			docxPara(&body, b.text, b.heading, false)
		}
	}
	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(rp.Year+1, 1, 15, 9, 0, 0, 0, time.UTC)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

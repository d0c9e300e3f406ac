package pdfdoc

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/tables"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tablePDF draws a two-page ruled table in the shape of table 3's start:
// a header, a vertical group label one character per line in a cell
// spanning three rows, a label wrapped over two lines with its numbers
// vertically centred, a page number inside the table's page area and the
// table continuing on page 2 with a repeated header row.
func tablePDF() []byte { return tablePDFWrapped(nil) }

// tablePDFWrapped is tablePDF with each page's content passed through wrap.
func tablePDFWrapped(wrap func([]byte) []byte) []byte {
	w := &pdfWriter{}
	f := identityHFont(w)
	// CIDs: 1 政 2 府 3 信 4 息 5 公 6 开 7 年 8 度 9 报 10 告 11 予 12 以; 15–24 digits 0–9
	hex := func(s string) string {
		m := map[rune]int{'政': 1, '府': 2, '信': 3, '息': 4, '公': 5, '开': 6, '年': 7, '度': 8, '报': 9, '告': 10, '予': 11, '以': 12}
		var b strings.Builder
		b.WriteByte('<')
		for _, r := range s {
			c := m[r]
			if r >= '0' && r <= '9' {
				c = 15 + int(r-'0')
			}
			fmt.Fprintf(&b, "%04X", c)
		}
		b.WriteByte('>')
		return b.String()
	}
	text := func(x, y float64, s string) string {
		return fmt.Sprintf("BT /F1 10 Tf %.1f %.1f Td %s Tj ET\n", x, y, hex(s))
	}
	// columns: 50 | 80 (group) | 200 (label) | 260 | 320 ; rows from y=700 down by 20
	var p1 bytes.Buffer
	p1.WriteString("0.5 w\n")
	for _, y := range []float64{700, 680, 660} { // full-width rules
		fmt.Fprintf(&p1, "50 %.0f m 320 %.0f l S\n", y, y)
	}
	for _, y := range []float64{640, 620} { // the group cell spans rows 3–5: no rule left of x=80
		fmt.Fprintf(&p1, "80 %.0f m 320 %.0f l S\n", y, y)
	}
	fmt.Fprintf(&p1, "50 600 m 320 600 l S\n")
	for _, x := range []float64{50, 200, 260, 320} {
		fmt.Fprintf(&p1, "%.0f 700 m %.0f 600 l S\n", x, x)
	}
	fmt.Fprintf(&p1, "80 660 m 80 600 l S\n")
	p1.WriteString(text(210, 686, "年度") + text(270, 686, "公开"))
	p1.WriteString(text(55, 666, "政府") + text(205, 666, "12") + text(265, 666, "3"))
	p1.WriteString(text(60, 645, "信") + text(60, 625, "息") + text(60, 605, "公"))
	p1.WriteString(text(85, 648, "予以公开") + text(85, 642, "") + text(205, 645, "7") + text(265, 645, "8"))
	p1.WriteString(text(85, 630, "报告") + text(85, 620, "年度") + text(205, 625, "40") + text(265, 625, "41"))
	p1.WriteString(text(85, 605, "开") + text(205, 605, "5") + text(265, 605, "6"))
	p1.WriteString(text(50, 800, "政府信息公开年度报告"))
	p1.WriteString(text(290, 40, "1"))
	var p2 bytes.Buffer
	p2.WriteString(text(50, 800, "政府信息公开年度报告"))
	for _, y := range []float64{700, 680, 660} {
		fmt.Fprintf(&p2, "50 %.0f m 320 %.0f l S\n", y, y)
	}
	for _, x := range []float64{50, 200, 260, 320} {
		fmt.Fprintf(&p2, "%.0f 700 m %.0f 660 l S\n", x, x)
	}
	p2.WriteString(text(210, 686, "年度") + text(270, 686, "公开"))
	p2.WriteString(text(55, 666, "报告") + text(205, 666, "1234") + text(265, 666, "0"))
	p2.WriteString(text(290, 40, "2"))

	cat, pages := w.add(""), w.add("")
	var kids []string
	for _, c := range [][]byte{p1.Bytes(), p2.Bytes()} {
		if wrap != nil {
			c = wrap(c)
		}
		cs := w.add(stream(c, "", true))
		pg := w.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, f, cs))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	w.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	w.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 2 >>", strings.Join(kids, " ")))
	return w.Bytes(cat)
}

func TestGoldenRuledTable(t *testing.T) {
	doc, err := Parse(context.Background(), tablePDF(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind != tables.BlockTable {
			continue
		}
		for _, r := range b.Grid.Rows {
			for _, c := range r {
				if c.Src.Page == 0 || c.Src.X == 0 || c.Src.Y == 0 {
					t.Errorf("cell %q without a position: %+v", c.Text, c.Src)
				}
			}
		}
	}
	got := doc.Dump()
	for _, d := range doc.Diagnostics {
		got += fmt.Sprintf("diag %s %s %q [%s]\n", d.Code, d.Message, d.Raw, d.Src)
	}
	path := filepath.Join("testdata", "ruled_table.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("document differs from %s:\n%s", path, got)
	}
}

// TestRotatedPage: the same table drawn rotated a quarter turn (content
// under "0 1 -1 0 595 0 cm", a landscape table on a portrait page) reads
// exactly like the upright one.
func TestRotatedPage(t *testing.T) {
	upright, err := Parse(context.Background(), tablePDF(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cm := range []string{"0 1 -1 0 595 0", "0 -1 1 0 0 842", "-1 0 0 -1 595 842"} {
		rotated, err := Parse(context.Background(), tablePDFWrapped(func(c []byte) []byte {
			return append(append([]byte("q "+cm+" cm\n"), c...), "\nQ"...)
		}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rotated.Dump(), upright.Dump(); got != want {
			t.Errorf("cm %s: rotated page reads\n%s\nwant\n%s", cm, got, want)
		}
	}
}

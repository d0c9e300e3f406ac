package pdfdoc

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/tables"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func walkBytes(t *testing.T, pdfBytes []byte) *pageContent {
	t.Helper()
	b, err := prepass(pdfBytes)
	if err != nil {
		t.Fatal(err)
	}
	d, err := open(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pc, err := d.walkPage(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return pc
}

func glyphText(gs []glyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Text)
	}
	return b.String()
}

func TestIdentityHMultiGlyphTj(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	content := []byte("BT /F1 12 Tf 100 700 Td <0001000200030004000500060007000800090010> Tj ET")
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, content))
	if got := glyphText(pc.Glyphs); got != "政府信息公开年度报1" {
		t.Fatalf("text %q", got)
	}
	// every CJK glyph 12 pt further right than the previous one
	for i, g := range pc.Glyphs[:9] {
		if want := 100 + 12*float64(i); math.Abs(g.X-want) > 0.01 || g.Y != 700 {
			t.Errorf("glyph %d %q at (%.2f, %.2f), want (%.2f, 700)", i, g.Text, g.X, g.Y, want)
		}
	}
	if g := pc.Glyphs[9]; math.Abs(g.W-6) > 0.01 {
		t.Errorf("digit width %.2f, want 6 (CID /W range 500)", g.W)
	}
}

func TestTJKerningSplitsWords(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	// 予以公开 (4 × 12 pt) then -3000 (36 pt to the right) then 1234
	content := []byte("BT /F1 12 Tf 100 650 Td [<000B000C000D000E> -3000 <0010001100120013>] TJ ET")
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, content))
	if got := glyphText(pc.Glyphs); got != "予以公开1234" {
		t.Fatalf("text %q", got)
	}
	if x := pc.Glyphs[4].X; math.Abs(x-184) > 0.01 {
		t.Errorf("first digit at x=%.2f, want 184", x)
	}
	lines := groupLines(pc.Glyphs)
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	cs := lineChunks(lines[0], splitGap(lines[0]))
	if len(cs) != 2 || cs[0].text != "予以公开" || cs[1].text != "1234" {
		t.Errorf("chunks %+v", cs)
	}
}

func TestBfrangeCarry(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte("BT /F1 12 Tf 100 600 Td <010001010102> Tj ET")))
	if got := glyphText(pc.Glyphs); got != "仿伀企" {
		t.Errorf("bfrange <0100> <0102> <4EFF> decoded %q, want 仿伀企", got)
	}
}

func TestGBKEUCH(t *testing.T) {
	w := &pdfWriter{}
	f := gbkFont(w)
	line := "三、收到和处理政府信息公开申请情况"
	gb, err := simplifiedchinese.GBK.NewEncoder().String(line)
	if err != nil {
		t.Fatal(err)
	}
	content := fmt.Sprintf("BT /F1 16 Tf 80 760 Td <%X> Tj ET", gb)
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte(content)))
	if got := glyphText(pc.Glyphs); got != line {
		t.Errorf("GBK-EUC-H decoded %q", got)
	}
	if n := len(pc.Glyphs); n != 17 || math.Abs(pc.Glyphs[16].X-(80+16*16)) > 0.01 {
		t.Errorf("%d glyphs, last at %.2f", n, pc.Glyphs[n-1].X)
	}
}

// TestTextState covers TD/T*/'/"/Tc/Tw/Tz/Ts/TL/Tm and the CTM.
func TestTextState(t *testing.T) {
	w := &pdfWriter{}
	f := w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 90 /Widths [250 " + strings.Repeat("500 ", 58) + "] >>")
	content := `q 2 0 0 2 10 20 cm BT /F1 10 Tf 0 0 Td (AB) Tj ET Q
BT /F1 10 Tf 14 TL 100 500 Td (C) Tj T* (D) Tj 0 -20 TD (E) Tj T* (F) ' 3 1 (G H) " ET
BT /F1 10 Tf 50 Tz 1 0 0 1 300 300 Tm (IJ) Tj 100 Tz 5 Ts (K) Tj ET`
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte(content)))
	want := []struct {
		text string
		x, y float64
	}{
		{"A", 10, 20}, {"B", 20, 20}, // 10 pt × 2 (CTM): 5 pt advance doubled
		{"C", 100, 500}, {"D", 100, 486}, {"E", 100, 466}, // TD sets TL=20
		{"F", 100, 426},                                     // T* then ' : two lines of 20
		{"G", 100, 406}, {" ", 106, 406}, {"H", 112.5, 406}, // " sets Tw=3 Tc=1: 5+1, then 2.5+1+3
		{"I", 300, 300}, {"J", 303, 300}, {"K", 306, 305},
	}
	if len(pc.Glyphs) != len(want) {
		t.Fatalf("%d glyphs: %q", len(pc.Glyphs), glyphText(pc.Glyphs))
	}
	for i, wnt := range want {
		g := pc.Glyphs[i]
		if g.Text != wnt.text || math.Abs(g.X-wnt.x) > 0.01 || math.Abs(g.Y-wnt.y) > 0.01 {
			t.Errorf("glyph %d: %q at (%.2f, %.2f), want %q at (%.2f, %.2f)", i, g.Text, g.X, g.Y, wnt.text, wnt.x, wnt.y)
		}
	}
}

func TestRulingsFromStrokesAndRects(t *testing.T) {
	w := &pdfWriter{}
	content := `q 1 0 0 1 50 100 cm 0 0 m 200 0 l S 10 10 0.5 80 re f 20 20 100 50 re f Q`
	pc := walkBytes(t, onePage(w, nil, []byte(content)))
	want := []segment{{50, 100, 250, 100}, {60.25, 110, 60.25, 190}}
	if len(pc.Segs) != len(want) {
		t.Fatalf("segments %+v", pc.Segs)
	}
	for i := range want {
		if pc.Segs[i] != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, pc.Segs[i], want[i])
		}
	}
}

func TestMalformedOperatorsDoNotPanic(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	content := `Q Q 1 0 0 cm BT Tj /F1 Tf /F9 12 Tf <0001> Tj /F1 12 Tf 1 0 0 1 nan inf Tm [<000B> (x) -1e400] TJ 5 Td ET Do BI /W 1 ID xx EI <0002> Tj`
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte(content)))
	if pc.BadOps == 0 {
		t.Error("no malformed operator noted")
	}
	if !strings.Contains(glyphText(pc.Glyphs), "予") || !strings.Contains(glyphText(pc.Glyphs), "府") {
		t.Errorf("text after the bad operators lost: %q", glyphText(pc.Glyphs))
	}
}

func TestUniGBUCS2(t *testing.T) {
	w := &pdfWriter{}
	desc := w.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>")
	f := w.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [%d 0 R] >>", desc))
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte("BT /F1 10 Tf 50 50 Td <653F5E9C4FE1606F> Tj ET")))
	if got := glyphText(pc.Glyphs); got != "政府信息" {
		t.Errorf("UniGB-UCS2-H decoded %q", got)
	}
}

// TestFormXObject: text inside a Form XObject is placed with the form's
// /Matrix and the CTM at the Do, and the form's own resources are used.
func TestFormXObject(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	form := w.add(stream([]byte("BT /F2 10 Tf 0 0 Td <0001> Tj ET 0 0 m 100 0 l S"), fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 5 5] /Resources << /Font << /F2 %d 0 R >> >>", f), true))
	cat, pages, page := w.add(""), w.add(""), w.add("")
	cs := w.add(stream([]byte("q 2 0 0 2 100 100 cm /X1 Do Q /X1 Do"), "", true))
	w.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	w.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	w.set(page, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 %d 0 R >> >> /Contents %d 0 R >>", pages, form, cs))
	pc := walkBytes(t, w.Bytes(cat))
	if len(pc.Glyphs) != 2 || pc.Glyphs[0].Text != "政" {
		t.Fatalf("glyphs %+v", pc.Glyphs)
	}
	if g := pc.Glyphs[0]; g.X != 110 || g.Y != 110 || math.Abs(g.Size-20) > 0.01 {
		t.Errorf("first form glyph at (%v, %v) size %v, want (110, 110) size 20", g.X, g.Y, g.Size)
	}
	if g := pc.Glyphs[1]; g.X != 5 || g.Y != 5 {
		t.Errorf("second form glyph at (%v, %v), want (5, 5)", g.X, g.Y)
	}
	if len(pc.Segs) != 2 || pc.Segs[0] != (segment{110, 110, 310, 110}) {
		t.Errorf("form rulings %+v", pc.Segs)
	}
}

// TestFakeBoldDeduplicated: text drawn twice with a small offset (fake
// bold in WPS/Word exports) reads once.
func TestFakeBoldDeduplicated(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	content := "BT /F1 16 Tf 100 700 Td <00010002> Tj ET BT /F1 16 Tf 100.4 700.2 Td <00010002> Tj ET"
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte(content)))
	lines := groupLines(pc.Glyphs)
	if len(lines) != 1 || lineText(lines[0]) != "政府" {
		t.Errorf("got %d lines, %q", len(lines), lineText(lines[0]))
	}
}

// TestJustifiedProseIsNotATable: prose lines with numbers spread by wide
// justification gaps stay paragraphs.
func TestJustifiedProseIsNotATable(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	// 政府 12 信息 345 公开 / 年度 6 报告 78 予以 9, numbers at unrelated places
	content := `BT /F1 12 Tf 72 700 Td <00010002> Tj 40 0 Td <00100011> Tj 40 0 Td <00030004> Tj 60 0 Td <001200130014> Tj 50 0 Td <00050006> Tj ET
BT /F1 12 Tf 72 680 Td <00070008> Tj 25 0 Td <0015> Tj 70 0 Td <0009000A> Tj 33 0 Td <00160017> Tj 80 0 Td <000B000C> Tj 30 0 Td <0018> Tj ET`
	doc, err := Parse(context.Background(), onePage(w, map[string]int{"F1": f}, []byte(content)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind == tables.BlockTable {
			t.Errorf("prose read as a table:\n%s", doc.Dump())
			break
		}
	}
}

package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// pdfWriter builds small PDF files for tests: objects are numbered in the
// order they are added; Bytes writes the header, objects, xref and trailer.
type pdfWriter struct {
	objs []string
}

// add appends an object body and returns its number.
func (w *pdfWriter) add(body string) int {
	w.objs = append(w.objs, body)
	return len(w.objs)
}

// set replaces object n's body (for forward references).
func (w *pdfWriter) set(n int, body string) { w.objs[n-1] = body }

// stream makes a stream object body, Flate-compressed when flate is true.
func stream(data []byte, dict string, flate bool) string {
	if flate {
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		data = b.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data)
}

// Bytes renders the file with root as the catalog object.
func (w *pdfWriter) Bytes(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(w.objs))
	for i, o := range w.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, x)
	return b.Bytes()
}

// onePage builds a one-page A4 document with the given fonts (resource
// name → font object body, added by the caller via w) and content.
func onePage(w *pdfWriter, fonts map[string]int, content []byte) []byte {
	cat := w.add("")
	pages := w.add("")
	page := w.add("")
	cs := w.add(stream(content, "", true))
	var fr bytes.Buffer
	for name, n := range fonts {
		fmt.Fprintf(&fr, "/%s %d 0 R ", name, n)
	}
	w.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	w.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	w.set(page, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << %s>> >> /Contents %d 0 R >>", pages, fr.String(), cs))
	return w.Bytes(cat)
}

// identityHFont adds a Word/WPS-style Type0 Identity-H font: CIDs 1–14 are
// 1000 units wide, 15–24 (digits) 500, with a ToUnicode that maps them and
// a bfrange <0100>–<0102> → U+4EFF.. whose increment crosses a byte.
func identityHFont(w *pdfWriter) int {
	tu := `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
14 beginbfchar
<0001> <653F> <0002> <5E9C> <0003> <4FE1> <0004> <606F> <0005> <516C> <0006> <5F00>
<0007> <5E74> <0008> <5EA6> <0009> <62A5> <000A> <544A> <000B> <4E88> <000C> <4EE5>
<000D> <516C> <000E> <5F00>
endbfchar
1 beginbfrange
<000F> <0018> <0030>
endbfrange
1 beginbfrange
<0100> <0102> <4EFF>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`
	tun := w.add(stream([]byte(tu), "", false))
	desc := w.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [1000 1000 1000 1000 1000 1000 1000 1000 1000 1000 1000 1000 1000 1000] 15 24 500] >>")
	return w.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tun))
}

// gbkFont adds a non-embedded GBK-EUC-H font without ToUnicode (the
// official 公文 typesetting style).
func gbkFont(w *pdfWriter) int {
	desc := w.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /FZFSK--GBK1-0 /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>")
	return w.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /FZFSK--GBK1-0 /Encoding /GBK-EUC-H /DescendantFonts [%d 0 R] >>", desc))
}

package pdfdoc

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestEmbeddedTrueTypeCmap: an Identity-H font without ToUnicode is
// decoded through its embedded TrueType program's cmap.
func TestEmbeddedTrueTypeCmap(t *testing.T) {
	prog, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skip("DejaVuSans.ttf not installed")
	}
	inv := trueTypeUnicode(prog)
	if len(inv) < 1000 {
		t.Fatalf("cmap inverted to %d glyphs", len(inv))
	}
	gid := map[rune]uint16{}
	for g, r := range inv {
		if old, ok := gid[r]; !ok || g < old {
			gid[r] = g
		}
	}
	want := "Total 1234"
	var hex strings.Builder
	for _, r := range want {
		fmt.Fprintf(&hex, "%04X", gid[r])
	}
	w := &pdfWriter{}
	ff := w.add(stream(prog, fmt.Sprintf("/Length1 %d", len(prog)), true))
	fd := w.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>", ff))
	desc := w.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 600 /CIDToGIDMap /Identity >>", fd))
	f := w.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", desc))
	pc := walkBytes(t, onePage(w, map[string]int{"F1": f}, []byte("BT /F1 12 Tf 72 700 Td <"+hex.String()+"> Tj ET")))
	if got := glyphText(pc.Glyphs); got != want {
		t.Errorf("decoded %q, want %q", got, want)
	}
}

func FuzzTrueTypeCmap(f *testing.F) {
	if prog, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err == nil && len(prog) > 4096 {
		f.Add(prog[:4096])
	}
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x40\x00\x00\x00\x01\x00\x03\x00\x01\x00\x00\x00\x0c\x00\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		trueTypeUnicode(b)
	})
}

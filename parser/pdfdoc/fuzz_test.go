package pdfdoc

import (
	"context"
	"errors"
	"testing"
	"time"
)

// FuzzWalker runs arbitrary content streams through the walker and the
// page layout: no panic, no hang.
func FuzzWalker(f *testing.F) {
	for _, s := range []string{
		"BT /F1 12 Tf 100 700 Td <0001000200030004> Tj ET",
		"BT /F1 12 Tf [<000B000C> -3000 <00100011>] TJ 0 -14 TD (a) ' 1 2 (b) \" T* ET",
		"q 1 0 0 1 50 50 cm 0 0 m 100 0 l S 0 0 0.5 80 re f 0 0 100 80 re S Q Q Q",
		"BI /W 2 /H 2 ID \x00\x01\xff EI /Fx Do << /a [1 2 (x)] >> BDC EMC",
		"1 0 0 cm (x) Tj Tj [ ( ] TJ <<<< >> 1e999 -0.5.5 Tz",
	} {
		f.Add([]byte(s))
	}
	w := &pdfWriter{}
	fontObj := identityHFont(w)
	base := onePage(w, map[string]int{"F1": fontObj}, []byte("BT ET"))
	b, err := prepass(base)
	if err != nil {
		f.Fatal(err)
	}
	d, err := open(b, Options{})
	if err != nil {
		f.Fatal(err)
	}
	var res *resources
	page := d.r.Page(1)
	res = &resources{v: page.Resources(), fonts: map[string]*font{}}
	f.Fuzz(func(t *testing.T, content []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		pc := &pageContent{}
		wk := &walker{ctx: ctx, doc: d, out: pc, gs: gstate{ctm: identity, tz: 100}, tm: identity, tlm: identity}
		wk.run(content, res, 0)
		doc := newDoc(1)
		layoutPage(1, pc, doc, nil)
	})
}

// FuzzCMap feeds arbitrary ToUnicode streams to the CMap parser and
// decodes a few strings with the result.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0100> <0102> <4EFF> endbfrange 1 beginbfchar <01> <D840DC00> endbfchar"))
	f.Add([]byte("2 beginbfrange <00> <FF> [<0041> <0042>] <0000> <FFFFFFFF> <0000> endbfrange"))
	f.Add([]byte("begincidrange <8140> <FEFE> 100 endcidrange /CMapName /GBK-EUC-H def"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := &pdfWriter{}
		_ = w
		fnt := &font{kind: fontType0, scale: 0.001, vscale: 1, dw: 1000}
		fnt.toUni = parseCMap(data)
		fnt.encCMap = parseCMap(data)
		fnt.decode(data, func(string, float64, bool) {})
		fnt.kind = fontSimple
		fnt.decode(data, func(string, float64, bool) {})
	})
}

// FuzzParse mutates whole PDF files: every input gives a Document or a
// typed *Error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(tablePDF())
	w := &pdfWriter{}
	fo := identityHFont(w)
	f.Add(onePage(w, map[string]int{"F1": fo}, []byte("BT /F1 12 Tf 100 700 Td <0001000200030004> Tj ET")))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), b, Options{Timeout: 2 * time.Second})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("untyped error %T %v", err, err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without error")
		}
	})
}

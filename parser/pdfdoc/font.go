package pdfdoc

import (
	"fmt"
	"io"
	"math"

	"github.com/ledongthuc/pdf"

	"github.com/xxgk/nianbao/parser/pdfdoc/cmap"
)

type fontKind uint8

const (
	fontSimple fontKind = iota
	fontType0
	fontType3
)

// font is what the walker needs of a PDF font: how to cut a string into
// codes, each code's text and advance width (text space, before the font size).
type font struct {
	kind     fontKind
	name     string
	toUni    *cmap.CMap // ToUnicode, when usable
	encCMap  *cmap.CMap // an embedded encoding CMap (Type0)
	predef   cmap.Predefined
	simple   [256]string // simple-font code → text from /Encoding (base + Differences)
	first    int
	widths   []float64 // simple fonts: by code from FirstChar, glyph units
	dw       float64   // CID fonts: default width
	cidW     map[uint32]float64
	scale    float64 // glyph units → text space (0.001, or Type3 FontMatrix)
	vscale   float64 // Type3: the em's height relative to its width (FontMatrix d/a)
	vertical bool
	bold     bool
	missing  bool            // the font resource could not be read at all
	gidUni   map[uint16]rune // embedded TrueType cmap, inverted (Type0 without ToUnicode)
	cidToGID []byte          // /CIDToGIDMap stream (nil: identity)
}

// readAllLimit reads a stream value under recover; the library panics on
// unknown filters and bad zlib data.
func readStream(v pdf.Value, limit int64) (b []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("reading stream: %v", p)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	b, err = io.ReadAll(io.LimitReader(rc, limit))
	return b, err
}

// safe runs f under recover, reporting a panic as an error.
func safe(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	f()
	return nil
}

// loadFont reads a font dictionary. It never panics; a font it cannot read
// decodes every code to U+FFFD, which the undecodable-text check reports.
func loadFont(v pdf.Value) *font {
	f := &font{scale: 0.001, vscale: 1, dw: 1000}
	if err := safe(func() { f.load(v) }); err != nil {
		f.kind = fontSimple
	}
	return f
}

func (f *font) load(v pdf.Value) {
	sub := v.Key("Subtype").Name()
	f.name = v.Key("BaseFont").Name()
	f.bold = containsFold(f.name, "bold") || containsFold(f.name, "黑体") || containsFold(f.name, "Hei")
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if b, err := readStream(tu, 8<<20); err == nil || len(b) > 0 {
			m := parseCMap(b)
			if m.HasUnicode() && !degenerateIdentity(m) {
				f.toUni = m
			}
		}
	}
	switch sub {
	case "Type0":
		f.kind = fontType0
		enc := v.Key("Encoding")
		switch enc.Kind() {
		case pdf.Name:
			f.predef = cmap.Lookup(enc.Name())
			f.vertical = len(enc.Name()) > 2 && enc.Name()[len(enc.Name())-2:] == "-V"
		case pdf.Stream:
			if b, err := readStream(enc, 8<<20); err == nil {
				f.encCMap = parseCMap(b)
				if f.encCMap == nil {
					f.encCMap = &cmap.CMap{}
				}
				if p := cmap.Lookup(f.encCMap.Name); p != cmap.PredefUnknown && !f.encCMap.HasCID() {
					f.predef = p
				}
			}
		}
		desc := v.Key("DescendantFonts").Index(0)
		if f.toUni == nil && (f.predef == cmap.PredefIdentity || f.encCMap != nil) {
			f.loadEmbeddedCmap(desc)
		}
		if d := desc.Key("DW"); d.Kind() == pdf.Integer || d.Kind() == pdf.Real {
			f.dw = d.Float64()
		}
		f.cidW = map[uint32]float64{}
		w := desc.Key("W")
		n := w.Len()
		for i := 0; i < n && len(f.cidW) < 1<<17; {
			a := w.Index(i)
			if i+1 >= n {
				break
			}
			b := w.Index(i + 1)
			if b.Kind() == pdf.Array {
				start := uint32(a.Int64())
				for k := 0; k < b.Len() && k < 1<<16; k++ {
					f.cidW[start+uint32(k)] = b.Index(k).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= n {
				break
			}
			lo, hi, wv := a.Int64(), b.Int64(), w.Index(i+2).Float64()
			if hi >= lo && hi-lo < 1<<16 {
				for c := lo; c <= hi; c++ {
					f.cidW[uint32(c)] = wv
				}
			}
			i += 3
		}
	case "Type3":
		f.kind = fontType3
		fm := v.Key("FontMatrix")
		if fm.Len() == 6 {
			a, d := fm.Index(0).Float64(), fm.Index(3).Float64()
			if a != 0 && !math.IsNaN(a) && !math.IsInf(a, 0) {
				f.scale = math.Abs(a)
				// The em's height relative to its width: 1 for the usual
				// [0.001 0 0 0.001] and for cairo's [1 0 0 -1] alike.
				if d != 0 && !math.IsNaN(d) && !math.IsInf(d, 0) {
					f.vscale = math.Min(math.Max(math.Abs(d/a), 0.1), 10)
				}
			}
		}
		f.loadSimple(v)
	default:
		f.loadSimple(v)
	}
}

func (f *font) loadSimple(v pdf.Value) {
	f.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	if n := w.Len(); n > 0 && n <= 256 {
		f.widths = make([]float64, n)
		for i := range f.widths {
			f.widths[i] = w.Index(i).Float64()
		}
	}
	// Base encoding: ASCII for printable codes (StandardEncoding and
	// WinAnsiEncoding agree there, which is all a Chinese report needs).
	for c := 0x20; c < 0x7F; c++ {
		f.simple[c] = string(rune(c))
	}
	enc := v.Key("Encoding")
	if enc.Kind() == pdf.Dict {
		d := enc.Key("Differences")
		code := 0
		for i := 0; i < d.Len() && i < 1024; i++ {
			e := d.Index(i)
			switch e.Kind() {
			case pdf.Integer:
				code = int(e.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					if r, ok := cmap.GlyphRune(e.Name()); ok {
						f.simple[code] = string(r)
					} else {
						f.simple[code] = ""
					}
				}
				code++
			}
		}
	}
}

// degenerateIdentity reports a ToUnicode that maps a whole 2-byte space
// onto itself (<0000> <FFFF> <0000>): it says nothing about the text.
func degenerateIdentity(m *cmap.CMap) bool {
	s, ok := m.Unicode(0x4E00, 2)
	if !ok || s != "\u4E00" {
		return false
	}
	s, ok = m.Unicode(0x0003, 2)
	return ok && s == "\u0003"
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j := 0; j < len(sub); j++ {
			a, b := s[i+j], sub[j]
			if a >= 'A' && a <= 'Z' {
				a += 32
			}
			if b >= 'A' && b <= 'Z' {
				b += 32
			}
			if a != b {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// decode cuts s into codes and reports each code's text, its advance in
// text space (without font size) and whether it is the single-byte space
// (code 32) to which word spacing applies.
func (f *font) decode(s []byte, fn func(text string, adv float64, space bool)) {
	switch f.kind {
	case fontType0:
		cidOf := func(code uint32) uint32 {
			if f.encCMap != nil {
				if c, ok := f.encCMap.CID(code); ok {
					return c
				}
			}
			return code
		}
		width := func(code uint32, n int) float64 {
			if f.predef == cmap.PredefGB || f.predef == cmap.PredefUCS2 || f.predef == cmap.PredefUTF16 {
				if n == 1 {
					return f.dw / 2 * f.scale
				}
				return f.dw * f.scale
			}
			if w, ok := f.cidW[cidOf(code)]; ok {
				return w * f.scale
			}
			return f.dw * f.scale
		}
		emit := func(code uint32, n int, fallback string) {
			text := fallback
			if t, ok := f.toUni.Unicode(code, n); ok {
				text = t
			} else if t, ok := f.embeddedText(cidOf(code)); ok {
				text = t
			}
			fn(text, width(code, n), n == 1 && code == 32)
		}
		switch {
		case f.predef == cmap.PredefGB && f.encCMap == nil:
			cmap.DecodeGB(s, func(code uint32, n int, text string) { emit(code, n, text) })
		case (f.predef == cmap.PredefUCS2 || f.predef == cmap.PredefUTF16) && f.encCMap == nil:
			cmap.DecodeUTF16(s, func(code uint32, n int, text string) { emit(code, n, text) })
		default:
			f.encCMap.Split(s, 2, func(code uint32, n int) { emit(code, n, "\uFFFD") })
		}
	default:
		for _, c := range s {
			text := f.simple[c]
			if t, ok := f.toUni.Unicode(uint32(c), 1); ok {
				text = t
			} else if f.toUni != nil && text == "" {
				text = "\uFFFD"
			}
			if text == "" {
				text = "\uFFFD"
			}
			w := 0.0
			if i := int(c) - f.first; i >= 0 && i < len(f.widths) {
				w = f.widths[i] * f.scale
			} else if f.kind != fontType3 {
				w = 0.5
			}
			fn(text, w, c == 32)
		}
	}
}

// parseCMap parses a CMap under recover (the parser is written not to
// panic; this is the belt to its braces).
func parseCMap(b []byte) (m *cmap.CMap) {
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	return cmap.Parse(b)
}

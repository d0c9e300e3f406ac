package pdfdoc

import (
	"context"
	"math"

	"github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation [a b c d e f] (row-vector convention).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func (m matrix) finite() bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e9 {
			return false
		}
	}
	return true
}

// glyph is one decoded character with its position in page user space
// (origin on the baseline), its advance W and its font size.
type glyph struct {
	X, Y, W, Size float64
	Text          string
	Bold          bool
	Rotated       bool  // the text does not run left to right on the page
	Dir           uint8 // text direction: 0 right, 1 up, 2 left, 3 down
}

// segment is an axis-aligned ruling segment in user space: X0<=X1, Y0<=Y1,
// and either X0==X1 (vertical) or Y0==Y1 (horizontal).
type segment struct{ X0, Y0, X1, Y1 float64 }

func (s segment) horizontal() bool { return s.Y0 == s.Y1 }

// pageContent is what the walker collects on one page.
type pageContent struct {
	Glyphs  []glyph
	Segs    []segment
	Images  int
	Notes   []string // malformed operators and other oddities
	BadOps  int
	NoFont  int    // glyphs shown with a font that could not be read
	Stopped bool   // the context ended during the walk
	Unread  string // why the page's content could not be read, if so
}

type gstate struct {
	ctm                        matrix
	font                       *font
	size, tc, tw, tz, tl, rise float64
}

// walker interprets content streams.
type walker struct {
	ctx    context.Context
	doc    *docState
	out    *pageContent
	gs     gstate
	stack  []gstate
	tm     matrix
	tlm    matrix
	path   []segment
	cur    [2]float64
	start  [2]float64
	opsRun int
}

// maxOps bounds the operators interpreted per page (forms included).
const maxOps = 2_000_000

const maxFormDepth = 8

// resources resolves resource names of one content stream, with a cache.
type resources struct {
	v          pdf.Value
	fonts      map[string]*font
	fontDict   pdf.Value
	fontDictOK bool
	xobjects   map[string]pdf.Value
}

func (w *walker) run(content []byte, res *resources, depth int) {
	lx := contentLexer{b: content}
	var ops []operand
	for {
		if w.opsRun&0x3FF == 0 && w.ctx.Err() != nil {
			w.out.Stopped = true
			return
		}
		o, op, ok := lx.next(0)
		if !ok {
			return
		}
		if op == "" {
			if len(ops) < 64 {
				ops = append(ops, o)
			}
			continue
		}
		w.opsRun++
		if w.opsRun > maxOps {
			w.note("too many operators; page cut short")
			return
		}
		w.exec(op, ops, res, depth)
		ops = ops[:0]
	}
}

func (w *walker) note(s string) {
	w.out.BadOps++
	if len(w.out.Notes) < 8 {
		w.out.Notes = append(w.out.Notes, s)
	}
}

// nums returns the last n (≤ 6) operands as finite numbers.
func nums(ops []operand, n int) (out [6]float64, ok bool) {
	if len(ops) < n || n > 6 {
		return out, false
	}
	ops = ops[len(ops)-n:]
	for i, o := range ops {
		if o.kind != kNum || math.IsNaN(o.num) || math.IsInf(o.num, 0) {
			return out, false
		}
		out[i] = o.num
	}
	return out, true
}

func (w *walker) exec(op string, ops []operand, res *resources, depth int) {
	gs := &w.gs
	bad := func() { w.note("malformed operator " + op) }
	switch op {
	case "q":
		if len(w.stack) < 256 {
			w.stack = append(w.stack, *gs)
		}
	case "Q":
		if len(w.stack) == 0 {
			bad()
			return
		}
		*gs = w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
	case "cm":
		v, ok := nums(ops, 6)
		if !ok {
			bad()
			return
		}
		m := matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(gs.ctm)
		if m.finite() {
			gs.ctm = m
		}
	case "BT":
		w.tm, w.tlm = identity, identity
	case "ET":
	case "Tf":
		if len(ops) < 2 || ops[len(ops)-2].kind != kName || ops[len(ops)-1].kind != kNum {
			bad()
			return
		}
		gs.font = w.doc.font(res, string(ops[len(ops)-2].s))
		gs.size = ops[len(ops)-1].num
	case "Tc", "Tw", "Tz", "TL", "Ts":
		v, ok := nums(ops, 1)
		if !ok {
			bad()
			return
		}
		switch op {
		case "Tc":
			gs.tc = v[0]
		case "Tw":
			gs.tw = v[0]
		case "Tz":
			gs.tz = v[0]
		case "TL":
			gs.tl = v[0]
		case "Ts":
			gs.rise = v[0]
		}
	case "Td", "TD":
		v, ok := nums(ops, 2)
		if !ok {
			bad()
			return
		}
		if op == "TD" {
			gs.tl = -v[1]
		}
		w.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(w.tlm)
		w.tm = w.tlm
	case "Tm":
		v, ok := nums(ops, 6)
		if !ok {
			bad()
			return
		}
		m := matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
		if !m.finite() {
			bad()
			return
		}
		w.tm, w.tlm = m, m
	case "T*":
		w.nextLine()
	case "Tj":
		if len(ops) < 1 || ops[len(ops)-1].kind != kStr {
			bad()
			return
		}
		w.show(ops[len(ops)-1].s)
	case "'":
		if len(ops) < 1 || ops[len(ops)-1].kind != kStr {
			bad()
			return
		}
		w.nextLine()
		w.show(ops[len(ops)-1].s)
	case "\"":
		if len(ops) < 3 || ops[len(ops)-1].kind != kStr || ops[len(ops)-2].kind != kNum || ops[len(ops)-3].kind != kNum {
			bad()
			return
		}
		gs.tw, gs.tc = ops[len(ops)-3].num, ops[len(ops)-2].num
		w.nextLine()
		w.show(ops[len(ops)-1].s)
	case "TJ":
		if len(ops) < 1 || ops[len(ops)-1].kind != kArr {
			bad()
			return
		}
		for _, e := range ops[len(ops)-1].arr {
			switch e.kind {
			case kStr:
				w.show(e.s)
			case kNum:
				if math.IsNaN(e.num) || math.IsInf(e.num, 0) {
					continue
				}
				tx := -e.num / 1000 * gs.size * w.hscale()
				w.tm = matrix{1, 0, 0, 1, tx, 0}.mul(w.tm)
			}
		}
	case "m":
		v, ok := nums(ops, 2)
		if !ok {
			bad()
			return
		}
		w.cur = [2]float64{v[0], v[1]}
		w.start = w.cur
	case "l":
		v, ok := nums(ops, 2)
		if !ok {
			bad()
			return
		}
		w.line(w.cur[0], w.cur[1], v[0], v[1])
		w.cur = [2]float64{v[0], v[1]}
	case "c", "v", "y":
		if len(ops) >= 2 {
			if v, ok := nums(ops, 2); ok {
				w.cur = [2]float64{v[0], v[1]}
			}
		}
	case "h":
		w.line(w.cur[0], w.cur[1], w.start[0], w.start[1])
		w.cur = w.start
	case "re":
		v, ok := nums(ops, 4)
		if !ok {
			bad()
			return
		}
		x, y, rw, rh := v[0], v[1], v[2], v[3]
		w.line(x, y, x+rw, y)
		w.line(x+rw, y, x+rw, y+rh)
		w.line(x+rw, y+rh, x, y+rh)
		w.line(x, y+rh, x, y)
		w.cur = [2]float64{x, y}
		w.start = w.cur
	case "S", "s":
		w.emitPath(false)
	case "f", "F", "f*", "B", "B*", "b", "b*":
		w.emitPath(true)
	case "n":
		w.path = w.path[:0]
	case "Do":
		if len(ops) < 1 || ops[len(ops)-1].kind != kName {
			bad()
			return
		}
		w.do(string(ops[len(ops)-1].s), res, depth)
	}
}

func (w *walker) hscale() float64 {
	if w.gs.tz == 0 {
		return 1
	}
	return w.gs.tz / 100
}

func (w *walker) nextLine() {
	w.tlm = matrix{1, 0, 0, 1, 0, -w.gs.tl}.mul(w.tlm)
	w.tm = w.tlm
}

// show places the glyphs of one string and advances the text matrix.
func (w *walker) show(s []byte) {
	gs := &w.gs
	f := gs.font
	if f == nil {
		w.note("text shown without a font")
		f = &font{scale: 0.001, vscale: 1, dw: 1000, missing: true}
		gs.font = f
	}
	th := w.hscale()
	size := gs.size
	if f.missing {
		w.out.NoFont += len(s)
	}
	f.decode(s, func(text string, adv float64, space bool) {
		m := w.tm.mul(gs.ctm)
		trm := matrix{size * th, 0, 0, size * f.vscale, 0, gs.rise}.mul(m)
		x, y := trm[4], trm[5]
		tx := (adv*size + gs.tc) * th
		if space {
			tx += gs.tw * th
		}
		if f.vertical {
			// BUG: vertical writing is laid out as horizontal text.
			tx = (size + gs.tc) * th
		}
		sx := math.Hypot(m[0], m[1])
		effSize := math.Abs(size*f.vscale) * math.Hypot(m[2], m[3])
		if len(w.out.Glyphs) < 1<<20 && text != "" && math.Abs(x) < 1e7 && math.Abs(y) < 1e7 {
			w.out.Glyphs = append(w.out.Glyphs, glyph{
				X: x, Y: y, W: math.Abs(adv * size * th * sx), Size: effSize, Text: text,
				Bold: f.bold, Dir: direction(m[0], m[1]),
			})
			last := &w.out.Glyphs[len(w.out.Glyphs)-1]
			last.Rotated = last.Dir != 0
		}
		w.tm = matrix{1, 0, 0, 1, tx, 0}.mul(w.tm)
	})
}

// direction classifies the text's x axis (dx, dy) in user space.
func direction(dx, dy float64) uint8 {
	if math.Abs(dx) >= math.Abs(dy) {
		if dx >= 0 {
			return 0
		}
		return 2
	}
	if dy > 0 {
		return 1
	}
	return 3
}

func (w *walker) line(x0, y0, x1, y1 float64) {
	if len(w.path) > 1<<16 {
		return
	}
	ax, ay := w.gs.ctm.apply(x0, y0)
	bx, by := w.gs.ctm.apply(x1, y1)
	w.path = append(w.path, segment{ax, ay, bx, by})
}

// thinRule is the widest a filled rectangle may be to count as a rule.
const thinRule = 2.5

// emitPath turns the current path into ruling segments: strokes give their
// axis-aligned segments; fills give a segment only when the filled shape is
// a thin rectangle (how Chromium and WPS draw cell borders).
func (w *walker) emitPath(fill bool) {
	defer func() { w.path = w.path[:0] }()
	if !fill {
		for _, s := range w.path {
			w.addSeg(s)
		}
		return
	}
	// Filled: look at rectangles made of 4 consecutive segments.
	p := w.path
	for i := 0; i+3 < len(p); {
		x0, x1 := math.Min(p[i].X0, p[i].X1), math.Max(p[i].X0, p[i].X1)
		y0, y1 := math.Min(p[i].Y0, p[i].Y1), math.Max(p[i].Y0, p[i].Y1)
		for k := 1; k < 4; k++ {
			s := p[i+k]
			x0, x1 = math.Min(x0, math.Min(s.X0, s.X1)), math.Max(x1, math.Max(s.X0, s.X1))
			y0, y1 = math.Min(y0, math.Min(s.Y0, s.Y1)), math.Max(y1, math.Max(s.Y0, s.Y1))
		}
		wd, ht := x1-x0, y1-y0
		switch {
		case ht <= thinRule && wd > ht:
			w.addSeg(segment{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
		case wd <= thinRule && ht > wd:
			w.addSeg(segment{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
		}
		i += 4
	}
}

func (w *walker) addSeg(s segment) {
	const eps = 0.5
	if len(w.out.Segs) >= 1<<16 {
		return
	}
	if math.Abs(s.Y0-s.Y1) <= eps && math.Abs(s.X0-s.X1) > eps {
		y := (s.Y0 + s.Y1) / 2
		w.out.Segs = append(w.out.Segs, segment{math.Min(s.X0, s.X1), y, math.Max(s.X0, s.X1), y})
	} else if math.Abs(s.X0-s.X1) <= eps && math.Abs(s.Y0-s.Y1) > eps {
		x := (s.X0 + s.X1) / 2
		w.out.Segs = append(w.out.Segs, segment{x, math.Min(s.Y0, s.Y1), x, math.Max(s.Y0, s.Y1)})
	}
}

// do runs a Form XObject (or counts an image).
func (w *walker) do(name string, res *resources, depth int) {
	if res == nil {
		return
	}
	xo, ok := res.xobjects[name]
	if !ok {
		if err := safe(func() { xo = res.v.Key("XObject").Key(name) }); err != nil {
			w.note("bad XObject " + name)
			return
		}
		if res.xobjects == nil {
			res.xobjects = map[string]pdf.Value{}
		}
		res.xobjects[name] = xo
	}
	var sub string
	_ = safe(func() { sub = xo.Key("Subtype").Name() })
	switch sub {
	case "Image":
		w.out.Images++
		return
	case "Form":
	default:
		return
	}
	if depth >= maxFormDepth {
		w.note("Form XObjects nested too deep")
		return
	}
	data, err := w.doc.stream(xo)
	if err != nil {
		w.note("unreadable Form XObject " + name)
		return
	}
	var fm matrix = identity
	var fres pdf.Value
	_ = safe(func() {
		if m := xo.Key("Matrix"); m.Len() == 6 {
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
		}
		fres = xo.Key("Resources")
	})
	if !fm.finite() {
		fm = identity
	}
	inner := res
	if fres.Kind() == pdf.Dict {
		k := objKey(xo)
		if r, ok := w.doc.forms[k]; ok && k != "" {
			inner = r
		} else {
			inner = &resources{v: fres, fonts: map[string]*font{}}
			if k != "" {
				w.doc.forms[k] = inner
			}
		}
	}
	saved, savedStack, tm, tlm := w.gs, len(w.stack), w.tm, w.tlm
	w.gs.ctm = fm.mul(w.gs.ctm)
	w.run(data, inner, depth+1)
	w.gs, w.stack, w.tm, w.tlm = saved, w.stack[:min(savedStack, len(w.stack))], tm, tlm
}

package pdfdoc

import (
	"math"
	"sort"
)

// Ruling-line tables ("lattice"): segments → connected components → grid
// lines per table → cells, where two neighbouring grid positions belong to
// one merged cell when no segment draws the edge between them.

const (
	joinTol  = 2.0 // how far apart two segments may be and still touch
	lineTol  = 1.5 // grid lines closer than this are one line
	minBand  = 2.0 // narrower bands are merged into their neighbour
	coverMin = 0.3 // an edge counts when a segment covers it but for this fraction at each end
)

// lattice is one ruled table on a page.
type lattice struct {
	xs             []float64 // column lines, ascending
	ys             []float64 // row lines, descending (top first)
	cells          []latCell
	owner          [][]int // [row band][col band] → index into cells, -1 outside
	x0, y0, x1, y1 float64
}

type latCell struct {
	r0, c0, r1, c1 int // band ranges, inclusive
	glyphs         []glyph
}

// mergeSegs joins collinear touching segments.
func mergeSegs(segs []segment, horiz bool) []segment {
	sort.Slice(segs, func(i, j int) bool {
		a, b := segs[i], segs[j]
		if horiz {
			if math.Abs(a.Y0-b.Y0) > 0.3 {
				return a.Y0 < b.Y0
			}
			return a.X0 < b.X0
		}
		if math.Abs(a.X0-b.X0) > 0.3 {
			return a.X0 < b.X0
		}
		return a.Y0 < b.Y0
	})
	var out []segment
	for _, s := range segs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if horiz && math.Abs(p.Y0-s.Y0) <= 0.3 && s.X0 <= p.X1+joinTol {
				p.X1 = math.Max(p.X1, s.X1)
				continue
			}
			if !horiz && math.Abs(p.X0-s.X0) <= 0.3 && s.Y0 <= p.Y1+joinTol {
				p.Y1 = math.Max(p.Y1, s.Y1)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

type uf []int

func (u uf) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}
func (u uf) union(a, b int) { u[u.find(a)] = u.find(b) }

// findLattices builds the ruled tables of a page.
func findLattices(segs []segment) []*lattice {
	var hs, vs []segment
	for _, s := range segs {
		if s.horizontal() {
			if s.X1-s.X0 >= 3 {
				hs = append(hs, s)
			}
		} else if s.Y1-s.Y0 >= 3 {
			vs = append(vs, s)
		}
	}
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	hs, vs = mergeSegs(hs, true), mergeSegs(vs, false)
	n := len(hs) + len(vs)
	u := make(uf, n)
	for i := range u {
		u[i] = i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.X0 >= h.X0-joinTol && v.X0 <= h.X1+joinTol && h.Y0 >= v.Y0-joinTol && h.Y0 <= v.Y1+joinTol {
				u.union(i, len(hs)+j)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := 0; i < n; i++ {
		r := u.find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []*lattice
	for _, r := range order {
		var gh, gv []segment
		for _, i := range groups[r] {
			if i < len(hs) {
				gh = append(gh, hs[i])
			} else {
				gv = append(gv, vs[i-len(hs)])
			}
		}
		if l := buildLattice(gh, gv); l != nil {
			out = append(out, l)
		}
	}
	return out
}

func clusterLines(vals []float64) []float64 {
	sort.Float64s(vals)
	var out []float64
	var sum float64
	var cnt int
	for i, v := range vals {
		if i > 0 && v-vals[i-1] > lineTol {
			out = append(out, sum/float64(cnt))
			sum, cnt = 0, 0
		}
		sum += v
		cnt++
	}
	if cnt > 0 {
		out = append(out, sum/float64(cnt))
	}
	// merge bands narrower than minBand
	var m []float64
	for _, v := range out {
		if len(m) > 0 && v-m[len(m)-1] < minBand {
			continue
		}
		m = append(m, v)
	}
	return m
}

func buildLattice(hs, vs []segment) *lattice {
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	var xv, yv []float64
	for _, v := range vs {
		xv = append(xv, v.X0)
	}
	for _, h := range hs {
		yv = append(yv, h.Y0)
	}
	// The component's outer extent is a boundary even where the producer
	// drew no closing line (the last row before a page break often has
	// its verticals but no bottom rule).
	ext := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, v := range vs {
		ext[1], ext[3] = math.Min(ext[1], v.Y0), math.Max(ext[3], v.Y1)
	}
	for _, h := range hs {
		ext[0], ext[2] = math.Min(ext[0], h.X0), math.Max(ext[2], h.X1)
	}
	xv = append(xv, ext[0], ext[2])
	yv = append(yv, ext[1], ext[3])
	xs, ys := clusterLines(xv), clusterLines(yv)
	if len(xs) < 2 || len(ys) < 2 {
		return nil
	}
	// ys descending (top of the page first)
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	l := &lattice{xs: xs, ys: ys, x0: xs[0], x1: xs[len(xs)-1], y0: ys[len(ys)-1], y1: ys[0]}
	if l.x1-l.x0 < 20 || l.y1-l.y0 < 8 {
		return nil
	}
	R, C := len(ys)-1, len(xs)-1
	if R*C > 20000 || len(hs)+len(vs) > 5000 {
		return nil
	}
	// vEdge[i][j]: an edge on column line j (1..C-1) within row band i.
	vEdge := func(i, j int) bool {
		x, top, bot := xs[j], ys[i], ys[i+1]
		h := top - bot
		for _, v := range vs {
			if math.Abs(v.X0-x) <= lineTol && v.Y0 <= bot+coverMin*h && v.Y1 >= top-coverMin*h {
				return true
			}
		}
		return false
	}
	hEdge := func(i, j int) bool { // row line i (1..R-1) within column band j
		y, left, right := ys[i], xs[j], xs[j+1]
		w := right - left
		for _, h := range hs {
			if math.Abs(h.Y0-y) <= lineTol && h.X0 <= left+coverMin*w && h.X1 >= right-coverMin*w {
				return true
			}
		}
		return false
	}
	u := make(uf, R*C)
	for i := range u {
		u[i] = i
	}
	for i := 0; i < R; i++ {
		for j := 0; j < C; j++ {
			if j+1 < C && !vEdge(i, j+1) {
				u.union(i*C+j, i*C+j+1)
			}
			if i+1 < R && !hEdge(i+1, j) {
				u.union(i*C+j, (i+1)*C+j)
			}
		}
	}
	l.owner = make([][]int, R)
	idx := map[int]int{}
	for i := 0; i < R; i++ {
		l.owner[i] = make([]int, C)
		for j := 0; j < C; j++ {
			root := u.find(i*C + j)
			k, ok := idx[root]
			if !ok {
				k = len(l.cells)
				idx[root] = k
				l.cells = append(l.cells, latCell{r0: i, c0: j, r1: i, c1: j})
			}
			c := &l.cells[k]
			c.r0, c.c0 = min(c.r0, i), min(c.c0, j)
			c.r1, c.c1 = max(c.r1, i), max(c.c1, j)
			l.owner[i][j] = k
		}
	}
	// A table needs at least two cells; one big box is a frame, not a table.
	if len(l.cells) < 2 {
		return nil
	}
	return l
}

// band finds the band index of v in ascending lines (or descending when desc).
func band(lines []float64, v float64, desc bool) int {
	n := len(lines)
	if desc {
		if v > lines[0] || v < lines[n-1] {
			return -1
		}
		i := sort.Search(n, func(k int) bool { return lines[k] < v })
		return min(max(i-1, 0), n-2)
	}
	if v < lines[0] || v > lines[n-1] {
		return -1
	}
	i := sort.Search(n, func(k int) bool { return lines[k] > v })
	return min(max(i-1, 0), n-2)
}

// place puts a glyph into its cell; false when it lies outside the table.
func (l *lattice) place(g glyph) bool {
	cx := g.X + g.W/2
	cy := g.Y + g.Size*0.35
	if g.Rotated {
		cx, cy = g.X+g.Size*0.35, g.Y+g.W/2
	}
	j := band(l.xs, cx, false)
	i := band(l.ys, cy, true)
	if i < 0 || j < 0 {
		return false
	}
	k := l.owner[i][j]
	l.cells[k].glyphs = append(l.cells[k].glyphs, g)
	return true
}

package tables

import (
	"strings"

	"github.com/xxgk/nianbao/model"
)

// candidate is one possible reading of a row: k values.
type candidate []model.Decimal

// maxCandidates bounds enumeration per row.
const maxCandidates = 4096

// digitPieces returns the digit groups of numeric-run tokens: each token's
// text split at spaces. A boundary between two cells must fall at every
// group boundary; more boundaries may fall inside groups.
func digitPieces(vals []*token) []string {
	var out []string
	for _, v := range vals {
		for _, f := range strings.Fields(v.raw) {
			f = strings.ReplaceAll(f, ",", "")
			if f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

// splitDigits enumerates the ways to cut the digit groups into k numbers
// (no leading zeros except "0" itself, every group boundary a cut) for which
// ok accepts the values. It stops after maxCandidates results.
func splitDigits(groups []string, k int, ok func([]int64) bool) (cands [][]int64, pieces [][]string, truncated bool) {
	return splitDigitsPruned(groups, k, ok, nil)
}

// splitDigitsPruned is splitDigits with a check of partial readings: a
// branch is abandoned as soon as prune rejects the values chosen so far.
func splitDigitsPruned(groups []string, k int, ok, prune func([]int64) bool) (cands [][]int64, pieces [][]string, truncated bool) {
	// flatten into digits with forced cut positions
	var digits []byte
	forced := map[int]bool{}
	for gi, g := range groups {
		for i := 0; i < len(g); i++ {
			if g[i] < '0' || g[i] > '9' {
				return nil, nil, false
			}
		}
		digits = append(digits, g...)
		if gi < len(groups)-1 {
			forced[len(digits)] = true
		}
	}
	n := len(digits)
	if n < k || len(groups) > k {
		return nil, nil, false
	}
	vals := make([]int64, 0, k)
	strs := make([]string, 0, k)
	var rec func(pos int)
	steps := 0
	rec = func(pos int) {
		if truncated {
			return
		}
		steps++
		if steps > 200000 {
			truncated = true
			return
		}
		left := k - len(vals)
		if left == 0 {
			if pos == n && ok(vals) {
				cands = append(cands, append([]int64(nil), vals...))
				pieces = append(pieces, append([]string(nil), strs...))
				if len(cands) >= maxCandidates {
					truncated = true
				}
			}
			return
		}
		if n-pos < left {
			return
		}
		maxLen := n - pos - (left - 1)
		if maxLen > 12 {
			maxLen = 12
		}
		for l := 1; l <= maxLen; l++ {
			end := pos + l
			// a forced cut inside the piece is not allowed
			inner := false
			for c := pos + 1; c < end; c++ {
				if forced[c] {
					inner = true
					break
				}
			}
			if inner {
				break
			}
			// the piece must end at a forced cut if one is next and this is the last piece? no: just continue
			if l > 1 && digits[pos] == '0' {
				break
			}
			if left == 1 && end != n {
				continue
			}
			var v int64
			for _, d := range digits[pos:end] {
				v = v*10 + int64(d-'0')
			}
			vals = append(vals, v)
			strs = append(strs, string(digits[pos:end]))
			if prune != nil && !prune(vals) {
				vals = vals[:len(vals)-1]
				strs = strs[:len(strs)-1]
				continue
			}
			rec(end)
			vals = vals[:len(vals)-1]
			strs = strs[:len(strs)-1]
		}
	}
	rec(0)
	return cands, pieces, truncated
}

// rowTotalOK accepts a table-3 row whose last value is the sum of the others.
func rowTotalOK(v []int64) bool {
	var s int64
	for _, x := range v[:len(v)-1] {
		s += x
	}
	return s == v[len(v)-1]
}

// t4Partial rejects a partial table-4 reading as soon as a completed group
// of five breaks total = Σ the four.
func t4Partial(v []int64) bool {
	if n := len(v); n%5 == 0 {
		b := v[n-5:]
		return b[0]+b[1]+b[2]+b[3] == b[4]
	}
	return true
}

// t4OK accepts 15 values whose three groups each have total = Σ the four.
func t4OK(v []int64) bool {
	for g := 0; g < 3; g++ {
		b := v[g*5 : g*5+5]
		if b[0]+b[1]+b[2]+b[3] != b[4] {
			return false
		}
	}
	return true
}

func anyOK([]int64) bool { return true }

// raggedT3 places n < 7 cells of a table-3 row into 7 columns. Every choice
// of missing columns is tried; a missing cell's value is inferred from the
// row-total identity where it is determined (one unknown, or unknown parts
// whose sum must be zero). It returns the distinct complete readings, the
// placements that gave them, and whether some placement was left
// undetermined.
func raggedT3(known []model.Cell) (cands []candidate, first []int, nPlacements int, undetermined bool) {
	n := len(known)
	const k = model.NumT3Cols
	if n == 0 || n > k {
		return nil, nil, 0, true
	}
	var vals [k]model.Decimal
	for i, c := range known {
		v, _, ok := c.Eval()
		if !ok {
			return nil, nil, 0, true
		}
		vals[i] = v
	}
	// All printed values zero: every placement gives the all-zero row (a
	// missing part is total minus zeros, a missing total the sum of zeros).
	allZero := true
	for i := 0; i < n; i++ {
		allZero = allZero && vals[i].IsZero()
	}
	if allZero && n >= k-1 {
		first = make([]int, n)
		for i := range first {
			first[i] = i
		}
		return []candidate{make(candidate, k)}, first, binom(k, n), false
	}
	var pos [k]int
	var rec func(i, start int)
	rec = func(i, start int) {
		if i < n {
			for p := start; p <= k-(n-i); p++ {
				pos[i] = p
				rec(i+1, p+1)
			}
			return
		}
		var row [k]model.Decimal
		var have [k]bool
		for j := 0; j < n; j++ {
			row[pos[j]], have[pos[j]] = vals[j], true
		}
		var sumParts model.Decimal
		partsMissing := 0
		for c := 0; c < k-1; c++ {
			if !have[c] {
				partsMissing++
				continue
			}
			sumParts, _ = sumParts.Add(row[c])
		}
		switch {
		case !have[k-1] && partsMissing == 0:
			row[k-1] = sumParts
		case have[k-1]:
			resid, _ := row[k-1].Sub(sumParts)
			if resid.Sign() < 0 {
				return // impossible placement
			}
			if partsMissing > 1 && !resid.IsZero() {
				undetermined = true
				return
			}
			for c := 0; c < k-1; c++ {
				if !have[c] {
					row[c] = resid // one unknown, or several that must all be 0
				}
			}
		default:
			undetermined = true
			return
		}
		out := candidate(row[:])
		nPlacements++
		if first == nil {
			first = append([]int(nil), pos[:n]...)
		}
		for _, cd := range cands {
			if equalCand(cd, out) {
				return
			}
		}
		cands = append(cands, append(candidate(nil), out...))
	}
	rec(0, 0)
	return cands, first, nPlacements, undetermined
}

func equalCand(a, b candidate) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

func binom(n, k int) int {
	r := 1
	for i := 0; i < k; i++ {
		r = r * (n - i) / (i + 1)
	}
	return r
}

// splitRowTotal enumerates the readings of a run of digits as k numbers of
// which the last is the sum of the others (a table-3 row and its 总计). It
// tries each length of the total first, so that the other parts can be cut
// with a running sum that must not pass the total: far fewer branches than
// checking the sum only at the end.
func splitRowTotal(groups []string, k int) (cands [][]int64, pieces [][]string, truncated bool) {
	if len(groups) == 0 || k < 2 {
		return nil, nil, false
	}
	last := groups[len(groups)-1]
	for l := 1; l <= len(last) && l <= 12; l++ {
		tot := last[len(last)-l:]
		if l > 1 && tot[0] == '0' {
			continue
		}
		var t int64
		for i := 0; i < len(tot); i++ {
			if tot[i] < '0' || tot[i] > '9' {
				return nil, nil, false
			}
			t = t*10 + int64(tot[i]-'0')
		}
		prefix := append([]string(nil), groups[:len(groups)-1]...)
		if rest := last[:len(last)-l]; rest != "" {
			prefix = append(prefix, rest)
		}
		if len(prefix) == 0 {
			continue
		}
		sumIs := func(v []int64) bool {
			var s int64
			for _, x := range v {
				s += x
			}
			return s == t
		}
		sumWithin := func(v []int64) bool {
			var s int64
			for _, x := range v {
				s += x
			}
			return s <= t
		}
		cs, ps, tr := splitDigitsPruned(prefix, k-1, sumIs, sumWithin)
		truncated = truncated || tr
		for i := range cs {
			cands = append(cands, append(cs[i], t))
			pieces = append(pieces, append(ps[i], tot))
		}
		if len(cands) >= maxCandidates {
			return cands, pieces, true
		}
	}
	return cands, pieces, truncated
}

package corpusgen

import (
	"math/rand/v2"
	"strconv"

	"github.com/xxgk/nianbao/model"
)

// t3Rows returns the table-3 row descriptions of a format, in printed order.
func t3Rows(f model.FormatVersion) []model.T3Row {
	var out []model.T3Row
	for _, r := range model.T3Rows {
		if (f == model.Format2019 && r.Only2021) || (f == model.Format2021 && r.Only2019) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// isResultRow reports whether a table-3 row is one of the 办理结果 item rows.
func isResultRow(key string) bool {
	switch key {
	case "new_received", "carried_over", "results_total", "carried_forward":
		return false
	}
	return true
}

// T3 is a table 3: values per row key and column, and printed-text
// overrides for injected defects ("" prints a blank cell).
type T3 struct {
	Format model.FormatVersion
	V      map[string]*[model.NumT3Cols]int64
	Raw    map[string]string // "row.col" flat suffix → printed text
	Zero   string            // how a zero is printed ("" means "0"): "—", "/", …
}

func newT3(f model.FormatVersion) *T3 {
	t := &T3{Format: f, V: map[string]*[model.NumT3Cols]int64{}, Raw: map[string]string{}}
	for _, r := range t3Rows(f) {
		t.V[r.Key] = new([model.NumT3Cols]int64)
	}
	return t
}

// Text returns the printed text of a cell.
func (t *T3) Text(row string, col int) string {
	if s, ok := t.Raw[row+"."+model.T3ColumnKeys[col]]; ok {
		return s
	}
	if t.Zero != "" && t.V[row][col] == 0 {
		return t.Zero
	}
	return strconv.FormatInt(t.V[row][col], 10)
}

// fixTotals recomputes every 总计 column and the R3.7 row from the parts.
func (t *T3) fixTotals() {
	for _, v := range t.V {
		var s int64
		for c := 0; c < model.NumT3Cols-1; c++ {
			s += v[c]
		}
		v[model.ColTotal] = s
	}
	tot := t.V["results_total"]
	*tot = [model.NumT3Cols]int64{}
	for _, r := range t3Rows(t.Format) {
		if isResultRow(r.Key) {
			for c := range tot {
				tot[c] += t.V[r.Key][c]
			}
		}
	}
}

// clone returns a deep copy of t in format f (rows of the other format's
// （六） are folded into other_handling or other.other_reasons).
func (t *T3) clone(f model.FormatVersion) *T3 {
	n := newT3(f)
	for k, v := range t.V {
		switch {
		case n.V[k] != nil:
			*n.V[k] = *v
		case f == model.Format2019: // other.* → other_handling
			for c := range v {
				n.V["other_handling"][c] += v[c]
			}
		default: // other_handling → other.other_reasons
			for c := range v {
				n.V["other.other_reasons"][c] += v[c]
			}
		}
	}
	for k, s := range t.Raw {
		n.Raw[k] = s
	}
	return n
}

// T4 is table 4: review, direct litigation, litigation after review; each
// upheld, corrected, other, pending, total.
type T4 struct {
	V    [3][5]int64
	Raw  map[string]string // "group.col" → printed text
	Zero string            // how a zero is printed ("" means "0")
}

// Text returns the printed text of a cell.
func (t *T4) Text(g, c int) string {
	if s, ok := t.Raw[model.T4GroupKeys[g]+"."+model.T4ColumnKeys[c]]; ok {
		return s
	}
	if t.Zero != "" && t.V[g][c] == 0 {
		return t.Zero
	}
	return strconv.FormatInt(t.V[g][c], 10)
}

// scale says how busy a body is.
func scale(b Body) int64 {
	switch b.Level {
	case model.LevelCounty:
		return 40
	case model.LevelDepartment:
		return 12
	}
	return 4
}

// genT3 fills table 3 for one year, given last year's 结转下年度继续办理.
func genT3(r *rand.Rand, b Body, f model.FormatVersion, carried [model.NumT3Cols]int64) *T3 {
	t := newT3(f)
	s := scale(b)
	nr := t.V["new_received"]
	nr[model.ColNaturalPerson] = r.Int64N(s + 1)
	for c := model.ColCommercial; c < model.ColTotal; c++ {
		if r.IntN(4) == 0 {
			nr[c] = r.Int64N(s/4 + 2)
		}
	}
	*t.V["carried_over"] = carried
	// weights of the result rows: most requests are granted or not held
	var results []string
	var weights []int
	for _, row := range t3Rows(f) {
		if !isResultRow(row.Key) {
			continue
		}
		w := 1
		switch row.Key {
		case "granted":
			w = 30
		case "partially_granted":
			w = 6
		case "unavailable.not_held":
			w = 10
		case "not_processed.petition", "not_processed.repeated", "denied.third_party_rights", "other.overdue_correction", "other_handling":
			w = 3
		}
		results = append(results, row.Key)
		weights = append(weights, w)
	}
	sumW := 0
	for _, w := range weights {
		sumW += w
	}
	for c := 0; c < model.ColTotal; c++ {
		avail := nr[c] + carried[c]
		var fwd int64
		if avail > 0 && r.IntN(3) == 0 {
			fwd = r.Int64N(min(avail, 3) + 1)
		}
		t.V["carried_forward"][c] = fwd
		for n := avail - fwd; n > 0; n-- {
			x := r.IntN(sumW)
			for i, w := range weights {
				if x < w {
					t.V[results[i]][c]++
					break
				}
				x -= w
			}
		}
	}
	t.fixTotals()
	return t
}

// genT4 fills table 4: mostly zeros, a few cases for busy bodies.
func genT4(r *rand.Rand, b Body) *T4 {
	t := &T4{Raw: map[string]string{}}
	for g := 0; g < 3; g++ {
		if r.IntN(3) != 0 && b.Level == model.LevelTownship {
			continue
		}
		for c := 0; c < 4; c++ {
			if r.IntN(3) == 0 {
				t.V[g][c] = r.Int64N(scale(b)/8 + 2)
			}
		}
	}
	t.fixTotals()
	return t
}

func (t *T4) fixTotals() {
	for g := 0; g < 3; g++ {
		t.V[g][4] = t.V[g][0] + t.V[g][1] + t.V[g][2] + t.V[g][3]
	}
}

// T2 is table 2 as printed text per flat key, in the report's format.
type T2 struct {
	Format model.FormatVersion
	Cells  map[string]string
}

// t2State carries the stock figures of table 2 from year to year.
type t2State struct {
	rulesInForce, normInForce int64
	items                     [5]int64 // 2019: licensing, other services, penalty, coercion, fees
}

func genT2(r *rand.Rand, b Body, f model.FormatVersion, st *t2State) *T2 {
	t := &T2{Format: f, Cells: map[string]string{}}
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	issued := r.Int64N(scale(b)/3 + 2)
	repealed := r.Int64N(min(st.normInForce, 2) + 1)
	st.normInForce += issued - repealed
	decisions := func() int64 {
		if b.Level == model.LevelTownship && r.IntN(2) == 0 {
			return 0
		}
		return r.Int64N(scale(b) * 20)
	}
	if f == model.Format2021 {
		t.Cells["t2.rules.issued"], t.Cells["t2.rules.repealed"], t.Cells["t2.rules.in_force"] = "0", "0", n(st.rulesInForce)
		t.Cells["t2.normative.issued"], t.Cells["t2.normative.repealed"], t.Cells["t2.normative.in_force"] = n(issued), n(repealed), n(st.normInForce)
		t.Cells["t2.licensing.decisions"] = n(decisions())
		t.Cells["t2.penalty.decisions"] = n(decisions())
		t.Cells["t2.coercion.decisions"] = n(decisions() / 10)
		fee := "0"
		if b.Level != model.LevelTownship && r.IntN(3) == 0 {
			fee = strconv.FormatFloat(float64(r.IntN(2000000))/10000, 'f', r.IntN(4)+1, 64)
		}
		t.Cells["t2.fees.amount"] = fee
		return t
	}
	t.Cells["t2.rules.new_made"], t.Cells["t2.rules.new_published"], t.Cells["t2.rules.total_published"] = "0", "0", "0"
	t.Cells["t2.normative.new_made"], t.Cells["t2.normative.new_published"], t.Cells["t2.normative.total_published"] = n(issued), n(issued), n(st.normInForce+issued)
	keys := []string{"licensing", "other_services", "penalty", "coercion", "fees"}
	for i, k := range keys {
		change := r.Int64N(5) - 2
		if st.items[i]+change < 0 {
			change = 0
		}
		t.Cells["t2."+k+".prev_items"] = n(st.items[i])
		switch {
		case change > 0:
			t.Cells["t2."+k+".change"] = "+" + n(change)
		default:
			t.Cells["t2."+k+".change"] = n(change)
		}
		st.items[i] += change
		if k != "fees" {
			t.Cells["t2."+k+".decisions"] = n(decisions())
		}
	}
	t.Cells["t2.procurement.projects"] = n(r.Int64N(scale(b)))
	t.Cells["t2.procurement.amount"] = strconv.FormatFloat(float64(r.IntN(500000))/100, 'f', 2, 64)
	return t
}

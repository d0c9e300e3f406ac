package tables

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// Extraction is what Extract found of the statistical tables.
type Extraction struct {
	Active21    *model.ActiveDisclosure2021
	Active19    *model.ActiveDisclosure2019
	Requests    *model.RequestTable
	Review      *model.ReviewLitigation
	Diagnostics []model.Diagnostic
	// T3Other2021 and T3Other2019 record the table-3 （六） layout seen: three
	// sub-rows (2021) or one data row (2019). Format detection uses them as
	// the tie-breaker when table 2 is missing.
	T3Other2021, T3Other2019 bool
}

// pending is a recognised row label waiting for its values.
type pending struct {
	spec  *rowSpec
	label *token
	vals  []*token
	// ambiguous: the label holds the wording of two rows
	ambiguous bool
	// shifted counts the empty fields dropped between label and values
	shifted int
}

// extractor holds the state of one Extract call.
type extractor struct {
	format model.FormatVersion
	ex     *Extraction
	group  string // current table-3 group: "results", "三", "四", "五", "六"
	t3Seen bool
	// t3Anchor is set once the table-3 header, its heading or its first
	// rows were seen: other table-3 rows are accepted only after it, so
	// that prose before the table is never read as rows.
	t3Anchor bool
	t3Done   bool
	cur      *pending
	// table 2
	t2Rows             []resolvedRow
	t2Head21, t2Head19 int
	// table 4
	t4Header bool
	t4Vals   []*token
	t4Done   bool
	// table 3 rows resolved, in order, for the table-level pass
	t3Rows []resolvedRow
	// resolved records the rows already read (table, key, group)
	resolved map[resolvedKey]bool
	// pend is the storage of cur
	pend pending
	// buffers reused by selectValues (its result is used within flush)
	selBuf, sameBuf, nextBuf []*token
}

// resolvedRow is a row whose values were read: one candidate reading per
// column, or several when the printed row is ambiguous.
type resolvedRow struct {
	spec  *rowSpec
	label *token
	cells []model.Cell
	// cands holds the possible readings when the row is ambiguous; cells are
	// then uncertain where the readings disagree.
	cands []candidate
	note  string
}

// Extract locates tables 2, 3 and 4 in the document and maps them onto the
// schema. format selects the table-2 schema; FormatUnknown lets the header
// words and value counts decide.
func Extract(doc *Document, format model.FormatVersion) *Extraction {
	x := &extractor{format: format, ex: &Extraction{}}
	toks := tokenize(doc)
	for i := range toks {
		x.step(&toks[i])
	}
	x.finish()
	return x.ex
}

func (x *extractor) diag(code string, sev model.Severity, msg string, src model.Loc, raw string, keys ...string) {
	x.ex.Diagnostics = append(x.ex.Diagnostics, model.Diagnostic{Code: code, Severity: sev, Message: msg, Src: src, Raw: raw, Keys: keys})
}

func (x *extractor) step(t *token) {
	if t.copyCol || false {
		return
	}
	if t.kind == tokValue {
		switch {
		case x.cur != nil:
			x.cur.vals = append(x.cur.vals, t)
		case x.t4Header && !x.t4Done:
			x.t4Vals = append(x.t4Vals, t)
		}
		return
	}
	// text token
	key := t.key
	if key == "" {
		return
	}
	if !x.t3Anchor && isT3Anchor(t) {
		x.t3Anchor = true
	}
	if (!t.sub && len(key) > 240) || (t.sub && !t.beforeValue) {
		// a paragraph of prose: it ends the current row and is no label
		x.flush()
		x.flushT4()
		return
	}
	if x.matchT4Header(t) {
		x.flush()
		x.t4Header = true
		return
	}
	if spec := x.matchT3(t); spec != nil {
		x.flush()
		x.flushT4()
		x.t3Seen = true
		if g := groupOf(spec); g != "" {
			x.group = g
		}
		x.cur = x.newPending(spec, t)
		x.cur.ambiguous = ambiguousCell(t.key, t3Specs)
		return
	}
	if !x.t3Seen {
		for _, w := range t2HeaderWords2021 {
			if strings.Contains(key, w) {
				x.t2Head21++
			}
		}
		for _, w := range t2HeaderWords2019 {
			if strings.Contains(key, w) {
				x.t2Head19++
			}
		}
		var spec *rowSpec
		if t.sub {
			spec = matchSuffixExact(key, t2Specs)
		} else {
			spec = matchCell(key, t2Specs)
		}
		if spec != nil {
			x.flush()
			x.cur = x.newPending(spec, t)
			return
		}
	}
	// other text ends the current row
	x.flush()
	x.flushT4()
}

// resolvedKey names a row that was read: table, row key, group label.
type resolvedKey struct {
	table      int
	key, group string
}

// newPending starts a row at label t, reusing the extractor's one pending
// row and its value buffer: a report has hundreds of labels.
func (x *extractor) newPending(spec *rowSpec, t *token) *pending {
	p := &x.pend
	*p = pending{spec: spec, label: t, vals: p.vals[:0]}
	return p
}

// matchT4Header recognises the header of table 4: a cell or line that is
// one header word, or (run-together text) a run of at least three header
// words that ends the run. Prose that mentions 结果维持 is not a header.
func (x *extractor) matchT4Header(t *token) bool {
	if x.t4Done {
		return false
	}
	_, rest := StripOrdinal(t.key)
	if !t.sub {
		for _, w := range t4HeaderWords {
			if rest == w {
				return true
			}
		}
		return rest == "行政复议" || rest == "行政诉讼" || (x.t4Header && (rest == "总计" || rest == "合计"))
	}
	n := 0
	for _, w := range t4HeaderWords {
		if strings.Contains(rest, w) {
			n++
		}
	}
	if n < 3 {
		return false
	}
	for _, w := range append([]string{"总计", "合计"}, t4HeaderWords...) {
		if strings.HasSuffix(rest, w) {
			return true
		}
	}
	return false
}

// isT3Anchor recognises the start of table 3: its header (申请人情况,
// 自然人, the 勾稽关系 note) or its section heading at the start of a line.
func isT3Anchor(t *token) bool {
	k := t.key
	if strings.Contains(k, "勾稽关系") || strings.Contains(k, "申请人情况") {
		return true
	}
	_, rest := StripOrdinal(k)
	if rest == "自然人" || strings.HasPrefix(rest, "收到和处理政府信息公开申请") || strings.HasPrefix(rest, "行政机关收到和处理政府信息公开申请") {
		return true
	}
	return false
}

// matchT3 recognises a table-3 label in its context.
func (x *extractor) matchT3(t *token) *rowSpec {
	if x.t3Done {
		return nil
	}
	var spec *rowSpec
	if t.sub {
		spec = matchSuffix(t.key, t3Specs)
	} else {
		spec = matchCell(t.key, t3Specs)
	}
	if spec == nil {
		return nil
	}
	if spec.key == "new_received" || spec.key == "carried_over" {
		x.t3Anchor = true
	}
	if !x.t3Anchor {
		return nil
	}
	marker, _ := StripOrdinal(t.key)
	switch spec.group {
	case "results":
		if !(x.group != "" || strings.Contains(marker, "七")) {
			return nil
		}
	case "六":
		if x.group != "六" {
			return nil
		}
	}
	// Group labels and the first rows must not be taken from prose outside
	// the table: the table starts with 一/二 or with a group label.
	return spec
}

// flush resolves the pending row.
func (x *extractor) flush() {
	p := x.cur
	x.cur = nil
	if p == nil {
		return
	}
	vals := x.selectValues(p)
	if len(vals) == 0 {
		return // a label without values: a group label, or a row cut off
	}
	if p.shifted > 0 && p.spec.key != "" {
		x.diag(model.DiagCellsShifted, model.SevInfo, "row "+p.spec.key+": "+strconv.Itoa(p.shifted)+" empty field(s) between the label and the values taken as layout (merged cells)", p.label.srcLoc(), p.label.raw)
	}
	// A row printed again is not resolved again: the first is kept (see
	// assemble), and a crafted input repeating one label cannot multiply
	// the work.
	dupKey := resolvedKey{p.spec.table, p.spec.key, p.spec.groupLabel}
	if x.resolved == nil {
		x.resolved = map[resolvedKey]bool{}
	}
	if x.resolved[dupKey] {
		x.diag(model.DiagRowDuplicate, model.SevInfo, "row "+p.spec.official+" printed twice; the first was kept", p.label.srcLoc(), p.label.raw)
		return
	}
	x.resolved[dupKey] = true
	switch p.spec.table {
	case 3:
		if p.spec.groupLabel != "" && p.spec.key == "" {
			// a local subtotal row of a group
			r := x.resolveT3(p, vals)
			r.note = "subtotal"
			x.t3Rows = append(x.t3Rows, r)
			return
		}
		r := x.resolveT3(p, vals)
		if p.ambiguous {
			for i := range r.cells {
				r.cells[i].Flags |= model.FlagUncertain
			}
			r.cands = nil
			x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("label %q holds the wording of two rows; its values are marked uncertain", p.label.raw), p.label.srcLoc(), p.label.raw, "t3."+p.spec.key)
		}
		x.t3Rows = append(x.t3Rows, r)
		if p.spec.key == "carried_forward" {
			x.t3Done = true
		}
	case 2:
		x.t2Rows = append(x.t2Rows, x.resolveT2(p, vals))
	}
}

// selectValues picks the value tokens that belong to the row.
func (x *extractor) selectValues(p *pending) []*token {
	vals := x.selBuf[:0]
	for _, v := range p.vals {
		if v.copyCol {
			continue
		}
		vals = append(vals, v)
	}
	x.selBuf = vals[:0] // keep the grown buffer for the next row
	if len(vals) == 0 {
		return nil
	}
	if vals[0].run {
		var out []*token
		for _, v := range vals {
			if v.run {
				out = append(out, v)
			}
		}
		return out
	}
	if p.label.grid {
		// values on the label's own printed row; if it has none, the next row's
		same, next := x.sameBuf[:0], x.nextBuf[:0]
		nextRow := -1
		for _, v := range vals {
			switch {
			case v.row == p.label.row:
				same = append(same, v)
			case nextRow == -1 || v.row == nextRow:
				nextRow = v.row
				next = append(next, v)
			}
		}
		x.sameBuf, x.nextBuf = same[:0], next[:0]
		if hasNonBlank(same) {
			vals = same
		} else if hasNonBlank(next) {
			vals = next
		} else {
			vals = same
		}
	}
	if len(vals) > 0 && !vals[0].aligned {
		// blank fields at either end of a text row are layout
		for len(vals) > 0 && isBlankTok(vals[0]) {
			vals = vals[1:]
			p.shifted++
		}
		for len(vals) > 0 && isBlankTok(vals[len(vals)-1]) {
			vals = vals[:len(vals)-1]
		}
	}
	return vals
}

func isBlankTok(t *token) bool {
	if t.blank || strings.TrimSpace(t.raw) == "" {
		return true
	}
	return !t.grid && ParseCell(t.raw, model.Loc{}).Kind == model.CellBlank
}

func hasNonBlank(ts []*token) bool {
	for _, t := range ts {
		if !isBlankTok(t) {
			return true
		}
	}
	return false
}

// cellsOf parses value tokens into cells.
func cellsOf(vals []*token) []model.Cell {
	out := make([]model.Cell, len(vals))
	for i, v := range vals {
		out[i] = ParseCell(v.raw, v.srcLoc())
	}
	return out
}

func rawOf(vals []*token) string {
	var parts []string
	for _, v := range vals {
		parts = append(parts, v.raw)
	}
	return strings.Join(parts, " | ")
}

// resolveT3 reads the seven values of a table-3 row.
func (x *extractor) resolveT3(p *pending, vals []*token) resolvedRow {
	const k = model.NumT3Cols
	r := resolvedRow{spec: p.spec, label: p.label}
	key := p.spec.key
	if vals[0].run {
		return x.resolveDigits(p, vals, k, rowTotalOK)
	}
	cells := cellsOf(vals)
	if len(cells) > k && vals[0].aligned {
		for len(cells) > k && cells[0].Kind == model.CellBlank {
			cells = cells[1:]
		}
	}
	if len(cells) > k {
		var nb []model.Cell
		for _, c := range cells {
			if c.Kind != model.CellBlank {
				nb = append(nb, c)
			}
		}
		if len(nb) == k {
			x.diag(model.DiagRaggedRepaired, model.SevInfo, fmt.Sprintf("row %s: %d fields for 7 columns; the blank fields were taken as layout", key, len(cells)), p.label.srcLoc(), rawOf(vals), "t3."+key)
			cells = nb
		}
	}
	switch {
	case len(cells) == k:
		r.cells = cells
		return r
	case len(cells) > k:
		r.cells = uncertainCells(cells, k, vals)
		x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("row %s: %d values for 7 columns; cannot tell which belong where", key, len(cells)), p.label.srcLoc(), rawOf(vals), "t3."+key)
		return r
	}
	cands, first, nPlacements, undetermined := raggedT3(cells)
	if len(cands) == 1 && !undetermined {
		out := make([]model.Cell, k)
		pl := first
		filled := map[int]bool{}
		for j, p := range pl {
			c := cells[j]
			c.Flags |= model.FlagRepaired
			out[p] = c
			filled[p] = true
		}
		for c := 0; c < k; c++ {
			if !filled[c] {
				out[c] = model.Cell{Kind: model.CellNumber, Num: cands[0][c], Src: p.label.srcLoc(), Flags: model.FlagRepaired | model.FlagInferred}
			}
		}
		r.cells = out
		how := "one placement"
		if nPlacements > 1 {
			how = strconv.Itoa(nPlacements) + " placements, all giving the same values"
		}
		x.diag(model.DiagRaggedRepaired, model.SevInfo, "row "+key+": "+strconv.Itoa(len(cells))+" values printed for 7 columns; the missing value was inferred from the row total ("+how+")", p.label.srcLoc(), rawOf(vals), "t3."+key)
		return r
	}
	r.cells = uncertainCells(cells, k, vals)
	if !undetermined && len(cands) > 1 {
		r.cands = cands
	}
	x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("row %s: %d values printed for 7 columns and %d readings fit the row total; cells marked uncertain", key, len(cells), max(len(cands), 2)), p.label.srcLoc(), rawOf(vals), "t3."+key)
	return r
}

// uncertainCells returns k cells marked uncertain, keeping the printed text.
func uncertainCells(cells []model.Cell, k int, vals []*token) []model.Cell {
	out := make([]model.Cell, k)
	raw := rawOf(vals)
	src := model.Loc{}
	if len(vals) > 0 {
		src = vals[0].srcLoc()
	}
	for i := range out {
		out[i] = model.Cell{Kind: model.CellText, Raw: raw, Src: src, Flags: model.FlagUncertain}
	}
	return out
}

// resolveDigits splits run-together digits into k cells.
func (x *extractor) resolveDigits(p *pending, vals []*token, k int, ok func([]int64) bool) resolvedRow {
	r := resolvedRow{spec: p.spec, label: p.label}
	groups := digitPieces(vals)
	src := vals[0].srcLoc()
	raw := rawOf(vals)
	name := p.spec.key
	if k == 1 {
		c := ParseCell(strings.TrimSpace(vals[0].raw), src)
		if len(vals) > 1 || len(groups) > 1 {
			c = model.Cell{Kind: model.CellText, Raw: raw, Src: src, Flags: model.FlagUncertain}
		}
		r.cells = []model.Cell{c}
		return r
	}
	var prune func([]int64) bool
	if k == 15 {
		prune = t4Partial
	}
	var cands [][]int64
	var pieces [][]string
	var truncated bool
	if k == model.NumT3Cols && p.spec.table == 3 {
		cands, pieces, truncated = splitRowTotal(groups, k)
	} else {
		cands, pieces, truncated = splitDigitsPruned(groups, k, ok, prune)
	}
	out := make([]model.Cell, k)
	if len(cands) == 0 || truncated {
		r.cells = uncertainCells(nil, k, vals)
		x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("row %s: digits %q printed without separators cannot be split into %d values that satisfy the table's identities", name, raw, k), src, raw)
		return r
	}
	unresolved := 0
	for c := 0; c < k; c++ {
		same := true
		for _, cd := range cands[1:] {
			if cd[c] != cands[0][c] {
				same = false
				break
			}
		}
		if same {
			out[c] = model.Cell{Kind: model.CellNumber, Raw: pieces[0][c], Num: model.Int(cands[0][c]), Src: src, Flags: model.FlagSplitDigits}
		} else {
			out[c] = model.Cell{Kind: model.CellText, Raw: raw, Src: src, Flags: model.FlagSplitDigits | model.FlagUncertain}
			unresolved++
		}
	}
	r.cells = out
	if len(cands) > 1 {
		for _, cd := range cands {
			c2 := make(candidate, k)
			for i, v := range cd {
				c2[i] = model.Int(v)
			}
			r.cands = append(r.cands, c2)
		}
	}
	if unresolved > 0 {
		x.diag(model.DiagRaggedUncertain, model.SevWarning, fmt.Sprintf("row %s: digits %q printed without separators split %d ways; %d cells uncertain", name, raw, len(cands), unresolved), src, raw)
	} else {
		x.diag(model.DiagDigitsSplit, model.SevInfo, fmt.Sprintf("row %s: digits %q printed without separators split into %d values by the row identity", name, raw, k), src, raw)
	}
	return r
}

// groupOf returns the table-3 group a row or group label puts the reader in.
func groupOf(spec *rowSpec) string {
	if spec.groupLabel != "" {
		return spec.groupLabel
	}
	switch k := spec.key; {
	case k == "granted", k == "partially_granted":
		return "results"
	case strings.HasPrefix(k, "denied."):
		return "三"
	case strings.HasPrefix(k, "unavailable."):
		return "四"
	case strings.HasPrefix(k, "not_processed."):
		return "五"
	case strings.HasPrefix(k, "other."):
		return "六"
	}
	return ""
}

package check

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"github.com/xxgk/nianbao/model"
	"golang.org/x/text/width"
)

// sigSize is the number of MinHash values kept per section.
const sigSize = 128

// Summary is the digest of one report that the cross-report rules need. It
// is small and JSON-serialisable, so that a batch can keep one per report
// (or write them out) instead of whole reports.
type Summary struct {
	Source  string              `json:"source,omitempty"`
	SHA256  string              `json:"sha256,omitempty"`
	Body    string              `json:"body,omitempty"`     // as printed
	BodyKey string              `json:"body_key,omitempty"` // NormalizeBody(Body)
	Year    int                 `json:"year,omitempty"`
	Format  model.FormatVersion `json:"format"`
	// CarriedOver and CarriedForward are table-3 rows R2 (上年结转) and R4
	// (结转下年度继续办理), seven cells in column order (T3ColumnKeys), with
	// their raw text and location; nil when the report has no table 3.
	CarriedOver    []model.Cell `json:"carried_over,omitempty"`
	CarriedForward []model.Cell `json:"carried_forward,omitempty"`
	// T3 fingerprints every table-3 cell; nil without table 3.
	T3 *T3Print `json:"t3,omitempty"`
	// Sections fingerprint the masked text of each section.
	Sections []SectionPrint `json:"sections,omitempty"`
}

// T3Print fingerprints the values of table 3.
type T3Print struct {
	Hash       string `json:"hash"`       // SHA-256 of every present cell's key and value
	Cells      int    `json:"cells"`      // present cells
	NonZero    bool   `json:"non_zero"`   // some cell is a number other than 0
	Unreadable int    `json:"unreadable"` // cells that cannot be evaluated (uncertain, text)
}

// SectionPrint fingerprints the text of one section for META-DUP-PRIOR:
// a MinHash signature of its 5-character shingles after masking years,
// numbers and place and body names.
type SectionPrint struct {
	ID      model.SectionID `json:"id"`
	Runes   int             `json:"runes"`   // masked length
	Excerpt string          `json:"excerpt"` // the start of the text as printed, for citing
	Src     model.Loc       `json:"src"`
	MinHash []uint32        `json:"minhash,omitempty"` // nil when too short to shingle
}

// proseSection lists the sections META-DUP-PRIOR compares. Sections 二, 三
// and 四 are the statistical tables with at most a line of prose; where a
// front end cannot separate a table from the text (crawler text runs a
// whole report together), their "text" is the official table wording,
// identical in every report, and would make unrelated reports look copied.
var proseSection = map[model.SectionID]bool{model.SecOverview: true, model.SecProblems: true, model.SecOther: true}

// Summarize extracts the facts the cross-report rules need from rep.
func Summarize(rep *model.Report) Summary {
	if rep == nil {
		return Summary{}
	}
	s := Summary{
		Source: rep.Source, SHA256: rep.SHA256, Body: rep.Meta.Body,
		BodyKey: NormalizeBody(rep.Meta.Body), Year: rep.Meta.Year, Format: rep.Format,
	}
	if t := rep.Requests; t != nil {
		s.CarriedOver = rowCells(&t.CarriedOver)
		s.CarriedForward = rowCells(&t.CarriedForward)
		s.T3 = t3Print(rep)
	}
	masks := bodyMasks(rep.Meta.Body)
	for _, sec := range rep.Sections {
		if !proseSection[sec.ID] {
			continue
		}
		masked := maskText(sec.Text, masks)
		sp := SectionPrint{ID: sec.ID, Runes: len(masked), Src: sec.Src, Excerpt: excerpt(sec.Text, 40)}
		sp.MinHash = minHash(masked)
		s.Sections = append(s.Sections, sp)
	}
	return s
}

func rowCells(ba *model.ByApplicant) []model.Cell {
	out := make([]model.Cell, model.NumT3Cols)
	for i := range out {
		out[i] = *ba.Col(i)
	}
	return out
}

func t3Print(rep *model.Report) *T3Print {
	h := sha256.New()
	p := &T3Print{}
	rep.EachCell(func(k string, c *model.Cell) {
		if !strings.HasPrefix(k, "t3.") || !c.Present() {
			return
		}
		p.Cells++
		v, _, ok := c.Eval()
		if !ok {
			p.Unreadable++
			fmt.Fprintf(h, "%s=?%s\n", k, c.Raw)
			return
		}
		if !v.IsZero() {
			p.NonZero = true
		}
		// Normalise the scale so that 3 and 3.0 compare equal.
		fmt.Fprintf(h, "%s=%g\n", k, v.Float64())
	})
	p.Hash = hex.EncodeToString(h.Sum(nil))
	return p
}

func excerpt(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// bodyMasks returns the strings to mask out of a body's own text: the name
// as printed, its key, and the key without its last administrative suffix.
func bodyMasks(body string) []string {
	if body == "" {
		return nil
	}
	key := NormalizeBody(body)
	m := []string{width.Fold.String(body), key}
	for _, suf := range []string{"街道", "苏木", "乡", "镇", "县", "区", "市", "旗"} {
		if stem := strings.TrimSuffix(key, suf); stem != key && len([]rune(stem)) >= 2 {
			m = append(m, stem)
			break
		}
	}
	// Longest first, so that the full name goes before its parts.
	slices.SortFunc(m, func(a, b string) int { return len(b) - len(a) })
	return m
}

// placeSuffixes end the place names masked by maskText (2 to 4 Han
// characters and one of these).
var placeSuffixes = [][]rune{[]rune("街道"), []rune("社区"), []rune("村"), []rune("乡"), []rune("镇"), []rune("县"), []rune("区"), []rune("市")}

// isNumeral reports whether r is a Chinese numeral character.
func isNumeral(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九十百千万亿两", r)
}

// maskText returns s without spaces, with full-width forms folded, and
// with the body's own names, other place names (2–4 Han characters and a
// suffix such as 镇, 村, 街道) and all numbers (years included, and Chinese
// numerals) replaced by placeholders, as runes.
func maskText(s string, masks []string) []rune {
	s = width.Fold.String(s)
	for _, m := range masks {
		if m != "" {
			s = strings.ReplaceAll(s, m, "□")
		}
	}
	in := []rune(s)
	out := make([]rune, 0, len(in))
	for i := 0; i < len(in); {
		r := in[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		if n := placeAt(in, i); n > 0 {
			out = append(out, '□')
			i += n
			continue
		}
		if r >= '0' && r <= '9' {
			i++
			for i < len(in) && in[i] >= '0' && in[i] <= '9' {
				i++
			}
			if i+1 < len(in) && in[i] == '.' && in[i+1] >= '0' && in[i+1] <= '9' {
				i++
				for i < len(in) && in[i] >= '0' && in[i] <= '9' {
					i++
				}
			}
			out = append(out, '#')
			continue
		}
		if isNumeral(r) {
			for i < len(in) && isNumeral(in[i]) {
				i++
			}
			out = append(out, '#')
			continue
		}
		out = append(out, r)
		i++
	}
	return out
}

// placeAt returns the length of the place name starting at in[i] (2 to 4
// Han characters, the shortest that is followed by a place suffix), or 0.
func placeAt(in []rune, i int) int {
	for k := 0; k < 4 && i+k < len(in); k++ {
		if !unicode.Is(unicode.Han, in[i+k]) {
			return 0
		}
		if k < 1 {
			continue
		}
		// in[i : i+k+1] are k+1 ≥ 2 Han characters; is a suffix next?
		for _, suf := range placeSuffixes {
			if hasRunes(in[i+k+1:], suf) {
				return k + 1 + len(suf)
			}
		}
	}
	return 0
}

func hasRunes(s, prefix []rune) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}

// shingleLen is the length of a shingle in runes.
const shingleLen = 5

// minHash returns the MinHash signature of the distinct shingles of r, or
// nil when r is shorter than a shingle.
func minHash(r []rune) []uint32 {
	if len(r) < shingleLen {
		return nil
	}
	sig := make([]uint32, sigSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	buf := make([]byte, 0, 4*shingleLen)
	for i := 0; i+shingleLen <= len(r); i++ {
		buf = buf[:0]
		for _, c := range r[i : i+shingleLen] {
			buf = append(buf, byte(c), byte(c>>8), byte(c>>16), byte(c>>24))
		}
		h.Reset()
		h.Write(buf)
		x := h.Sum64()
		// Multiply-shift hashing: one multiply and add per permutation.
		for j := range sig {
			v := uint32((x*seeds[j] + seeds[sigSize-1-j]) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// mix64 is the splitmix64 finaliser, used to derive independent hashes.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

var seeds = func() [sigSize]uint64 {
	var s [sigSize]uint64
	x := uint64(0x6e69616e62616f) // "nianbao"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x) | 1 // odd, for multiply-shift hashing
	}
	return s
}()

// firstBand returns the first LSH band in which two signatures agree, or -1.
func firstBand(a, b []uint32) int {
	for band := 0; band < sigSize/lshRows; band++ {
		if slices.Equal(a[band*lshRows:(band+1)*lshRows], b[band*lshRows:(band+1)*lshRows]) {
			return band
		}
	}
	return -1
}

// similarity estimates the Jaccard similarity of two signatures.
func similarity(a, b []uint32) float64 {
	if len(a) != sigSize || len(b) != sigSize {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / sigSize
}

// CrossFinding is a finding of a cross-report rule; Index is the position,
// in the slice given to CrossCheck, of the report the finding belongs to,
// or -1 for a rule that failed internally (its finding says so).
type CrossFinding struct {
	Index   int           `json:"index"`
	Finding model.Finding `json:"finding"`
}

// T3YoyCarry compares this year's 上年结转 with last year's 结转下年度.
var T3YoyCarry = &Rule{
	ID: "T3-YOY-CARRY",
	Doc: `carried over equals last year's carried forward

Requests a body carried forward at the end of year N−1 (table 3, R4) are
the ones it carries over into year N (R2), column by column. The rule
compares reports of the same body (NormalizeBody) for consecutive years,
across the 2019 and 2021 formats. Bodies merged or split in a reform may
break it legitimately, hence a warning. Evaluated by CrossCheck.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run:      crossOnly,
}

// T3YoyIdentical reports a table 3 copied from the previous year.
var T3YoyIdentical = &Rule{
	ID: "T3-YOY-IDENTICAL",
	Doc: `table 3 is identical to the previous year's

Every cell of table 3 equals the same body's report for the year before,
while some cell is not zero: the figures were most likely copied. Both
tables must show at least 20 rows.
Evaluated by CrossCheck.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run:      crossOnly,
}

// MetaDupPrior reports section text copied from another report.
var MetaDupPrior = &Rule{
	ID: "META-DUP-PRIOR",
	Doc: `section text nearly identical to another report's

A section's text is nearly the same as in the same body's report for the
previous year, or as in another body's report for the same year, once
years, numbers and place and body names are masked. Similarity is the
MinHash estimate of the Jaccard index of 5-character shingles; the
threshold and the minimum length are options. A finding's Actual is the
similarity (0.00–1.00), its Expected the threshold, and Related the other
report. Evaluated by CrossCheck.`,
	Severity: model.SevWarning,
	Run:      crossOnly,
}

// CrossRules lists the cross-report rules, in the order of their findings.
// Their Run does nothing: CrossCheck evaluates them on summaries.
var CrossRules = []*Rule{T3YoyCarry, T3YoyIdentical, MetaDupPrior}

func crossOnly(*Pass) {}

func init() {
	if err := Validate(append(slices.Clone(All), CrossRules...)); err != nil {
		panic("check: " + err.Error())
	}
}

// related names another report in a finding.
func related(s Summary) string {
	name := s.Source
	if name == "" {
		name = s.Body
	}
	if s.Year > 0 {
		return fmt.Sprintf("%s (%d)", name, s.Year)
	}
	return name
}

// CrossCheck applies the selected cross-report rules to the summaries of a
// batch and returns their findings ordered by report index, then rule,
// then column. Reports of the same body and year (copies of one report in
// several formats) are never compared with each other. CrossCheck never
// panics.
func CrossCheck(sums []Summary, opts Options) []CrossFinding {
	o := opts.normalized()
	var out []CrossFinding
	type yearKey struct {
		body string
		year int
	}
	byBodyYear := make(map[yearKey][]int)
	for i, s := range sums {
		if s.BodyKey != "" && s.Year > 0 {
			k := yearKey{s.BodyKey, s.Year}
			byBodyYear[k] = append(byBodyYear[k], i)
		}
	}
	prevOf := func(i int) []int {
		s := sums[i]
		if s.BodyKey == "" || s.Year <= 0 {
			return nil
		}
		return byBodyYear[yearKey{s.BodyKey, s.Year - 1}]
	}
	for ri, r := range CrossRules {
		if !o.selected(r.ID) {
			continue
		}
		func() {
			defer func() {
				if e := recover(); e != nil {
					out = append(out, CrossFinding{Index: -1, Finding: model.Finding{
						RuleID: r.ID, Severity: r.Severity, Status: model.StatusUncertain,
						Message:   fmt.Sprintf("规则运行出错，未能完成检查：%v", e),
						MessageEN: fmt.Sprintf("internal error: the rule panicked and was not completed: %v", e)}})
				}
			}()
			switch ri {
			case 0:
				out = append(out, crossCarry(sums, prevOf, &o)...)
			case 1:
				out = append(out, crossIdentical(sums, prevOf)...)
			case 2:
				out = append(out, crossDup(sums, prevOf, &o)...)
			}
		}()
	}
	rank := func(id string) int {
		for i, r := range CrossRules {
			if r.ID == id {
				return i
			}
		}
		return len(CrossRules)
	}
	slices.SortStableFunc(out, func(a, b CrossFinding) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		if c := rank(a.Finding.RuleID) - rank(b.Finding.RuleID); c != 0 {
			return c
		}
		if c := columnRank(a.Finding.Column) - columnRank(b.Finding.Column); c != 0 {
			return c
		}
		return strings.Compare(a.Finding.Column, b.Finding.Column)
	})
	return out
}

func hasTables(s Summary) bool {
	return s.Format == model.Format2019 || s.Format == model.Format2021
}

// firstPrev returns the first previous-year report that satisfies ok.
func firstPrev(prev []int, sums []Summary, ok func(Summary) bool) (int, bool) {
	for _, j := range prev {
		if ok(sums[j]) {
			return j, true
		}
	}
	return 0, false
}

func toRow(cells []model.Cell) *model.ByApplicant {
	var ba model.ByApplicant
	for i := 0; i < model.NumT3Cols && i < len(cells); i++ {
		*ba.Col(i) = cells[i]
	}
	return &ba
}

func crossCarry(sums []Summary, prevOf func(int) []int, o *Options) []CrossFinding {
	var out []CrossFinding
	for i, s := range sums {
		if !hasTables(s) || len(s.CarriedOver) != model.NumT3Cols {
			continue
		}
		j, ok := firstPrev(prevOf(i), sums, func(p Summary) bool {
			return hasTables(p) && len(p.CarriedForward) == model.NumT3Cols
		})
		if !ok {
			continue
		}
		p := sums[j]
		cur, prev := toRow(s.CarriedOver), toRow(p.CarriedForward)
		if !cur.Present() || !prev.Present() {
			continue // a missing row is T3-ROW-MISSING's business
		}
		pass := &Pass{Options: o, rule: T3YoyCarry, report: func(f model.Finding) {
			f.Related = related(p)
			out = append(out, CrossFinding{Index: i, Finding: f})
		}}
		for col := 0; col < model.NumT3Cols; col++ {
			checkIdentity(pass, identity{
				column: model.T3ColumnKeys[col], colZH: model.T3ColumnLabels[col], colEN: model.T3ColumnKeys[col],
				expZH: fmt.Sprintf("%d年度报告的结转下年度继续办理数", p.Year), expEN: fmt.Sprintf("carried forward in the %d report", p.Year),
				actZH: "本年度上年结转数", actEN: "carried over in this report",
				expOps: []operand{t3Op("carried_forward", prev, col)},
				actOps: []operand{t3Op("carried_over", cur, col)},
			})
		}
	}
	return out
}

// minIdenticalCells is the number of table-3 cells two reports must both
// show for T3-YOY-IDENTICAL: 20 of the 23 or 25 rows, so that two excerpts
// showing only the same first rows are not called copies.
const minIdenticalCells = 20 * model.NumT3Cols

func crossIdentical(sums []Summary, prevOf func(int) []int) []CrossFinding {
	var out []CrossFinding
	for i, s := range sums {
		if !hasTables(s) || s.T3 == nil || !s.T3.NonZero || s.T3.Cells < minIdenticalCells {
			continue
		}
		j, ok := firstPrev(prevOf(i), sums, func(p Summary) bool { return hasTables(p) && p.T3 != nil })
		if !ok || sums[j].T3.Hash != s.T3.Hash || (s.SHA256 != "" && s.SHA256 == sums[j].SHA256) {
			continue
		}
		p := sums[j]
		f := model.Finding{RuleID: T3YoyIdentical.ID, Severity: T3YoyIdentical.Severity, Related: related(p)}
		if s.T3.Unreadable > 0 {
			f.Status = model.StatusUncertain
			f.Message = fmt.Sprintf("表三与%d年度报告逐格相同，但有%d个单元格无法读取", p.Year, s.T3.Unreadable)
			f.MessageEN = fmt.Sprintf("table 3 matches the %d report cell for cell, but %d cell(s) could not be read", p.Year, s.T3.Unreadable)
		} else {
			f.Status = model.StatusFail
			f.Message = fmt.Sprintf("表三全部%d个单元格与%d年度报告完全相同，疑为照抄上年数据", s.T3.Cells, p.Year)
			f.MessageEN = fmt.Sprintf("all %d cells of table 3 are identical to the %d report: the figures were probably copied", s.T3.Cells, p.Year)
		}
		out = append(out, CrossFinding{Index: i, Finding: f})
	}
	return out
}

// dupMatch is the most similar other report found for one section.
type dupMatch struct {
	other int
	sim   float64
	prior bool // previous year, same body (else same year, other body)
	n     int  // how many other reports passed the threshold
}

const lshRows = 4 // signature rows per LSH band

func crossDup(sums []Summary, prevOf func(int) []int, o *Options) []CrossFinding {
	type secRef struct{ rep, sec, band int }
	// Candidate pairs by locality-sensitive hashing of the signatures, per
	// section ID: two sections share a bucket when a whole band agrees.
	buckets := make(map[uint64][]secRef)
	for i, s := range sums {
		for k, sp := range s.Sections {
			if sp.Runes < o.Dup.MinRunes || len(sp.MinHash) != sigSize {
				continue
			}
			idh := fnv.New64a()
			idh.Write([]byte(sp.ID))
			base := idh.Sum64()
			for b := 0; b < sigSize/lshRows; b++ {
				// A hash collision only adds a candidate, which the
				// similarity check below then rejects.
				key := mix64(base ^ uint64(b+1)*0x9e3779b97f4a7c15)
				for _, v := range sp.MinHash[b*lshRows : (b+1)*lshRows] {
					key = mix64(key ^ uint64(v))
				}
				buckets[key] = append(buckets[key], secRef{i, k, b})
			}
		}
	}
	type secKey struct{ rep, sec int }
	best := make(map[secKey]*dupMatch)
	for _, refs := range buckets {
		for x := 0; x < len(refs); x++ {
			for y := x + 1; y < len(refs); y++ {
				a, b := refs[x], refs[y]
				if a.rep == b.rep || a.band != b.band {
					continue
				}
				if a.rep > b.rep {
					a, b = b, a
				}
				sa, sb := sums[a.rep], sums[b.rep]
				// A pair agreeing in several bands is handled in the first.
				if firstBand(sa.Sections[a.sec].MinHash, sb.Sections[b.sec].MinHash) != a.band {
					continue
				}
				if sa.SHA256 != "" && sa.SHA256 == sb.SHA256 {
					continue
				}
				ka, kb := secKey{a.rep, a.sec}, secKey{b.rep, b.sec}
				sim := similarity(sa.Sections[a.sec].MinHash, sb.Sections[b.sec].MinHash)
				if sim < o.Dup.Threshold {
					continue
				}
				note := func(to, from secKey, prior bool) {
					m := best[to]
					if m == nil {
						m = &dupMatch{other: -1}
						best[to] = m
					}
					m.n++
					// Ties go to the previous year of the same body, then to
					// the first report in the batch, whatever the bucket order.
					better := m.other < 0 || sim > m.sim ||
						(sim == m.sim && prior && !m.prior) ||
						(sim == m.sim && prior == m.prior && from.rep < m.other)
					if better {
						m.other, m.sim, m.prior = from.rep, sim, prior
					}
				}
				switch {
				case sa.BodyKey == "" || sb.BodyKey == "":
					// Unknown body: cannot tell a copy of the same report apart.
				case sa.BodyKey == sb.BodyKey && sa.Year == sb.Year:
					// The same report in two files.
				case sa.BodyKey == sb.BodyKey && sb.Year == sa.Year+1:
					note(kb, ka, true)
				case sa.BodyKey == sb.BodyKey && sa.Year == sb.Year+1:
					note(ka, kb, true)
				case sa.BodyKey != sb.BodyKey && sa.Year == sb.Year && sa.Year > 0:
					note(ka, kb, false)
					note(kb, ka, false)
				}
			}
		}
	}
	var out []CrossFinding
	for ref, m := range best {
		s, other := sums[ref.rep], sums[m.other]
		sp := s.Sections[ref.sec]
		pct := int(m.sim*100 + 0.5)
		simDec := model.Decimal{Unscaled: int64(m.sim*100 + 0.5), Scale: 2}
		thr := model.Decimal{Unscaled: int64(o.Dup.Threshold*100 + 0.5), Scale: 2}
		title := model.SectionTitles[sp.ID]
		if title == "" {
			title = string(sp.ID)
		}
		var zh, en string
		if m.prior {
			zh = fmt.Sprintf("“%s”部分与本机关%d年度报告几乎相同（屏蔽年份、数字和地名后相似度约%d%%）", title, other.Year, pct)
			en = fmt.Sprintf("section %s is nearly identical to the same body's %d report (about %d%% similar once years, numbers and place names are masked)", sp.ID, other.Year, pct)
		} else {
			zh = fmt.Sprintf("“%s”部分与同年度%s的报告几乎相同（屏蔽年份、数字和地名后相似度约%d%%）", title, other.Body, pct)
			en = fmt.Sprintf("section %s is nearly identical to the same year's report of %s (about %d%% similar once years, numbers and place names are masked)", sp.ID, other.Body, pct)
		}
		if m.n > 1 {
			zh += fmt.Sprintf("，另有%d份报告相似度超过阈值", m.n-1)
			en += fmt.Sprintf("; %d more report(s) are above the threshold", m.n-1)
		}
		out = append(out, CrossFinding{Index: ref.rep, Finding: model.Finding{
			RuleID: MetaDupPrior.ID, Severity: MetaDupPrior.Severity, Status: model.StatusFail,
			Column: string(sp.ID), Expected: &thr, Actual: &simDec, Related: related(other),
			Cells:   []model.CellRef{{Key: "section." + string(sp.ID), Raw: sp.Excerpt, Kind: model.CellText, Src: sp.Src}},
			Message: zh, MessageEN: en,
		}})
	}
	// Map iteration is random: order by report, then section order.
	secRank := func(id string) int {
		for i, s := range model.SectionOrder {
			if string(s) == id {
				return i
			}
		}
		return len(model.SectionOrder)
	}
	slices.SortFunc(out, func(a, b CrossFinding) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return secRank(a.Finding.Column) - secRank(b.Finding.Column)
	})
	return out
}

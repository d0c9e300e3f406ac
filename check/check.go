package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/xxgk/nianbao/model"
)

// A Rule describes one audit rule. Rules are values; All lists them in
// order.
type Rule struct {
	// ID is the stable identifier of domain.md §7, e.g. "T3-BALANCE". It is
	// never reused for a different check.
	ID string
	// Doc is a title line (lower case, no final period, about 60 characters
	// at most), a blank line, and an explanation of the rule.
	Doc string
	// Severity is the severity of the rule's findings; a rule may lower it
	// for a particular finding (FMT-MISMATCH for report year 2019).
	Severity model.Severity
	// Formats lists the report formats the rule applies to; nil means every
	// format.
	Formats []model.FormatVersion
	// Run applies the rule to pass.Report and reports through pass.
	Run func(*Pass)
}

// Title returns the first line of the rule's Doc.
func (r *Rule) Title() string {
	t, _, _ := strings.Cut(r.Doc, "\n")
	return t
}

// applies reports whether the rule runs on reports of format f.
func (r *Rule) applies(f model.FormatVersion) bool {
	return r.Formats == nil || slices.Contains(r.Formats, f)
}

// A Pass is the input of one rule applied to one report, and the channel
// through which the rule reports its outcomes.
type Pass struct {
	// Report is the report under audit. Rules must not modify it.
	Report *model.Report
	// Options are the options of the run (never nil).
	Options *Options

	rule   *Rule
	report func(model.Finding)
}

// Fail reports that the rule does not hold. The runner stamps the rule ID,
// the rule's severity and status fail onto f.
func (p *Pass) Fail(f model.Finding) { p.emit(model.StatusFail, p.rule.Severity, f) }

// FailSeverity is Fail with a severity other than the rule's own.
func (p *Pass) FailSeverity(sev model.Severity, f model.Finding) {
	p.emit(model.StatusFail, sev, f)
}

// Uncertain reports that the rule could not be evaluated because some of
// the cells it needs are uncertain, unreadable or absent; f.Cells should
// name them.
func (p *Pass) Uncertain(f model.Finding) { p.emit(model.StatusUncertain, p.rule.Severity, f) }

// NotApplicable reports that the rule does not apply to the report, giving
// the reason in Chinese and English. The outcome is kept only when
// Options.IncludeNotApplicable is set.
func (p *Pass) NotApplicable(zh, en string) {
	if !p.Options.IncludeNotApplicable {
		return
	}
	p.emit(model.StatusNotApplicable, p.rule.Severity, model.Finding{Message: zh, MessageEN: en})
}

func (p *Pass) emit(st model.Status, sev model.Severity, f model.Finding) {
	f.RuleID = p.rule.ID
	f.Severity = sev
	f.Status = st
	p.report(f)
}

// MonthDay is a day of the year, without the year: a publication deadline
// that falls in the year after the report year.
type MonthDay struct {
	Month time.Month
	Day   int
}

// String renders the day as "MM-DD".
func (m MonthDay) String() string { return fmt.Sprintf("%02d-%02d", int(m.Month), m.Day) }

// MarshalText encodes the day as "MM-DD".
func (m MonthDay) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes "MM-DD" (or "M-D").
func (m *MonthDay) UnmarshalText(b []byte) error {
	v, err := ParseMonthDay(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMonthDay parses "MM-DD", e.g. "03-31", checking that the day exists
// in a leap year.
func ParseMonthDay(s string) (MonthDay, error) {
	var mo, d int
	if _, err := fmt.Sscanf(s, "%d-%d", &mo, &d); err != nil {
		return MonthDay{}, fmt.Errorf("month-day %q: want MM-DD", s)
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return MonthDay{}, fmt.Errorf("month-day %q out of range", s)
	}
	if t := time.Date(2024, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return MonthDay{}, fmt.Errorf("month-day %q: no such day", s)
	}
	return MonthDay{Month: time.Month(mo), Day: d}, nil
}

// in returns the date of m in year y (UTC midnight).
func (m MonthDay) in(y int) time.Time { return time.Date(y, m.Month, m.Day, 0, 0, 0, 0, time.UTC) }

// Deadlines are the publication deadlines used by PUB-LATE, each a day in
// the year after the report year.
type Deadlines struct {
	// Department applies to a department of a 县级以上 government (条例 Art. 49: 1月31日).
	Department MonthDay
	// Government applies to a 县级以上地方人民政府 (Art. 49: 3月31日).
	Government MonthDay
	// Township applies to 乡镇 governments and 街道办事处, whose dates are
	// set by local notices (default 3月31日).
	Township MonthDay
	// Legacy applies to every body for report years up to 2018 (old Art. 31: 3月31日).
	Legacy MonthDay
}

// DupOptions tune META-DUP-PRIOR.
type DupOptions struct {
	// Threshold is the estimated Jaccard similarity of two sections' masked
	// 5-character shingles at or above which they are reported (default 0.85).
	Threshold float64
	// MinRunes is the masked length below which a section is too short to
	// compare (default 80); it keeps "无" and one-line sections out.
	MinRunes int
}

// Options configure Run and CrossCheck.
type Options struct {
	// Only, if not empty, runs only the rules with these IDs.
	Only []string
	// Skip lists rule IDs not to run.
	Skip []string
	// IncludeNotApplicable also returns not_applicable outcomes.
	IncludeNotApplicable bool
	// Deadlines are PUB-LATE's deadlines per kind of body.
	Deadlines Deadlines
	// Now is the current time, for tests; zero means time.Now.
	Now time.Time
	// Dup tunes META-DUP-PRIOR; zero fields take their defaults.
	Dup DupOptions
}

// DefaultOptions returns the options used when none are given: every rule,
// the statutory deadlines, and the default duplicate-text threshold.
func DefaultOptions() Options {
	return Options{
		Deadlines: Deadlines{
			Department: MonthDay{time.January, 31},
			Government: MonthDay{time.March, 31},
			Township:   MonthDay{time.March, 31},
			Legacy:     MonthDay{time.March, 31},
		},
		Dup: DupOptions{Threshold: 0.85, MinRunes: 80},
	}
}

// normalized fills the zero fields of o with their defaults.
func (o Options) normalized() Options {
	d := DefaultOptions()
	fill := func(m *MonthDay, def MonthDay) {
		if m.Month == 0 || m.Day == 0 {
			*m = def
		}
	}
	fill(&o.Deadlines.Department, d.Deadlines.Department)
	fill(&o.Deadlines.Government, d.Deadlines.Government)
	fill(&o.Deadlines.Township, d.Deadlines.Township)
	fill(&o.Deadlines.Legacy, d.Deadlines.Legacy)
	if o.Dup.Threshold <= 0 || o.Dup.Threshold > 1 {
		o.Dup.Threshold = d.Dup.Threshold
	}
	if o.Dup.MinRunes <= 0 {
		o.Dup.MinRunes = d.Dup.MinRunes
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// selected reports whether the options select the rule with this ID.
func (o *Options) selected(id string) bool {
	if len(o.Only) > 0 && !slices.Contains(o.Only, id) {
		return false
	}
	return !slices.Contains(o.Skip, id)
}

// UnknownIDs returns the IDs named in o.Only or o.Skip that are not rules,
// so that a command line can reject a misspelt rule name.
func (o Options) UnknownIDs() []string {
	var out []string
	for _, id := range append(slices.Clone(o.Only), o.Skip...) {
		if Lookup(id) == nil && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Lookup returns the per-report or cross-report rule with the given ID,
// or nil.
func Lookup(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	for _, r := range CrossRules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)+$`)

// Validate checks a list of rules: IDs well formed and unique, a Doc with a
// short title line followed by a blank line, a Run function, and a known
// severity.
func Validate(rules []*Rule) error {
	seen := make(map[string]bool)
	for i, r := range rules {
		if r == nil {
			return fmt.Errorf("rule %d is nil", i)
		}
		if !idPattern.MatchString(r.ID) {
			return fmt.Errorf("rule %q: malformed ID", r.ID)
		}
		if seen[r.ID] {
			return fmt.Errorf("rule %q: duplicate ID", r.ID)
		}
		seen[r.ID] = true
		if r.Run == nil {
			return fmt.Errorf("rule %q has nil Run", r.ID)
		}
		if r.Severity > model.SevError {
			return fmt.Errorf("rule %q: unknown severity %d", r.ID, r.Severity)
		}
		title, rest, ok := strings.Cut(r.Doc, "\n")
		switch {
		case title == "":
			return fmt.Errorf("rule %q: empty Doc title", r.ID)
		case len([]rune(title)) > 64:
			return fmt.Errorf("rule %q: Doc title longer than 64 characters", r.ID)
		case strings.HasSuffix(title, "."):
			return fmt.Errorf("rule %q: Doc title ends with a period", r.ID)
		case title[0] >= 'A' && title[0] <= 'Z' && !isAcronymStart(title):
			return fmt.Errorf("rule %q: Doc title starts with a capital", r.ID)
		case !ok || !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "":
			return fmt.Errorf("rule %q: Doc needs a blank line and an explanation after the title", r.ID)
		}
	}
	return nil
}

// isAcronymStart reports whether s starts with an all-capital word such as
// "R1" or "T3", which a title may begin with.
func isAcronymStart(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	return len(w) > 1 && strings.ToUpper(w) == w
}

// Run applies the selected rules to rep and returns their findings ordered
// by rule (the order of All), then column, then the key of the first cell
// cited. Passing rules produce nothing. Run never panics: a rule that
// panics yields an uncertain finding saying so. Rules keep no state, so Run
// may be called from several goroutines at once.
func Run(rep *model.Report, opts Options) []model.Finding {
	if rep == nil {
		return nil
	}
	o := opts.normalized()
	type ranked struct {
		rule int
		seq  int
		f    model.Finding
	}
	var out []ranked
	for ri, r := range All {
		if !o.selected(r.ID) {
			continue
		}
		add := func(f model.Finding) { out = append(out, ranked{ri, len(out), f}) }
		pass := &Pass{Report: rep, Options: &o, rule: r, report: add}
		if !r.applies(rep.Format) {
			if !o.IncludeNotApplicable {
				continue // NotApplicable would drop it: skip formatting the reason
			}
			pass.NotApplicable(
				fmt.Sprintf("本规则不适用于%s格式的报告", formatZH(rep.Format)),
				fmt.Sprintf("the rule does not apply to reports in the %s format", rep.Format))
			continue
		}
		runRule(pass)
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		if a.rule != b.rule {
			return a.rule - b.rule
		}
		if c := columnRank(a.f.Column) - columnRank(b.f.Column); c != 0 {
			return c
		}
		if c := strings.Compare(a.f.Column, b.f.Column); c != 0 {
			return c
		}
		if c := strings.Compare(firstKey(a.f), firstKey(b.f)); c != 0 {
			return c
		}
		return a.seq - b.seq
	})
	fs := make([]model.Finding, len(out))
	for i, r := range out {
		fs[i] = r.f
	}
	return fs
}

// runRule runs one rule, turning a panic into an uncertain finding.
func runRule(p *Pass) {
	defer func() {
		if e := recover(); e != nil {
			p.emit(model.StatusUncertain, p.rule.Severity, model.Finding{
				Message:   fmt.Sprintf("规则运行出错，未能完成检查：%v", e),
				MessageEN: fmt.Sprintf("internal error: the rule panicked and was not completed: %v", e),
			})
		}
	}()
	p.rule.Run(p)
}

// columnRank orders finding columns: table-3 columns, then table-4 groups,
// then anything else (alphabetically, by the caller).
func columnRank(col string) int {
	if col == "" {
		return -1
	}
	for i, k := range model.T3ColumnKeys {
		if k == col {
			return i
		}
	}
	for i, k := range model.T4GroupKeys {
		if k == col {
			return model.NumT3Cols + i
		}
	}
	for i, k := range otherColumns {
		if k == col {
			return 20 + i
		}
	}
	return 100
}

// otherColumns are the remaining finding columns in printed order: table-2
// rows, then the report-level columns.
var otherColumns = []string{"rules", "normative", "licensing", "other_services", "penalty", "coercion", "fees", "procurement",
	"format", "sections", "t2", "t3", "t4", "published_at", "meta.title",
	"section.overview", "section.active_disclosure", "section.requests", "section.review_litigation", "section.problems", "section.other"}

func firstKey(f model.Finding) string {
	if len(f.Cells) == 0 {
		return ""
	}
	return f.Cells[0].Key
}

func formatZH(f model.FormatVersion) string {
	switch f {
	case model.Format2019:
		return "2019年版"
	case model.Format2021:
		return "2021年版"
	case model.FormatLegacy:
		return "2019年以前（无统一表格）"
	}
	return "未能识别"
}

// tableFormats are the formats whose reports carry the national tables.
var tableFormats = []model.FormatVersion{model.Format2019, model.Format2021}

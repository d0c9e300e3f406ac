package audit

import (
	"sort"
	"time"

	"github.com/xxgk/nianbao/model"
)

// RuleCount counts one rule's findings.
type RuleCount struct {
	Rule      string         `json:"rule"`
	Severity  model.Severity `json:"severity"`  // the most serious seen
	Findings  int            `json:"findings"`  // status fail
	Uncertain int            `json:"uncertain"` // status uncertain: the rule could not be evaluated
	Reports   int            `json:"reports"`   // reports with at least one failing finding of the rule
}

// GroupCount counts the reports of one year or one body level.
type GroupCount struct {
	Key        string `json:"key"`
	Reports    int    `json:"reports"`
	Failed     int    `json:"failed"`
	WithErrors int    `json:"with_errors"` // reports with an error-severity finding
	Findings   int    `json:"findings"`
}

// Stats aggregates a run, including records carried over by a resume.
type Stats struct {
	Inputs       int            `json:"inputs"`  // records of kind report
	Reports      int            `json:"reports"` // parsed (ok)
	Failed       int            `json:"failed"`
	Resumed      int            `json:"resumed"` // taken from the output of an earlier run
	Abandoned    int            `json:"abandoned"`
	FailedByKind map[string]int `json:"failed_by_kind"`
	Findings     [3]int         `json:"findings_by_severity"` // failing findings: info, warning, error
	Uncertain    int            `json:"uncertain_findings"`   // rules that could not be evaluated
	WithErrors   int            `json:"reports_with_errors"`  // reports with a failing error-severity finding
	Elapsed      time.Duration  `json:"elapsed"`

	rules    map[string]*RuleCount
	years    map[string]*GroupCount
	levels   map[string]*GroupCount
	errFiles map[string]bool // file → has an error finding (counted once)
	// FailedFiles and ErrorFiles keep the first few names for the summary.
	FailedFiles []string `json:"-"`
	ErrorFiles  []string `json:"-"`
}

const keepNames = 50

func newStats() *Stats {
	return &Stats{FailedByKind: map[string]int{}, rules: map[string]*RuleCount{},
		years: map[string]*GroupCount{}, levels: map[string]*GroupCount{}, errFiles: map[string]bool{}}
}

func (s *Stats) group(m map[string]*GroupCount, key string) *GroupCount {
	g := m[key]
	if g == nil {
		g = &GroupCount{Key: key}
		m[key] = g
	}
	return g
}

func yearKey(y int) string {
	if y == 0 {
		return "unknown"
	}
	return itoa(y)
}

func levelKey(l string) string {
	if l == "" {
		return "unknown"
	}
	return l
}

// add counts a record. Cross records add findings only.
func (s *Stats) add(r *Record) {
	yg := s.group(s.years, yearKey(r.Year()))
	lg := s.group(s.levels, levelKey(r.Level()))
	if r.Kind == KindReport {
		s.Inputs++
		if r.Error != nil {
			s.Failed++
			yg.Failed++
			lg.Failed++
			s.FailedByKind[r.Error.Kind]++
			if len(s.FailedFiles) < keepNames {
				s.FailedFiles = append(s.FailedFiles, r.File+": "+r.Error.Kind+": "+firstLine(r.Error.Message))
			}
		}
		if r.OK {
			s.Reports++
			yg.Reports++
			lg.Reports++
		}
	}
	seen := map[string]bool{}
	hasErr := false
	for _, f := range r.Findings {
		rc := s.rules[f.RuleID]
		if rc == nil {
			rc = &RuleCount{Rule: f.RuleID, Severity: f.Severity}
			s.rules[f.RuleID] = rc
		}
		if f.Status != model.StatusFail {
			if f.Status == model.StatusUncertain {
				s.Uncertain++
				rc.Uncertain++
			}
			continue
		}
		if int(f.Severity) < len(s.Findings) {
			s.Findings[f.Severity]++
		}
		yg.Findings++
		lg.Findings++
		rc.Findings++
		if f.Severity > rc.Severity {
			rc.Severity = f.Severity
		}
		if !seen[f.RuleID] {
			seen[f.RuleID] = true
			rc.Reports++
		}
		if f.Severity == model.SevError {
			hasErr = true
		}
	}
	if hasErr && !s.errFiles[r.File+"\x00"+r.SHA256] {
		s.errFiles[r.File+"\x00"+r.SHA256] = true
		s.WithErrors++
		yg.WithErrors++
		lg.WithErrors++
		if len(s.ErrorFiles) < keepNames {
			s.ErrorFiles = append(s.ErrorFiles, r.File)
		}
	}
}

// Rules returns the per-rule counts, most findings first.
func (s *Stats) Rules() []RuleCount {
	out := make([]RuleCount, 0, len(s.rules))
	for _, r := range s.rules {
		if r.Findings+r.Uncertain > 0 {
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Severity != out[j].Severity {
			return out[i].Severity > out[j].Severity
		}
		if out[i].Reports != out[j].Reports {
			return out[i].Reports > out[j].Reports
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// Years returns the per-year counts in year order.
func (s *Stats) Years() []GroupCount { return sortedGroups(s.years) }

// Levels returns the per-body-level counts in name order.
func (s *Stats) Levels() []GroupCount { return sortedGroups(s.levels) }

func sortedGroups(m map[string]*GroupCount) []GroupCount {
	out := make([]GroupCount, 0, len(m))
	for _, g := range m {
		if g.Reports+g.Failed+g.Findings == 0 {
			continue
		}
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// ExitCode returns the command's exit status for the run: 1 when an input
// failed or a report has a failing error-severity finding, else 0. Findings
// whose status is uncertain (the rule could not be evaluated) do not count.
func (s *Stats) ExitCode() int {
	if s.Failed > 0 || s.WithErrors > 0 {
		return 1
	}
	return 0
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

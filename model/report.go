package model

import (
	"fmt"
	"time"
)

// FormatVersion is the national format a report's tables follow.
type FormatVersion uint8

// The format versions of domain.md §2.
const (
	FormatUnknown FormatVersion = iota
	FormatLegacy                // 2008–2018: free outline and local 统计表
	Format2019                  // 国办公开办函〔2019〕60号 (试行): reports for 2019, 2020
	Format2021                  // 国办公开办函〔2021〕30号: reports for 2021 on
)

var formatNames = [...]string{"unknown", "legacy", "2019", "2021"}

// String returns "unknown", "legacy", "2019" or "2021" (the meta.format values).
func (f FormatVersion) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// MarshalText encodes the format by name.
func (f FormatVersion) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText decodes a format name.
func (f *FormatVersion) UnmarshalText(b []byte) error {
	for i, n := range formatNames {
		if n == string(b) {
			*f = FormatVersion(i)
			return nil
		}
	}
	return fmt.Errorf("unknown format %q", b)
}

// ExpectedFormat returns the format a report for the given year should use.
func ExpectedFormat(year int) FormatVersion {
	switch {
	case year <= 0:
		return FormatUnknown
	case year >= 2021:
		return Format2021
	case year >= 2019:
		return Format2019
	}
	return FormatLegacy
}

// SectionID identifies one of the six sections of the 2019/2021 outline.
type SectionID string

// The six sections (domain.md §2.2), in order.
const (
	SecOverview         SectionID = "overview"          // 一、总体情况
	SecActiveDisclosure SectionID = "active_disclosure" // 二、主动公开政府信息情况
	SecRequests         SectionID = "requests"          // 三、收到和处理政府信息公开申请情况
	SecReviewLitigation SectionID = "review_litigation" // 四、政府信息公开行政复议、行政诉讼情况
	SecProblems         SectionID = "problems"          // 五、存在的主要问题及改进情况
	SecOther            SectionID = "other"             // 六、其他需要报告的事项
)

// SectionOrder lists the six sections in their official order.
var SectionOrder = []SectionID{SecOverview, SecActiveDisclosure, SecRequests, SecReviewLitigation, SecProblems, SecOther}

// SectionTitles are the official headings of the six sections.
var SectionTitles = map[SectionID]string{
	SecOverview:         "一、总体情况",
	SecActiveDisclosure: "二、主动公开政府信息情况",
	SecRequests:         "三、收到和处理政府信息公开申请情况",
	SecReviewLitigation: "四、政府信息公开行政复议、行政诉讼情况",
	SecProblems:         "五、存在的主要问题及改进情况",
	SecOther:            "六、其他需要报告的事项",
}

// Section is the text of one section of the report.
type Section struct {
	ID      SectionID `json:"id"`
	Heading string    `json:"heading"` // the heading as printed
	Text    string    `json:"text"`    // the prose under it (tables excluded), paragraphs joined by "\n"
	Src     Loc       `json:"src"`     // where the heading is
}

// BodyLevel is the administrative level of the issuing body.
type BodyLevel string

// Body levels.
const (
	LevelUnknown    BodyLevel = ""
	LevelProvince   BodyLevel = "province"
	LevelCity       BodyLevel = "city"
	LevelCounty     BodyLevel = "county"
	LevelTownship   BodyLevel = "township"
	LevelDepartment BodyLevel = "department"
)

// Meta is what the report says about itself.
type Meta struct {
	Title        string     `json:"title,omitempty"`
	Year         int        `json:"year,omitempty"` // report (statistics) year
	Body         string     `json:"body,omitempty"` // issuing body as printed
	Level        BodyLevel  `json:"level,omitempty"`
	IsGovernment bool       `json:"is_government,omitempty"` // a 人民政府 (or 管委会 acting as one), not a department
	PublishedAt  *time.Time `json:"published_at,omitempty"`
	BasisCited   []string   `json:"basis_cited,omitempty"` // 文号 cited, normalised: "国办公开办函〔2021〕30号"
	SourceURL    string     `json:"source_url,omitempty"`
	IndexNo      string     `json:"index_no,omitempty"` // 索引号
}

// Report is a parsed annual report.
type Report struct {
	Source      string                `json:"source,omitempty"` // file name or "-" as given
	Input       string                `json:"input"`            // input format: text, markdown, html, pdf, docx
	SHA256      string                `json:"sha256,omitempty"` // of the input bytes
	Meta        Meta                  `json:"meta"`
	Format      FormatVersion         `json:"format"`
	Sections    []Section             `json:"sections,omitempty"`
	Active21    *ActiveDisclosure2021 `json:"table2_2021,omitempty"`
	Active19    *ActiveDisclosure2019 `json:"table2_2019,omitempty"`
	Requests    *RequestTable         `json:"table3,omitempty"`
	Review      *ReviewLitigation     `json:"table4,omitempty"`
	Legacy      *LegacyFigures        `json:"legacy,omitempty"`
	Diagnostics []Diagnostic          `json:"diagnostics,omitempty"`
	Findings    []Finding             `json:"findings,omitempty"`
}

// Section returns the section with the given ID, or nil.
func (r *Report) Section(id SectionID) *Section {
	for i := range r.Sections {
		if r.Sections[i].ID == id {
			return &r.Sections[i]
		}
	}
	return nil
}

// Severity is how serious a finding or diagnostic is.
type Severity uint8

// Severities, from least to most serious.
const (
	SevInfo Severity = iota
	SevWarning
	SevError
)

var sevNames = [...]string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(sevNames) {
		return sevNames[s]
	}
	return "unknown"
}

// MarshalText encodes the severity by name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range sevNames {
		if n == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("unknown severity %q", b)
}

// Status is the outcome of a rule.
type Status uint8

// Rule outcomes. Passing rules produce no finding.
const (
	StatusFail          Status = iota // the rule does not hold
	StatusUncertain                   // the rule could not be evaluated: cells are uncertain or unreadable
	StatusNotApplicable               // the rule does not apply (e.g. no publication date); reported only on request
)

var statusNames = [...]string{"fail", "uncertain", "not_applicable"}

// String returns "fail", "uncertain" or "not_applicable".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// MarshalText encodes the status by name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a status name.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("unknown status %q", b)
}

// CellRef cites one cell in a finding.
type CellRef struct {
	Key         string   `json:"key"`                    // flat key, e.g. t3.granted.total
	Raw         string   `json:"raw"`                    // text as printed
	Kind        CellKind `json:"kind"`                   // what was printed
	Src         Loc      `json:"src"`                    // where
	ImpliedZero bool     `json:"implied_zero,omitempty"` // blank/dash/无 evaluated as 0
	Uncertain   bool     `json:"uncertain,omitempty"`    // not placed with certainty
}

// Finding is one rule outcome about the report itself (not about extraction).
type Finding struct {
	RuleID    string    `json:"rule"`
	Severity  Severity  `json:"severity"`
	Status    Status    `json:"status"`
	Column    string    `json:"column,omitempty"` // column key the finding is about, if any
	Expected  *Decimal  `json:"expected,omitempty"`
	Actual    *Decimal  `json:"actual,omitempty"`
	Cells     []CellRef `json:"cells,omitempty"`
	Message   string    `json:"message"`    // Chinese
	MessageEN string    `json:"message_en"` // English
	// Related names another report for cross-report rules (its file and year).
	Related string `json:"related,omitempty"`
}

// String renders a finding on one line.
func (f Finding) String() string {
	s := fmt.Sprintf("%s %s %s", f.Severity, f.RuleID, f.Status)
	if f.Column != "" {
		s += " [" + f.Column + "]"
	}
	return s + ": " + f.MessageEN
}

// Diagnostic is a note about extraction: what the parser had to repair or
// could not place. It says nothing about the report's correctness.
type Diagnostic struct {
	Code     string   `json:"code"` // e.g. ragged-row-repaired, ragged-row-uncertain, row-not-found
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Keys     []string `json:"keys,omitempty"` // flat keys affected
	Raw      string   `json:"raw,omitempty"`  // the source text concerned
	Src      Loc      `json:"src"`
}

// Diagnostic codes used across front ends and the table mapper.
const (
	DiagRaggedRepaired  = "ragged-row-repaired"  // a short or shifted row was placed by the identities (unique)
	DiagRaggedUncertain = "ragged-row-uncertain" // several placements fit: cells marked uncertain
	DiagCellsShifted    = "cells-shifted"        // empty fields of a text row between label and values taken as layout
	DiagDigitsSplit     = "digits-split"         // a run of digits was split into cells by the identities
	DiagRowNotFound     = "row-not-found"        // an expected row label was not found
	DiagRowDuplicate    = "row-duplicate"        // a row label matched twice; the first was kept
	DiagLabelRepaired   = "label-repaired"       // a label split over lines or misspelt was recognised
	DiagExtraRow        = "extra-row"            // a non-standard row kept verbatim
	DiagTableNotFound   = "table-not-found"      // a statistical table was not found
	DiagCharset         = "charset"              // the input charset was detected, not declared
	DiagFrontEnd        = "front-end"            // a front-end note (page chrome dropped, a page without text…)
)

package audit

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/nianbao/model"
)

// KeyTotals are the cells shown as columns in the CSV and in the Reports
// sheet: the totals a researcher looks at first.
var KeyTotals = []string{
	"t3.new_received.total", "t3.carried_over.total", "t3.results_total.total", "t3.carried_forward.total",
	"t4.review.total", "t4.litigation_direct.total", "t4.litigation_after_review.total",
}

// reportHeader is the header row of the CSV and of the Reports sheet.
func reportHeader() []string {
	h := []string{"kind", "file", "sha256", "ok", "error_kind", "error", "input", "body", "level", "year", "format"}
	h = append(h, KeyTotals...)
	return append(h, "errors", "warnings", "infos", "uncertain", "rules", "diagnostics", "uncertain_cells", "duration_ms")
}

// reportRow renders a record as a row of reportHeader.
func reportRow(r *Record) []string {
	row := make([]string, 0, 24)
	var ek, em string
	if r.Error != nil {
		ek, em = r.Error.Kind, firstLine(r.Error.Message)
	}
	var body, level, year string
	if r.Meta != nil {
		body, level = r.Meta.Body, string(r.Meta.Level)
		if r.Meta.Year != 0 {
			year = strconv.Itoa(r.Meta.Year)
		}
	}
	row = append(row, r.Kind, r.File, r.SHA256, strconv.FormatBool(r.OK), ek, em, r.Input, body, level, year, r.Format)
	for _, k := range KeyTotals {
		row = append(row, cellText(r, k))
	}
	var n [3]int
	unc := 0
	var failed []model.Finding
	for _, f := range r.Findings {
		switch {
		case f.Status == model.StatusUncertain:
			unc++
		case f.Status == model.StatusFail && int(f.Severity) < 3:
			n[f.Severity]++
			failed = append(failed, f)
		}
	}
	dur := ""
	if r.Kind == KindReport {
		dur = strconv.FormatFloat(r.DurationMS, 'f', 1, 64)
	}
	return append(row, strconv.Itoa(n[model.SevError]), strconv.Itoa(n[model.SevWarning]), strconv.Itoa(n[model.SevInfo]), strconv.Itoa(unc),
		strings.Join(ruleIDs(failed), " "), strconv.Itoa(len(r.Diagnostics)), strconv.Itoa(len(r.Uncertain)), dur)
}

// cellText renders a flat-map value: "" when absent, "null" when printed
// blank or as a dash, "?" when uncertain.
func cellText(r *Record, key string) string {
	v, ok := r.Cells[key]
	if !ok {
		for _, u := range r.Uncertain {
			if u == key {
				return "?"
			}
		}
		return ""
	}
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

// ruleIDs lists the distinct rule IDs of the findings, sorted.
func ruleIDs(fs []model.Finding) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.RuleID] {
			seen[f.RuleID] = true
			out = append(out, f.RuleID)
		}
	}
	sort.Strings(out)
	return out
}

// findingHeader is the header of the Findings sheet.
func findingHeader() []string {
	return []string{"kind", "file", "body", "year", "rule", "severity", "status", "column", "expected", "actual", "message", "message_en", "related", "cells"}
}

// findingRow renders one finding with its cells' raw text and location.
func findingRow(r *Record, f *model.Finding) []string {
	var body, year string
	if r.Meta != nil {
		body = r.Meta.Body
		if r.Meta.Year != 0 {
			year = strconv.Itoa(r.Meta.Year)
		}
	}
	dec := func(d *model.Decimal) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	var cells []string
	for _, c := range f.Cells {
		s := c.Key + " = " + strconv.Quote(c.Raw)
		if !c.Src.IsZero() {
			s += " @ " + c.Src.String()
		}
		if c.ImpliedZero {
			s += " (blank as 0)"
		}
		if c.Uncertain {
			s += " (uncertain)"
		}
		cells = append(cells, s)
	}
	return []string{r.Kind, r.File, body, year, f.RuleID, f.Severity.String(), f.Status.String(), f.Column,
		dec(f.Expected), dec(f.Actual), f.Message, f.MessageEN, f.Related, strings.Join(cells, "\n")}
}

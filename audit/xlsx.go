package audit

import (
	"fmt"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// XLSXSink writes a workbook with three sheets: Reports (one row per report
// and cross record), Findings (one row per finding with its cells' raw text
// and location) and Summary (counts by rule, by year and by body level).
// Rows are streamed, so memory stays bounded; the file is written on Close.
type XLSXSink struct {
	path     string
	f        *excelize.File
	reports  *excelize.StreamWriter
	findings *excelize.StreamWriter
	nRep     int
	nFind    int
}

// maxCell is Excel's limit on the characters of a cell.
const maxCell = 32767

// CreateXLSX prepares a workbook that Close writes to path.
func CreateXLSX(path string) (*XLSXSink, error) {
	f := excelize.NewFile()
	s := &XLSXSink{path: path, f: f}
	if err := f.SetSheetName("Sheet1", "Reports"); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("Findings"); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("Summary"); err != nil {
		return nil, err
	}
	var err error
	if s.reports, err = f.NewStreamWriter("Reports"); err != nil {
		return nil, err
	}
	if s.findings, err = f.NewStreamWriter("Findings"); err != nil {
		return nil, err
	}
	if err := s.reports.SetRow("A1", row(reportHeader())); err != nil {
		return nil, err
	}
	if err := s.findings.SetRow("A1", row(findingHeader())); err != nil {
		return nil, err
	}
	s.nRep, s.nFind = 1, 1
	return s, nil
}

func row(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		if len(c) > maxCell {
			c = c[:maxCell]
		}
		out[i] = c
	}
	return out
}

// Write adds the record's row and its findings' rows.
func (s *XLSXSink) Write(r *Record) error {
	s.nRep++
	if err := s.reports.SetRow("A"+strconv.Itoa(s.nRep), row(reportRow(r))); err != nil {
		return err
	}
	for i := range r.Findings {
		s.nFind++
		if err := s.findings.SetRow("A"+strconv.Itoa(s.nFind), row(findingRow(r, &r.Findings[i]))); err != nil {
			return err
		}
	}
	return nil
}

// Close writes the Summary sheet and saves the workbook.
func (s *XLSXSink) Close(st *Stats) error {
	if err := s.reports.Flush(); err != nil {
		return err
	}
	if err := s.findings.Flush(); err != nil {
		return err
	}
	if st != nil {
		if err := s.summary(st); err != nil {
			return err
		}
	}
	// Write through our own file: SaveAs creates it executable (0755).
	out, err := os.OpenFile(s.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := s.f.WriteTo(out); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return s.f.Close()
}

func (s *XLSXSink) summary(st *Stats) error {
	sw, err := s.f.NewStreamWriter("Summary")
	if err != nil {
		return err
	}
	n := 0
	put := func(cells ...any) error {
		n++
		return sw.SetRow("A"+strconv.Itoa(n), cells)
	}
	steps := []func() error{
		func() error { return put("inputs", st.Inputs) },
		func() error { return put("reports parsed", st.Reports) },
		func() error { return put("inputs failed", st.Failed) },
		func() error { return put("reports with error findings", st.WithErrors) },
		func() error {
			return put("findings: error / warning / info", st.Findings[2], st.Findings[1], st.Findings[0])
		},
	}
	for _, f := range steps {
		if err := f(); err != nil {
			return err
		}
	}
	for k, v := range st.FailedByKind {
		if err := put("failed: "+k, v); err != nil {
			return err
		}
	}
	if err := put(); err != nil {
		return err
	}
	if err := put("rule", "severity", "findings", "reports", "uncertain"); err != nil {
		return err
	}
	for _, r := range st.Rules() {
		if err := put(r.Rule, r.Severity.String(), r.Findings, r.Reports, r.Uncertain); err != nil {
			return err
		}
	}
	for _, g := range []struct {
		name string
		rows []GroupCount
	}{{"year", st.Years()}, {"body level", st.Levels()}} {
		if err := put(); err != nil {
			return err
		}
		if err := put(g.name, "reports", "failed", "with error findings", "findings"); err != nil {
			return err
		}
		for _, c := range g.rows {
			if err := put(c.Key, c.Reports, c.Failed, c.WithErrors, c.Findings); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("audit: summary sheet: %w", err)
	}
	return nil
}

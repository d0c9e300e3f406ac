package audit

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
)

// CSVSink writes one row per report (and one per cross record), UTF-8 with a
// byte-order mark so that Excel shows the Chinese text.
type CSVSink struct {
	bw *bufio.Writer
	cw *csv.Writer
	f  *os.File
}

// NewCSVSink writes the BOM and the header to w.
func NewCSVSink(w io.Writer) (*CSVSink, error) {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return nil, err
	}
	s := &CSVSink{bw: bw, cw: csv.NewWriter(bw)}
	if err := s.cw.Write(reportHeader()); err != nil {
		return nil, err
	}
	return s, s.flush()
}

// CreateCSV creates the file at path.
func CreateCSV(path string) (*CSVSink, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	s, err := NewCSVSink(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.f = f
	return s, nil
}

func (s *CSVSink) flush() error {
	s.cw.Flush()
	if err := s.cw.Error(); err != nil {
		return err
	}
	return s.bw.Flush()
}

// Write writes the record's row; rows reach the file whole, one at a time.
func (s *CSVSink) Write(r *Record) error {
	if err := s.cw.Write(reportRow(r)); err != nil {
		return err
	}
	return s.flush()
}

// Close flushes and closes the file.
func (s *CSVSink) Close(*Stats) error {
	err := s.flush()
	if s.f != nil {
		if cerr := s.f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// JSONLSink writes one JSON object per line. Each record is encoded in
// full and written with a single Write call, so an interrupted run leaves
// complete lines plus at most one truncated last line, which LoadResume drops.
type JSONLSink struct {
	w    io.Writer
	f    *os.File
	buf  bytes.Buffer
	enc  *json.Encoder
	sync int
}

// NewJSONLSink writes records to w.
func NewJSONLSink(w io.Writer) *JSONLSink {
	s := &JSONLSink{w: w}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// CreateJSONL opens path for writing. With a resume state it keeps the
// earlier records, truncating the file at st.Offset, and appends; otherwise
// it replaces the file.
func CreateJSONL(path string, rs *ResumeState) (*JSONLSink, error) {
	var f *os.File
	var err error
	if rs != nil {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err == nil {
			if err = f.Truncate(rs.Offset); err == nil {
				_, err = f.Seek(rs.Offset, io.SeekStart)
			}
		}
	} else {
		f, err = os.Create(path)
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, err
	}
	s := NewJSONLSink(f)
	s.f = f
	return s, nil
}

// Write encodes and writes one record as one line.
func (s *JSONLSink) Write(r *Record) error {
	s.buf.Reset()
	if err := s.enc.Encode(r); err != nil {
		return fmt.Errorf("audit: encoding the record of %s: %w", r.File, err)
	}
	if _, err := s.w.Write(s.buf.Bytes()); err != nil {
		return fmt.Errorf("audit: writing the output: %w", err)
	}
	// Push records to stable storage now and then, so that a machine crash
	// (not only a process crash) loses little.
	if s.f != nil {
		if s.sync++; s.sync%1000 == 0 {
			s.f.Sync()
		}
	}
	return nil
}

// Close flushes the file, if the sink opened one.
func (s *JSONLSink) Close(*Stats) error {
	if s.f == nil {
		return nil
	}
	if err := s.f.Sync(); err != nil {
		s.f.Close()
		return err
	}
	return s.f.Close()
}

package pdfdoc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors wrapped by *Error; test with errors.Is.
var (
	ErrNotPDF                = errors.New("not a PDF file")
	ErrEncrypted             = errors.New("encrypted PDF: a user password is needed")
	ErrUnsupportedEncryption = errors.New("unsupported PDF encryption")
	ErrMalformed             = errors.New("malformed PDF")
	ErrNoTextLayer           = errors.New("PDF has no text layer (a scan?): run OCR first")
	ErrUndecodableFont       = errors.New("PDF text cannot be decoded (fonts without a usable Unicode map)")
	ErrTimeout               = fmt.Errorf("PDF parse took too long: %w", context.DeadlineExceeded)
)

// Error is a typed PDF front-end error. It wraps one of the Err* values and
// names the page when the problem belongs to one.
type Error struct {
	Page   int    // 1-based page, 0 when the whole file is concerned
	Err    error  // one of the Err* values
	Detail string // what the library or the check said
}

func (e *Error) Error() string {
	s := e.Err.Error()
	if e.Page > 0 {
		s = fmt.Sprintf("page %d: %s", e.Page, s)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the wrapped Err* value.
func (e *Error) Unwrap() error { return e.Err }

func errf(page int, err error, format string, args ...any) *Error {
	return &Error{Page: page, Err: err, Detail: clean(fmt.Sprintf(format, args...))}
}

// clean keeps an error detail printable and short: library messages may
// quote raw bytes of a damaged file.
func clean(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= 200 {
			b.WriteString("…")
			break
		}
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			// raw bytes of a damaged file: not worth showing
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

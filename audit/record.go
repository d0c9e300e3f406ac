package audit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser"
	"github.com/xxgk/nianbao/parser/docxdoc"
	"github.com/xxgk/nianbao/parser/htmldoc"
	"github.com/xxgk/nianbao/parser/pdfdoc"
)

// Record kinds.
const (
	KindReport = "report" // one per input
	KindCross  = "cross"  // cross-report findings about one report, after the pass
)

// Error kinds of ErrorInfo.Kind.
const (
	ErrKindIO          = "io"          // the file could not be read
	ErrKindTooLarge    = "too_large"   // larger than Options.MaxBytes
	ErrKindEmpty       = "empty"       // nothing but white space
	ErrKindBinary      = "binary"      // binary data that is no supported document
	ErrKindUnsupported = "unsupported" // a recognised but unsupported format (.doc, images…)
	ErrKindTimeout     = "timeout"     // the parse did not finish within Options.Timeout
	ErrKindInternal    = "internal"    // a panic or broken invariant: a bug, please report it
	ErrKindEncrypted   = "encrypted"   // an encrypted PDF: password needed or encryption unsupported
	ErrKindNoText      = "no_text"     // a PDF without a usable text layer (a scan): OCR it first
	ErrKindMalformed   = "malformed"   // a damaged PDF, DOCX or undecodable HTML
	ErrKindParse       = "parse"       // any other front-end error
)

// ErrorInfo is the typed error of a failed input.
type ErrorInfo struct {
	Kind    string `json:"kind"`
	Stage   string `json:"stage,omitempty"` // read, parse, check, summarize
	Message string `json:"message"`
}

// Error is the error type behind an ErrorInfo; it wraps the cause.
type Error struct {
	Kind  string
	Stage string
	Err   error
}

func (e *Error) Error() string { return e.Kind + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrTimeout is the cause of a timeout record whose parse ignored its
// context and was abandoned.
var ErrTimeout = errors.New("parse exceeded the per-file deadline")

// ErrPanic is the cause of an internal record raised by a recovered panic.
var ErrPanic = errors.New("panic")

// Record is the result for one input (Kind "report") or the cross-report
// findings about one report (Kind "cross"). It is the JSON Lines record.
type Record struct {
	Kind        string             `json:"kind"`
	File        string             `json:"file"`
	SHA256      string             `json:"sha256,omitempty"`
	OK          bool               `json:"ok"`
	Error       *ErrorInfo         `json:"error,omitempty"`
	Input       string             `json:"input,omitempty"` // text, markdown, html, pdf, docx
	Meta        *model.Meta        `json:"meta,omitempty"`
	Format      string             `json:"format,omitempty"`
	Cells       map[string]any     `json:"cells,omitempty"`
	Uncertain   []string           `json:"uncertain,omitempty"`
	Diagnostics []model.Diagnostic `json:"diagnostics,omitempty"`
	Findings    []model.Finding    `json:"findings"`
	DurationMS  float64            `json:"duration_ms"`
	// Summary holds the report's cross-check facts, so that a resumed run can
	// run the cross-report rules over every report without parsing it again.
	Summary json.RawMessage `json:"summary,omitempty"`
}

// Worst returns the most serious finding severity of the record and whether
// it has any finding.
func (r *Record) Worst() (model.Severity, bool) {
	if len(r.Findings) == 0 {
		return model.SevInfo, false
	}
	w := model.SevInfo
	for _, f := range r.Findings {
		if f.Severity > w {
			w = f.Severity
		}
	}
	return w, true
}

// Level returns the body level of a report record ("" when unknown).
func (r *Record) Level() string {
	if r.Meta == nil {
		return ""
	}
	return string(r.Meta.Level)
}

// Year returns the report year of the record (0 when unknown).
func (r *Record) Year() int {
	if r.Meta == nil {
		return 0
	}
	return r.Meta.Year
}

// classify maps an error from reading or parsing to a typed ErrorInfo.
func classify(stage string, err error) *ErrorInfo {
	kind := ErrKindParse
	var ae *Error
	switch {
	case errors.As(err, &ae):
		kind = ae.Kind
		if ae.Stage != "" {
			stage = ae.Stage
		}
	case errors.Is(err, parser.ErrEmpty):
		kind = ErrKindEmpty
	case errors.Is(err, parser.ErrBinary):
		kind = ErrKindBinary
	case errors.Is(err, parser.ErrUnsupported):
		kind = ErrKindUnsupported
	case errors.Is(err, parser.ErrTooLarge):
		kind = ErrKindTooLarge
	case errors.Is(err, parser.ErrInternal), errors.Is(err, docxdoc.ErrInternal), errors.Is(err, htmldoc.ErrInternal):
		kind = ErrKindInternal
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, ErrTimeout):
		kind = ErrKindTimeout
	case errors.Is(err, pdfdoc.ErrEncrypted), errors.Is(err, pdfdoc.ErrUnsupportedEncryption):
		kind = ErrKindEncrypted
	case errors.Is(err, pdfdoc.ErrNoTextLayer), errors.Is(err, pdfdoc.ErrUndecodableFont):
		kind = ErrKindNoText
	case errors.Is(err, docxdoc.ErrTooLarge), errors.Is(err, htmldoc.ErrTooLarge):
		kind = ErrKindTooLarge
	case errors.Is(err, pdfdoc.ErrMalformed), errors.Is(err, pdfdoc.ErrNotPDF), errors.Is(err, docxdoc.ErrMalformed),
		errors.Is(err, docxdoc.ErrNotDOCX), errors.Is(err, htmldoc.ErrUndecodable):
		kind = ErrKindMalformed
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		kind = ErrKindIO
	}
	msg := err.Error()
	if len(msg) > 4000 { // a panic's stack: keep the head, which names the bug
		msg = msg[:4000] + "…"
	}
	return &ErrorInfo{Kind: kind, Stage: stage, Message: msg}
}

func panicError(stage string, p any) error {
	return &Error{Kind: ErrKindInternal, Stage: stage, Err: fmt.Errorf("%w in %s: %v", ErrPanic, stage, p)}
}

// Package parser reads a government information-disclosure annual report in
// any supported input format (plain text, markdown, HTML, DOCX, PDF), detects
// the format from the content, and returns a model.Report with its metadata,
// sections, statistical tables and parse diagnostics.
//
// Parsing is total for usable input: oddities become diagnostics on the
// report. An error is returned only for unusable input (empty, binary, an
// unsupported or encrypted format, a file without a text layer, a cancelled
// context), as a *InputError that wraps one of the Err* values below, so
// callers can use errors.Is and errors.As.
package parser

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser/docxdoc"
	"github.com/xxgk/nianbao/parser/htmldoc"
	"github.com/xxgk/nianbao/parser/pdfdoc"
	"github.com/xxgk/nianbao/parser/textdoc"
	"github.com/xxgk/nianbao/parser/textenc"
	"github.com/xxgk/nianbao/tables"
)

// Errors wrapped by *InputError.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary input that is not a supported document format")
	ErrUnsupported = errors.New("unsupported document format")
	ErrTooLarge    = errors.New("input too large")
	ErrInternal    = errors.New("internal error (a bug): please report it with the input")
)

// InputError is the error returned for input that cannot be parsed.
type InputError struct {
	Name   string // the input's name as given in Options.Name
	Format string // the detected input format, if any
	Err    error  // the cause; one of the Err* values or a front end's typed error
}

func (e *InputError) Error() string {
	name := e.Name
	if name == "" {
		name = "input"
	}
	if e.Format != "" {
		return fmt.Sprintf("%s (%s): %v", name, e.Format, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, e.Err)
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Options configure Parse. The zero value is ready to use.
type Options struct {
	// Name is the input's name (a path or "-") for messages; its extension is
	// a hint only: the format is sniffed from the content.
	Name string
	// Format forces an input format: "text", "markdown", "html", "docx", "pdf".
	Format string
	// Timeout bounds the parse of one document (0: only ctx bounds it).
	Timeout time.Duration
	// MaxBytes bounds the input size (0: 256 MiB).
	MaxBytes int64
	// Password is the user password of an encrypted PDF.
	Password string
	// ContentType is an HTTP Content-Type header for HTML input, if known.
	ContentType string
}

const defaultMaxBytes = 256 << 20

// Parse reads a report from r.
func Parse(ctx context.Context, r io.Reader, opts Options) (*model.Report, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = defaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &InputError{Name: opts.Name, Err: err}
	}
	if int64(len(b)) > max {
		return nil, &InputError{Name: opts.Name, Err: ErrTooLarge}
	}
	return ParseBytes(ctx, b, opts)
}

// ParseBytes parses a report held in memory.
func ParseBytes(ctx context.Context, b []byte, opts Options) (rep *model.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep = nil
			err = &InputError{Name: opts.Name, Err: fmt.Errorf("%w: panic: %v\n%s", ErrInternal, p, debug.Stack())}
		}
	}()
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	doc, err := parseDocument(ctx, b, opts)
	if err != nil {
		return nil, err
	}
	rep = FromDocument(doc)
	rep.Source = opts.Name
	sum := sha256.Sum256(b)
	rep.SHA256 = hex.EncodeToString(sum[:])
	return rep, nil
}

// ParseDocument runs only the front end: it returns the format-neutral
// Document (blocks and grids with their source locations) that FromDocument
// turns into a report. `nianbao dump` prints it.
func ParseDocument(ctx context.Context, b []byte, opts Options) (doc *tables.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			err = &InputError{Name: opts.Name, Err: fmt.Errorf("%w: panic: %v\n%s", ErrInternal, p, debug.Stack())}
		}
	}()
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	return parseDocument(ctx, b, opts)
}

func parseDocument(ctx context.Context, b []byte, opts Options) (*tables.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, &InputError{Name: opts.Name, Err: err}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &InputError{Name: opts.Name, Err: ErrEmpty}
	}
	format := opts.Format
	if format == "" {
		format = Sniff(b, opts.Name)
	}
	doc, err := frontEnd(ctx, format, b, opts)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, &InputError{Name: opts.Name, Format: format, Err: err}
	}
	if err := ctx.Err(); err != nil {
		return nil, &InputError{Name: opts.Name, Format: format, Err: err}
	}
	return doc, nil
}

// Sniff returns the input format of b: "pdf", "docx", "html", "markdown" or
// "text", or an "unsupported:<kind>" name for formats that are recognised
// but not read (legacy .doc, .wps, images, other archives).
func Sniff(b []byte, name string) string {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		if docxdoc.Sniff(b) {
			return "docx"
		}
		return "unsupported:zip"
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "unsupported:ole" // .doc, .wps, .xls
	case bytes.HasPrefix(b, []byte("\x89PNG")), bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(b, []byte("GIF8")):
		return "unsupported:image"
	case bytes.HasPrefix(b, []byte("{\\rtf")):
		return "unsupported:rtf"
	}
	if bytes.IndexByte(head, '<') >= 0 && htmldoc.Sniff(b) {
		return "html"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "markdown"
	}
	return "text"
}

func frontEnd(ctx context.Context, format string, b []byte, opts Options) (*tables.Document, error) {
	switch format {
	case "pdf":
		return pdfdoc.Parse(ctx, b, pdfdoc.Options{Password: opts.Password, Timeout: opts.Timeout})
	case "docx":
		return docxdoc.Parse(ctx, b)
	case "html":
		return htmldoc.Parse(ctx, b, htmldoc.Options{ContentType: opts.ContentType})
	case "text", "markdown":
		s, enc, err := textenc.Decode(b)
		if err != nil {
			if errors.Is(err, textenc.ErrBinary) {
				return nil, ErrBinary
			}
			return nil, err
		}
		doc, err := textdoc.Parse(ctx, s, format == "markdown")
		if err == nil && enc != textenc.UTF8 {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevInfo,
				Message: "input decoded as " + enc})
		}
		return doc, err
	}
	if strings.HasPrefix(format, "unsupported:") {
		kind := strings.TrimPrefix(format, "unsupported:")
		if kind == "ole" || kind == "zip" {
			if what := docxdoc.Identify(b); what != "" {
				return nil, fmt.Errorf("%w: %s; save it as .docx or PDF", ErrUnsupported, what)
			}
		}
		what := map[string]string{
			"ole":   "a legacy Office binary file (.doc, .wps, .xls): save it as .docx or PDF",
			"zip":   "a zip archive that is not a .docx document",
			"image": "an image: the report needs OCR first",
			"rtf":   "an RTF file: save it as .docx",
		}[kind]
		if what == "" {
			what = kind
		}
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, what)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnsupported, format)
}

// FromDocument builds a report from a front end's Document: metadata,
// sections, format version and the statistical tables.
func FromDocument(doc *tables.Document) *model.Report {
	rep := &model.Report{Input: doc.Input}
	rep.Meta, rep.Sections, rep.Format = analyze(doc) // ExtractMeta, SplitSections, DetectFormat(doc, Meta.Year)
	ex := tables.Extract(doc, rep.Format)
	if rep.Format == model.FormatUnknown {
		switch {
		case ex.Active21 != nil || ex.T3Other2021:
			rep.Format = model.Format2021
		case ex.Active19 != nil || ex.T3Other2019:
			rep.Format = model.Format2019
		}
	}
	rep.Active21, rep.Active19 = ex.Active21, ex.Active19
	rep.Requests, rep.Review = ex.Requests, ex.Review
	rep.Diagnostics = append(append(rep.Diagnostics, doc.Diagnostics...), ex.Diagnostics...)
	return rep
}

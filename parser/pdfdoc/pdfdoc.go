// Package pdfdoc is the PDF front end: it reads a PDF's text layer into a
// tables.Document of headings, paragraphs and table grids, each with its
// page and position.
//
// ledongthuc/pdf serves as the object layer only (open, decrypt, page tree,
// object navigation, stream filters). The content streams are interpreted
// here: a lexer of our own, the text state and CTM, glyph widths of simple,
// CID and Type3 fonts, ToUnicode for every font kind (package cmap, with
// bfrange carry), the predefined GB CMaps, Form XObjects, and ruling lines
// from strokes and thin filled rectangles. Ruled tables are rebuilt as
// lattices (merged cells from missing edges); unruled tables from lines of
// widely spaced chunks.
//
// Every library call runs under recover and the whole document under a
// deadline, so no input panics or hangs the caller.
//
// BUG: vertical writing (Identity-V) is laid out as horizontal text.
// BUG: Identity-H fonts without ToUnicode cannot be decoded (the embedded
// font's own cmap is not read); such text is reported as undecodable.
// BUG: page /Rotate and clipping are ignored.
// BUG: files with a damaged cross-reference table (wrong startxref,
// truncation) are rejected as malformed: the library does not rebuild the xref.
package pdfdoc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// Options configure the PDF front end.
type Options struct {
	Password string // user password, if the file needs one
	// Timeout bounds one document (0: DefaultTimeout). The context's
	// deadline applies too.
	Timeout time.Duration

	ignoreRulings bool // tests: rebuild tables from text positions only
}

// DefaultTimeout bounds the parse of one document when neither Options nor
// the context set a shorter deadline.
const DefaultTimeout = 60 * time.Second

// Parse reads a PDF file into a Document. Errors are *Error values
// wrapping ErrNotPDF, ErrEncrypted, ErrUnsupportedEncryption, ErrMalformed,
// ErrNoTextLayer, ErrUndecodableFont or ErrTimeout (or the context's error).
func Parse(ctx context.Context, src []byte, opts Options) (*tables.Document, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		doc *tables.Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{nil, errf(0, ErrMalformed, "internal panic: %v", p)}
			}
			ch <- r
		}()
		r.doc, r.err = parse(ctx, src, opts)
	}()
	select {
	case r := <-ch:
		return r.doc, r.err
	case <-ctx.Done():
		// The library cannot be cancelled: the goroutine is abandoned and
		// stops at its next context check.
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &Error{Err: ErrTimeout, Detail: ctx.Err().Error()}
		}
		return nil, ctx.Err()
	}
}

func parse(ctx context.Context, src []byte, opts Options) (*tables.Document, error) {
	b, err := prepass(src)
	if err != nil {
		return nil, err
	}
	d, err := open(b, opts)
	if err != nil {
		return nil, err
	}
	pages, perr := pageList(d.r)
	d.pages = pages
	n := len(pages)
	if n == 0 {
		detail := "no pages"
		if perr != nil {
			detail = "page tree unreadable: " + perr.Error()
		}
		return nil, errf(0, ErrMalformed, "%s", detail)
	}
	doc := newDoc(n)
	var total, bad, images, pagesWithText, noFont int
	worstPage, worst := 0, 0
	for p := 1; p <= n; p++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pc, err := d.walkPage(ctx, p)
		if err != nil {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: err.Error(), Src: model.Loc{Page: p}})
			continue
		}
		if pc.Stopped {
			return nil, ctx.Err()
		}
		for _, note := range pc.Notes {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: note, Src: model.Loc{Page: p}})
		}
		images += pc.Images
		noFont += pc.NoFont
		nb := 0
		for _, g := range pc.Glyphs {
			if strings.ContainsRune(g.Text, '\uFFFD') {
				nb++
			}
		}
		total += len(pc.Glyphs)
		bad += nb
		if nb > worst {
			worst, worstPage = nb, p
		}
		if len(pc.Glyphs) == 0 {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: "page without text", Src: model.Loc{Page: p}})
			continue
		}
		pagesWithText++
		if nb*3 > len(pc.Glyphs) {
			// Never present garbage as text: drop the page and say so.
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevError,
				Message: fmt.Sprintf("page text undecodable (%d of %d characters without a Unicode mapping): page dropped", nb, len(pc.Glyphs)),
				Src:     model.Loc{Page: p}})
			continue
		}
		if opts.ignoreRulings {
			pc.Segs = nil
		}
		layoutPage(p, pc, doc)
	}
	dropRunningHeaders(doc)
	mergeContinuations(doc)
	if total == 0 {
		detail := "no text on any page"
		if images > 0 {
			detail = fmt.Sprintf("%d page images and no text: a scanned document", images)
		}
		return nil, errf(0, ErrNoTextLayer, "%s", detail)
	}
	if bad*2 > total && noFont*2 >= bad {
		return nil, errf(worstPage, ErrMalformed, "font resources unreadable: %d of %d characters cannot be decoded", bad, total)
	}
	if bad*2 > total {
		return nil, errf(worstPage, ErrUndecodableFont, "%d of %d characters have no Unicode mapping", bad, total)
	}
	return doc, nil
}

func newDoc(pages int) *tables.Document { return &tables.Document{Input: "pdf", Pages: pages} }

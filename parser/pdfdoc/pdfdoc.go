// Package pdfdoc is the PDF front end: it reads a PDF's text layer into a
// tables.Document of headings, paragraphs and table grids, each with its
// page and position (PDF user space, origin bottom left).
//
// ledongthuc/pdf serves as the object layer only: open, decrypt, object
// navigation and stream filters. Everything else is done here:
//
//   - a byte pre-pass (junk before %PDF- or after %%EOF, a PDF 2.0 header),
//     and a rebuilt cross-reference table when the file's own is damaged;
//   - the page tree, walked once with a cycle guard;
//   - a content-stream lexer and interpreter of our own (walk.go, lex.go):
//     text state and CTM (Td TD T* Tm ' " Tc Tw Tz Ts TL cm q Q), glyph widths
//     (CID /W and /DW, simple /Widths, Type3 /FontMatrix), Form XObjects, and
//     ruling segments from strokes (m l re h) and thin filled rectangles;
//   - fonts (font.go, package cmap): ToUnicode for every font kind (Type3
//     included) with bfrange carry, embedded encoding CMaps, the predefined
//     GBK-EUC-H family (via GB18030), UniGB-UCS2-H and UniGB-UTF16-H, the
//     embedded TrueType cmap when ToUnicode is missing; fonts,
//     forms and CMaps are cached per document;
//   - layout (layout.go, lattice.go, unruled.go): glyphs → lines → chunks;
//     ruled tables as lattices whose merged cells come from missing edges
//     (Aligned grids, wrapped labels joined with "\n", vertical labels one
//     cell); tables without rulings from text positions (label cells split at
//     list markers and at numeric rows' baselines, assigned to the row they
//     share a baseline with or the one nearest their centre; value columns
//     from number and dash centres; column-header lines as rows, wrapped
//     header fragments stacked per column; a lone value centred under three
//     columns a merged cell; a row of many values under column headers a
//     table on its own); other lines as paragraphs, large lines
//     as headings; page numbers and repeated running headers dropped with a
//     diagnostic; a table row cut by a page break joined to the previous
//     page's row.
//
// Robustness: every library call runs under recover, each document in its
// own goroutine under a deadline (Options.Timeout, DefaultTimeout, ctx),
// and the walker checks ctx between operators. Errors are *Error values
// wrapping ErrNotPDF, ErrEncrypted, ErrUnsupportedEncryption, ErrMalformed,
// ErrNoTextLayer, ErrUndecodableFont or ErrTimeout, naming the page where
// one is concerned. A page whose text is mostly undecodable is dropped with
// an error diagnostic instead of being presented as text.
//
// BUG: vertical writing (Identity-V) is laid out as horizontal text. A page
// whose text is mostly drawn rotated (a quarter or half turn) is turned to
// its reading orientation, and its X/Y are then given in that orientation
// (a diagnostic says so); a few rotated glyphs on an upright page are
// placed by their origin only.
// BUG: Identity-H fonts without ToUnicode are decoded through the embedded
// TrueType program's cmap (truetype.go) when there is one; CFF programs
// (FontFile3) and subsets without a cmap stay undecodable and are reported.
// BUG: page /Rotate (display only), the crop box and clipping are ignored:
// text outside the visible area is read.
// BUG: a damaged cross-reference table (wrong startxref, a truncated tail)
// is rebuilt from the "N G obj" headers (repair.go), which cannot recover
// objects kept inside object streams; a file cut before its catalog stays
// malformed. Damaged shared resources (bitflip40.pdf) are reported as
// malformed although poppler still reads the text.
// BUG: in an unruled table, a label cut by a page break is joined back
// when its continuation sits right above the next page's first row; a
// continuation separated from the rows by a wider gap stays a paragraph
// and the label is kept truncated. Ruled tables are repaired
// (mergeContinuations). An unruled table whose column headers and values
// are parted by a page break (table 4's header at the foot of a page, its
// one row of values on the next) is not rebuilt: the values stay prose.
// Unruled value columns are found from number positions alone, so a
// printed blank in an unruled table is placed by position, and a lone
// value centred under three columns is read as a merged cell.
// BUG: paragraphs are one block per printed line; lines are not joined.
// BUG: fonts and forms are cached by reading pdf.Value's unexported object
// reference through reflection (objkey.go), falling back to the value's
// printed form should the library's layout change.
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
		return nil, ctxErr(ctx)
	}
}

func parse(ctx context.Context, src []byte, opts Options) (*tables.Document, error) {
	b, err := prepass(src)
	if err != nil {
		return nil, err
	}
	d, err := open(b, opts)
	repaired := false
	if errors.Is(err, ErrMalformed) {
		if rb := repairXref(b); rb != nil {
			if d2, err2 := open(rb, opts); err2 == nil {
				d, err, repaired = d2, nil, true
			} else if !errors.Is(err2, ErrMalformed) {
				err = err2 // e.g. the repaired file turns out to need a password
			}
		}
	}
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
	if repaired {
		doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
			Message: "damaged cross-reference table rebuilt from the object headers (text may be incomplete)"})
	}
	var total, bad, images, noFont int
	unreadPage, unread := 0, ""
	openEnd := map[model.Loc]bool{}    // paragraphs running to the end of their page
	unruled := map[*tables.Grid]bool{} // grids rebuilt from text positions: is the first row a page-break continuation?
	worstPage, worst := 0, 0
	for p := 1; p <= n; p++ {
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
		pc, err := d.walkPage(ctx, p)
		if err != nil {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: err.Error(), Src: model.Loc{Page: p}})
			continue
		}
		if pc.Stopped {
			return nil, ctxErr(ctx)
		}
		for _, note := range pc.Notes {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: note, Src: model.Loc{Page: p}})
		}
		if pc.Unread != "" && unreadPage == 0 {
			unreadPage, unread = p, pc.Unread
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
			msg := "page without text"
			if pc.Images > 0 {
				msg = "page without text but with an image (a scanned page? it needs OCR)"
			}
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: msg, Src: model.Loc{Page: p}})
			continue
		}
		if nb*3 > len(pc.Glyphs) {
			// Never present garbage as text: drop the page and say so.
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevError,
				Message: fmt.Sprintf("page text undecodable (%d of %d characters without a Unicode mapping): page dropped", nb, len(pc.Glyphs)),
				Src:     model.Loc{Page: p}})
			continue
		}
		if nb > 0 {
			doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
				Message: fmt.Sprintf("%d characters without a Unicode mapping kept as U+FFFD", nb), Src: model.Loc{Page: p}})
		}
		if opts.ignoreRulings {
			pc.Segs = nil
		}
		before := len(doc.Blocks)
		if o, _ := layoutPage(p, pc, doc, unruled); o != nil {
			for k := len(doc.Blocks) - 1; k >= before; k-- {
				if b := doc.Blocks[k]; b.Kind == tables.BlockParagraph {
					openEnd[b.Src] = true
					break
				}
			}
		}
	}
	dropRunningHeaders(doc)
	joinAcrossPages(doc, openEnd)
	mergeContinuations(doc, unruled)
	if total == 0 && unreadPage > 0 {
		return nil, errf(unreadPage, ErrMalformed, "content stream unreadable: %s", unread)
	}
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

// ctxErr maps the context's end to an error: a deadline becomes an *Error
// wrapping ErrTimeout (which wraps context.DeadlineExceeded); a
// cancellation is returned as is.
func ctxErr(ctx context.Context) error {
	err := ctx.Err()
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Err: ErrTimeout}
	}
	return err
}

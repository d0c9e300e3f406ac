// Package htmldoc is the HTML front end: it decodes a page (BOM, HTTP
// charset, <meta> declarations anywhere in the head, the GB family always as
// GB18030, Big5 for Traditional mirrors, detection when nothing usable is
// declared), finds the article body of a CMS page and drops the site chrome,
// expands every data table into an aligned grid honouring rowspan and
// colspan, and reads the page's publication metadata.
//
// Reading order is kept: headings (h1–h6) become heading blocks; paragraphs,
// list items and <br>-separated lines become paragraph blocks; each data
// table becomes a grid. Layout tables that only wrap the page are unwrapped
// to their content. A table nested in a data table's cell becomes its own
// grid after the outer one, and its text is not repeated in the outer cell.
//
// The parse tree comes from golang.org/x/net/html.
//
// Bounds: pages above MaxInputSize bytes or MaxTags tags are refused
// (ErrTooLarge); the HTML parser refuses more than 512 open elements (the front end
// then falls back to flat text, with a diagnostic); a table keeps at most
// MaxTableCells positions and MaxTableCols columns; spans below 1 or above
// 1000 count as 1 and spans overrunning the table are clipped.
package htmldoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"golang.org/x/net/html"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// Limits of the front end.
const (
	MaxTableCells = 100_000 // positions (rows × columns) kept per table
	MaxTableCols  = 1000    // columns kept per table
	maxSpan       = 1000    // larger rowspan/colspan values count as 1
	// MaxInputSize and MaxTags bound the page: the parse tree costs about
	// several hundred bytes per element, so these keep a hostile page
	// under about 1 GB
	// while real report pages (Word exports included) stay far below.
	MaxInputSize = 32 << 20
	MaxTags      = 1_000_000
)

// Errors returned by Parse, for errors.Is.
var (
	// ErrUndecodable: the bytes are not text in a declared or detectable
	// charset (UTF-8, GB18030, Big5 or a declared WHATWG encoding).
	ErrUndecodable = errors.New("html: page bytes cannot be decoded as text")
	// ErrTooLarge: the page is larger than MaxInputSize or has more than
	// MaxTags tags.
	ErrTooLarge = errors.New("html: page too large")
	// ErrInternal: a bug in the front end (a recovered panic).
	ErrInternal = errors.New("html: internal error")
)

// Options configure the HTML front end.
type Options struct {
	ContentType string // an HTTP Content-Type header, if known
}

// sniffTags are element names that, at the very start of the input, mark it
// as HTML (a page or a fragment of an article body).
var sniffTags = []string{"!doctype html", "html", "head", "body", "meta", "title", "p", "div", "table",
	"span", "h1", "h2", "h3", "h4", "h5", "h6", "center", "font", "section", "article", "style",
	"script", "link", "br", "strong", "b", "tbody", "tr", "td", "ul", "ol", "li", "a", "img", "form", "main", "header", "!--"}

// Sniff reports whether b looks like an HTML document or fragment. It looks
// at the content, not a file name: the input starts (after a byte-order mark,
// white space and an XML declaration) with a known tag, or its first 8 KB
// hold <html, <body or an HTML doctype.
func Sniff(b []byte) bool {
	head := b
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	lower := bytes.ToLower(head)
	if isUTF16(b) {
		// <html> in UTF-16: drop the zero bytes and look again.
		lower = bytes.ReplaceAll(lower, []byte{0}, nil)
		lower = bytes.TrimLeft(lower, "\xff\xfe")
	}
	t := bytes.TrimLeft(lower, " \t\r\n\f")
	if bytes.HasPrefix(t, []byte("<?xml")) {
		if i := bytes.Index(t, []byte("?>")); i >= 0 {
			t = bytes.TrimLeft(t[i+2:], " \t\r\n\f")
		}
	}
	if len(t) > 1 && t[0] == '<' {
		for _, tag := range sniffTags {
			rest := t[1:]
			if !bytes.HasPrefix(rest, []byte(tag)) {
				continue
			}
			rest = rest[len(tag):]
			if tag == "!--" || len(rest) == 0 || rest[0] == '>' || rest[0] == ' ' || rest[0] == '/' ||
				rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' {
				return true
			}
		}
	}
	return bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) ||
		bytes.Contains(lower, []byte("<body"))
}

func isUTF16(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// Parse decodes and parses an HTML page into a Document. Usable pages always
// give a Document (oddities become diagnostics); the error is for bytes that
// are not text (ErrUndecodable), a page beyond the bounds (ErrTooLarge), a
// cancelled context, or a bug (ErrInternal).
func Parse(ctx context.Context, src []byte, opts Options) (doc *tables.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			err = fmt.Errorf("%w: panic: %v\n%s", ErrInternal, p, debug.Stack())
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(src) > MaxInputSize {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(src), MaxInputSize)
	}
	if n := bytes.Count(src, []byte("<")); n > MaxTags {
		return nil, fmt.Errorf("%w: %d tags (limit %d)", ErrTooLarge, n, MaxTags)
	}
	dec, err := decode(src, opts.ContentType)
	if err != nil {
		return nil, err
	}
	doc = &tables.Document{Input: "html"}
	doc.Diagnostics = append(doc.Diagnostics, dec.diags...)
	var root *html.Node
	var text string // for the flat-text fallback
	if dec.raw != nil {
		// The page's own bytes are UTF-8: the tokenizer reads them where
		// they are (it copies what it keeps), sparing a copy of the page.
		raw := bytes.TrimPrefix(dec.raw, []byte("\uFEFF"))
		if root, err = html.Parse(bytes.NewReader(raw)); err != nil {
			text = string(raw)
		}
	} else {
		text = strings.TrimPrefix(dec.text, "\uFEFF")
		root, err = html.Parse(strings.NewReader(text))
	}
	if err != nil {
		// The parser refuses pages nested deeper than 512 open elements.
		doc.Diagnostics = append(doc.Diagnostics, model.Diagnostic{Code: model.DiagFrontEnd, Severity: model.SevWarning,
			Message: fmt.Sprintf("page structure unreadable (%v): read as flat text, tables lost", err)})
		flatText(ctx, doc, text)
		return doc, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p := &page{ctx: ctx, doc: doc, root: root}
	p.readMeta()
	body := p.findBody()
	w := newWalker(ctx, doc)
	w.run(body)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.finish(body)
	return doc, nil
}

// flatText reads the text of a page that the tree parser refused, with the
// tokenizer: block tags and <br> end lines, each line is a paragraph.
func flatText(ctx context.Context, doc *tables.Document, text string) {
	z := html.NewTokenizer(strings.NewReader(text))
	z.SetMaxBuf(1 << 20)
	var line strings.Builder
	skip := 0
	flush := func() {
		if s := collapse(line.String()); s != "" {
			doc.AddParagraph(s, model.Loc{})
		}
		line.Reset()
	}
	for n := 0; ; n++ {
		if n&1023 == 0 && ctx.Err() != nil {
			return
		}
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return
		case html.TextToken:
			if skip == 0 {
				line.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			// <head> is not skipped here: its end tag is often missing.
			if skipTags[tag] && tag != "head" && tag != "frameset" && tag != "map" && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] || tag == "br" {
				flush()
			}
		}
	}
}

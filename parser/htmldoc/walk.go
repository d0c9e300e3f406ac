package htmldoc

import (
	"context"
	"strings"

	"golang.org/x/net/html"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/tables"
)

// walker turns the article body into blocks in reading order.
type walker struct {
	ctx     context.Context
	doc     *tables.Document
	buf     strings.Builder
	heading int // heading level while inside h1–h6
	pre     int // depth of <pre> elements
	visited int // nodes visited, for cancellation checks
	stopped bool
}

func newWalker(ctx context.Context, doc *tables.Document) *walker {
	return &walker{ctx: ctx, doc: doc}
}

// run emits the blocks of the subtree rooted at n.
func (w *walker) run(n *html.Node) {
	if n == nil {
		return
	}
	if n.Type == html.ElementNode && n.Data == "table" {
		w.table(n)
	} else {
		w.node(n)
	}
	w.flush()
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil && !w.stopped; c = c.NextSibling {
		w.node(c)
	}
}

func (w *walker) node(n *html.Node) {
	w.visited++
	if w.visited&1023 == 0 && w.ctx.Err() != nil {
		w.stopped = true
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
	case html.DocumentNode:
		w.children(n)
	case html.ElementNode:
		tag := n.Data
		kind := kindOf(n)
		if kind&(kindSkip|kindVoid) != 0 {
			return
		}
		switch tag {
		case "br":
			w.flush()
		case "table":
			w.flush()
			w.table(n)
		case "h1", "h2", "h3", "h4", "h5", "h6":
			w.flush()
			save := w.heading
			w.heading = int(tag[1] - '0')
			w.children(n)
			w.flush()
			w.heading = save
		case "pre", "listing", "xmp", "plaintext":
			w.flush()
			w.pre++
			w.children(n)
			w.pre--
			w.flush()
		default:
			if kind&kindBlock != 0 {
				w.flush()
				w.children(n)
				w.flush()
				return
			}
			w.children(n)
		}
	}
}

// text adds a text node to the current line; inside <pre> its line breaks
// end lines.
func (w *walker) text(s string) {
	s = strings.ReplaceAll(s, "\x00", "")
	if w.pre == 0 || !strings.ContainsAny(s, "\r\n") {
		w.buf.WriteString(s)
		return
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if i > 0 {
			w.flush()
		}
		w.buf.WriteString(l)
	}
}

// flush ends the current line: a heading inside h1–h6, else a paragraph
// unless it is a page-chrome line (publication date, source, index number…).
func (w *walker) flush() {
	if w.buf.Len() == 0 {
		return
	}
	s := collapse(w.buf.String())
	w.buf.Reset()
	if s == "" {
		return
	}
	if w.heading > 0 {
		w.doc.AddHeading(s, w.heading, model.Loc{})
		return
	}
	if isChromeLine(s) {
		return
	}
	w.doc.AddParagraph(s, model.Loc{})
}

// table emits a table: a layout table is unwrapped to its content, a data
// table becomes a grid followed by the tables nested in its cells.
func (w *walker) table(t *html.Node) {
	rows := tableRows(t)
	if isLayoutTable(t, rows) {
		w.children(t)
		w.flush()
		return
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "caption" {
			w.children(c)
			w.flush()
		}
	}
	n := w.doc.Tables() + 1
	g, nested, diags := buildGrid(t, rows, n)
	if len(g.Rows) > 0 {
		w.doc.AddGrid(g)
	}
	w.doc.Diagnostics = append(w.doc.Diagnostics, diags...)
	for _, in := range nested {
		if w.stopped {
			return
		}
		w.table(in)
	}
}

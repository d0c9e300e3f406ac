package pdfdoc

import (
	"github.com/ledongthuc/pdf"
)

// maxPages bounds the page tree walk.
const maxPages = 20000

// pageList walks the page tree itself instead of calling Reader.Page per
// page: one pass for the whole document (the library re-reads the tree
// from the root for every page), with a guard against cyclic /Kids, which
// would loop forever in the library.
func pageList(r *pdf.Reader) (pages []pdf.Page, err error) {
	err = safe(func() {
		root := r.Trailer().Key("Root").Key("Pages")
		seen := map[string]bool{}
		var walk func(n pdf.Value, depth int)
		walk = func(n pdf.Value, depth int) {
			if depth > 64 || len(pages) >= maxPages {
				return
			}
			k := objKey(n)
			if k != "" && seen[k] {
				return
			}
			seen[k] = true
			switch n.Key("Type").Name() {
			case "Pages":
				kids := n.Key("Kids")
				for i := 0; i < kids.Len(); i++ {
					walk(kids.Index(i), depth+1)
				}
			case "Page":
				pages = append(pages, pdf.Page{V: n})
			default:
				// a node without /Type: a page if it has contents, else a tree node
				if kids := n.Key("Kids"); kids.Kind() == pdf.Array {
					for i := 0; i < kids.Len(); i++ {
						walk(kids.Index(i), depth+1)
					}
				} else if n.Kind() == pdf.Dict && !n.Key("Contents").IsNull() {
					pages = append(pages, pdf.Page{V: n})
				}
			}
		}
		walk(root, 0)
	})
	return pages, err
}

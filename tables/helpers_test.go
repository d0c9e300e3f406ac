package tables

import (
	"strings"

	"github.com/xxgk/nianbao/model"
)

// docFromText builds a Document the simple way: consecutive lines with tabs
// or pipes form a grid (not aligned), other non-empty lines are paragraphs.
// It stands in for the text front end in this package's tests.
func docFromText(s string) *Document {
	d := &Document{Input: "text"}
	var g *Grid
	flushGrid := func() {
		if g != nil {
			d.AddGrid(g)
			g = nil
		}
	}
	for i, line := range strings.Split(s, "\n") {
		src := model.Loc{Line: i + 1}
		var fields []string
		switch {
		case strings.Contains(line, "\t"):
			fields = strings.Split(line, "\t")
		case strings.HasPrefix(strings.TrimSpace(line), "|"):
			l := strings.TrimSpace(line)
			l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
			if strings.Trim(l, "|-: ") == "" {
				continue
			}
			fields = strings.Split(l, "|")
		}
		if fields != nil {
			if g == nil {
				g = &Grid{Src: src}
			}
			row := make([]GridCell, len(fields))
			for j, f := range fields {
				row[j] = GridCell{Text: strings.TrimSpace(f), Src: model.Loc{Line: i + 1, Col: j + 1}}
			}
			g.Rows = append(g.Rows, row)
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		flushGrid()
		d.AddParagraph(strings.TrimSpace(line), src)
	}
	flushGrid()
	return d
}

package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/xxgk/nianbao/model"
)

// spill keeps the cross-check summaries of a run in a temporary file, so
// that memory does not grow with the corpus: only 16 bytes per report stay
// in memory (offset, length, year).
type spill struct {
	f     *os.File
	w     *bufio.Writer
	off   int64
	ents  []spillEnt
	years map[int]int
}

type spillEnt struct {
	off  int64
	n    int32
	year int32
}

type spillRec struct {
	File    string          `json:"file"`
	SHA256  string          `json:"sha256,omitempty"`
	Meta    *model.Meta     `json:"meta,omitempty"`
	Summary json.RawMessage `json:"summary"`
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "nianbao-audit-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("audit: temporary file for the cross-check summaries: %w", err)
	}
	os.Remove(f.Name()) // unlinked: gone when closed, even after a crash
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<20), years: map[int]int{}}, nil
}

// add stores one report's summary.
func (s *spill) add(file, sha string, meta *model.Meta, sum json.RawMessage) error {
	b, err := json.Marshal(spillRec{file, sha, meta, sum})
	if err != nil {
		return err
	}
	year := 0
	if meta != nil {
		year = meta.Year
	}
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.ents = append(s.ents, spillEnt{s.off, int32(len(b)), int32(year)})
	s.years[year]++
	s.off += int64(len(b))
	return nil
}

func (s *spill) read(i int) (*spillRec, error) {
	e := s.ents[i]
	b := make([]byte, e.n)
	if _, err := s.f.ReadAt(b, e.off); err != nil {
		return nil, err
	}
	var r spillRec
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

func (s *spill) close() {
	if s != nil && s.f != nil {
		s.f.Close()
	}
}

// cross runs the cross-report rules year by year. Every cross-report rule
// relates a report of year N only to reports of year N (other bodies) and
// N−1 (the same body), so the rules run over the summaries of two
// consecutive years at a time, and the findings about year-N reports are
// kept. Memory is bounded by the reports of two years, not the corpus.
// It returns the findings by report index, in index order.
func (s *spill) cross(fn func([]json.RawMessage) ([]CrossFinding, error)) (idx []int, found map[int][]model.Finding, err error) {
	if err := s.w.Flush(); err != nil {
		return nil, nil, err
	}
	var years []int
	for y := range s.years {
		if y > 0 {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	found = map[int][]model.Finding{}
	for _, y := range years {
		var win []int
		var raws []json.RawMessage
		for i, e := range s.ents {
			if int(e.year) == y || int(e.year) == y-1 {
				r, err := s.read(i)
				if err != nil {
					return nil, nil, fmt.Errorf("audit: reading back the summaries: %w", err)
				}
				win = append(win, i)
				raws = append(raws, r.Summary)
			}
		}
		var cf []CrossFinding
		if perr := guard("cross", func() { cf, err = fn(raws) }); perr != nil {
			err = perr
		}
		if err != nil {
			return nil, nil, fmt.Errorf("audit: cross-report rules: %w", err)
		}
		for _, c := range cf {
			if c.Index < 0 || c.Index >= len(win) {
				continue
			}
			g := win[c.Index]
			if int(s.ents[g].year) == y {
				found[g] = append(found[g], c.Finding)
			}
		}
	}
	for i := range found {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	return idx, found, nil
}

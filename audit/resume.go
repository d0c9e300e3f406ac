package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// ResumeState is what an earlier, possibly interrupted, run left in its JSON
// Lines output: the content hashes already done, the statistics and
// cross-check summaries of those records, and where to continue writing.
type ResumeState struct {
	// Offset is where the output must be truncated before appending: after
	// the last complete report record, dropping a truncated last line and
	// the cross records of an earlier complete run (they are recomputed).
	Offset int64
	// Records is the number of report records kept.
	Records int
	// BadLines counts complete lines that were not valid records (skipped).
	BadLines int

	mu    sync.Mutex
	done  map[string]int // sha256 → records left to match
	stats *Stats
	spill *spill // summaries of the kept records, for the cross-report rules
}

// take reports whether an input with this content hash was recorded by the
// earlier run, consuming one record: two files with the same content need
// two records.
func (s *ResumeState) take(sha string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done[sha] > 0 {
		s.done[sha]--
		return true
	}
	return false
}

// LoadResume reads the JSON Lines output of an earlier run. A missing file
// is an empty state. Records without a content hash (unreadable inputs) are
// not matched, so those inputs are tried again; their old lines are kept.
func LoadResume(path string) (*ResumeState, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &ResumeState{done: map[string]int{}, stats: newStats()}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readResume(f)
}

func readResume(r io.Reader) (*ResumeState, error) {
	s := &ResumeState{done: map[string]int{}, stats: newStats()}
	br := bufio.NewReaderSize(r, 1<<20)
	var off int64
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			n := int64(len(line))
			var rec Record
			body := bytes.TrimSpace(line)
			switch {
			case len(body) == 0:
				s.Offset = off + n
			case json.Unmarshal(body, &rec) != nil || rec.Kind == "":
				s.BadLines++
				s.Offset = off + n
			case rec.Kind == KindCross:
				// Cross records close a run: everything after them is
				// recomputed, so stop here and truncate.
				return s, nil
			default:
				s.stats.add(&rec)
				s.Records++
				if rec.SHA256 != "" {
					s.done[rec.SHA256]++
				}
				if len(rec.Summary) > 0 {
					if s.spill == nil {
						sp, err := newSpill()
						if err != nil {
							return s, err
						}
						s.spill = sp
					}
					if err := s.spill.add(rec.File, rec.SHA256, rec.Meta, rec.Summary); err != nil {
						return s, err
					}
				}
				s.Offset = off + n
			}
			off += n
		}
		if err == io.EOF {
			return s, nil // a last line without "\n" is a truncated write: dropped
		}
		if err != nil {
			return s, fmt.Errorf("audit: reading the earlier output: %w", err)
		}
	}
}

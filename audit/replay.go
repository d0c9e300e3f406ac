package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Replay reads the JSON Lines output of a run and writes its records to
// sink, so that a long run (or a resumed one) written as .jsonl can be
// turned into .csv or .xlsx without parsing the reports again. A truncated
// last line is skipped. The sink is not closed.
func Replay(path string, sink Sink) (*Stats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st := newStats()
	br := bufio.NewReaderSize(f, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			if body := bytes.TrimSpace(line); len(body) > 0 {
				var rec Record
				if jerr := json.Unmarshal(body, &rec); jerr != nil || rec.Kind == "" {
					return st, fmt.Errorf("audit: %s:%d: not an audit record", path, n)
				}
				rec.Summary = nil
				st.add(&rec)
				if werr := sink.Write(&rec); werr != nil {
					return st, werr
				}
			}
		}
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, err
		}
	}
}

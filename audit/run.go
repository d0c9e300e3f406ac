package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser"
)

// CrossFinding is a finding of a cross-report rule about the report at
// Index in the slice of summaries given to Options.Cross.
type CrossFinding struct {
	Index   int
	Finding model.Finding
}

// Progress is what Options.Progress is told after each input.
type Progress struct {
	Done, Total int // inputs finished (including resumed ones) and in all
	Failed      int // inputs that yielded an error record
	Resumed     int // inputs skipped because an earlier run recorded them
}

// Options configure Run. The zero value parses with the real parser, runs no
// rules and uses GOMAXPROCS workers.
type Options struct {
	// Workers is the number of files processed at once (0: GOMAXPROCS).
	Workers int
	// Timeout bounds the parse and checks of one file (0: 60s). A parse that
	// ignores its context is abandoned when the deadline passes and the file
	// is recorded as a timeout.
	Timeout time.Duration
	// MaxBytes skips larger files with a too_large record (0: 256 MiB).
	MaxBytes int64
	// Parse parses one file (nil: parser.ParseBytes).
	Parse func(ctx context.Context, b []byte, name string) (*model.Report, error)
	// Check runs the single-report rules (nil: none).
	Check func(rep *model.Report) []model.Finding
	// Summarize returns the small JSON facts of a report that the cross-report
	// rules need (nil: no cross-report rules).
	Summarize func(rep *model.Report) (json.RawMessage, error)
	// Cross runs the cross-report rules over the summaries after the pass
	// (over two consecutive years at a time; see the package doc). It owns
	// the slice and may clear its elements once decoded, to save memory.
	Cross func(sums []json.RawMessage) ([]CrossFinding, error)
	// Sink receives the records (nil: records are only counted).
	Sink Sink
	// Resume holds the records of an earlier run; inputs whose content hash
	// it lists are skipped (see LoadResume).
	Resume *ResumeState
	// Progress, if set, is called from the writer goroutine after each input.
	Progress func(Progress)
	// Window bounds the records held for reordering (0: 32 × Workers): a
	// slow file holds back at most this many finished records.
	Window int
}

// Sink receives records in input order, then the cross records.
type Sink interface {
	// Write stores one record. It is called from a single goroutine.
	Write(r *Record) error
	// Close finishes the output; st is the run's final statistics.
	Close(st *Stats) error
}

type job struct {
	idx  int
	path string
}

type result struct {
	idx     int
	rec     *Record
	skip    bool // resumed: no record
	dropped bool // cancelled by the caller: no record
}

// Run processes every input and writes one record per input to opts.Sink,
// then the cross-report records. It returns the run's statistics. The error
// is non-nil only when the run could not complete: ctx was cancelled (the
// inputs not yet written are left for a resume) or the sink failed.
func Run(ctx context.Context, inputs []string, opts Options) (*Stats, error) {
	start := time.Now()
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 256 << 20
	}
	if opts.Parse == nil {
		opts.Parse = func(ctx context.Context, b []byte, name string) (*model.Report, error) {
			return parser.ParseBytes(ctx, b, parser.Options{Name: name})
		}
	}
	if opts.Window <= 0 {
		opts.Window = 32 * opts.Workers
	}
	st := newStats()
	var sp *spill
	if rs := opts.Resume; rs != nil {
		st = rs.stats
		rs.stats = newStats()
		sp, rs.spill = rs.spill, nil
	}
	if sp == nil && opts.Summarize != nil {
		var err error
		if sp, err = newSpill(); err != nil {
			return st, err
		}
	}
	defer sp.close()
	a := &auditor{opts: opts, resume: opts.Resume}

	jobs := make(chan job)
	results := make(chan result, opts.Workers)
	window := make(chan struct{}, opts.Window)
	var wg sync.WaitGroup
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- a.process(ctx, j)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, p := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, p}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var sinkErr error
	pending := make(map[int]result)
	next := 0
	// After the first input dropped by a cancellation nothing more is
	// written, so that the output is a prefix of the inputs and a resume
	// appends the rest in order.
	stopped := false
	prog := Progress{Total: len(inputs)}
	for res := range results {
		pending[res.idx] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if r.dropped || stopped {
				stopped = true
				continue
			}
			if r.skip {
				prog.Resumed++
				prog.Done++
			} else {
				if r.rec.Error != nil {
					prog.Failed++
				}
				st.add(r.rec)
				if sp != nil && len(r.rec.Summary) > 0 && sinkErr == nil {
					sinkErr = sp.add(r.rec.File, r.rec.SHA256, r.rec.Meta, r.rec.Summary)
				}
				if opts.Sink != nil && sinkErr == nil {
					sinkErr = opts.Sink.Write(r.rec)
				}
				prog.Done++
			}
			if opts.Progress != nil {
				opts.Progress(prog)
			}
		}
	}
	st.Abandoned = int(a.abandoned.Load())
	st.Resumed = prog.Resumed
	if sinkErr != nil {
		return st, sinkErr
	}
	if err := ctx.Err(); err != nil {
		st.Elapsed = time.Since(start)
		return st, err
	}
	if next != len(inputs) {
		return st, fmt.Errorf("audit: %d of %d inputs finished (bug)", next, len(inputs))
	}
	if opts.Cross != nil && sp != nil && len(sp.ents) > 0 {
		if err := a.cross(sp, st); err != nil {
			return st, err
		}
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

type auditor struct {
	opts      Options
	resume    *ResumeState
	abandoned atomic.Int64
}

// cross runs the cross-report rules and writes their findings grouped by the
// report they concern, in the order of the reports.
func (a *auditor) cross(sp *spill, st *Stats) error {
	idx, found, err := sp.cross(a.opts.Cross)
	if err != nil {
		return err
	}
	for _, i := range idx {
		fs := found[i]
		sort.SliceStable(fs, func(x, y int) bool { return fs[x].RuleID < fs[y].RuleID })
		r, err := sp.read(i)
		if err != nil {
			return fmt.Errorf("audit: reading back the summaries: %w", err)
		}
		rec := &Record{Kind: KindCross, File: r.File, SHA256: r.SHA256, OK: true, Meta: r.Meta, Findings: fs}
		st.add(rec)
		if a.opts.Sink != nil {
			if err := a.opts.Sink.Write(rec); err != nil {
				return err
			}
		}
	}
	return nil
}

// process turns one input into its record.
func (a *auditor) process(ctx context.Context, j job) result {
	start := time.Now()
	rec := &Record{Kind: KindReport, File: j.path, Findings: []model.Finding{}}
	done := func() result {
		rec.DurationMS = float64(time.Since(start).Microseconds()) / 1000
		return result{idx: j.idx, rec: rec}
	}
	if ctx.Err() != nil {
		return result{idx: j.idx, dropped: true}
	}
	b, err := readFile(j.path, a.opts.MaxBytes)
	if err != nil {
		rec.Error = classify("read", err)
		return done()
	}
	sum := sha256.Sum256(b)
	rec.SHA256 = hex.EncodeToString(sum[:])
	if a.resume != nil && a.resume.take(rec.SHA256) {
		return result{idx: j.idx, skip: true}
	}
	rep, err := a.parse(ctx, b, j.path)
	b = nil
	if err != nil {
		if ctx.Err() != nil && !errors.Is(err, ErrTimeout) {
			// The caller stopped the run: this input is left for a resume.
			return result{idx: j.idx, dropped: true}
		}
		rec.Error = classify("parse", err)
		return done()
	}
	rec.OK = true
	rec.Input = rep.Input
	meta := rep.Meta
	rec.Meta = &meta
	rec.Format = rep.Format.String()
	rec.Cells, rec.Uncertain = rep.FlatMap()
	rec.Diagnostics = rep.Diagnostics
	if a.opts.Check != nil {
		if err := guard("check", func() { rec.Findings = a.opts.Check(rep) }); err != nil {
			rec.OK = false
			rec.Error = classify("check", err)
		}
		if rec.Findings == nil {
			rec.Findings = []model.Finding{}
		}
	} else if len(rep.Findings) > 0 {
		rec.Findings = rep.Findings
	}
	if a.opts.Summarize != nil && rec.Error == nil {
		var s json.RawMessage
		var serr error
		if err := guard("summarize", func() { s, serr = a.opts.Summarize(rep) }); err != nil {
			serr = err
		}
		if serr != nil {
			rec.OK = false
			rec.Error = classify("summarize", serr)
		} else {
			rec.Summary = s
		}
	}
	return done()
}

// guard runs fn, turning a panic into an internal error.
func guard(stage string, fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError(stage, p)
		}
	}()
	fn()
	return nil
}

// parse runs Options.Parse under recover and a hard deadline. If the parse
// does not return by the deadline (it ignores its context), it is abandoned:
// its goroutine keeps running, but the input is recorded as a timeout and the
// worker moves on.
func (a *auditor) parse(ctx context.Context, b []byte, name string) (*model.Report, error) {
	pctx, cancel := context.WithTimeout(ctx, a.opts.Timeout)
	defer cancel()
	type out struct {
		rep *model.Report
		err error
	}
	ch := make(chan out, 1)
	go func() {
		var o out
		if perr := guard("parse", func() { o.rep, o.err = a.opts.Parse(pctx, b, name) }); perr != nil {
			o.rep, o.err = nil, perr
		}
		if o.err == nil && o.rep == nil {
			o.err = &Error{Kind: ErrKindInternal, Stage: "parse", Err: errors.New("parser returned no report and no error")}
		}
		ch <- o
	}()
	select {
	case o := <-ch:
		if o.err != nil && pctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			return nil, &Error{Kind: ErrKindTimeout, Stage: "parse", Err: fmt.Errorf("%w (%s): %v", ErrTimeout, a.opts.Timeout, o.err)}
		}
		return o.rep, o.err
	case <-pctx.Done():
	}
	// Give a parse that watches its context a moment to return on its own.
	grace := time.NewTimer(50 * time.Millisecond)
	defer grace.Stop()
	select {
	case o := <-ch:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if o.err == nil {
			return o.rep, nil
		}
	case <-grace.C:
		a.abandoned.Add(1)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return nil, &Error{Kind: ErrKindTimeout, Stage: "parse", Err: fmt.Errorf("%w (%s)", ErrTimeout, a.opts.Timeout)}
}

// readFile reads a regular file of at most max bytes.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Kind: ErrKindIO, Stage: "read", Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Kind: ErrKindIO, Stage: "read", Err: err}
	}
	if st.IsDir() {
		return nil, &Error{Kind: ErrKindIO, Stage: "read", Err: fmt.Errorf("%s is a folder", path)}
	}
	if st.Size() > max {
		return nil, &Error{Kind: ErrKindTooLarge, Stage: "read", Err: fmt.Errorf("%d bytes, limit %d", st.Size(), max)}
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &Error{Kind: ErrKindIO, Stage: "read", Err: err}
	}
	if int64(len(b)) > max {
		return nil, &Error{Kind: ErrKindTooLarge, Stage: "read", Err: fmt.Errorf("more than %d bytes", max)}
	}
	return b, nil
}

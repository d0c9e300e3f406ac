package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/xxgk/nianbao/audit"
	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/model"
)

const auditUsage = `usage: nianbao audit [flags] PATH…

Parses and checks many reports. PATH is a file, a folder (searched
recursively for .txt .md .html .pdf .docx … files), a glob, or "-" to read a
list of paths from stdin. Every input yields one record: a report with its
findings, or a typed error.

With --from FILE.jsonl, the records of an earlier run are written to -o
(.csv or .xlsx) or summarised, without parsing again.

Output, chosen by the extension of -o:
  .jsonl  one JSON object per report (meta, cells, diagnostics, findings)
  .csv    one row per report (UTF-8 with BOM, for Excel)
  .xlsx   sheets Reports, Findings and Summary
  none    a readable summary on stdout

Exit status: 0 all reports parsed and no error-level finding; 1 an input
failed or a report has an error-level finding; 2 usage error.

Flags:
`

// auditFlags are the parsed flags of `nianbao audit`.
type auditFlags struct {
	out        string
	resume     bool
	workers    int
	timeout    time.Duration
	maxBytes   int64
	exts       string
	progress   string
	only, skip string
	from       string
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// runAudit implements `nianbao audit`.
func runAudit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tuneGC()
	var af auditFlags
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, auditUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&af.out, "o", "", "output `file`: .jsonl, .csv or .xlsx")
	fs.BoolVar(&af.resume, "resume", false, "skip inputs already in the -o .jsonl file (by content hash) and append")
	fs.IntVar(&af.workers, "j", 0, "files processed at once (default GOMAXPROCS)")
	fs.DurationVar(&af.timeout, "timeout", 60*time.Second, "deadline per file")
	fs.Int64Var(&af.maxBytes, "max-bytes", 256<<20, "skip larger files with a too_large error")
	fs.StringVar(&af.exts, "ext", strings.Join(audit.DefaultExtensions, ","), "extensions taken from folders")
	fs.StringVar(&af.progress, "progress", "auto", "progress bar on stderr: auto (when a terminal), always, never")
	fs.StringVar(&af.only, "rules", "", "run only these rule IDs (comma-separated)")
	fs.StringVar(&af.skip, "skip", "", "rule IDs not to run (comma-separated)")
	fs.StringVar(&af.from, "from", "", "convert the records of an earlier `.jsonl` output to -o (.csv or .xlsx) instead of auditing")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	ext := strings.ToLower(filepath.Ext(af.out))
	if af.from != "" {
		return convertAudit(af, ext, paths, stdout, stderr)
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	if af.out != "" && ext != ".jsonl" && ext != ".csv" && ext != ".xlsx" {
		fmt.Fprintf(stderr, "nianbao audit: -o %s: the extension must be .jsonl, .csv or .xlsx\n", af.out)
		return 2
	}
	if af.resume && ext != ".jsonl" {
		fmt.Fprintln(stderr, "nianbao audit: --resume needs a .jsonl output (-o FILE.jsonl)")
		return 2
	}
	if af.progress != "auto" && af.progress != "always" && af.progress != "never" {
		fmt.Fprintf(stderr, "nianbao audit: --progress %q: want auto, always or never\n", af.progress)
		return 2
	}

	var exts []string
	for _, e := range strings.Split(af.exts, ",") {
		if e = strings.TrimSpace(strings.ToLower(e)); e != "" {
			if !strings.HasPrefix(e, ".") {
				e = "." + e
			}
			exts = append(exts, e)
		}
	}
	inputs, err := audit.Expand(ctx, paths, audit.ExpandOptions{Extensions: exts, Stdin: stdin})
	if err != nil {
		fmt.Fprintf(stderr, "nianbao audit: listing inputs: %v\n", err)
		return 1
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "nianbao audit: no input files found")
		return 2
	}

	opts := auditOptions(af)
	if af.resume {
		rs, err := audit.LoadResume(af.out)
		if err != nil {
			fmt.Fprintf(stderr, "nianbao audit: --resume: %v\n", err)
			return 1
		}
		if rs.BadLines > 0 {
			fmt.Fprintf(stderr, "nianbao audit: --resume: %d unreadable lines in %s skipped\n", rs.BadLines, af.out)
		}
		opts.Resume = rs
	}
	switch ext {
	case ".jsonl":
		opts.Sink, err = audit.CreateJSONL(af.out, opts.Resume)
	case ".csv":
		opts.Sink, err = audit.CreateCSV(af.out)
	case ".xlsx":
		opts.Sink, err = audit.CreateXLSX(af.out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nianbao audit: %v\n", err)
		return 1
	}

	showBar := af.progress == "always"
	if af.progress == "auto" {
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			showBar = true
		}
	}
	var bar *progressbar.ProgressBar
	if showBar {
		bar = progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("auditing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("reports"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
		lastFailed := -1
		opts.Progress = func(p audit.Progress) {
			if p.Failed != lastFailed {
				lastFailed = p.Failed
				bar.Describe(fmt.Sprintf("auditing (%d failed)", p.Failed))
			}
			bar.Set(p.Done)
		}
	}

	st, runErr := audit.Run(ctx, inputs, opts)
	if bar != nil {
		bar.Finish()
	}
	var closeErr error
	if opts.Sink != nil {
		closeErr = opts.Sink.Close(st)
	}
	if runErr != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "nianbao audit: interrupted after %d of %d inputs", st.Inputs-st.Resumed, len(inputs))
			if ext == ".jsonl" {
				fmt.Fprintf(stderr, "; continue with: nianbao audit --resume -o %s …", af.out)
			}
			fmt.Fprintln(stderr)
		} else {
			fmt.Fprintf(stderr, "nianbao audit: %v\n", runErr)
		}
		return 1
	}
	if closeErr != nil {
		fmt.Fprintf(stderr, "nianbao audit: writing %s: %v\n", af.out, closeErr)
		return 1
	}
	if af.out == "" {
		audit.WriteSummary(stdout, st)
	} else {
		fmt.Fprintf(stderr, "nianbao audit: %d inputs, %d failed, %d reports with error findings, %d resumed → %s\n",
			st.Inputs, st.Failed, st.WithErrors, st.Resumed, af.out)
	}
	return st.ExitCode()
}

// convertAudit implements --from: it writes the records of a .jsonl output
// as CSV or XLSX, or as the summary on stdout.
func convertAudit(af auditFlags, ext string, paths []string, stdout, stderr io.Writer) int {
	if len(paths) > 0 || af.resume || (ext != "" && ext != ".csv" && ext != ".xlsx") {
		fmt.Fprintln(stderr, "nianbao audit: --from FILE.jsonl takes no PATH and writes -o FILE.csv, -o FILE.xlsx or a summary")
		return 2
	}
	var sink audit.Sink
	var err error
	switch ext {
	case ".csv":
		sink, err = audit.CreateCSV(af.out)
	case ".xlsx":
		sink, err = audit.CreateXLSX(af.out)
	default:
		sink = discard{}
	}
	if err != nil {
		fmt.Fprintf(stderr, "nianbao audit: %v\n", err)
		return 1
	}
	st, err := audit.Replay(af.from, sink)
	if cerr := sink.Close(st); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "nianbao audit: %v\n", err)
		return 1
	}
	if af.out == "" {
		audit.WriteSummary(stdout, st)
	}
	return st.ExitCode()
}

type discard struct{}

func (discard) Write(*audit.Record) error { return nil }
func (discard) Close(*audit.Stats) error  { return nil }

// auditOptions wires the parser and the rules into the audit.
func auditOptions(af auditFlags) audit.Options {
	copts := check.DefaultOptions()
	copts.Only = splitIDs(af.only)
	copts.Skip = splitIDs(af.skip)
	opts := audit.Options{
		Workers:  af.workers,
		Timeout:  af.timeout,
		MaxBytes: af.maxBytes,
		Check:    func(rep *model.Report) []model.Finding { return check.Run(rep, copts) },
	}
	wireCross(&opts, copts)
	return opts
}

// wireCross connects the cross-report rules (T3-YOY-CARRY,
// T3-YOY-IDENTICAL, META-DUP-PRIOR): each worker keeps the report's small
// check.Summary as JSON, and CrossCheck runs over all of them after the pass.
func wireCross(opts *audit.Options, copts check.Options) {
	opts.Summarize = func(rep *model.Report) (json.RawMessage, error) {
		return json.Marshal(check.Summarize(rep))
	}
	opts.Cross = func(raw []json.RawMessage) ([]audit.CrossFinding, error) {
		sums := make([]check.Summary, len(raw))
		for i, r := range raw {
			if err := json.Unmarshal(r, &sums[i]); err != nil {
				return nil, fmt.Errorf("summary %d: %w", i, err)
			}
			raw[i] = nil // the JSON is no longer needed: let it be collected
		}
		cf := check.CrossCheck(sums, copts)
		out := make([]audit.CrossFinding, len(cf))
		for i, c := range cf {
			out[i] = audit.CrossFinding{Index: c.Index, Finding: c.Finding}
		}
		return out, nil
	}
}

func splitIDs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// tuneGC trades memory the batch does not need for speed: a report's parse
// allocates a few hundred kilobytes that die at once, and the live heap of
// a streaming audit is small, so collecting at 5× the live heap (GOGC=400)
// costs about 20 MB of peak RSS and saves about 7% of the CPU per report
// (audit/bench.sh, four alternated runs against GOGC=100). A soft limit
// keeps the process well under 300 MB. GOGC or GOMEMLIMIT in the
// environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
}

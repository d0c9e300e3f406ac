package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/xxgk/nianbao/check"
	"github.com/xxgk/nianbao/model"
	"github.com/xxgk/nianbao/parser"
)

const usage = `nianbao reads and audits 政府信息公开工作年度报告 (government information-
disclosure annual reports) in text, markdown, HTML, DOCX or PDF.

usage:
  nianbao parse [flags] FILE…    the report as JSON (JSON Lines for several files)
  nianbao cells [flags] FILE     the flat cell map as one JSON object
  nianbao check [flags] FILE…    findings, human-readable (--json: JSON Lines)
  nianbao audit [flags] PATH…    batch over files, folders and globs (see nianbao audit -h)
  nianbao rules [--markdown]     the rules catalogue
  nianbao dump FILE              what the front end read: blocks and grids with locations

FILE may be - for standard input. The input format is sniffed from the
content, not taken from the extension.

exit status: 0 no error-severity finding; 1 an error-severity finding;
2 usage error or unreadable input.
`

// run is the whole CLI; main only supplies the process's streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "parse", "cells", "check":
		return runReports(ctx, cmd, rest, stdin, stdout, stderr)
	case "audit":
		return runAudit(ctx, rest, stdin, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "dump":
		return runDump(ctx, rest, stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nianbao: unknown command %q\n\n%s", cmd, usage)
	return 2
}

// commonFlags are the flags shared by parse, cells and check.
type commonFlags struct {
	format   string
	timeout  time.Duration
	password string
	only     string
	skip     string
	jsonOut  bool
	all      bool
}

func (c *commonFlags) register(fs *flag.FlagSet, cmd string) {
	fs.StringVar(&c.format, "format", "", "force the input format: text, markdown, html, docx, pdf")
	fs.DurationVar(&c.timeout, "timeout", 60*time.Second, "deadline per file")
	fs.StringVar(&c.password, "password", "", "user password of an encrypted PDF")
	if cmd != "cells" {
		fs.StringVar(&c.only, "rules", "", "run only these rule IDs (comma-separated)")
		fs.StringVar(&c.skip, "skip", "", "do not run these rule IDs (comma-separated)")
	}
	if cmd == "check" {
		fs.BoolVar(&c.jsonOut, "json", false, "JSON Lines: one finding per line")
		fs.BoolVar(&c.all, "all", false, "also list rules that were not applicable")
	}
}

func (c *commonFlags) checkOptions() (check.Options, error) {
	o := check.DefaultOptions()
	o.Only, o.Skip = splitIDs(c.only), splitIDs(c.skip)
	o.IncludeNotApplicable = c.all
	for _, id := range append(append([]string{}, o.Only...), o.Skip...) {
		if check.Lookup(id) == nil {
			return o, fmt.Errorf("unknown rule %q (see nianbao rules)", id)
		}
	}
	return o, nil
}

// load parses one named input ("-" is standard input) and runs the checks.
func load(ctx context.Context, name string, stdin io.Reader, c *commonFlags, opts check.Options) (*model.Report, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	rep, err := parser.Parse(ctx, r, parser.Options{Name: name, Format: c.format, Timeout: c.timeout, Password: c.password})
	if err != nil {
		return nil, err
	}
	rep.Findings = check.Run(rep, opts)
	return rep, nil
}

func runReports(ctx context.Context, cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nianbao "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c commonFlags
	c.register(fs, cmd)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files := fs.Args()
	if len(files) == 0 || (cmd == "cells" && len(files) != 1) {
		if cmd == "cells" {
			fmt.Fprintln(stderr, "usage: nianbao cells [flags] FILE (exactly one file)")
		} else {
			fmt.Fprintf(stderr, "usage: nianbao %s [flags] FILE…\n", cmd)
		}
		return 2
	}
	opts, err := c.checkOptions()
	if err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	code := 0
	for _, name := range files {
		rep, err := load(ctx, name, stdin, &c, opts)
		if err != nil {
			fmt.Fprintf(stderr, "nianbao: %v\n", err)
			if cmd == "check" && c.jsonOut {
				writeJSONLine(w, map[string]any{"file": name, "error": err.Error(), "error_kind": errorKind(err)})
			}
			code = 2
			continue
		}
		var e error
		switch cmd {
		case "parse":
			e = writeParse(w, rep, len(files) > 1)
		case "cells":
			e = writeCells(w, rep)
		case "check":
			if c.jsonOut {
				e = writeCheckJSON(w, name, rep)
			} else {
				e = writeCheckText(w, name, rep)
			}
		}
		if e != nil {
			fmt.Fprintln(stderr, "nianbao:", e)
			return 2
		}
		if code == 0 && hasError(rep.Findings) {
			code = 1
		}
	}
	if cmd == "cells" || cmd == "parse" {
		// parse and cells report data; their exit status only says whether
		// the input could be read.
		if code == 1 {
			code = 0
		}
	}
	return code
}

func hasError(fs []model.Finding) bool {
	for _, f := range fs {
		if f.Severity == model.SevError && f.Status == model.StatusFail {
			return true
		}
	}
	return false
}

// errorKind names the cause of an input error for machine-readable output.
func errorKind(err error) string {
	switch {
	case errors.Is(err, parser.ErrEmpty):
		return "empty"
	case errors.Is(err, parser.ErrBinary):
		return "binary"
	case errors.Is(err, parser.ErrUnsupported):
		return "unsupported"
	case errors.Is(err, parser.ErrTooLarge):
		return "too_large"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, parser.ErrInternal):
		return "internal"
	case errors.Is(err, os.ErrNotExist):
		return "not_found"
	}
	var ie *parser.InputError
	if errors.As(err, &ie) && ie.Format != "" {
		return ie.Format
	}
	return "unreadable"
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func writeParse(w io.Writer, rep *model.Report, lines bool) error {
	if lines {
		return writeJSONLine(w, rep)
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// writeCells prints the flat cell map: cell keys, meta.year, meta.body,
// meta.format, and the "uncertain" array, with sorted keys.
func writeCells(w io.Writer, rep *model.Report) error {
	m, unc := rep.FlatMap()
	m["uncertain"] = unc
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func writeCheckJSON(w io.Writer, name string, rep *model.Report) error {
	for _, f := range rep.Findings {
		if err := writeJSONLine(w, struct {
			File string `json:"file"`
			model.Finding
		}{name, f}); err != nil {
			return err
		}
	}
	return nil
}

// writeCheckText prints the findings of one report for a reader, with the
// cells each finding cites.
func writeCheckText(w io.Writer, name string, rep *model.Report) error {
	body := rep.Meta.Body
	if body == "" {
		body = "(issuing body not found)"
	}
	year := "?"
	if rep.Meta.Year > 0 {
		year = fmt.Sprint(rep.Meta.Year)
	}
	fmt.Fprintf(w, "%s — %s %s, format %s\n", name, body, year, rep.Format)
	if len(rep.Findings) == 0 {
		fmt.Fprintln(w, "  no findings")
	}
	counts := map[model.Severity]int{}
	unsure := 0
	for _, f := range rep.Findings {
		if f.Status == model.StatusFail {
			counts[f.Severity]++
		} else {
			unsure++
		}
		// A failed rule is labelled with its severity; a rule that could not
		// be evaluated says so first, its severity in brackets.
		label, sev := strings.ToUpper(f.Severity.String()), ""
		switch f.Status {
		case model.StatusUncertain:
			label, sev = "UNSURE", " ("+f.Severity.String()+" rule, not evaluated)"
		case model.StatusNotApplicable:
			label, sev = "N/A", ""
		}
		col := ""
		if f.Column != "" {
			col = " [" + f.Column + "]"
		}
		fmt.Fprintf(w, "  %-7s %s%s%s\n", label, f.RuleID, col, sev)
		fmt.Fprintf(w, "          %s\n", f.Message)
		fmt.Fprintf(w, "          %s\n", f.MessageEN)
		for _, c := range f.Cells {
			note := ""
			if c.ImpliedZero {
				note = " (printed blank: counted as 0)"
			}
			if c.Uncertain {
				note = " (uncertain)"
			}
			fmt.Fprintf(w, "          · %s = %q at %s%s\n", c.Key, c.Raw, c.Src, note)
		}
		if f.Related != "" {
			fmt.Fprintf(w, "          · compared with %s\n", f.Related)
		}
	}
	diag := 0
	for _, d := range rep.Diagnostics {
		if d.Severity >= model.SevWarning {
			diag++
		}
	}
	if len(rep.Findings) > 0 || diag > 0 {
		fmt.Fprintf(w, "  %d error, %d warning, %d info, %d not evaluated; %d extraction warnings (see nianbao parse)\n",
			counts[model.SevError], counts[model.SevWarning], counts[model.SevInfo], unsure, diag)
	}
	fmt.Fprintln(w)
	return nil
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nianbao rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	md := fs.Bool("markdown", false, "print a markdown table (the README's rules table)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rules := append([]*check.Rule(nil), check.All...)
	cross := map[*check.Rule]bool{}
	for _, r := range check.CrossRules {
		rules = append(rules, r)
		cross[r] = true
	}
	if *md {
		fmt.Fprintln(stdout, "| rule | severity | formats | what it checks |")
		fmt.Fprintln(stdout, "|---|---|---|---|")
	}
	for _, r := range rules {
		var fmts []string
		for _, f := range r.Formats {
			fmts = append(fmts, f.String())
		}
		sort.Strings(fmts)
		fstr := strings.Join(fmts, ", ")
		if fstr == "" {
			fstr = "all"
		}
		if cross[r] {
			fstr += " (across reports: audit)"
		}
		if *md {
			fmt.Fprintf(stdout, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, fstr, r.Title())
		} else {
			fmt.Fprintf(stdout, "%-20s %-8s %-10s %s\n", r.ID, r.Severity, fstr, r.Title())
		}
	}
	return 0
}

func runDump(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nianbao dump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c commonFlags
	c.register(fs, "cells")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: nianbao dump [flags] FILE")
		return 2
	}
	name := fs.Arg(0)
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	doc, err := parser.ParseDocument(ctx, b, parser.Options{Name: name, Format: c.format, Timeout: c.timeout, Password: c.password})
	if err != nil {
		fmt.Fprintln(stderr, "nianbao:", err)
		return 2
	}
	fmt.Fprint(stdout, doc.Dump())
	for _, d := range doc.Diagnostics {
		fmt.Fprintf(stdout, "diagnostic %s %s at %s: %s\n", d.Severity, d.Code, d.Src, d.Message)
	}
	return 0
}

// Package audit runs the parser and the rules over many reports at once:
// thousands of files from folders, globs or a list, with a bounded pool of
// workers, a deadline per file and memory that does not grow with the size
// of the corpus.
//
// Every input yields exactly one Record: a parsed report with its cell map,
// diagnostics and findings, or a typed error (io, too_large, empty, binary,
// unsupported, parse, timeout, internal). A panic or a hang in one file never
// stops the run: the parse runs under recover and a hard deadline, and a
// file whose parse does not return in time is recorded as a timeout.
//
// Records are written in input order through a small reorder window, so that
// two runs over the same inputs produce the same file (up to timings) and a
// resumed run continues the file where it stopped. A record is written with
// a single write call per line, so a crash leaves every completed record
// readable; Resume reads such a file back, dropping a truncated last line.
//
// Cross-report rules (year-over-year carry-over, identical tables, copied
// text) need facts from many reports. Workers produce a small JSON summary
// per report, which the run appends to an unlinked temporary file (16 bytes
// per report stay in memory). After the pass the cross-check function runs
// over two consecutive years at a time, since every cross-report rule
// relates a year-N report only to year N and year N−1, and its findings are
// written as extra records of kind "cross", attributed to the report they
// concern. Memory is thus bounded by the in-flight reports and by the
// summaries of the largest two-year window, not by the corpus.
//
// The rules themselves are injected (Options.Check, Summarize, Cross), so
// that this package depends on the parser and the model only.
package audit

// Package model holds the types of a parsed government information-disclosure
// annual report (政府信息公开工作年度报告): its metadata, sections, the typed
// statistical tables of the 2019 and 2021 formats and the legacy key figures,
// the cells they are made of, parse diagnostics and rule findings.
//
// The package has no I/O and no parsing. Every table cell is a Cell that keeps
// the text as printed (Raw), what kind of text it was (Kind), its exact value
// (Num), where it came from (Src) and what the parser had to do to place it
// (Flags). A cell the parser could not place with certainty carries
// FlagUncertain; it is never silently given a value.
//
// Every table cell has a canonical flat key (see Keys and Report.Cell), the
// same keys that the CLI's cells output, golden files and the corpus truth
// files use: t2.rules.issued, t3.new_received.total, t4.review.total, ….
package model

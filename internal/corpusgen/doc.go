// Package corpusgen writes a synthetic corpus of government
// information-disclosure annual reports for end-to-end tests and
// benchmarks of the audit: reports of several years for the same bodies
// (county governments, townships and subdistricts, county departments)
// across a few counties, in the 2019 and 2021 formats, rendered in every
// text layout seen in the wild (tab-separated, markdown pipes, space-aligned
// pdftotext -layout text, one cell per line, crawler text with cells run
// together) and as CMS-like HTML pages with merged cells.
//
// Numbers are consistent by construction: per table-3 column R1 + R2 =
// R3.7 + R4, R3.7 is the sum of the result rows, every 总计 is the sum of
// its parts, every table-4 总计 the sum of its parts, and a body's 上年结转
// equals its previous report's 结转下年度继续办理. A share of the reports
// then gets one injected defect, recorded in the report's Manifest with the
// rule ID that must flag it, so that a test can check that the audit finds
// every defect and flags nothing error-level on the clean reports.
//
// Everything is deterministic from Options.Seed.
package corpusgen

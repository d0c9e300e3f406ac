// Package check holds the audit rules of nianbao: the balance rules
// (勾稽关系) of the statistical tables, structure, format and timeliness
// checks of one report, and the cross-report rules that compare a report
// with the same body's previous year or with other bodies' reports.
//
// The design follows golang.org/x/tools/go/analysis. A Rule is a value with
// a stable ID (the IDs of domain.md §7), a Doc text, a Severity, the formats
// it applies to and a Run function. All is the ordered slice of every rule;
// Run applies the selected rules to a model.Report and returns their
// findings in a deterministic order. A rule reports through the helpers of
// its Pass (Fail, Uncertain, NotApplicable); the runner stamps the rule ID
// and severity, and turns a panicking rule into an uncertain finding rather
// than letting it escape.
//
// # Cell semantics
//
// Every rule evaluates cells with model.Cell.Eval: blank, dash and 无 count
// as zero, and a finding lists such operands with CellRef.ImpliedZero. A
// cell that is uncertain, holds unreadable text, or is absent cannot be
// evaluated: a rule that needs it reports status uncertain and names it,
// unless the cells it can read already prove a failure (the counts of the
// tables are never negative, so a partial sum larger than a complete one is
// a proven failure). A rule never passes silently over unknown operands.
// A rule whose table is missing reports nothing (not_applicable on request);
// STR-TABLE-MISSING reports missing tables.
//
// # Blank totals
//
// Some reports print the 总计 column blank while the applicant columns hold
// numbers (上海市政府办公厅 2019). Read as zero, such a row would break
// T3-ROW-TOTAL, and T3-RESULT-SUM and T3-BALANCE on the total column. The
// defect is reported once, by T3-TOTAL-BLANK (warning), for each such row;
// T3-ROW-TOTAL skips the row, and the other sum rules treat that blank total
// as unknown, so their total column comes out uncertain (or a failure when
// the readable cells prove one) instead of an error built on an implied zero.
//
// # Cross-report rules
//
// Cross-report rules (T3-YOY-CARRY, T3-YOY-IDENTICAL, META-DUP-PRIOR) work
// on Summary values, small JSON-serialisable digests made by Summarize, so
// that a batch never needs to hold two whole reports. CrossCheck compares
// them: a report with the same body (NormalizeBody) in the previous year,
// and, for META-DUP-PRIOR, other bodies' reports of the same year.
package check

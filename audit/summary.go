package audit

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteSummary prints a readable summary of a run: inputs, failures by kind,
// findings by severity and by rule, years and body levels, and the first
// failed inputs and reports with errors.
func WriteSummary(w io.Writer, st *Stats) error {
	var b strings.Builder
	fmt.Fprintf(&b, "inputs: %d  parsed: %d  failed: %d", st.Inputs, st.Reports, st.Failed)
	if st.Resumed > 0 {
		fmt.Fprintf(&b, "  resumed: %d", st.Resumed)
	}
	if st.Abandoned > 0 {
		fmt.Fprintf(&b, "  abandoned parses: %d", st.Abandoned)
	}
	if st.Elapsed > 0 {
		rate := float64(st.Inputs-st.Resumed) / st.Elapsed.Seconds()
		fmt.Fprintf(&b, "  time: %.1fs (%.0f/s)", st.Elapsed.Seconds(), rate)
	}
	b.WriteString("\n")
	if len(st.FailedByKind) > 0 {
		kinds := make([]string, 0, len(st.FailedByKind))
		for k := range st.FailedByKind {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		b.WriteString("failed by kind:")
		for _, k := range kinds {
			fmt.Fprintf(&b, " %s %d", k, st.FailedByKind[k])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "findings: %d error, %d warning, %d info (%d uncertain); %d reports with errors\n",
		st.Findings[2], st.Findings[1], st.Findings[0], st.Uncertain, st.WithErrors)
	if rules := st.Rules(); len(rules) > 0 {
		b.WriteString("\nrule                 severity  reports  findings  uncertain\n")
		for _, r := range rules {
			fmt.Fprintf(&b, "%-20s %-8s %8d %9d %10d\n", r.Rule, r.Severity, r.Reports, r.Findings, r.Uncertain)
		}
	}
	if ys := st.Years(); len(ys) > 0 {
		b.WriteString("\nyear      reports  failed  with errors\n")
		for _, y := range ys {
			fmt.Fprintf(&b, "%-8s %8d %7d %12d\n", y.Key, y.Reports, y.Failed, y.WithErrors)
		}
	}
	if ls := st.Levels(); len(ls) > 0 {
		b.WriteString("\nlevel       reports  failed  with errors\n")
		for _, l := range ls {
			fmt.Fprintf(&b, "%-10s %8d %7d %12d\n", l.Key, l.Reports, l.Failed, l.WithErrors)
		}
	}
	list := func(title string, names []string, total int) {
		if len(names) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", title, total)
		for _, n := range names {
			b.WriteString("  " + n + "\n")
		}
		if total > len(names) {
			fmt.Fprintf(&b, "  … and %d more (use -o FILE.jsonl for all)\n", total-len(names))
		}
	}
	list("failed inputs", st.FailedFiles, st.Failed)
	list("reports with error findings", st.ErrorFiles, st.WithErrors)
	_, err := io.WriteString(w, b.String())
	return err
}

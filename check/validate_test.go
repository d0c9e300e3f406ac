package check

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
	"github.com/xxgk/nianbao/model"
)

func TestValidateAll(t *testing.T) {
	if err := Validate(All); err != nil {
		t.Fatal(err)
	}
	for _, r := range append(slices.Clone(All), CrossRules...) {
		if Lookup(r.ID) != r {
			t.Errorf("Lookup(%q) does not return the rule", r.ID)
		}
		if title := r.Title(); strings.Contains(title, "\n") || title == "" {
			t.Errorf("%s: bad title %q", r.ID, title)
		}
	}
	if Lookup("NO-SUCH-RULE") != nil {
		t.Error("Lookup of an unknown ID found a rule")
	}
}

func TestValidateRejects(t *testing.T) {
	run := func(*Pass) {}
	for _, c := range []struct {
		name string
		r    *Rule
	}{
		{"lower-case ID", &Rule{ID: "t3-balance", Doc: "x\n\ny", Run: run}},
		{"ID without dash", &Rule{ID: "BALANCE", Doc: "x\n\ny", Run: run}},
		{"no Run", &Rule{ID: "T3-X", Doc: "x\n\ny"}},
		{"no explanation", &Rule{ID: "T3-X", Doc: "title only", Run: run}},
		{"no blank line", &Rule{ID: "T3-X", Doc: "title\nexplanation", Run: run}},
		{"title with period", &Rule{ID: "T3-X", Doc: "a title.\n\ny", Run: run}},
		{"capitalised title", &Rule{ID: "T3-X", Doc: "A title\n\ny", Run: run}},
		{"long title", &Rule{ID: "T3-X", Doc: strings.Repeat("long ", 14) + "\n\ny", Run: run}},
		{"bad severity", &Rule{ID: "T3-X", Doc: "x\n\ny", Run: run, Severity: 7}},
	} {
		if err := Validate([]*Rule{c.r}); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	r := &Rule{ID: "T3-X", Doc: "x\n\ny", Run: run}
	if err := Validate([]*Rule{r, r}); err == nil {
		t.Error("duplicate ID accepted")
	}
}

// TestIDsInCatalogue checks that every rule ID (per-report and
// cross-report) is in the rules catalogue of domain.md §7.
func TestIDsInCatalogue(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testutil.SharedDir(), "spec", "domain.md"))
	if err != nil {
		t.Skipf("domain.md not found (%v): skipping", err)
	}
	s := string(b)
	i := strings.Index(s, "## 7. Rules catalogue")
	j := strings.Index(s, "## 8.")
	if i < 0 || j < i {
		t.Fatal("domain.md has no §7")
	}
	cat := s[i:j]
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`[A-Z0-9]+(?:-[A-Z0-9]+)+`).FindAllString(cat, -1) {
		ids[m] = true
	}
	// "T4-NONNEG / T4-INT" share a catalogue row; the pattern finds both.
	for _, r := range append(slices.Clone(All), CrossRules...) {
		if !ids[r.ID] {
			t.Errorf("%s is not in domain.md §7", r.ID)
		}
	}
}

func TestSeveritiesMatchCatalogue(t *testing.T) {
	want := map[string]model.Severity{
		"T3-BALANCE": model.SevError, "T3-TOTAL-BLANK": model.SevWarning, "T3-EMPTY": model.SevWarning,
		"T4-SUM-REVIEW": model.SevError, "T2-INFORCE-GE": model.SevWarning, "FMT-BASIS-OUTDATED": model.SevInfo,
		"PUB-LATE": model.SevWarning, "STR-SECTIONS": model.SevWarning,
	}
	for id, sev := range want {
		if r := Lookup(id); r == nil || r.Severity != sev {
			t.Errorf("%s: severity %v, want %v", id, r.Severity, sev)
		}
	}
}

func TestUnknownIDs(t *testing.T) {
	o := Options{Only: []string{"T3-BALANCE", "T3-BALANSE", "META-DUP-PRIOR"}, Skip: []string{"PUB-LATE", "T3-BALANSE", "X"}}
	if got := o.UnknownIDs(); !slices.Equal(got, []string{"T3-BALANSE", "X"}) {
		t.Errorf("UnknownIDs = %q", got)
	}
}

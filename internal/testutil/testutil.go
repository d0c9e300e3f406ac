// Package testutil holds helpers shared by the project's tests.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the module root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// SharedDir returns the ../shared folder beside the module root.
func SharedDir() string { return filepath.Join(Root(), "..", "shared") }

// CorpusDir returns the real-report corpus folder: $NIANBAO_CORPUS, or
// ../shared/corpus beside the module root. It skips the test, saying so,
// when the folder is absent.
func CorpusDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("NIANBAO_CORPUS")
	if dir == "" {
		dir = filepath.Join(SharedDir(), "corpus")
	}
	if st, err := os.Stat(filepath.Join(dir, "truth")); err != nil || !st.IsDir() {
		t.Skipf("corpus not found at %s (set NIANBAO_CORPUS): skipping", dir)
	}
	return dir
}

// FixturesDir returns ../shared/fixtures, skipping the test when absent.
func FixturesDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("NIANBAO_FIXTURES")
	if dir == "" {
		dir = filepath.Join(SharedDir(), "fixtures")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skipf("fixtures not found at %s (set NIANBAO_FIXTURES): skipping", dir)
	}
	return dir
}

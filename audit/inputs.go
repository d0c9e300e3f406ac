package audit

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultExtensions are the file extensions collected when walking a folder.
// Files named explicitly are always taken, whatever their extension.
var DefaultExtensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx", ".doc", ".wps"}

// ExpandOptions configure Expand.
type ExpandOptions struct {
	// Extensions selects the files taken from folders (lower case, with the
	// dot); nil means DefaultExtensions.
	Extensions []string
	// Stdin is read for a list of paths, one per line, when an argument is "-".
	Stdin io.Reader
}

// Expand turns command-line arguments into the list of input paths, in a
// deterministic order: files as given; folders walked recursively in lexical
// order (hidden entries skipped); glob patterns expanded (sorted); "-" read
// as a list of paths, one per line, from opts.Stdin. A path is listed once,
// at its first occurrence. A path that does not exist or a glob that matches
// nothing is kept, so that it yields an io error record instead of being
// lost silently.
func Expand(ctx context.Context, args []string, opts ExpandOptions) ([]string, error) {
	exts := opts.Extensions
	if exts == nil {
		exts = DefaultExtensions
	}
	want := make(map[string]bool, len(exts))
	for _, e := range exts {
		want[strings.ToLower(e)] = true
	}
	seen := make(map[string]bool)
	var out []string
	add := func(p string) {
		c := filepath.Clean(p)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	var one func(arg string, explicit bool) error
	one = func(arg string, explicit bool) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := os.Stat(arg)
		if err != nil {
			if strings.ContainsAny(arg, "*?[") {
				matches, gerr := filepath.Glob(arg)
				if gerr == nil && len(matches) > 0 {
					for _, m := range matches {
						if err := one(m, false); err != nil {
							return err
						}
					}
					return nil
				}
			}
			add(arg) // recorded as an io error
			return nil
		}
		if !st.IsDir() {
			if explicit || want[strings.ToLower(filepath.Ext(arg))] {
				add(arg)
			}
			return nil
		}
		return filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if p == arg {
					return err
				}
				add(p) // unreadable entry: recorded as an io error
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if p != arg && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if want[strings.ToLower(filepath.Ext(name))] {
				add(p)
			}
			return nil
		})
	}
	for _, a := range args {
		if a == "-" {
			if opts.Stdin == nil {
				continue
			}
			sc := bufio.NewScanner(opts.Stdin)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for sc.Scan() {
				line := strings.TrimSpace(strings.TrimSuffix(sc.Text(), "\r"))
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if err := one(line, true); err != nil {
					return out, err
				}
			}
			if err := sc.Err(); err != nil {
				return out, err
			}
			continue
		}
		if err := one(a, true); err != nil {
			return out, err
		}
	}
	return out, nil
}

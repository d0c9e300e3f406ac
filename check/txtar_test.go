package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/model"
)

var runCase = flag.String("case", "", "run only the testdata/*.txtar cases whose name contains this")

// A txtar case is an archive with these files:
//
//	report.json  the report: {"base": "2021"|"2019"|"", "format", "meta",
//	             "sections": {id: text}, "cells": {flat key: value}}
//	options.json optional Options fields (only, skip, include_not_applicable, township)
//	want         one expectation per line: RULE status column "regexp"
//	             (column "-" for none); the regexp, written as is between
//	             the quotes, must match the Chinese or the English
//	             message. An empty want asserts silence.
//
// Cell values: a number is a number cell (a string such as "2.5" or "+3"
// too), null is blank, "—" a dash, "无" none, "<absent>" removes the cell,
// "?N" is the number N placed with uncertainty, any other string is text.
// As in analysistest, an unmatched finding and an unmatched expectation
// both fail the case.

type caseReport struct {
	Base     string            `json:"base"`
	Format   string            `json:"format"`
	Meta     caseMeta          `json:"meta"`
	Sections map[string]string `json:"sections"`
	Cells    map[string]any    `json:"cells"`
}

type caseMeta struct {
	Year         *int     `json:"year"`
	Body         *string  `json:"body"`
	Level        *string  `json:"level"`
	IsGovernment *bool    `json:"is_government"`
	PublishedAt  *string  `json:"published_at"` // YYYY-MM-DD, "" to remove
	Basis        []string `json:"basis"`
}

type caseOptions struct {
	Only                 []string `json:"only"`
	Skip                 []string `json:"skip"`
	IncludeNotApplicable bool     `json:"include_not_applicable"`
	Township             string   `json:"township"`
}

type expectation struct {
	line                 int
	rule, status, column string
	re                   *regexp.Regexp
}

// readTxtar splits a txtar archive into its files.
func readTxtar(b []byte) map[string][]byte {
	files := map[string][]byte{}
	var name string
	var cur bytes.Buffer
	flush := func() {
		if name != "" {
			files[name] = bytes.Clone(cur.Bytes())
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(string(b), "\n") {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			name = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return files
}

func buildCase(t *testing.T, files map[string][]byte) (*model.Report, Options, []expectation) {
	t.Helper()
	var cr caseReport
	if err := json.Unmarshal(files["report.json"], &cr); err != nil {
		t.Fatalf("report.json: %v", err)
	}
	var r *model.Report
	switch cr.Base {
	case "2021":
		r = consistent2021()
	case "2019":
		r = consistent2019()
	case "":
		r = &model.Report{}
	default:
		t.Fatalf("unknown base %q", cr.Base)
	}
	if cr.Format != "" {
		if err := r.Format.UnmarshalText([]byte(cr.Format)); err != nil {
			t.Fatal(err)
		}
	}
	m := cr.Meta
	if m.Year != nil {
		r.Meta.Year = *m.Year
	}
	if m.Body != nil {
		r.Meta.Body = *m.Body
	}
	if m.Level != nil {
		r.Meta.Level = model.BodyLevel(*m.Level)
	}
	if m.IsGovernment != nil {
		r.Meta.IsGovernment = *m.IsGovernment
	}
	if m.PublishedAt != nil {
		r.Meta.PublishedAt = nil
		if *m.PublishedAt != "" {
			d, err := time.Parse("2006-01-02", *m.PublishedAt)
			if err != nil {
				t.Fatal(err)
			}
			r.Meta.PublishedAt = &d
		}
	}
	if m.Basis != nil {
		r.Meta.BasisCited = m.Basis
	}
	for id, text := range cr.Sections {
		s := r.Section(model.SectionID(id))
		if s == nil {
			r.Sections = append(r.Sections, model.Section{ID: model.SectionID(id)})
			s = &r.Sections[len(r.Sections)-1]
		}
		s.Text = text
	}
	for key, v := range cr.Cells {
		c := cellForKey(t, r, key)
		src := c.Src
		switch v := v.(type) {
		case nil:
			*c = blank()
		case float64:
			*c = num(int64(v))
		case string:
			switch {
			case v == "—":
				*c = dash()
			case v == "无":
				*c = model.Cell{Kind: model.CellNone, Raw: v}
			case v == "<absent>":
				*c = model.Cell{}
			case strings.HasPrefix(v, "?"):
				*c = dec(v[1:])
				c.Raw = v[1:]
				c.Flags |= model.FlagUncertain
			default:
				if _, err := model.ParseDecimal(v); err == nil {
					*c = dec(v)
				} else {
					*c = text(v)
				}
			}
		default:
			t.Fatalf("cell %s: value %v", key, v)
		}
		if c.Present() {
			c.Src = src
			if src.IsZero() {
				c.Src = model.Loc{Table: 9, Row: 1}
			}
		}
	}
	o := testOptions()
	if b, ok := files["options.json"]; ok {
		var co caseOptions
		if err := json.Unmarshal(b, &co); err != nil {
			t.Fatalf("options.json: %v", err)
		}
		o.Only, o.Skip, o.IncludeNotApplicable = co.Only, co.Skip, co.IncludeNotApplicable
		if co.Township != "" {
			md, err := ParseMonthDay(co.Township)
			if err != nil {
				t.Fatal(err)
			}
			o.Deadlines.Township = md
		}
	}
	var want []expectation
	lineRe := regexp.MustCompile(`^(\S+)\s+(\S+)\s+(\S+)\s+("(?:[^"\\]|\\.)*")\s*$`)
	for i, line := range strings.Split(string(files["want"]), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		mm := lineRe.FindStringSubmatch(line)
		if mm == nil {
			t.Fatalf("want:%d: malformed %q", i+1, line)
		}
		// The pattern is taken as written between the quotes (regexp
		// escapes stay as they are); only \" stands for a quote.
		pat := strings.ReplaceAll(mm[4][1:len(mm[4])-1], `\"`, `"`)
		col := mm[3]
		if col == "-" {
			col = ""
		}
		want = append(want, expectation{i + 1, mm[1], mm[2], col, regexp.MustCompile(pat)})
	}
	return r, o, want
}

// cellForKey returns the cell of a flat key, allocating its table or row.
func cellForKey(t *testing.T, r *model.Report, key string) *model.Cell {
	parts := strings.Split(key, ".")
	switch parts[0] {
	case "t2":
		if r.Format == model.Format2019 {
			if r.Active19 == nil {
				r.Active19 = &model.ActiveDisclosure2019{}
			}
			if c := r.Active19.T2Cell(key); c != nil {
				return c
			}
		} else {
			if r.Active21 == nil {
				r.Active21 = &model.ActiveDisclosure2021{}
			}
			if c := r.Active21.T2Cell(key); c != nil {
				return c
			}
		}
	case "t3":
		if r.Requests == nil {
			r.Requests = &model.RequestTable{}
		}
		if row, ok := model.T3RowByKey(strings.Join(parts[1:len(parts)-1], ".")); ok {
			ba := row.Get(r.Requests, true)
			for i, c := range model.T3ColumnKeys {
				if c == parts[len(parts)-1] {
					return ba.Col(i)
				}
			}
		}
	case "t4":
		if r.Review == nil {
			r.Review = &model.ReviewLitigation{}
		}
		for g, gk := range model.T4GroupKeys {
			for i, ck := range model.T4ColumnKeys {
				if len(parts) == 3 && gk == parts[1] && ck == parts[2] {
					return r.Review.Group(g).Col(i)
				}
			}
		}
	}
	t.Fatalf("unknown cell key %q", key)
	return nil
}

func TestTxtar(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar cases")
	}
	for _, fn := range files {
		name := strings.TrimSuffix(filepath.Base(fn), ".txtar")
		if *runCase != "" && !strings.Contains(name, *runCase) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(fn)
			if err != nil {
				t.Fatal(err)
			}
			r, o, want := buildCase(t, readTxtar(b))
			got := Run(r, o)
			used := make([]bool, len(want))
			var unmatched []string
			for _, f := range got {
				ok := false
				for i, w := range want {
					if used[i] || w.rule != f.RuleID || w.status != f.Status.String() || w.column != f.Column {
						continue
					}
					if !w.re.MatchString(f.Message) && !w.re.MatchString(f.MessageEN) {
						continue
					}
					used[i], ok = true, true
					break
				}
				if !ok {
					unmatched = append(unmatched, fmt.Sprintf("%s — %s / %s", describe(f), f.Message, f.MessageEN))
				}
			}
			for _, u := range unmatched {
				t.Errorf("%s: unexpected finding %s", fn, u)
			}
			for i, w := range want {
				if !used[i] {
					t.Errorf("%s: want:%d: no finding %s %s %s %q", fn, w.line, w.rule, w.status, w.column, w.re)
				}
			}
		})
	}
}

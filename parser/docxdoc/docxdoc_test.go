package docxdoc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/nianbao/tables"
)

var update = flag.Bool("update", false, "rewrite golden files")

func parse(t testing.TB, b []byte) *tables.Document {
	t.Helper()
	d, err := Parse(context.Background(), b)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestReport2021Golden(t *testing.T) {
	b := buildDOCX(t, report2021(), nil)
	d := parse(t, b)
	golden(t, "report2021.dump", d.Dump())
}

// TestReport2021Cells checks the table-3 cells one by one, independently
// of the golden file: the last 7 positions of each data row.
func TestReport2021Cells(t *testing.T) {
	d := parse(t, buildDOCX(t, report2021(), nil))
	var grids []*tables.Grid
	for _, bl := range d.Blocks {
		if bl.Kind == tables.BlockTable {
			grids = append(grids, bl.Grid)
		}
	}
	if len(grids) != 3 {
		t.Fatalf("got %d grids, want 3", len(grids))
	}
	t3 := grids[1]
	if len(t3.Rows) != 3+2+22+1 {
		t.Fatalf("table 3 has %d rows, want 28", len(t3.Rows))
	}
	for r, row := range t3.Rows {
		if len(row) != 10 {
			t.Errorf("table 3 row %d has %d positions, want 10", r+1, len(row))
		}
	}
	want := map[int][]string{
		4:  {"10", "1", "", "", "", "1", "12"},
		6:  {"5", "1", "", "", "", "", "6"},
		11: {"1", "", "", "", "", "", "1"},
		27: {"10", "1", "", "", "", "", "11"},
		28: {"1", "", "", "", "", "1", "2"},
	}
	for r, vals := range want {
		row := t3.Rows[r-1]
		for i, v := range vals {
			cell := row[3+i]
			if cell.Text != v || cell.IsCopy() {
				t.Errorf("table 3 r%dc%d = %q (copy %v), want %q", r, 4+i, cell.Text, cell.IsCopy(), v)
			}
		}
	}
	// The group label spans the 22 result rows, as a copy below its origin.
	g := t3.Rows[5][0]
	if g.Text != "三、本年度办理结果" || g.RowSpan != 22 || g.SpanRow != 0 {
		t.Errorf("group origin = %+v", g)
	}
	last := t3.Rows[26][0]
	if last.Text != "三、本年度办理结果" || last.SpanRow != 21 || last.Src.Row != 6 || last.Src.Col != 1 {
		t.Errorf("group copy in row 27 = %+v", last)
	}
	note := t3.Rows[2][2]
	if note.SpanRow != 2 || note.SpanCol != 2 || note.RowSpan != 3 || note.ColSpan != 3 {
		t.Errorf("3×3 header note copy = %+v", note)
	}
	if h := t3.Rows[2][4].Text; h != "商业\n企业" {
		t.Errorf("header with a line break = %q", h)
	}
	// Table 2: single values span three columns.
	t2 := grids[0]
	if c := t2.Rows[6][1]; c.Text != "1,234" || c.ColSpan != 3 {
		t.Errorf("table 2 licensing = %+v", c)
	}
	if c := t2.Rows[10][1]; c.Text != "" || c.ColSpan != 3 {
		t.Errorf("table 2 blank coercion = %+v", c)
	}
	// Section headings come from the numbering definitions.
	var heads []string
	for _, bl := range d.Blocks {
		if bl.Kind == tables.BlockHeading {
			heads = append(heads, bl.Text)
		}
	}
	wantHeads := []string{"某某县人民政府2023年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
		"六、其他需要报告的事项"}
	if strings.Join(heads, "|") != strings.Join(wantHeads, "|") {
		t.Errorf("headings:\n got %q\nwant %q", heads, wantHeads)
	}
	if d.Meta.Title != wantHeads[0] {
		t.Errorf("title = %q", d.Meta.Title)
	}
}

func TestSniff(t *testing.T) {
	docx := buildDOCX(t, wpara("", "正文"), nil)
	noCT := buildDOCX(t, wpara("", "正文"), map[string][]byte{"[Content_Types].xml": nil})
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": `<Types/>`, "xl/workbook.xml": "<workbook/>"})
	tests := []struct {
		name string
		b    []byte
		want bool
	}{
		{"docx", docx, true},
		{"docx without content types", noCT, true},
		{"xlsx", xlsx, false},
		{"ole", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), false},
		{"text", []byte("一、总体情况"), false},
		{"truncated zip", docx[:len(docx)/2], false},
	}
	for _, tt := range tests {
		if got := Sniff(tt.b); got != tt.want {
			t.Errorf("Sniff(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	zw.Close()
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func TestNotDOCX(t *testing.T) {
	u16 := func(s string) string {
		var b []byte
		for _, c := range []byte(s) {
			b = append(b, c, 0)
		}
		return string(b)
	}
	ole := "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 100) + u16("WordDocument")
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"doc", []byte(ole), ".doc or .wps"},
		{"xlsx", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), ".xlsx"},
		{"odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), ".odt"},
		{"ofd", zipOf(t, map[string]string{"OFD.xml": "<ofd/>"}), ".ofd"},
		{"pdf", []byte("%PDF-1.7\n"), "PDF"},
		{"rtf", []byte(`{\rtf1\ansi}`), "RTF"},
	}
	for _, tt := range tests {
		_, err := Parse(context.Background(), tt.b)
		if !errors.Is(err, ErrNotDOCX) {
			t.Errorf("%s: err = %v, want ErrNotDOCX", tt.name, err)
			continue
		}
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not name %q", tt.name, err, tt.want)
		}
		if id := Identify(tt.b); !strings.Contains(id, tt.want) {
			t.Errorf("Identify(%s) = %q, want it to name %q", tt.name, id, tt.want)
		}
	}
}

func TestNestedTable(t *testing.T) {
	inner := table(one(c("内1"), c("内2")), one(c("3"), c("4")))
	body := wpara("", "前文") + table(one(c("外1"), tc{text: "外2", nested: inner}), one(c("5"), c("6"))) + wpara("", "后文")
	d := parse(t, buildDOCX(t, body, nil))
	golden(t, "nested.dump", d.Dump())
	if got := d.Blocks[1].Grid.Rows[0][1].Text; got != "外2" {
		t.Errorf("outer cell = %q, want the inner table left out", got)
	}
}

// TestMergeEdgeCases: a vMerge continuation with no cell above, gridBefore,
// legacy hMerge, invalid gridSpan values and a deleted revision.
func TestMergeEdgeCases(t *testing.T) {
	body := `<w:tbl>` +
		`<w:tr>` + vc(1).xml() + c("A").xml() + `<w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr><w:p>` + run("B") + `</w:p></w:tc></w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + c("C").xml() + `<w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr><w:p>` + run("D") + `</w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p>` + run("E") + `</w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>` +
		`<w:tc><w:p><w:r><w:t>F</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins></w:p></w:tc></w:tr>` +
		`</w:tbl>`
	d := parse(t, buildDOCX(t, body, nil))
	golden(t, "merge_edges.dump", d.Dump())
}

func TestZipBomb(t *testing.T) {
	// 70 MiB of one letter compress to about 70 KB.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "[Content_Types].xml", Method: zip.Store})
	w.Write([]byte(contentTypesXML))
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	w.Write([]byte(`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for i := 0; i < 70; i++ {
		w.Write(chunk)
	}
	zw.Close()
	honest := buf.Bytes()
	// The same bomb lying about its size in both headers: only reading
	// catches it (archive/zip checks the size, our limited reader the limit).
	lying := lieAboutSize(honest, "word/document.xml")
	for name, b := range map[string][]byte{"honest": honest, "lying": lying} {
		start := time.Now()
		_, err := Parse(context.Background(), b)
		if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
			t.Fatalf("%s: err = %v, want ErrTooLarge or ErrMalformed", name, err)
		}
		t.Logf("%s %d-byte bomb rejected in %v: %v", name, len(b), time.Since(start), err)
	}
	if _, err := Parse(context.Background(), honest); !errors.Is(err, ErrTooLarge) {
		t.Errorf("honest bomb: err = %v, want ErrTooLarge", err)
	}
}

func TestLimitReader(t *testing.T) {
	r := &limitReader{r: bytes.NewReader(make([]byte, 1000)), n: 999, name: "x"}
	if _, err := io.ReadAll(r); !errors.Is(err, ErrTooLarge) {
		t.Errorf("1000 bytes through a 999-byte limit: err = %v", err)
	}
	r = &limitReader{r: bytes.NewReader(make([]byte, 1000)), n: 1000, name: "x"}
	if b, err := io.ReadAll(r); err != nil || len(b) != 1000 {
		t.Errorf("1000 bytes through a 1000-byte limit: %d bytes, err = %v", len(b), err)
	}
}

// lieAboutSize rewrites the uncompressed sizes of one entry in the local and
// central headers to 1000 bytes.
func lieAboutSize(b []byte, name string) []byte {
	out := append([]byte(nil), b...)
	n := []byte(name)
	for i := 0; i+46 < len(out); i++ {
		switch {
		case bytes.HasPrefix(out[i:], []byte("PK\x01\x02")) && bytes.HasPrefix(out[i+46:], n):
			putU32(out[i+24:], 1000)
		case bytes.HasPrefix(out[i:], []byte("PK\x03\x04")) && bytes.HasPrefix(out[i+30:], n):
			putU32(out[i+22:], 1000)
		}
	}
	return out
}

func putU32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

// TestEntities: encoding/xml does not expand custom entities; the
// billion-laughs document is a clear ErrMalformed, at once.
func TestEntities(t *testing.T) {
	lol := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
		`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`
	b := buildDOCX(t, "", map[string][]byte{"word/document.xml": []byte(lol)})
	_, err := Parse(context.Background(), b)
	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want ErrMalformed (entity not expanded)", err)
	}
	if !strings.Contains(err.Error(), "entity") {
		t.Errorf("error %q does not mention the entity", err)
	}
}

func TestDeepNesting(t *testing.T) {
	// 10,000 nested tables: the ones past maxTableDepth are skipped.
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.WriteString(`<w:tbl><w:tr><w:tc>`)
	}
	b.WriteString(`<w:p><w:r><w:t>深</w:t></w:r></w:p>`)
	for i := 0; i < 10000; i++ {
		b.WriteString(`</w:tc></w:tr></w:tbl>`)
	}
	d := parse(t, buildDOCX(t, b.String(), nil))
	grids := 0
	for _, bl := range d.Blocks {
		if bl.Kind == tables.BlockTable {
			grids++
		}
	}
	if grids != maxTableDepth {
		t.Errorf("%d grids, want %d", grids, maxTableDepth)
	}
	if len(d.Diagnostics) == 0 {
		t.Error("no diagnostic for the skipped tables")
	}
}

func TestMalformed(t *testing.T) {
	tests := map[string][]byte{
		"unterminated":  buildDOCX(t, "", map[string][]byte{"word/document.xml": []byte(`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>半`)}),
		"not xml":       buildDOCX(t, "", map[string][]byte{"word/document.xml": []byte("\x00\x01garbage")}),
		"truncated zip": buildDOCX(t, wpara("", "x"), nil)[:200],
	}
	for name, b := range tests {
		_, err := Parse(context.Background(), b)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotDOCX) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, buildDOCX(t, report2021(), nil)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestChineseNumber(t *testing.T) {
	for v, want := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 101: "一百零一", 110: "一百一十"} {
		if got := chineseNumber(v); got != want {
			t.Errorf("chineseNumber(%d) = %q, want %q", v, got, want)
		}
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(buildDOCX(f, report2021(), nil))
	f.Add(buildDOCX(f, table(one(vc(1), cs("x", 2)), one(vc(2))), nil))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		d, err := Parse(ctx, b)
		if errors.Is(err, ErrInternal) {
			t.Fatalf("internal error: %v", err)
		}
		if err == nil {
			_ = d.Dump()
		}
		Sniff(b)
	})
}

func BenchmarkParseDOCX(b *testing.B) {
	data := buildDOCX(b, report2021(), nil)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(context.Background(), data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFixtureFile keeps testdata/report2021.docx (written by the generator
// with -update) for the CLI and other packages' tests, and checks that it
// still reads as the golden dump.
func TestFixtureFile(t *testing.T) {
	path := filepath.Join("testdata", "report2021.docx")
	if *update {
		if err := os.WriteFile(path, buildDOCX(t, report2021(), nil), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !Sniff(b) {
		t.Fatal("Sniff: not DOCX")
	}
	golden(t, "report2021.dump", parse(t, b).Dump())
}

// FuzzDocumentXML fuzzes word/document.xml inside a valid package, so that
// the mutations reach the XML walker instead of breaking the zip checksums.
func FuzzDocumentXML(f *testing.F) {
	f.Add(report2021())
	f.Add(table(one(vc(1), cs("x", 2)), one(vc(2)), one(tc{text: "a", nested: table(one(c("b")))})))
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		b := buildDOCX(t, body, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		d, err := Parse(ctx, b)
		if errors.Is(err, ErrInternal) {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			return
		}
		for _, bl := range d.Blocks {
			if bl.Kind == tables.BlockTable {
				for _, row := range bl.Grid.Rows {
					for _, c := range row {
						if c.RowSpan < 1 || c.ColSpan < 1 || c.SpanRow >= c.RowSpan || c.SpanCol >= c.ColSpan {
							t.Fatalf("bad span %+v", c)
						}
					}
				}
			}
		}
	})
}

package pdfdoc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xxgk/nianbao/internal/testutil"
)

// TestMalformed: every damaged, odd or encrypted file gives a typed error
// or a document, fast, without a panic.
func TestMalformed(t *testing.T) {
	dir := filepath.Join(testutil.FixturesDir(t), "pdf-malformed")
	want := map[string]error{
		"bad_startxref.pdf":        nil, // xref rebuilt
		"bitflip40.pdf":            ErrMalformed,
		"content_bad_Tj.pdf":       nil,
		"content_bad_cm.pdf":       nil,
		"content_lzw.pdf":          ErrMalformed,
		"content_ok.pdf":           nil,
		"content_unbalanced_Q.pdf": nil,
		"enc_aes128.pdf":           nil,
		"enc_aes128_chromium.pdf":  nil,
		"enc_aes256.pdf":           ErrUnsupportedEncryption,
		"enc_rc4_128.pdf":          nil,
		"enc_rc4_40.pdf":           ErrUnsupportedEncryption,
		"enc_userpw_aes128.pdf":    ErrEncrypted,
		"garbage_hdr.pdf":          ErrMalformed,
		"garbage_raw.pdf":          ErrNotPDF,
		"leading_junk.pdf":         nil,
		"objstm.pdf":               nil,
		"pdf20_header.pdf":         nil,
		"trailing_junk.pdf":        nil,
		"trunc_half.pdf":           ErrMalformed,
		"trunc_tail600.pdf":        nil, // xref rebuilt
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no malformed fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc, err, took := parseFile(t, f, Options{})
			if took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			if err != nil {
				var pe *Error
				if !errors.As(err, &pe) {
					t.Fatalf("untyped error %T: %v", err, err)
				}
				t.Logf("error: %v", err)
			}
			w, known := want[name]
			switch {
			case !known:
				if err == nil && doc == nil {
					t.Error("nil document without an error")
				}
			case w == nil && err != nil:
				t.Errorf("want a document, got %v", err)
			case w != nil && !errors.Is(err, w):
				t.Errorf("want %v, got %v", w, err)
			}
			if err == nil {
				t.Logf("%d pages, %d blocks", doc.Pages, len(doc.Blocks))
				if len(doc.Blocks) == 0 {
					t.Error("document without blocks")
				}
			}
		})
	}
}

// TestDecryptedTable3: the encrypted copies of r3 that the library can
// decrypt give the same table 3 as the plain file.
func TestDecryptedTable3(t *testing.T) {
	fx := testutil.FixturesDir(t)
	want := loadT3(t, filepath.Join(fx, "pdf-synthetic"))
	for _, c := range []struct {
		file string
		pw   string
	}{{"enc_aes128.pdf", ""}, {"enc_rc4_128.pdf", ""}, {"enc_userpw_aes128.pdf", "user"}, {"objstm.pdf", ""}, {"leading_junk.pdf", ""}, {"trailing_junk.pdf", ""}, {"pdf20_header.pdf", ""}, {"bad_startxref.pdf", ""}, {"trunc_tail600.pdf", ""}} {
		t.Run(c.file, func(t *testing.T) {
			doc, err, _ := parseFile(t, filepath.Join(fx, "pdf-malformed", c.file), Options{Password: c.pw})
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := t3Rows(doc)
			if len(rows) != len(want.Rows) {
				t.Fatalf("%d rows", len(rows))
			}
			for i, r := range want.Rows {
				for k, v := range r.Values {
					if rows[i][k] != v {
						t.Errorf("row %d: %v, want %v", i+1, rows[i], r.Values)
						break
					}
				}
			}
		})
	}
}

func TestWrongPassword(t *testing.T) {
	f := filepath.Join(testutil.FixturesDir(t), "pdf-malformed", "enc_userpw_aes128.pdf")
	_, err, _ := parseFile(t, f, Options{Password: "nope"})
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("got %v", err)
	}
}

func TestNotPDFAndEmpty(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n"), []byte("%PDF-1.4\n%%EOF")} {
		_, err := Parse(context.Background(), in, Options{})
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%q: got %v", in, err)
		}
	}
}

func TestNoTextLayer(t *testing.T) {
	w := &pdfWriter{}
	b := onePage(w, nil, []byte("q 100 0 0 100 0 0 cm 0 0 m 10 10 l S Q"))
	_, err := Parse(context.Background(), b, Options{})
	if !errors.Is(err, ErrNoTextLayer) {
		t.Errorf("got %v", err)
	}
}

func TestUndecodableFont(t *testing.T) {
	w := &pdfWriter{}
	// Identity-H without ToUnicode: the codes cannot be mapped to text.
	desc := w.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 >>")
	f := w.add("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [" + itoa(desc) + " 0 R] >>")
	b := onePage(w, map[string]int{"F1": f}, []byte("BT /F1 12 Tf 100 700 Td <0001000200030004> Tj ET"))
	_, err := Parse(context.Background(), b, Options{})
	var pe *Error
	if !errors.Is(err, ErrUndecodableFont) || !errors.As(err, &pe) || pe.Page != 1 {
		t.Errorf("got %v", err)
	}
}

func itoa(n int) string { return string(rune('0'+n/10%10)) + string(rune('0'+n%10)) }

func TestTimeout(t *testing.T) {
	f := filepath.Join(testutil.FixturesDir(t), "pdf-synthetic", "r5_long_wqy.pdf")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, b, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
}

// TestCyclicPageTree: a /Kids loop must not hang (the library's Reader.Page
// would loop forever).
func TestCyclicPageTree(t *testing.T) {
	w := &pdfWriter{}
	f := identityHFont(w)
	cs := w.add(stream([]byte("BT /F1 12 Tf 100 700 Td <0001> Tj ET"), "", false))
	page := w.add("")
	pages := w.add("")
	cat := w.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	w.set(page, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, f, cs))
	w.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", page, pages))
	start := time.Now()
	doc, err := Parse(context.Background(), w.Bytes(cat), Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 1 || time.Since(start) > 2*time.Second {
		t.Errorf("%d pages in %v", doc.Pages, time.Since(start))
	}
}

func TestDeadline(t *testing.T) {
	f := filepath.Join(testutil.FixturesDir(t), "pdf-synthetic", "r5_long_wqy.pdf")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(context.Background(), b, Options{Timeout: time.Nanosecond})
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v", err)
	}
}

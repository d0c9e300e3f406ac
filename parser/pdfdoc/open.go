package pdfdoc

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Sniff reports whether b looks like a PDF file: "%PDF-" within its first KiB.
func Sniff(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// prepass repairs what the library rejects but viewers accept: bytes
// before "%PDF-" (within the first KiB), bytes after the last "%%EOF", and
// a header other than 1.0–1.7 (PDF 2.0), rewritten in place to 1.7 so that
// every byte offset stays valid. It copies src only when it changes bytes.
func prepass(src []byte) ([]byte, error) {
	head := src
	if len(head) > 1024 {
		head = head[:1024]
	}
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return nil, errf(0, ErrNotPDF, "no %%PDF- header in the first 1024 bytes")
	}
	b := src[i:]
	if j := bytes.LastIndex(b, []byte("%%EOF")); j >= 0 {
		b = b[:j+5]
	}
	if len(b) < 16 {
		return nil, errf(0, ErrMalformed, "file too short")
	}
	ok := string(b[:7]) == "%PDF-1." && b[7] >= '0' && b[7] <= '7' && (b[8] == '\r' || b[8] == '\n')
	if !ok {
		c := append([]byte(nil), b...)
		copy(c, "%PDF-1.7")
		if c[8] != '\r' && c[8] != '\n' {
			// the rest of a longer header line becomes a comment line
			c[8] = '\n'
			if c[9] != '\r' && c[9] != '\n' {
				c[9] = '%'
			}
		}
		b = c
	}
	return b, nil
}

// docState is one open document: the reader and the per-document caches.
type docState struct {
	r       *pdf.Reader
	fonts   map[string]*font // by font object and resource name
	streams map[string][]byte
	forms   map[string]*resources // Form XObject resources, by form object
	pages   []pdf.Page
}

func open(b []byte, opts Options) (*docState, error) {
	var r *pdf.Reader
	var err error
	perr := safe(func() {
		if opts.Password != "" {
			tried := false
			r, err = pdf.NewReaderEncrypted(bytes.NewReader(b), int64(len(b)), func() string {
				if tried {
					return ""
				}
				tried = true
				return opts.Password
			})
		} else {
			r, err = pdf.NewReader(bytes.NewReader(b), int64(len(b)))
		}
	})
	if perr != nil {
		return nil, errf(0, ErrMalformed, "%v", perr)
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "malformed PDF: ")
		switch {
		case strings.Contains(msg, "256-bit"):
			return nil, errf(0, ErrUnsupportedEncryption, "AES-256 (%s)", msg)
		case err == pdf.ErrInvalidPassword || strings.Contains(msg, "password"):
			if opts.Password != "" {
				return nil, errf(0, ErrEncrypted, "the given password is wrong")
			}
			return nil, &Error{Err: ErrEncrypted}
		case strings.Contains(msg, "encrypt"):
			return nil, errf(0, ErrUnsupportedEncryption, "%s", msg)
		}
		return nil, errf(0, ErrMalformed, "%s", msg)
	}
	d := &docState{r: r, fonts: map[string]*font{}, streams: map[string][]byte{}, forms: map[string]*resources{}}
	// RC4 with a 40-bit key (V1/R2): the library derives the object keys
	// wrongly, so the text would be garbage.
	var v, rev int64
	_ = safe(func() {
		e := r.Trailer().Key("Encrypt")
		if e.Kind() == pdf.Dict {
			v, rev = e.Key("V").Int64(), e.Key("R").Int64()
		}
	})
	if v == 1 || rev == 2 {
		return nil, errf(0, ErrUnsupportedEncryption, "RC4 40-bit (V%d R%d)", v, rev)
	}
	if v >= 5 || rev >= 5 {
		return nil, errf(0, ErrUnsupportedEncryption, "AES-256 (V%d R%d)", v, rev)
	}
	return d, nil
}

// font returns the font named in a resource dictionary, cached per
// document by font object (one read and one ToUnicode parse per font).
func (d *docState) font(res *resources, name string) *font {
	if res == nil {
		return &font{scale: 0.001, vscale: 1, dw: 1000, missing: true}
	}
	if f, ok := res.fonts[name]; ok {
		return f
	}
	var ref string
	_ = safe(func() {
		if !res.fontDictOK {
			res.fontDict, res.fontDictOK = res.v.Key("Font"), true
		}
		ref = entryRef(res.fontDict, name)
	})
	if f, ok := d.fonts[ref]; ok && ref != "" {
		res.fonts[name] = f
		return f
	}
	var fv pdf.Value
	err := safe(func() { fv = res.fontDict.Key(name) })
	if err != nil || fv.Kind() != pdf.Dict {
		f := &font{scale: 0.001, vscale: 1, dw: 1000, missing: true}
		res.fonts[name] = f
		return f
	}
	key := ref
	if key == "" {
		key = objKey(fv) + "/" + name
	}
	f, ok := d.fonts[key]
	if !ok {
		f = loadFont(fv)
		d.fonts[key] = f
	}
	res.fonts[name] = f
	return f
}

// stream reads a stream under recover, caching Form XObjects by header text
// and offset (the header's String includes the stream's file offset).
func (d *docState) stream(v pdf.Value) ([]byte, error) {
	key := objKey(v)
	if b, ok := d.streams[key]; ok && key != "" {
		return b, nil
	}
	b, err := readStream(v, 64<<20)
	if err != nil && len(b) == 0 {
		return nil, err
	}
	if key != "" {
		d.streams[key] = b
	}
	return b, nil
}

// pageStreams reads a page's content (one stream or an array).
func (d *docState) pageContent(p pdf.Page) ([]byte, error) {
	var c pdf.Value
	if err := safe(func() { c = p.V.Key("Contents") }); err != nil {
		return nil, err
	}
	switch c.Kind() {
	case pdf.Stream:
		return readStream(c, 64<<20)
	case pdf.Array:
		var out []byte
		var firstErr error
		for i := 0; i < c.Len() && i < 4096; i++ {
			var s pdf.Value
			_ = safe(func() { s = c.Index(i) })
			b, err := readStream(s, 64<<20)
			if err != nil && firstErr == nil {
				firstErr = err
			}
			out = append(out, b...)
			out = append(out, '\n')
		}
		if len(out) == 0 && firstErr != nil {
			return nil, firstErr
		}
		return out, nil
	case pdf.Null:
		return nil, nil
	}
	return nil, fmt.Errorf("page Contents is a %v", c.Kind())
}

// walkPage interprets one page.
func (d *docState) walkPage(ctx context.Context, num int) (pc *pageContent, err error) {
	if d.pages == nil {
		d.pages, _ = pageList(d.r)
	}
	pc = &pageContent{}
	defer func() {
		if p := recover(); p != nil {
			pc.Notes = append(pc.Notes, fmt.Sprintf("walker stopped: %v", p))
		}
	}()
	if num < 1 || num > len(d.pages) {
		return pc, errf(num, ErrMalformed, "page object missing")
	}
	page := d.pages[num-1]
	content, cerr := d.pageContent(page)
	if cerr != nil && len(content) == 0 {
		pc.Unread = clean(cerr.Error())
		pc.Notes = append(pc.Notes, "content unreadable: "+pc.Unread)
		return pc, nil
	}
	var rv pdf.Value
	_ = safe(func() { rv = page.Resources() })
	pc.Glyphs = make([]glyph, 0, min(len(content)/12+16, 1<<16))
	w := &walker{ctx: ctx, doc: d, out: pc, gs: gstate{ctm: identity, tz: 100}, tm: identity, tlm: identity}
	w.run(content, &resources{v: rv, fonts: map[string]*font{}}, 0)
	return pc, nil
}

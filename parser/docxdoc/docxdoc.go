// Package docxdoc is the DOCX front end. It reads an Office Open XML word
// processing document with archive/zip and encoding/xml only: paragraphs in
// body order (heading and title styles, and direct outline levels, become
// heading blocks; automatic list numbers such as 一、 are rendered), and
// tables with gridSpan, vMerge and hMerge expanded into the same aligned
// grids as the HTML front end. A table nested in a cell becomes its own grid
// after the outer one.
//
// Source locations: Line is the 1-based index of the paragraph (w:p) in
// document order, cells included; Table/Row/Col are stamped on grids.
//
// Bounds: parts are read through a limited reader (MaxPartSize for
// word/document.xml, less for styles and numbering), so zip bombs fail with
// ErrTooLarge; encoding/xml never expands custom entities (a reference to
// one is a syntax error, reported as ErrMalformed); tables nested deeper
// than maxTableDepth are skipped; a grid keeps at most MaxTableCells
// positions; spans below 1 or above 1000 count as 1.
package docxdoc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime/debug"
	"strings"

	"github.com/xxgk/nianbao/tables"
)

// Limits of the front end.
const (
	MaxPartSize    = 64 << 20 // bytes of word/document.xml, uncompressed
	maxAuxSize     = 16 << 20 // styles.xml, numbering.xml, [Content_Types].xml
	MaxTableCells  = 100_000  // positions (rows × columns) kept per table
	MaxTableCols   = 1000     // columns kept per table
	maxSpan        = 1000     // larger gridSpan values count as 1
	maxTableDepth  = 16       // deeper nested tables are skipped
	maxParagraphs  = 2_000_000
	maxRunesInCell = 1 << 16
)

// Errors returned by Parse, for errors.Is.
var (
	// ErrNotDOCX: the input is not a .docx document. The *FormatError that
	// wraps it names what the input is (legacy .doc/.wps, .xlsx, .odt, …).
	ErrNotDOCX = errors.New("not a Word .docx document")
	// ErrTooLarge: a part of the package is larger than the limits (a zip
	// bomb or an absurd document).
	ErrTooLarge = errors.New("docx: document part too large")
	// ErrMalformed: the package or its XML is broken.
	ErrMalformed = errors.New("docx: malformed document")
	// ErrInternal: a bug in the front end (a recovered panic).
	ErrInternal = errors.New("docx: internal error")
)

// FormatError says what a non-DOCX input is. It matches ErrNotDOCX.
type FormatError struct {
	Format string // e.g. "a legacy binary Word document (.doc or .wps)"
}

func (e *FormatError) Error() string {
	return "input is " + e.Format + ", not a Word .docx document: save it as .docx or PDF"
}

// Is makes errors.Is(err, ErrNotDOCX) true.
func (e *FormatError) Is(target error) bool { return target == ErrNotDOCX }

// Main-document content types of word processing packages.
var mainTypes = []string{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}

// Sniff reports whether b is a zip package whose [Content_Types].xml names a
// word processing main document or that holds word/document.xml.
func Sniff(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	name, _ := mainPart(zr)
	return name != ""
}

// mainPart finds the main document part: the Override of the content types
// part, else word/document.xml.
func mainPart(zr *zip.Reader) (string, error) {
	if f := findFile(zr, "[Content_Types].xml"); f != nil {
		data, err := readPart(f, maxAuxSize)
		if err != nil {
			return "", err
		}
		if name := contentTypesMain(data); name != "" && findFile(zr, name) != nil {
			return name, nil
		}
	}
	if findFile(zr, "word/document.xml") != nil {
		return "word/document.xml", nil
	}
	return "", nil
}

// findFile looks a part up by name, case-insensitively and without a
// leading slash (part names are case-insensitive in OPC).
func findFile(zr *zip.Reader, name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// readPart reads a zip entry through a limited reader: the declared size is
// not trusted.
func readPart(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%w: %s declares %d bytes (limit %d)", ErrTooLarge, f.Name, f.UncompressedSize64, max)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(&limitReader{r: rc, n: max, name: f.Name})
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	return data, nil
}

// limitReader fails with ErrTooLarge once more than n bytes were read.
type limitReader struct {
	r    io.Reader
	n    int64
	name string
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, fmt.Errorf("%w: %s is larger than its limit", ErrTooLarge, l.name)
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if l.n < 0 {
		return k, fmt.Errorf("%w: %s is larger than its limit", ErrTooLarge, l.name)
	}
	return k, err
}

// Identify names what a non-DOCX input is, for messages: "a legacy binary
// Word document (.doc or .wps)", "an Excel workbook (.xlsx)", "an OpenDocument
// text (.odt)", "an OFD document (.ofd)", "a PDF file", …; "" for a DOCX.
func Identify(b []byte) string {
	if Sniff(b) {
		return ""
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		if zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err == nil {
			return identifyZip(zr)
		}
	}
	return identify(b)
}

// identify names a non-DOCX input for the error message.
func identify(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// Compound File Binary: look for the stream names (UTF-16LE).
		u16 := func(s string) []byte {
			var o []byte
			for _, c := range []byte(s) {
				o = append(o, c, 0)
			}
			return o
		}
		switch {
		case bytes.Contains(b, u16("WordDocument")):
			return "a legacy binary Word document (.doc or .wps)"
		case bytes.Contains(b, u16("Workbook")), bytes.Contains(b, u16("Book")):
			return "a legacy Excel workbook (.xls or .et)"
		case bytes.Contains(b, u16("PowerPoint Document")):
			return "a legacy PowerPoint file (.ppt or .dps)"
		}
		return "a legacy Office binary file (.doc, .wps, .xls)"
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "a PDF file"
	case bytes.HasPrefix(b, []byte("{\\rtf")):
		return "an RTF file"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")), bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return "a zip archive"
	}
	return "an unknown format"
}

// identifyZip names a zip package that has no word processing document.
func identifyZip(zr *zip.Reader) string {
	if f := findFile(zr, "mimetype"); f != nil {
		if data, err := readPart(f, 1024); err == nil {
			mt := strings.TrimSpace(string(data))
			switch {
			case strings.Contains(mt, "opendocument.text"):
				return "an OpenDocument text (.odt)"
			case strings.Contains(mt, "opendocument.spreadsheet"):
				return "an OpenDocument spreadsheet (.ods)"
			case strings.Contains(mt, "epub"):
				return "an EPUB book"
			case mt != "":
				return "a zip package of type " + mt
			}
		}
	}
	has := func(prefix string) bool {
		for _, f := range zr.File {
			if strings.HasPrefix(strings.ToLower(f.Name), prefix) {
				return true
			}
		}
		return false
	}
	switch {
	case has("xl/"):
		return "an Excel workbook (.xlsx)"
	case has("ppt/"):
		return "a PowerPoint presentation (.pptx)"
	case has("ofd.xml"):
		return "an OFD document (.ofd)"
	case has("doc_0/"):
		return "an OFD document (.ofd)"
	}
	return "a zip archive without a Word document"
}

// Parse reads a DOCX file into a Document.
func Parse(ctx context.Context, src []byte) (doc *tables.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			err = fmt.Errorf("%w: panic: %v\n%s", ErrInternal, p, debug.Stack())
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		return nil, &FormatError{Format: identify(src)}
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("%w: zip: %v", ErrMalformed, err)
	}
	name, err := mainPart(zr)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, &FormatError{Format: identifyZip(zr)}
	}
	dir := path.Dir(name)
	st := &styles{}
	if f := findFile(zr, path.Join(dir, "styles.xml")); f != nil {
		data, err := readPart(f, maxAuxSize)
		if err != nil {
			return nil, err
		}
		st = parseStyles(data)
	}
	num := &numbering{}
	if f := findFile(zr, path.Join(dir, "numbering.xml")); f != nil {
		data, err := readPart(f, maxAuxSize)
		if err != nil {
			return nil, err
		}
		num = parseNumbering(data)
	}
	f := findFile(zr, name)
	if f.UncompressedSize64 > MaxPartSize {
		return nil, fmt.Errorf("%w: %s declares %d bytes (limit %d)", ErrTooLarge, f.Name, f.UncompressedSize64, int64(MaxPartSize))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	defer rc.Close()
	doc = &tables.Document{Input: "docx"}
	p := newDocParser(ctx, doc, &limitReader{r: rc, n: MaxPartSize, name: f.Name}, st, num)
	if err := p.run(); err != nil {
		return nil, err
	}
	if f := findFile(zr, "docProps/core.xml"); f != nil {
		if data, err := readPart(f, 1<<20); err == nil {
			if t := coreTitle(data); strings.Contains(t, "报告") {
				doc.Meta.Title = t
			}
		}
	}
	if doc.Meta.Title == "" {
		for i, b := range doc.Blocks {
			if i > 3 || b.Kind == tables.BlockTable {
				break
			}
			if strings.Contains(b.Text, "报告") && len([]rune(b.Text)) <= 80 {
				doc.Meta.Title = b.Text
				break
			}
		}
	}
	return doc, nil
}

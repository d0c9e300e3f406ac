// Package textenc decodes the bytes of a text document to UTF-8: a byte-order
// mark (UTF-8, UTF-16LE, UTF-16BE) decides; otherwise valid UTF-8 stays as it
// is and anything else is read as GB18030, the superset of GB2312 and GBK.
// The encoding is detected, never configured.
package textenc

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names returned by Decode.
const (
	UTF8    = "utf-8"
	UTF8BOM = "utf-8-bom"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
)

// ErrBinary is returned for input that is not text in any supported encoding.
var ErrBinary = errors.New("input is binary, not text")

// Decode returns b as UTF-8 text and the name of the encoding it was in.
func Decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), UTF8BOM, nil
		}
		return string(b), UTF8BOM, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return string(out), UTF16LE, err
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return string(out), UTF16BE, err
	}
	if looksBinary(b) {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", ErrBinary
	}
	// GB18030 decodes nearly any byte string; reject results that are mostly
	// replacement or control characters.
	s := string(out)
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') {
			bad++
		}
	}
	if n > 0 && bad*20 > n {
		return "", "", ErrBinary
	}
	return s, GB18030, nil
}

// looksBinary reports NUL bytes or a high share of control bytes in the first 8 KB.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return len(b) > 0 && ctl*10 > len(b)
}

package htmldoc

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/xxgk/nianbao/model"
)

// Charset names reported by decode.
const (
	csUTF8    = "utf-8"
	csGB18030 = "gb18030"
	csBig5    = "big5"
)

// metaScanLimit bounds how far into the page the <meta> charset sniff looks
// when no </head> is found earlier. Pages with a long head (inline scripts,
// comments, crawler wrappers) declare their charset well past the 1024 bytes
// that golang.org/x/net/html/charset looks at.
const metaScanLimit = 64 << 10

// reMetaCharset finds a charset declaration inside a <meta> tag, both the
// HTML5 form (<meta charset=gbk>) and the http-equiv form
// (content="text/html; charset=gb2312").
var reMetaCharset = regexp.MustCompile(`(?is)^<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.()\-]+)`)

// reXMLEncoding reads encoding="…" in an XML declaration.
var reXMLEncoding = regexp.MustCompile(`encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']`)

// decoded is the result of decoding a page's bytes.
type decoded struct {
	text    string
	raw     []byte // set instead of text when the page's own bytes are UTF-8 (spares a copy)
	charset string // the encoding actually used
	diags   []model.Diagnostic
}

// decode turns the page's bytes into UTF-8. The order is: byte-order mark,
// then the HTTP Content-Type charset, then a <meta> declaration anywhere in
// the head; bytes that are valid UTF-8 are read as UTF-8 whatever the
// declaration says (Chinese CMS templates often declare gb2312 and serve
// UTF-8), the GB family is always read as GB18030, and with nothing usable
// declared the encoding is detected (UTF-8, then GB18030, then Big5).
func decode(src []byte, contentType string) (decoded, error) {
	var out decoded
	// Byte-order marks decide.
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		out.charset = csUTF8
		out.text = string(bytes.ToValidUTF8(src[3:], []byte("\uFFFD")))
		return out, nil
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		end := xunicode.LittleEndian
		out.charset = "utf-16le"
		if src[0] == 0xFE {
			end, out.charset = xunicode.BigEndian, "utf-16be"
		}
		b, err := xunicode.UTF16(end, xunicode.ExpectBOM).NewDecoder().Bytes(src)
		if err != nil {
			return out, fmt.Errorf("%w: %s: %v", ErrUndecodable, out.charset, err)
		}
		out.text = string(b)
		return out, nil
	}

	label, from := declaredCharset(src, contentType)
	var declared encoding.Encoding
	declName := ""
	if label != "" {
		declared, declName = lookupCharset(label)
		if declared == nil {
			out.diags = append(out.diags, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevWarning,
				Message: fmt.Sprintf("unknown charset %q declared in %s: encoding detected instead", label, from)})
		}
	}

	if utf8.Valid(src) {
		out.charset = csUTF8
		out.raw = src
		if declared != nil && declName != csUTF8 && hasNonASCII(src) {
			out.diags = append(out.diags, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevInfo,
				Message: fmt.Sprintf("page declares %s in %s but its bytes are valid UTF-8: read as UTF-8", label, from)})
		}
		return out, nil
	}

	if declared != nil && declName != csUTF8 {
		s, bad := decodeWith(declared, src)
		// A single-byte Western declaration on a Chinese page is a template
		// error; prefer GB18030 when it decodes cleanly into Chinese text.
		if declName != csGB18030 && declName != csBig5 && !isCJKEncoding(declName) {
			if g, gbad := decodeWith(simplifiedchinese.GB18030, src); gbad == 0 && cjkShare(g) > 0.3 {
				out.diags = append(out.diags, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevWarning,
					Message: fmt.Sprintf("page declares %s in %s but reads as Chinese GB18030: read as gb18030", label, from)})
				out.charset, out.text = csGB18030, g
				return out, nil
			}
		}
		if bad*50 <= utf8.RuneCountInString(s) {
			out.charset, out.text = declName, s
			return out, nil
		}
		out.diags = append(out.diags, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevWarning,
			Message: fmt.Sprintf("page declares %s in %s but does not decode as it: encoding detected instead", label, from)})
	}

	// Detection: the page is not UTF-8; GB18030 unless Big5 fits clearly better.
	g, gbad := decodeWith(simplifiedchinese.GB18030, src)
	name, text, bad := csGB18030, g, gbad
	if gbad > 0 {
		if b5, b5bad := decodeWith(traditionalchinese.Big5, src); b5bad < gbad {
			name, text, bad = csBig5, b5, b5bad
		}
	}
	n := utf8.RuneCountInString(text)
	if n == 0 || bad*20 > n || controlShare(text) > 0.1 {
		return out, fmt.Errorf("%w: not UTF-8, GB18030 or Big5 text", ErrUndecodable)
	}
	out.charset, out.text = name, text
	why := "no charset declared"
	if label != "" {
		why = "declared charset unusable"
	}
	out.diags = append(out.diags, model.Diagnostic{Code: model.DiagCharset, Severity: model.SevInfo,
		Message: fmt.Sprintf("%s: page decoded as %s (detected)", why, name)})
	return out, nil
}

// declaredCharset returns the charset label declared by the Content-Type
// header or, failing that, by a <meta> tag, and where it was found.
func declaredCharset(src []byte, contentType string) (label, from string) {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			return strings.TrimSpace(params["charset"]), "the Content-Type header"
		}
	}
	head := src
	if len(head) > metaScanLimit {
		head = head[:metaScanLimit]
	}
	// An XHTML page may declare its encoding in the XML declaration.
	if t := bytes.TrimLeft(head, " \t\r\n"); bytes.HasPrefix(t, []byte("<?xml")) {
		if end := bytes.Index(t, []byte("?>")); end > 0 {
			if m := reXMLEncoding.FindSubmatch(t[:end]); m != nil {
				return string(m[1]), "the XML declaration"
			}
		}
	}
	// Find "charset" case-insensitively, then read the enclosing <meta> tag
	// with the regular expression (cheap on the small window).
	for i := 0; i+7 <= len(head); i++ {
		c := head[i] | 0x20
		if c != 'c' || !bytes.EqualFold(head[i:i+7], []byte("charset")) {
			continue
		}
		lt := bytes.LastIndexByte(head[max(0, i-1024):i], '<')
		if lt < 0 {
			continue
		}
		lt += max(0, i-1024)
		end := min(len(head), i+128)
		if m := reMetaCharset.FindSubmatch(head[lt:end]); m != nil {
			return string(m[1]), "a <meta> tag"
		}
	}
	return "", ""
}

// lookupCharset maps a label to an encoding and its canonical name: the GB
// family to GB18030 (a superset whose 4-byte sequences GBK decoders lose), the
// Big5 family to Big5, others through the WHATWG label table. It returns nil
// for an unknown label or the WHATWG "replacement" encoding.
func lookupCharset(label string) (encoding.Encoding, string) {
	l := strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch l {
	case "gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "gb_2312", "chinese", "csgb2312", "cp936", "ms936",
		"windows-936", "euc-cn", "x-euc-cn", "iso-ir-58", "csiso58gb231280", "gb2312-80", "csgbk", "gb-18030":
		return simplifiedchinese.GB18030, csGB18030
	case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950", "windows-950", "big-5":
		return traditionalchinese.Big5, csBig5
	case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
		// A UTF-16 declaration without a byte-order mark is read as UTF-8
		// (HTML spec): the bytes cannot be UTF-16 if the tag was readable.
		return encoding.Nop, csUTF8
	}
	enc, err := htmlindex.Get(l)
	if err != nil || enc == nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil || name == "replacement" {
		return nil, ""
	}
	if name == "gbk" || name == "gb18030" {
		return simplifiedchinese.GB18030, csGB18030
	}
	if name == "big5" {
		return traditionalchinese.Big5, csBig5
	}
	return enc, name
}

func isCJKEncoding(name string) bool {
	switch name {
	case "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr":
		return true
	}
	return false
}

// decodeWith decodes src with enc and counts replacement characters.
func decodeWith(enc encoding.Encoding, src []byte) (string, int) {
	b, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		// x/text decoders replace invalid bytes; an error here is unexpected.
		return string(bytes.ToValidUTF8(src, []byte("\uFFFD"))), len(src)
	}
	s := string(b)
	return s, strings.Count(s, "\uFFFD")
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// cjkShare is the share of Han characters among the non-ASCII runes of s.
func cjkShare(s string) float64 {
	han, non := 0, 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		non++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if non == 0 {
		return 0
	}
	return float64(han) / float64(non)
}

// controlShare is the share of C0 control characters (other than white
// space) in s: high for binary input.
func controlShare(s string) float64 {
	ctl, n := 0, 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctl++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ctl) / float64(n)
}

package htmldoc

import (
	"strings"

	"golang.org/x/net/html/atom"

	"golang.org/x/net/html"
	"unicode"
	"unicode/utf8"
)

// skipTags are elements whose content is never report text.
var skipTags = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true, "iframe": true,
	"object": true, "svg": true, "math": true, "canvas": true, "video": true, "audio": true,
	"select": true, "button": true, "textarea": true, "map": true, "frameset": true,
}

// voidSkip are empty elements that carry no text.
var voidSkip = map[string]bool{"input": true, "img": true, "embed": true, "area": true, "link": true,
	"meta": true, "base": true, "param": true, "source": true, "track": true, "wbr": false}

// blockTags end the current line before and after their content.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "ul": true, "tr": true, "td": true, "th": true, "caption": true,
	"tbody": true, "thead": true, "tfoot": true, "body": true, "html": true, "legend": true,
	"option": true, "frame": true, "noframes": true,
}

// Tag kinds, for one lookup where a walk tests several of the sets above.
const (
	kindSkip  = 1 << iota // in skipTags
	kindVoid              // in voidSkip
	kindBlock             // in blockTags
)

var tagKinds = func() map[string]uint8 {
	k := map[string]uint8{}
	for sets, bit := range map[*map[string]bool]uint8{&skipTags: kindSkip, &voidSkip: kindVoid, &blockTags: kindBlock} {
		for t, ok := range *sets {
			if ok {
				k[t] |= bit
			}
		}
	}
	return k
}()

// atomKinds holds tagKinds by atom, for kindOf.
var atomKinds = func() map[atom.Atom]uint8 {
	k := map[atom.Atom]uint8{}
	for t, v := range tagKinds {
		if a := atom.Lookup([]byte(t)); a != 0 {
			k[a] = v
		}
	}
	return k
}()

// kindOf returns tagKinds[n.Data], looked up by atom when the node's atom
// names its tag (a faster map).
func kindOf(n *html.Node) uint8 {
	if a := n.DataAtom; a != 0 && a.String() == n.Data {
		return atomKinds[a]
	}
	return tagKinds[n.Data]
}

// isSpaceRune reports white space, including U+00A0 (&nbsp;) and U+3000.
func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }

// isZeroWidth reports invisible format characters that are dropped.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

// isWide reports CJK characters and punctuation, next to which a source
// line break is not a space (CSS Text segment-break rule, applied when
// either side is wide: Chinese prose never means a space there).
func isWide(r rune) bool { return r >= 0x2E80 && r != utf8.RuneError }

// collapse normalises the raw text of one line as a browser shows it: every
// white-space run (&nbsp; and U+3000 included) becomes one space, a run that
// holds a source line break next to a CJK character disappears, zero-width
// characters are dropped and both ends are trimmed.
func collapse(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune = -1 // last rune written
	inSpace, spaceBreak := false, false
	for _, r := range s {
		if isZeroWidth(r) {
			continue
		}
		if isSpaceRune(r) {
			if !inSpace {
				inSpace, spaceBreak = true, false
			}
			if r == '\n' || r == '\r' {
				spaceBreak = true
			}
			continue
		}
		if inSpace {
			if prev >= 0 && !(spaceBreak && (isWide(prev) || isWide(r))) {
				b.WriteByte(' ')
			}
			inSpace = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// collapseLines collapses each line of s (lines separated by lineBreak
// markers), drops empty lines and joins the rest with "\n".
func collapseLines(s string) string {
	if !strings.Contains(s, lineBreak) {
		return collapse(s)
	}
	var b strings.Builder
	for rest, more := s, true; more; {
		var p string
		p, rest, more = strings.Cut(rest, lineBreak)
		if c := collapse(p); c != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(c)
		}
	}
	return b.String()
}

// lineBreak is the marker written for <br> and block boundaries inside a
// table cell; it cannot occur in decoded text (U+0000 is replaced by the
// HTML parser).
const lineBreak = "\x00"

package cmap

import (
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Predefined is a CMap named by a font's /Encoding instead of embedded.
type Predefined int

// Predefined CMaps the decoder knows.
const (
	PredefUnknown  Predefined = iota
	PredefIdentity            // Identity-H / Identity-V: 2-byte codes, CID = code
	PredefGB                  // GBK-EUC-H, GB-EUC-H, GBKp-EUC-H, GBK2K-H (and -V): GB bytes
	PredefUCS2                // UniGB-UCS2-H/V: 2-byte UCS-2 codes
	PredefUTF16               // UniGB-UTF16-H/V: UTF-16BE codes
)

// Lookup names a predefined CMap.
func Lookup(name string) Predefined {
	switch name {
	case "Identity-H", "Identity-V":
		return PredefIdentity
	case "GBK-EUC-H", "GBK-EUC-V", "GB-EUC-H", "GB-EUC-V", "GBKp-EUC-H", "GBKp-EUC-V", "GBK2K-H", "GBK2K-V", "GBpc-EUC-H", "GBpc-EUC-V":
		return PredefGB
	case "UniGB-UCS2-H", "UniGB-UCS2-V":
		return PredefUCS2
	case "UniGB-UTF16-H", "UniGB-UTF16-V", "UniGB-UTF32-H":
		return PredefUTF16
	}
	return PredefUnknown
}

// DecodeGB splits GB bytes into codes (1 byte for 0x00–0x80, 2 bytes
// after a lead byte 0x81–0xFE, 4 for GB18030 four-byte sequences) and
// decodes each through GB18030; undecodable codes give U+FFFD.
func DecodeGB(b []byte, fn func(code uint32, n int, text string)) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	buf := make([]byte, 8)
	for len(b) > 0 {
		n := 1
		if b[0] >= 0x81 && b[0] <= 0xFE && len(b) >= 2 {
			n = 2
			if b[1] >= 0x30 && b[1] <= 0x39 && len(b) >= 4 {
				n = 4
			}
		}
		var c uint32
		for _, x := range b[:n] {
			c = c<<8 | uint32(x)
		}
		text := "\uFFFD"
		if n == 1 && b[0] < 0x80 {
			text = string(rune(b[0]))
		} else if m, _, err := dec.Transform(buf, b[:n], true); err == nil && m > 0 {
			text = string(buf[:m])
		}
		dec.Reset()
		fn(c, n, text)
		b = b[n:]
	}
}

// DecodeUTF16 splits UTF-16BE code units (surrogate pairs kept together).
func DecodeUTF16(b []byte, fn func(code uint32, n int, text string)) {
	for len(b) > 0 {
		if len(b) < 2 {
			fn(uint32(b[0]), 1, "\uFFFD")
			return
		}
		u := uint16(b[0])<<8 | uint16(b[1])
		if utf16.IsSurrogate(rune(u)) && len(b) >= 4 {
			u2 := uint16(b[2])<<8 | uint16(b[3])
			r := utf16.DecodeRune(rune(u), rune(u2))
			fn(uint32(u)<<16|uint32(u2), 4, string(r))
			b = b[4:]
			continue
		}
		fn(uint32(u), 2, string(rune(u)))
		b = b[2:]
	}
}

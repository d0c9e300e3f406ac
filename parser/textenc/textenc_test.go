package textenc

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const sample = "伯党乡人民政府2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\t0\t0\n刘䶮 １２，３４５ 𠀀\n"

func TestDecode(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sample)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(sample)
	for _, tc := range []struct {
		name, in, enc string
	}{
		{"utf8", sample, UTF8},
		{"utf8 bom", "\xEF\xBB\xBF" + sample, UTF8BOM},
		{"gb18030 with a 4-byte character", gb, GB18030},
		{"utf16le bom", u16le, UTF16LE},
		{"utf16be bom", u16be, UTF16BE},
	} {
		got, enc, err := Decode([]byte(tc.in))
		if err != nil || got != sample || enc != tc.enc {
			t.Errorf("%s: %q %s %v", tc.name, got, enc, err)
		}
	}
}

func TestDecodeBinary(t *testing.T) {
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	if _, _, err := Decode(bin); !errors.Is(err, ErrBinary) {
		t.Errorf("binary input: %v", err)
	}
	if _, _, err := Decode([]byte("%PDF\x00\x01")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL bytes: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte{0xFF, 0xFE, 0x41})
	f.Add([]byte{0xB0, 0xA1, 0x81, 0x30, 0x81, 0x30})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = Decode(b)
	})
}

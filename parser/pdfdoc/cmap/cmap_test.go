package cmap

import "testing"

func TestParseToUnicode(t *testing.T) {
	m := Parse([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
2 beginbfchar <0003> <0020> <01> <D840DC00> endbfchar
3 beginbfrange
<0100> <0102> <4EFF>
<0200> <0202> [<0041> <00420043> <0044>]
<1000> <1FFF> <5000>
endbfrange endcmap end end`))
	cases := []struct {
		code uint32
		n    int
		want string
	}{
		{0x0003, 2, " "},
		{0x01, 1, "\U00020000"},
		{0x0100, 2, "仿"}, {0x0101, 2, "伀"}, {0x0102, 2, "企"}, // carry into the high byte
		{0x0201, 2, "BC"},
		{0x1FFF, 2, string(rune(0x5000 + 0xFFF))},
	}
	for _, c := range cases {
		got, ok := m.Unicode(c.code, c.n)
		if !ok || got != c.want {
			t.Errorf("%04X/%d: %q %v, want %q", c.code, c.n, got, ok, c.want)
		}
	}
	if _, ok := m.Unicode(0x0103, 2); ok {
		t.Error("code outside the ranges mapped")
	}
	var codes []uint32
	m.Split([]byte{0x41, 0x81, 0x40, 0xFF}, 2, func(c uint32, n int) { codes = append(codes, c) })
	if len(codes) != 3 || codes[0] != 0x41 || codes[1] != 0x8140 || codes[2] != 0xFF {
		t.Errorf("split %X", codes)
	}
}

func TestDecodeGB(t *testing.T) {
	// 三、A in GBK, then a GB18030 four-byte sequence (U+20000)
	in := []byte{0xC8, 0xFD, 0xA1, 0xA2, 'A', 0x95, 0x32, 0x82, 0x36}
	var got []string
	DecodeGB(in, func(code uint32, n int, text string) { got = append(got, text) })
	want := []string{"三", "、", "A", "\U00020000"}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %q want %q", i, got[i], want[i])
		}
	}
}

func TestLookup(t *testing.T) {
	for name, want := range map[string]Predefined{"GBK-EUC-H": PredefGB, "GB-EUC-H": PredefGB, "UniGB-UCS2-H": PredefUCS2, "UniGB-UTF16-H": PredefUTF16, "Identity-H": PredefIdentity, "X": PredefUnknown} {
		if got := Lookup(name); got != want {
			t.Errorf("%s: %v", name, got)
		}
	}
}

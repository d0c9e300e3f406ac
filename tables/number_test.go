package tables

import (
	"testing"

	"github.com/xxgk/nianbao/model"
)

func TestParseCell(t *testing.T) {
	tests := []struct {
		raw  string
		kind model.CellKind
		num  string
		unit string
	}{
		{"", model.CellBlank, "", ""},
		{"\u00a0", model.CellBlank, "", ""},
		{"\u3000 ", model.CellBlank, "", ""},
		{"—", model.CellDash, "", ""},
		{"——", model.CellDash, "", ""},
		{"-", model.CellDash, "", ""},
		{"／", model.CellDash, "", ""},
		{"/", model.CellDash, "", ""},
		{"无", model.CellNone, "", ""},
		{"零", model.CellNumber, "0", ""},
		{"0", model.CellNumber, "0", ""},
		{"１２", model.CellNumber, "12", ""},
		{"1,234", model.CellNumber, "1234", ""},
		{"１，２３４", model.CellNumber, "1234", ""},
		{"1 234", model.CellNumber, "1234", ""},
		{"0件", model.CellNumber, "0", "件"},
		{"251000元", model.CellNumber, "251000", "元"},
		{"190.457379", model.CellNumber, "190.457379", ""},
		{"24252.311082万元", model.CellNumber, "24252.311082", "万元"},
		{"+1036", model.CellNumber, "1036", ""},
		{"-3", model.CellNumber, "-3", ""},
		{"－3", model.CellNumber, "-3", ""},
		{"减2", model.CellNumber, "-2", ""},
		{"增5", model.CellNumber, "5", ""},
		{"详见附表", model.CellText, "", ""},
		{"略", model.CellText, "", ""},
		{"12a", model.CellText, "", ""},
		{"1.2.3", model.CellText, "", ""},
		{"99999999999999999999999", model.CellText, "", ""},
	}
	for _, tc := range tests {
		c := ParseCell(tc.raw, model.Loc{Line: 3})
		if c.Kind != tc.kind {
			t.Errorf("ParseCell(%q).Kind = %v, want %v", tc.raw, c.Kind, tc.kind)
			continue
		}
		if c.Raw != tc.raw || c.Src.Line != 3 {
			t.Errorf("ParseCell(%q) lost raw text or location: %+v", tc.raw, c)
		}
		if tc.kind == model.CellNumber {
			if c.Num.String() != tc.num || c.Unit != tc.unit {
				t.Errorf("ParseCell(%q) = %s %q, want %s %q", tc.raw, c.Num, c.Unit, tc.num, tc.unit)
			}
		}
	}
}

func TestLabelKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"（一）予以公开", "(一) 予以\n公开"},
		{"3.危及“三安全一稳定”", "3．危及\"三安全一稳定\""},
		{"規範性文件", "规范性文件"},
		{"自 然 人", "自然人"},
		{"⾏政复议", "行政复议"},
		{"⺠生", "民生"},
		{"商业\n企业", "商业企业"},
	}
	for _, tc := range tests {
		if LabelKey(tc.a) != LabelKey(tc.b) {
			t.Errorf("LabelKey(%q)=%q != LabelKey(%q)=%q", tc.a, LabelKey(tc.a), tc.b, LabelKey(tc.b))
		}
	}
}

func TestStripOrdinal(t *testing.T) {
	tests := []struct{ in, marker, rest string }{
		{"(一)予以公开", "(一)", "予以公开"},
		{"一.本年新收", "一.", "本年新收"},
		{"1.属于国家秘密", "1.", "属于国家秘密"},
		{"(七)总计", "(七)", "总计"},
		{"总计", "", "总计"},
		{"2019年", "", "2019年"},
	}
	for _, tc := range tests {
		m, r := StripOrdinal(LabelKey(tc.in))
		if m != tc.marker || r != tc.rest {
			t.Errorf("StripOrdinal(%q) = %q, %q; want %q, %q", tc.in, m, r, tc.marker, tc.rest)
		}
	}
}

func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"", "0", "1,234", "—", "无", "+1036", "190.457379万元", "减2", "１２", "1.2.3", "9999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := ParseCell(s, model.Loc{})
		if c.Raw != s {
			t.Fatalf("raw changed")
		}
		if c.Kind == model.CellNumber {
			_ = c.Num.String()
		}
		_ = LabelKey(s)
		_, _ = StripOrdinal(LabelKey(s))
	})
}

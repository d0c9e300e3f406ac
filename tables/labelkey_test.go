package tables

import (
	"testing"
	"unicode/utf8"
)

// TestLabelKeyRuneByRune: the cached LabelKey equals its definition on
// whole strings, including runes that expand (㈠) or vanish (spaces).
func TestLabelKeyRuneByRune(t *testing.T) {
	for _, s := range []string{"（一） 予以\n公开", "3．危及“三安全一稳定”", "規範性文件 總計", "⾏政复议 ⺠生", "㈠㈡①", "第二十条第(一)项：", "\xff\xfe坏", "１２，３４５件"} {
		if got, want := LabelKey(s), labelKeySlow(s); got != want && utf8.ValidString(s) {
			t.Errorf("LabelKey(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLabelKey(f *testing.F) {
	f.Add("（一） 予以\n公开㈠")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := LabelKey(s), labelKeySlow(s); got != want {
			t.Fatalf("LabelKey(%q) = %q, want %q", s, got, want)
		}
	})
}

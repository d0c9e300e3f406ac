package check

import "testing"

// TestNormalizeBodyVariants: printed variants of one body share a key.
func TestNormalizeBodyVariants(t *testing.T) {
	for _, group := range [][]string{
		{"平潭综合实验区管委会", "平潭综合实验区管理委员会", "平潭综合实验区"},
		{"佳荣里街", "佳荣里街道", "佳荣里街道办事处"},
		{"民权县伯党乡人民政府", "伯党乡人民政府", "伯党乡政府"},
	} {
		want := NormalizeBody(group[0])
		for _, b := range group[1:] {
			if got := NormalizeBody(b); got != want {
				t.Errorf("NormalizeBody(%q) = %q, want %q (as for %q)", b, got, want, group[0])
			}
		}
	}
}

package check

import "testing"

func TestNormalizeBody(t *testing.T) {
	same := [][]string{
		{"民权县伯党乡人民政府", "伯党乡人民政府", "伯党乡政府", "伯党乡", "河南省商丘市民权县伯党乡人民政府", "伯党乡 人民政府"},
		{"洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"},
		{"长春市绿园区春城街道办事处", "春城街道办事处", "春城街道"},
		{"上海市人民政府办公厅", "上海市政府办公厅"},
		{"淮安市人民政府", "淮安市政府"},
		{"沭阳县发展和改革局", "沭阳县发展和改革局"},
		{"ＡＢ镇人民政府", "AB镇人民政府"},
	}
	for _, g := range same {
		k := NormalizeBody(g[0])
		if k == "" {
			t.Errorf("NormalizeBody(%q) is empty", g[0])
		}
		for _, b := range g[1:] {
			if got := NormalizeBody(b); got != k {
				t.Errorf("NormalizeBody(%q) = %q, want %q (as for %q)", b, got, k, g[0])
			}
		}
	}
	differ := [][2]string{
		{"上海市人民政府办公厅", "北京市人民政府办公厅"},
		{"淮安市城市管理局", "南京市城市管理局"},
		{"淮安市经济技术开发区管委会", "南京市经济技术开发区管委会"},
		{"淮安市市场监督管理局", "南京市市场监督管理局"},
		{"伯党乡人民政府", "伯党乡人民政府办公室"},
		{"东川县住房和城乡建设局", "西岭区住房和城乡建设局"},
		{"东川县财政局", "西岭县财政局"},
		{"东川县市场监督管理局", "西岭区市场监督管理局"},
		{"东川县人民政府", "东川县财政局"},
		{"淮安市人民政府", "淮安市洪泽区人民政府"},
	}
	for _, d := range differ {
		if a, b := NormalizeBody(d[0]), NormalizeBody(d[1]); a == b {
			t.Errorf("NormalizeBody(%q) = NormalizeBody(%q) = %q", d[0], d[1], a)
		}
	}
	if NormalizeBody("") != "" {
		t.Error("empty body has a key")
	}
}

package check

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// placeSeg matches a leading place name: at least one Han character and an
// administrative suffix. It is lazy, so "民权县伯党乡" yields "民权县".
var placeSeg = regexp.MustCompile(`^\p{Han}+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)`)

// innerSeg matches a place name that can stand on its own after a parent
// prefix is removed: two or more Han characters and a suffix down to the
// township level.
var innerSeg = regexp.MustCompile(`^\p{Han}{2,}?(?:自治州|自治县|自治旗|地区|市|州|盟|县|区|旗|镇|乡|街道|苏木)`)

// genericEnds end words that name a kind of area, not a place:
// "淮安市经济技术开发区" must keep its city. genericWords are such words
// standing alone ("新区", but "浦东新区" is a place).
var (
	genericEnds  = []string{"开发区", "高新区", "示范区", "试验区", "实验区", "保税区", "功能区", "管理区", "工业园区", "产业园区", "景区", "片区", "辖区", "社区"}
	genericWords = []string{"新区", "园区", "城区", "市区", "郊区", "城市", "街道", "地区"}
)

// NormalizeBody returns a key under which the same issuing body matches
// across reports and years: "民权县伯党乡人民政府", "伯党乡人民政府" and
// "伯党乡政府" all give "伯党乡". It folds full-width characters, removes
// spaces, treats 人民政府 and 政府 alike and drops them at the end, turns
// 街道办事处 into 街道, and drops leading parent places (province, city,
// county) as long as what remains is itself a place name (a government or
// township body). A department keeps every place in front of it
// ("上海市政府办公厅", "东川县财政局"), so that two cities' or counties'
// departments never share a key; the price is that "淮安市洪泽区财政局" and
// "洪泽区财政局" do not match. The key is empty when body is.
func NormalizeBody(body string) string {
	s := width.Fold.String(body)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '·' || r == '•' {
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "人民政府", "政府")
	s = strings.TrimSuffix(s, "办事处")
	s = strings.TrimSuffix(s, "政府")
	// the administrative committee of a zone reports as the zone's government
	for _, suf := range []string{"管理委员会", "管委会"} {
		if t := strings.TrimSuffix(s, suf); t != s && t != "" {
			s = t
			break
		}
	}
	// "佳荣里街" is printed for "佳荣里街道"
	if strings.HasSuffix(s, "街") {
		s += "道"
	}
	for {
		m := placeSeg.FindString(s)
		if m == "" || m == s {
			break
		}
		rest := s[len(m):]
		if !allPlaces(rest) {
			break
		}
		s = rest
	}
	return s
}

// allPlaces reports whether s is made of place names only ("洪泽区",
// "绿园区春城街道"), so that the parent in front of it can go. A
// department ("财政局", "住房和城乡建设局") is not, and keeps its parent:
// two counties' 财政局 must not share a key.
func allPlaces(s string) bool {
	if s == "" {
		return false
	}
	for s != "" {
		seg := innerSeg.FindString(s)
		if seg == "" || isGenericPlace(seg) {
			return false
		}
		// "住房和城乡建设局": a conjunction inside a segment marks a
		// department's name, unless the segment is the whole remaining
		// name of a place ("和平镇", "和城乡").
		if strings.ContainsAny(seg, "和与及") && !strings.HasPrefix(seg, "和") && !strings.HasPrefix(seg, "与") && !strings.HasPrefix(seg, "及") {
			return false
		}
		s = s[len(seg):]
	}
	return true
}

func isGenericPlace(seg string) bool {
	for _, g := range genericEnds {
		if strings.HasSuffix(seg, g) {
			return true
		}
	}
	return slices.Contains(genericWords, seg)
}

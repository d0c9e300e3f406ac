package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xxgk/nianbao/model"
	"golang.org/x/text/width"
)

// receivedRe finds "收到/受理/接收 … 公开 … 申请 (共计) N 件" in prose; the gap
// may not cross a clause end and must say 公开, so that sub-counts such as
// 受理当面申请3件 are not taken for the total. receivedRe2 finds the
// inverted order "共收到70件申请" / "受理12件政府信息公开申请".
var (
	receivedRe  = regexp.MustCompile(`(?:收到|受理|接收|新收)([^。；;，,：:]{0,40}?)申请(?:共计|共|总计|合计|数量为|数量|为)?\s*(\d+)\s*件`)
	receivedRe2 = regexp.MustCompile(`(?:收到|受理|接收|新收)(?:各类)?\s*(\d+)\s*件(?:政府信息公开|依申请公开|信息公开)?申请`)
	// The same anchored at the start of the text: every match starts with
	// one of receivedWords, so findAllAt tries them only there.
	receivedReAt  = regexp.MustCompile(`^` + receivedRe.String())
	receivedRe2At = regexp.MustCompile(`^` + receivedRe2.String())
)

// receivedWords start every match of receivedRe and receivedRe2.
var receivedWords = []string{"收到", "受理", "接收", "新收"}

// wordStarts returns the byte offsets of every occurrence of the words in
// text, in increasing order.
func wordStarts(text string, words []string) []int {
	var out []int
	for _, w := range words {
		for off := 0; ; {
			j := strings.Index(text[off:], w)
			if j < 0 {
				break
			}
			out = append(out, off+j)
			off += j + len(w)
		}
	}
	slices.Sort(out)
	return out
}

// findAllAt returns what re.FindAllStringSubmatch(text, -1) returns, for
// the regexp re whose matches all start at one of starts (increasing byte
// offsets) and whose anchored form is reAt: the leftmost match is the one
// at the first start where reAt matches, and the search resumes after it.
// A pattern without empty matches and without look-behind (\b, ^) is
// required.
func findAllAt(reAt *regexp.Regexp, text string, starts []int) [][]string {
	var out [][]string
	pos := 0
	for _, p := range starts {
		if p < pos {
			continue
		}
		loc := reAt.FindStringSubmatchIndex(text[p:])
		if loc == nil {
			continue
		}
		m := make([]string, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = text[p+loc[2*i] : p+loc[2*i+1]]
			}
		}
		out = append(out, m)
		pos = p + loc[1]
	}
	return out
}

// proseNumber is one number read from prose.
type proseNumber struct {
	text string // the matched phrase
	n    model.Decimal
	sec  *model.Section
}

func receivedClaims(r *model.Report) []proseNumber {
	var out []proseNumber
	for _, id := range []model.SectionID{model.SecOverview, model.SecRequests} {
		s := r.Section(id)
		if s == nil {
			continue
		}
		text := s.Text
		// Every match holds 申请 and 件.
		if !strings.Contains(text, "申请") || !strings.Contains(text, "件") {
			continue
		}
		if strings.ContainsAny(text, "０１２３４５６７８９") {
			text = width.Narrow.String(text)
		}
		starts := wordStarts(text, receivedWords)
		if len(starts) == 0 {
			continue
		}
		for _, m := range findAllAt(receivedReAt, text, starts) {
			gap := m[1]
			if !strings.Contains(gap, "公开") || strings.ContainsAny(gap, "复诉") ||
				strings.Contains(gap, "咨询") || strings.Contains(gap, "当面") {
				continue // 行政复议申请, 诉讼, 咨询 and channel sub-counts are other things
			}
			if d, err := model.ParseDecimal(m[2]); err == nil {
				out = append(out, proseNumber{text: m[0], n: d, sec: s})
			}
		}
		for _, m := range findAllAt(receivedRe2At, text, starts) {
			if d, err := model.ParseDecimal(m[1]); err == nil {
				out = append(out, proseNumber{text: m[0], n: d, sec: s})
			}
		}
	}
	return out
}

// XReceived compares the prose count of requests with table 3.
var XReceived = &Rule{
	ID: "X-RECEIVED",
	Doc: `the prose count of requests received matches table 3

Sections 一 and 三 often say how many requests were received (收到/受理…申请
N 件). N should equal 本年新收 (R1 总计), or R1 + 上年结转 (R2) when the prose
counts carried-over requests too.`,
	Severity: model.SevWarning,
	Formats:  tableFormats,
	Run: func(p *Pass) {
		t := requests(p)
		if t == nil {
			return
		}
		claims := receivedClaims(p.Report)
		if len(claims) == 0 {
			p.NotApplicable("正文中未找到收到申请的件数", "the prose gives no count of requests received")
			return
		}
		r1 := t3Op("new_received", &t.NewReceived, model.ColTotal)
		r2 := t3Op("carried_over", &t.CarriedOver, model.ColTotal)
		v1, _, ok1 := r1.value()
		v2, _, ok2 := r2.value()
		seen := make(map[string]bool)
		for _, c := range claims {
			if seen[c.n.String()] {
				continue
			}
			seen[c.n.String()] = true
			prose := model.CellRef{Key: "prose." + string(c.sec.ID), Raw: c.text, Kind: model.CellText, Src: c.sec.Src}
			cells := append([]model.CellRef{prose}, refs([]operand{r1, r2})...)
			n := c.n
			if ok1 && c.n.Equal(v1) {
				continue
			}
			if ok1 && ok2 {
				if s, ok := v1.Add(v2); ok && c.n.Equal(s) {
					continue
				}
			}
			if !ok1 {
				p.Uncertain(model.Finding{Column: "total", Actual: &n, Cells: cells,
					Message:   fmt.Sprintf("正文称“%s”，但表三本年新收总计无法读取：%s", c.text, reasonsZH([]operand{r1})),
					MessageEN: fmt.Sprintf("the prose says %q but table 3's new-requests total cannot be read: %s", c.text, reasonsEN([]operand{r1}))})
				continue
			}
			e := v1
			alt := ""
			altEN := ""
			if ok2 {
				s, _ := v1.Add(v2)
				alt = fmt.Sprintf("（计入上年结转为%s，亦不相符）", s)
				altEN = fmt.Sprintf(", or %s with those carried over", s)
			}
			p.Fail(model.Finding{Column: "total", Expected: &e, Actual: &n, Cells: cells,
				Message:   fmt.Sprintf("正文称“%s”，与表三本年新收申请总计%s不符%s", c.text, v1, alt),
				MessageEN: fmt.Sprintf("the prose says %q (%s) but table 3 counts %s new requests%s", c.text, n, v1, altEN)})
		}
	},
}

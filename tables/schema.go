package tables

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// rowSpec describes how a printed row label is recognised.
type rowSpec struct {
	table int    // 2, 3 or 4
	key   string // table 3: row key of cell-keys.md; table 2: row name ("rules", …)
	// cores are label fragments (in LabelKey form) of which one must occur.
	cores []string
	// exact lists the accepted label texts (ordinal stripped) when a
	// fragment is too common to be matched by containment.
	exact []string
	// group names the group a row must be in when its label alone is
	// ambiguous ("六" for 3.其他); "results" for (七)总计.
	group string
	// groupLabel marks group labels (三、本年度办理结果, （三）不予公开, …):
	// they set the context; with values of their own they are subtotal rows.
	groupLabel string
	// official is the official label, for lengths and messages.
	official string
	// officialKey is LabelKey(official) and offRunes its length in runes,
	// filled in by init.
	officialKey string
	offRunes    int
}

// officialRest maps the official wording of each label (ordinal removed)
// to its spec: most printed labels are exactly that, and a map lookup
// spares matchCell its scan over every spec.
var officialRest = map[*rowSpec]map[string]*rowSpec{}

func init() {
	for _, specs := range [][]rowSpec{t3Specs, t2Specs} {
		idx := map[string]*rowSpec{}
		for i := range specs {
			specs[i].officialKey = LabelKey(specs[i].official)
			specs[i].offRunes = runeLen(specs[i].officialKey)
			if specs[i].group != "" || specs[i].groupLabel != "" || len(specs[i].exact) > 0 {
				continue // context-dependent or exact labels go through the scan
			}
			_, rest := StripOrdinal(specs[i].officialKey)
			idx[rest] = &specs[i]
		}
		officialRest[&specs[0]] = idx
	}
}

// t3Specs lists the table-3 rows and group labels.
var t3Specs = []rowSpec{
	{table: 3, key: "new_received", cores: []string{"本年新收", "新收政府信息公开申请"}, official: "一、本年新收政府信息公开申请数量"},
	{table: 3, key: "carried_over", cores: []string{"上年结转", "上年转结", "上年度结转", "上一年结转"}, official: "二、上年结转政府信息公开申请数量"},
	{table: 3, groupLabel: "results", cores: []string{"本年度办理结果", "办理结果"}, official: "三、本年度办理结果"},
	{table: 3, key: "granted", cores: []string{"予以公开"}, official: "（一）予以公开"},
	{table: 3, key: "partially_granted", cores: []string{"部分公开"}, official: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{table: 3, groupLabel: "三", exact: []string{"不予公开"}, official: "（三）不予公开"},
	{table: 3, key: "denied.state_secret", cores: []string{"国家秘密"}, official: "1.属于国家秘密"},
	{table: 3, key: "denied.law_prohibited", cores: []string{"禁止公开", "行政止公开", "法律行政法规", "法律法规禁止"}, official: "2.其他法律行政法规禁止公开"},
	{table: 3, key: "denied.security_stability", cores: []string{"三安全一稳定", "危及"}, official: "3.危及“三安全一稳定”"},
	{table: 3, key: "denied.third_party_rights", cores: []string{"第三方合法权益", "保护第三方"}, official: "4.保护第三方合法权益"},
	{table: 3, key: "denied.internal_affairs", cores: []string{"内部事务"}, official: "5.属于三类内部事务信息"},
	{table: 3, key: "denied.process_info", cores: []string{"过程性信息", "四类过程"}, official: "6.属于四类过程性信息"},
	{table: 3, key: "denied.enforcement_file", cores: []string{"执法案卷"}, official: "7.属于行政执法案卷"},
	{table: 3, key: "denied.admin_query", cores: []string{"行政查询", "查询事项"}, official: "8.属于行政查询事项"},
	{table: 3, groupLabel: "四", exact: []string{"无法提供"}, official: "（四）无法提供"},
	{table: 3, key: "unavailable.not_held", cores: []string{"不掌握"}, official: "1.本机关不掌握相关政府信息"},
	{table: 3, key: "unavailable.needs_creation", cores: []string{"另行制作", "没有现成信息"}, official: "2.没有现成信息需要另行制作"},
	{table: 3, key: "unavailable.still_unclear", cores: []string{"仍不明确", "补正后申请内容"}, official: "3.补正后申请内容仍不明确"},
	{table: 3, groupLabel: "五", exact: []string{"不予处理"}, official: "（五）不予处理"},
	{table: 3, key: "not_processed.petition", cores: []string{"信访举报", "举报投诉"}, official: "1.信访举报投诉类申请"},
	{table: 3, key: "not_processed.repeated", cores: []string{"重复申请"}, official: "2.重复申请"},
	{table: 3, key: "not_processed.publication", cores: []string{"公开出版物"}, official: "3.要求提供公开出版物"},
	{table: 3, key: "not_processed.excessive", cores: []string{"大量反复", "无正当理由大量"}, official: "4.无正当理由大量反复申请"},
	{table: 3, key: "not_processed.confirm_or_reissue", cores: []string{"确认或重新出具", "重新出具"}, official: "5.要求行政机关确认或重新出具已获取信息"},
	// （六）其他处理 is a data row in the 2019 format and a group label in 2021.
	{table: 3, key: "other_handling", groupLabel: "六", exact: []string{"其他处理", "其它处理"}, official: "（六）其他处理"},
	{table: 3, key: "other.overdue_correction", cores: []string{"逾期不补正", "无正当理由逾期"}, official: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{table: 3, key: "other.overdue_fee", cores: []string{"收费通知", "缴纳费用", "逾期未按"}, official: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{table: 3, key: "other.other_reasons", exact: []string{"其他", "其它"}, group: "六", official: "3.其他"},
	{table: 3, key: "results_total", exact: []string{"总计", "合计"}, group: "results", official: "（七）总计"},
	{table: 3, key: "carried_forward", cores: []string{"结转下年度", "下年度继续办理", "结转下一年度", "转下年度继续", "结转至下年度"}, official: "四、结转下年度继续办理"},
}

// t2Specs lists the table-2 rows of both formats (row names, not flat keys).
var t2Specs = []rowSpec{
	{table: 2, key: "rules", exact: []string{"规章"}, official: "规章"},
	{table: 2, key: "normative", exact: []string{"行政规范性文件", "规范性文件"}, official: "行政规范性文件"},
	{table: 2, key: "licensing", exact: []string{"行政许可"}, official: "行政许可"},
	{table: 2, key: "other_services", exact: []string{"其他对外管理服务事项", "其它对外管理服务事项"}, official: "其他对外管理服务事项"},
	{table: 2, key: "penalty", exact: []string{"行政处罚"}, official: "行政处罚"},
	{table: 2, key: "coercion", exact: []string{"行政强制"}, official: "行政强制"},
	{table: 2, key: "fees", exact: []string{"行政事业性收费"}, official: "行政事业性收费"},
	{table: 2, key: "procurement", exact: []string{"政府集中采购"}, official: "政府集中采购"},
}

// t4HeaderWords are the header fragments of table 4.
var t4HeaderWords = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"}

// t2HeaderWords2021 and t2HeaderWords2019 tell the two table-2 schemas apart.
var (
	t2HeaderWords2021 = keys("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
	t2HeaderWords2019 = keys("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额")
)

// keys returns the label keys of words.
func keys(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = LabelKey(w)
	}
	return out
}

// labelMatch is a recognised label.
type labelMatch struct {
	spec *rowSpec
	// end is the rune offset in the key where the matched fragment ends (for
	// run-together text, the match nearest the end wins).
	end int
}

// cellMatchCache remembers matchCell's answers per label key: the same
// header and row labels come back in every report of a batch, and the
// answer depends on the key alone. It stops growing at maxCellCache keys.
var (
	cellMatchCache sync.Map // cellCacheKey → int (spec index, -1 for none)
	cellCacheSize  atomic.Int64
)

const maxCellCache = 50000

type cellCacheKey struct {
	specs *rowSpec // identifies the spec table (t2Specs or t3Specs)
	key   string
}

// matchCell recognises a label printed in its own cell or line, through
// cellMatchCache.
func matchCell(key string, specs []rowSpec) *rowSpec {
	if len(specs) == 0 {
		return nil
	}
	ck := cellCacheKey{&specs[0], key}
	if v, ok := cellMatchCache.Load(ck); ok {
		if i := v.(int); i >= 0 {
			return &specs[i]
		}
		return nil
	}
	s := matchCellUncached(key, specs)
	if cellCacheSize.Load() < maxCellCache {
		i := -1
		if s != nil {
			for j := range specs {
				if &specs[j] == s {
					i = j
				}
			}
		}
		if _, loaded := cellMatchCache.LoadOrStore(ck, i); !loaded {
			cellCacheSize.Add(1)
		}
	}
	return s
}

// matchCellUncached recognises a label printed in its own cell or line. The whole
// text must be the label (apart from its ordinal and a little slack), so
// prose sentences that mention a row are not taken for it.
func matchCellUncached(key string, specs []rowSpec) *rowSpec {
	if len(key) > 240 {
		return nil // prose, not a label cell
	}
	_, rest := StripOrdinal(key)
	if rest == "" {
		return nil
	}
	if len(specs) > 0 {
		if s := officialRest[&specs[0]][rest]; s != nil {
			return s
		}
	}
	rl := runeLen(rest)
	var best *rowSpec
	bestLen := 0
	for i := range specs {
		s := &specs[i]
		for _, e := range s.exact {
			if rest == e || rest == e+"情况" {
				if l := runeLen(e); l > bestLen {
					best, bestLen = s, l
				}
			}
		}
		if rl > s.offRunes+12 {
			continue
		}
		for _, c := range s.cores {
			if strings.Contains(rest, c) {
				if l := runeLen(c); l > bestLen {
					best, bestLen = s, l
				}
			}
		}
	}
	return best
}

// matchSuffix recognises the label at the end of a run of text that runs
// together with its neighbours (crawler text): the label must end the run,
// allowing only the rest of its official wording (or a bracketed note)
// after the matched fragment. Exact labels must end the run.
func matchSuffix(key string, specs []rowSpec) *rowSpec {
	if key == "" {
		return nil
	}
	// only the end of a run can hold the label: the longest official
	// label is under 50 characters
	if len(key) > 240 {
		cut := len(key) - 240
		for cut < len(key) && !utf8.RuneStart(key[cut]) {
			cut++
		}
		key = key[cut:]
	}
	var best *rowSpec
	bestTail, bestLen := 1<<30, 0
	for i := range specs {
		s := &specs[i]
		off := s.officialKey
		try := func(frag string, exact bool) {
			idx := strings.LastIndex(key, frag)
			if idx < 0 {
				return
			}
			tail := key[idx+len(frag):]
			tl := runeLen(tail)
			if exact && tl > 0 {
				return
			}
			if tl > 0 && !strings.HasSuffix(off, tail) && !(strings.HasPrefix(tail, "(") && strings.HasSuffix(tail, ")")) {
				return
			}
			if tl < bestTail || (tl == bestTail && runeLen(frag) > bestLen) {
				best, bestTail, bestLen = s, tl, runeLen(frag)
			}
		}
		for _, e := range s.exact {
			try(e, true)
		}
		for _, c := range s.cores {
			try(c, false)
		}
	}
	return best
}

// ambiguousCell reports whether a label cell holds the wording of two
// different data rows (a front end glued two labels together): whichever
// row it is matched to, its values cannot be trusted.
func ambiguousCell(key string, specs []rowSpec) bool {
	if len(key) > 240 {
		return false
	}
	_, rest := StripOrdinal(key)
	if len(specs) > 0 && officialRest[&specs[0]][rest] != nil {
		return false // exactly one row's official wording
	}
	var first *rowSpec
	for i := range specs {
		s := &specs[i]
		if s.groupLabel != "" || s.key == "" {
			continue
		}
		for _, c := range s.cores {
			if strings.Contains(rest, c) {
				if first != nil && first != s {
					return true
				}
				first = s
				break
			}
		}
	}
	return false
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

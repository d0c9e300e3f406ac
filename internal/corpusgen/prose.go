package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Phrase banks for the prose. Sentences are put together from a topic, an
// action and an outcome, so that two reports rarely share much text.
var (
	topics = []string{"财政预决算", "重大建设项目", "公共资源配置", "社会公益事业建设", "乡村振兴", "教育医疗", "生态环境保护", "安全生产", "食品药品监管",
		"就业创业", "社会救助", "征地拆迁", "惠农补贴", "重大行政决策", "民生实事项目", "营商环境", "行政执法公示", "疫情防控", "防汛抗旱", "养老服务"}
	actions = []string{"及时更新专栏内容", "细化公开目录", "落实专人负责审核发布", "开展政策解读", "完善信息发布流程", "建立动态调整机制", "加强与业务部门的协调",
		"规范公开格式和时限", "推行清单化管理", "加大图解和视频解读力度", "开展自查整改", "定期通报公开情况", "强化源头认定", "组织业务培训", "丰富公开载体"}
	outcomes = []string{"群众知晓率明显提高", "信息发布更加及时准确", "公开质量稳步提升", "社会关切得到及时回应", "办事群众反映良好", "公开内容更加完整",
		"工作规范化水平持续提升", "信息更新频次有所增加", "查询使用更加便捷", "各项工作有序推进"}
	channels = []string{"政府门户网站", "政务新媒体", "政务公开栏", "便民服务中心查阅点", "村（社区）公开栏", "微信公众号", "政务服务网", "档案馆查阅点"}
	problems = []string{"公开内容的完整性还有欠缺", "政策解读形式比较单一", "信息更新不够及时", "工作人员业务能力有待提升", "基层公开标准化规范化水平不高",
		"依申请公开答复的规范性需要加强", "公开平台的互动功能发挥不充分", "部分栏目内容更新滞后", "公开信息的可读性不强", "监督考核机制还不够健全", "新媒体运维力量不足", "公开目录与实际工作衔接不紧"}
	fixes = []string{"加强业务培训，提高工作人员的公开意识和业务水平", "完善信息发布审核机制，确保内容准确规范", "丰富解读形式，多用图解和问答",
		"健全考核评议制度，把公开工作纳入年度考核", "加强平台建设，优化栏目设置", "建立定期检查制度，及时更新过期内容", "规范依申请公开办理流程，统一答复文书格式",
		"推进基层政务公开标准目录落地", "加强与上级部门的沟通，及时学习先进经验", "强化政务新媒体管理，落实值守制度"}
)

func pickN(r *rand.Rand, bank []string, n int) []string {
	p := r.Perm(len(bank))
	out := make([]string, 0, n)
	for i := 0; i < n && i < len(p); i++ {
		out = append(out, bank[p[i]])
	}
	return out
}

func sentence(r *rand.Rand) string {
	return fmt.Sprintf("围绕%s，%s，%s。", topics[r.IntN(len(topics))], actions[r.IntN(len(actions))], outcomes[r.IntN(len(outcomes))])
}

// overview writes section 一: the five elements required by the 2021 notice,
// with the request counts of table 3 (which the X-* rules compare).
func overview(r *rand.Rand, b Body, year int, t3 *T3, items int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，", year, b.Place)
	sb.WriteString(sentence(r))
	sb.WriteString("\n（一）主动公开情况。")
	fmt.Fprintf(&sb, "全年通过%s主动公开政府信息%d条。", channels[r.IntN(len(channels))], items)
	for i := 0; i < 2+r.IntN(2); i++ {
		sb.WriteString(sentence(r))
	}
	sb.WriteString("\n（二）依申请公开情况。")
	fmt.Fprintf(&sb, "全年共收到政府信息公开申请%d件，", t3.V["new_received"][6])
	if c := t3.V["carried_forward"][6]; c > 0 {
		fmt.Fprintf(&sb, "结转下年度继续办理%d件，", c)
	}
	sb.WriteString("均在法定期限内依法答复。")
	sb.WriteString("\n（三）政府信息管理。")
	for i := 0; i < 2; i++ {
		sb.WriteString(sentence(r))
	}
	sb.WriteString("\n（四）平台建设。")
	chs := pickN(r, channels, 2)
	fmt.Fprintf(&sb, "加强%s和%s建设管理，", chs[0], chs[1])
	sb.WriteString(sentence(r))
	sb.WriteString("\n（五）监督保障。")
	if b.Gov {
		sb.WriteString("将政务公开工作纳入年度绩效考核，开展社会评议，对工作不力的严格责任追究。")
	} else {
		sb.WriteString("将政务公开工作纳入年度工作要点，明确分管领导和责任人员。")
	}
	sb.WriteString(sentence(r))
	return sb.String()
}

// problemsText writes section 五.
func problemsText(r *rand.Rand, year int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d年，我们的政府信息公开工作虽然取得了一定成效，但也存在一些不足：", year)
	ord := []string{"一是", "二是", "三是", "四是"}
	ps := pickN(r, problems, 2+r.IntN(2))
	for i, p := range ps {
		sb.WriteString(ord[i] + p)
		if i < len(ps)-1 {
			sb.WriteString("；")
		}
	}
	sb.WriteString("。\n下一步，")
	fs := pickN(r, fixes, 2+r.IntN(2))
	for i, f := range fs {
		sb.WriteString(ord[i] + f)
		if i < len(fs)-1 {
			sb.WriteString("；")
		}
	}
	sb.WriteString("。")
	return sb.String()
}

// otherText writes section 六.
func otherText(r *rand.Rand, year int) string {
	if year >= 2021 {
		return "本年度未收取信息处理费。无其他需要报告的事项。"
	}
	return "无其他需要报告的事项。"
}

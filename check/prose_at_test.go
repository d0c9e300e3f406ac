package check

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestFindAllAt checks that the anchored search gives exactly what
// FindAllStringSubmatch gives, on random prose built from the words the
// regexps care about.
func TestFindAllAt(t *testing.T) {
	words := []string{"收到", "受理", "接收", "新收", "收", "到", "受", "理", "接", "新", "申请", "申", "请", "公开", "政府信息公开", "依申请公开", "信息公开",
		"件", "共计", "共", "总计", "合计", "数量为", "数量", "为", "各类", "复议", "诉讼", "咨询", "当面", "。", "；", ";", "，", ",", "：", ":",
		" ", "\n", "\t", "0", "1", "12", "3", "70", "x", "的", "年", "本年", "依申请公开申请", "收收到到"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k >= 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
		}
		text := b.String()
		starts := wordStarts(text, receivedWords)
		if got, want := findAllAt(receivedReAt, text, starts), receivedRe.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("receivedRe on %q:\n got %q\nwant %q", text, got, want)
		}
		if got, want := findAllAt(receivedRe2At, text, starts), receivedRe2.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("receivedRe2 on %q:\n got %q\nwant %q", text, got, want)
		}
	}
}

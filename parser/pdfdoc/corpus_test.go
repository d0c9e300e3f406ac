package pdfdoc

import (
	"encoding/json"
	"github.com/xxgk/nianbao/tables"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/internal/testutil"
)

// t3Rows2021 are the 2021 format's table-3 rows: flat key and a label
// fragment that identifies the row (matched on tables.LabelKey).
var t3Rows2021 = []struct{ key, frag string }{
	{"new_received", "本年新收"}, {"carried_over", "上年结转"}, {"granted", "予以公开"}, {"partially_granted", "部分公开"},
	{"denied.state_secret", "国家秘密"}, {"denied.law_prohibited", "其他法律"}, {"denied.security_stability", "三安全一稳定"},
	{"denied.third_party_rights", "第三方"}, {"denied.internal_affairs", "内部事务"}, {"denied.process_info", "过程性"},
	{"denied.enforcement_file", "执法案卷"}, {"denied.admin_query", "查询事项"},
	{"unavailable.not_held", "不掌握"}, {"unavailable.needs_creation", "另行制作"}, {"unavailable.still_unclear", "仍不明确"},
	{"not_processed.petition", "信访"}, {"not_processed.repeated", "重复申请"}, {"not_processed.publication", "出版物"},
	{"not_processed.excessive", "大量反复"}, {"not_processed.confirm_or_reissue", "重新出具"},
	{"other.overdue_correction", "不补正"}, {"other.overdue_fee", "收费通知"}, {"other.other_reasons", "=其他"},
	{"other_handling", "其他处理"}, {"results_total", "总计"}, {"carried_forward", "结转下年度"},
}

// findRow returns the index of the row whose label holds frag ("=x": the
// label after its list number is x).
func findRow(labels []string, frag string) int {
	for i, l := range labels {
		k := tables.LabelKey(l)
		if strings.HasPrefix(frag, "=") {
			k = strings.TrimLeft(k, "0123456789.、()（）一二三四五六七八九十")
			if k == tables.LabelKey(frag[1:]) {
				return i
			}
			continue
		}
		if strings.Contains(k, tables.LabelKey(frag)) {
			return i
		}
	}
	return -1
}

var t3ColKeys = []string{"natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"}

// TestCorpusTable3 reads the real PDFs of the shared corpus and compares
// the table-3 rows found in the grids with the truth files.
func TestCorpusTable3(t *testing.T) {
	dir := testutil.CorpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "raw", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus PDFs")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		t.Run(name, func(t *testing.T) {
			var truth struct {
				Cells map[string]any `json:"cells"`
			}
			b, err := os.ReadFile(filepath.Join(dir, "truth", name+".json"))
			if err != nil {
				t.Skip("no truth file")
			}
			if err := json.Unmarshal(b, &truth); err != nil {
				t.Fatal(err)
			}
			doc, err, took := parseFile(t, f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			rows, labels := t3Rows(doc)
			t.Logf("%d pages in %v; %d table-3 rows", doc.Pages, took, len(rows))
			matched, total := 0, 0
			for _, r := range t3Rows2021 {
				for k, ck := range t3ColKeys {
					v, ok := truth.Cells["t3."+r.key+"."+ck].(float64)
					if !ok {
						continue
					}
					total++
					i := findRow(labels, r.frag)
					switch {
					case i < 0:
						t.Errorf("t3.%s: row not found", r.key)
					case rows[i][k] == int64(v):
						matched++
					default:
						t.Errorf("t3.%s.%s: got %d, truth %v (label %q)", r.key, ck, rows[i][k], v, labels[i])
					}
				}
			}
			if total == 0 {
				t.Fatal("truth has no table-3 cells")
			}
			if matched*100 < total*95 {
				t.Errorf("only %d of %d truth cells extracted", matched, total)
			}
			t.Logf("table 3: %d of %d truth cells matched", matched, total)
		})
	}
}

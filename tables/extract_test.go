package tables

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xxgk/nianbao/model"
)

func extractText(t *testing.T, s string) (*model.Report, *Extraction) {
	t.Helper()
	ex := Extract(docFromText(s), model.FormatUnknown)
	return &model.Report{Active21: ex.Active21, Active19: ex.Active19, Requests: ex.Requests, Review: ex.Review}, ex
}

// TestExtractSeed: the seed's table-3 rows from 三 onwards print 6 values
// for 7 columns; they must come out repaired with a diagnostic each, and
// every cell of tables 2, 3 and 4 must be 0.
func TestExtractSeed(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed_boudang_2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, ex := extractText(t, string(b))
	if r.Active21 == nil || r.Requests == nil || r.Review == nil {
		t.Fatalf("tables missing: t2=%v t3=%v t4=%v", r.Active21 != nil, r.Requests != nil, r.Review != nil)
	}
	n := 0
	r.EachCell(func(k string, c *model.Cell) {
		if strings.HasPrefix(k, "t3.other_handling") {
			return
		}
		n++
		if c.Kind != model.CellNumber || !c.Num.IsZero() || c.Uncertain() {
			t.Errorf("%s = %+v, want certain 0", k, *c)
		}
	})
	if n != 10+25*7+15 {
		t.Errorf("%d cells, want %d", n, 10+25*7+15)
	}
	if f := r.Requests.NewReceived.Total.Flags; f != 0 {
		t.Errorf("new_received was printed with 7 values but has flags %v", f.Names())
	}
	if f := r.Requests.Results.Granted.Total.Flags; f&model.FlagRepaired == 0 {
		t.Errorf("granted row printed 6 values but is not marked repaired")
	}
	repaired := 0
	for _, d := range ex.Diagnostics {
		if d.Code == model.DiagRaggedRepaired {
			repaired++
		}
	}
	if repaired != 23 {
		t.Errorf("%d ragged-row diagnostics, want 23 (rows 三(一) to 四)", repaired)
	}
}

// t3Fixture is a consistent table 3 with non-trivial numbers.
type t3Fixture struct {
	rows map[string][7]int64
}

func newT3Fixture() t3Fixture {
	f := t3Fixture{rows: map[string][7]int64{}}
	set := func(k string, v ...int64) {
		var a [7]int64
		copy(a[:], v)
		for i := 0; i < 6; i++ {
			a[6] += a[i]
		}
		f.rows[k] = a
	}
	set("granted", 27, 0, 0, 2, 0, 1)
	set("partially_granted", 5, 0, 0, 0, 0, 0)
	set("denied.internal_affairs", 1, 0, 0, 0, 0, 0)
	set("denied.enforcement_file", 6, 0, 0, 0, 0, 0)
	set("unavailable.not_held", 22, 0, 0, 0, 0, 3)
	set("not_processed.repeated", 3, 1, 0, 0, 0, 0)
	set("other.other_reasons", 1, 0, 0, 0, 0, 0)
	var tot [7]int64
	for _, v := range f.rows {
		for i := range tot {
			tot[i] += v[i]
		}
	}
	f.rows["results_total"] = tot
	f.rows["carried_forward"] = [7]int64{1, 0, 0, 0, 0, 0, 1}
	f.rows["carried_over"] = [7]int64{2, 0, 0, 0, 0, 0, 2}
	var nr [7]int64
	for i := range nr {
		nr[i] = tot[i] + f.rows["carried_forward"][i] - f.rows["carried_over"][i]
	}
	f.rows["new_received"] = nr
	return f
}

func (f t3Fixture) get(k string) [7]int64 { return f.rows[k] }

// runTogether renders table 3 as crawler text: labels and digits with no
// separator at all.
func (f t3Fixture) runTogether() string {
	var b strings.Builder
	b.WriteString("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	group := map[string]string{"granted": "三、本年度办理结果", "denied.state_secret": "（三）不予公开", "unavailable.not_held": "（四）无法提供", "not_processed.petition": "（五）不予处理", "other.overdue_correction": "（六）其他处理"}
	for _, row := range model.T3Rows {
		if row.Only2019 {
			continue
		}
		b.WriteString(group[row.Key])
		label := row.Label
		if row.Key == "new_received" || row.Key == "carried_over" {
			label = row.Label
		}
		b.WriteString(label)
		for _, v := range f.get(row.Key) {
			fmt.Fprint(&b, v)
		}
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
	b.WriteString("10203120001200000")
	b.WriteString("五、存在的主要问题及改进情况（一）存在的主要问题：2021年收到申请70件。")
	return b.String()
}

func TestExtractRunTogether(t *testing.T) {
	f := newT3Fixture()
	r, _ := extractText(t, "正文："+f.runTogether())
	if r.Requests == nil || r.Review == nil {
		t.Fatal("tables 3/4 not found in run-together text")
	}
	certain := 0
	for _, row := range model.T3Rows {
		if row.Only2019 {
			continue
		}
		ba := row.Get(r.Requests, false)
		if ba == nil {
			t.Fatalf("row %s missing", row.Key)
		}
		want := f.get(row.Key)
		for c := 0; c < 7; c++ {
			cell := ba.Col(c)
			if cell.Uncertain() {
				continue
			}
			if cell.Kind != model.CellNumber || cell.Num.Unscaled != want[c] {
				t.Errorf("t3.%s.%s = %s (%q), want %d", row.Key, model.T3ColumnKeys[c], cell.Num, cell.Raw, want[c])
			}
			certain++
		}
	}
	if certain < 25*7-4 {
		t.Errorf("only %d of 175 table-3 cells certain", certain)
	}
	wantT4 := []int64{1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0}
	for g := 0; g < 3; g++ {
		for i := 0; i < 5; i++ {
			c := r.Review.Group(g).Col(i)
			if c.Uncertain() || c.Num.Unscaled != wantT4[g*5+i] {
				t.Errorf("t4.%s.%s = %+v, want %d", model.T4GroupKeys[g], model.T4ColumnKeys[i], *c, wantT4[g*5+i])
			}
		}
	}
}

// TestExtractProseNotTaken: prose that names rows and numbers is not a
// table, even when a PDF line break separates a number from its unit.
func TestExtractProseNotTaken(t *testing.T) {
	text := `2021年，本机关共收到政府信息公开申请12件，予以公开10件，部分公开2件，不予公开0件。
上年结转2件，结转下年度继续办理1件。
行政许可事项办理情况良好，全年办理行政许可2293件。
政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚
未审结37件；政府信息公开行政诉讼46件，其中结果维持25
件，结果纠正5件，其他结果9件，尚未审结7件。其中予以公开
12件。`
	r, _ := extractText(t, text)
	if r.Requests != nil || r.Active21 != nil || r.Active19 != nil {
		t.Fatalf("prose was read as a table: %+v", r.Cells())
	}
}

// TestExtractRaggedSettled: a short row that the row total alone cannot
// place is settled by the column identities; one that nothing settles stays
// uncertain.
func TestExtractRaggedSettled(t *testing.T) {
	f := newT3Fixture()
	var b strings.Builder
	b.WriteString("申请人情况\t\t\t\t\t\t\t\n")
	for _, row := range model.T3Rows {
		if row.Only2019 {
			continue
		}
		vals := f.get(row.Key)
		fields := []string{row.Label}
		for c, v := range vals {
			if row.Key == "not_processed.repeated" && c == 5 {
				continue // a dropped cell: 3 1 0 0 0 4 printed for 3 1 0 0 0 0 4
			}
			fields = append(fields, fmt.Sprint(v))
		}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	r, ex := extractText(t, b.String())
	rep := r.Requests.Results.NotProcessed.Repeated
	want := f.get("not_processed.repeated")
	for c := 0; c < 7; c++ {
		cell := rep.Col(c)
		if cell.Uncertain() || cell.Num.Unscaled != want[c] {
			t.Errorf("repeated.%s = %+v, want certain %d", model.T3ColumnKeys[c], *cell, want[c])
		}
		if cell.Flags&model.FlagRepaired == 0 {
			t.Errorf("repeated.%s not marked repaired", model.T3ColumnKeys[c])
		}
	}
	found := false
	for _, d := range ex.Diagnostics {
		if d.Code == model.DiagRaggedRepaired && strings.Contains(d.Message, "not_processed.repeated") {
			found = true
		}
	}
	if !found {
		t.Errorf("no repair diagnostic for the short row: %+v", ex.Diagnostics)
	}

	// Without the rest of the table the same short row stays uncertain.
	r2, _ := extractText(t, "申请人情况\t\t\n（五）不予处理\t2.重复申请\t3\t1\t0\t0\t0\t4\n")
	rep2 := r2.Requests.Results.NotProcessed.Repeated
	if !rep2.NaturalPerson.Uncertain() && !rep2.Commercial.Uncertain() && !rep2.OtherOrg.Uncertain() {
		t.Errorf("ambiguous short row was given values: %+v", rep2)
	}
}

// TestExtractAlignedGrid: an HTML-style grid with merged label cells, a
// value spanning three columns in table 2, and a blank total.
func TestExtractAlignedGrid(t *testing.T) {
	d := &Document{}
	cell := func(s string) GridCell { return GridCell{Text: s} }
	copyCol := func(s string) GridCell { return GridCell{Text: s, SpanCol: 1} }
	copyRow := func(s string) GridCell { return GridCell{Text: s, SpanRow: 1} }
	t2 := &Grid{Aligned: true, Rows: [][]GridCell{
		{cell("第二十条第（一）项"), copyCol("第二十条第（一）项"), copyCol("第二十条第（一）项"), copyCol("第二十条第（一）项")},
		{cell("信息内容"), cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")},
		{cell("规章"), cell("0"), cell("0"), cell("0")},
		{cell("行政规范性文件"), cell("3"), cell("1"), cell("12")},
		{cell("信息内容"), cell("本年处理决定数量"), copyCol("本年处理决定数量"), copyCol("本年处理决定数量")},
		{cell("行政许可"), cell("1,204"), copyCol("1,204"), copyCol("1,204")},
		{cell("行政事业性收费"), cell("190.457379"), copyCol("190.457379"), copyCol("190.457379")},
	}}
	d.AddGrid(t2)
	t3 := &Grid{Aligned: true, Rows: [][]GridCell{
		{cell("一、本年新收政府信息公开申请数量"), copyCol("x"), copyCol("x"), cell("5"), cell("\u00a0"), cell(""), cell(""), cell(""), cell("1"), cell("")},
		{cell("三、本年度办理结果"), cell("（一）予以公开"), copyCol("（一）予以公开"), cell("4"), cell(""), cell(""), cell(""), cell(""), cell("1"), cell("5")},
		{copyRow("三、本年度办理结果"), cell("（三）不予公开"), cell("1.属于国家秘密"), cell("—"), cell("—"), cell("—"), cell("—"), cell("—"), cell("—"), cell("—")},
	}}
	d.AddGrid(t3)
	ex := Extract(d, model.FormatUnknown)
	if ex.Active21 == nil {
		t.Fatal("table 2 not found")
	}
	a := ex.Active21
	if a.NormativeDocs.InForce.Num.Unscaled != 12 || a.LicensingDecisions.Num.Unscaled != 1204 || a.FeeAmountWan.Num.String() != "190.457379" {
		t.Errorf("table 2 wrong: %+v / %+v / %+v", a.NormativeDocs.InForce, a.LicensingDecisions, a.FeeAmountWan)
	}
	nr := ex.Requests.NewReceived
	if nr.Total.Kind != model.CellBlank || nr.Commercial.Kind != model.CellBlank || nr.OtherOrg.Num.Unscaled != 1 || nr.NaturalPerson.Num.Unscaled != 5 {
		t.Errorf("new_received wrong (blank total must stay blank): %+v", nr)
	}
	if g := ex.Requests.Results.Granted; g.Total.Num.Unscaled != 5 || g.NaturalPerson.Num.Unscaled != 4 {
		t.Errorf("granted wrong: %+v", g)
	}
	if s := ex.Requests.Results.Denied.StateSecret; s.Total.Kind != model.CellDash {
		t.Errorf("state_secret wrong: %+v", s)
	}
}

// TestExtractOnePerLine2019: a 2019-format table 2 printed one cell per
// line, with '/' for not applicable and the 第二十一条 typo.
func TestExtractOnePerLine2019(t *testing.T) {
	text := strings.Join([]string{"第二十一条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
		"规章", "0", "0", "0", "规范性文件", "4", "3", "17",
		"第二十一条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
		"行政许可", "12", "/", "30", "其他对外管理服务事项", "0", "+2", "0"}, "\n\n")
	r, _ := extractText(t, text)
	a := r.Active19
	if a == nil {
		t.Fatal("2019 table 2 not found")
	}
	if a.NormativeDocs.TotalPublished.Num.Unscaled != 17 || a.Licensing.Change.Kind != model.CellDash || a.OtherAdminServices.Change.Num.Unscaled != 2 || a.Licensing.Decisions.Num.Unscaled != 30 {
		t.Errorf("2019 table 2 wrong: %+v", a)
	}
}

func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile("../testdata/seed_boudang_2021.txt"); err == nil {
		f.Add(string(b))
	}
	f.Add(newT3Fixture().runTogether())
	f.Add("规章 000行政规范性文件693665行政许可2293 （七）总计1\t2\t3")
	f.Fuzz(func(t *testing.T, s string) {
		ex := Extract(docFromText(s), model.FormatUnknown)
		r := &model.Report{Active21: ex.Active21, Active19: ex.Active19, Requests: ex.Requests, Review: ex.Review}
		r.FlatMap()
	})
}

func BenchmarkExtractSeed(b *testing.B) {
	buf, err := os.ReadFile("../testdata/seed_boudang_2021.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := docFromText(string(buf))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Extract(d, model.FormatUnknown)
	}
}

// TestExtractGluedLabels: a label cell holding two rows' wording is not
// trusted, whichever row it resembles most.
func TestExtractGluedLabels(t *testing.T) {
	row := []GridCell{{Text: "（六）其他处理"}, {Text: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n缴纳费用、行政机关不再处理其政府信息公开申请"}}
	for _, v := range []string{"2", "0", "0", "0", "0", "0", "2"} {
		row = append(row, GridCell{Text: v})
	}
	d := &Document{}
	d.AddGrid(&Grid{Rows: [][]GridCell{{{Text: "申请人情况"}}, row}})
	ex := Extract(d, model.FormatUnknown)
	r := &model.Report{Requests: ex.Requests}
	if r.Requests == nil {
		return // the row was not taken at all: nothing is claimed
	}
	r.EachCell(func(k string, c *model.Cell) {
		if c.Present() && !c.Uncertain() {
			t.Errorf("%s = %q given as certain from a glued label", k, c.Raw)
		}
	})
}

package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDecimal(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		isInt   bool
	}{
		{"0", "0", true}, {"12", "12", true}, {"-3", "-3", true}, {"+1036", "1036", true},
		{"190.457379", "190.457379", false}, {"1.50", "1.50", false}, {"5.0", "5.0", true}, {"0.05", "0.05", false},
	} {
		d, err := ParseDecimal(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if d.String() != tc.out || d.IsInt() != tc.isInt {
			t.Errorf("ParseDecimal(%q) = %s int=%v, want %s int=%v", tc.in, d, d.IsInt(), tc.out, tc.isInt)
		}
	}
	for _, bad := range []string{"", "-", "1.2.3", "1e5", "12a", "99999999999999999999"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", bad)
		}
	}
	a, _ := ParseDecimal("1.5")
	b, _ := ParseDecimal("2.25")
	if s, ok := a.Add(b); !ok || s.String() != "3.75" {
		t.Errorf("1.5+2.25 = %s", s)
	}
	if !Int(5).Equal(Decimal{Unscaled: 50, Scale: 1}) || Int(5).Cmp(Int(6)) != -1 {
		t.Errorf("comparison wrong")
	}
	if _, ok := (Decimal{Unscaled: 1 << 62}).Add(Decimal{Unscaled: 1 << 62}); ok {
		t.Errorf("overflow not reported")
	}
}

func TestCellEval(t *testing.T) {
	for _, tc := range []struct {
		c       Cell
		implied bool
		ok      bool
	}{
		{Cell{Kind: CellNumber, Num: Int(3)}, false, true},
		{Cell{Kind: CellBlank}, true, true},
		{Cell{Kind: CellDash, Raw: "—"}, true, true},
		{Cell{Kind: CellNone, Raw: "无"}, true, true},
		{Cell{Kind: CellText, Raw: "详见附表"}, false, false},
		{Cell{Kind: CellAbsent}, false, false},
		{Cell{Kind: CellNumber, Num: Int(3), Flags: FlagUncertain}, false, false},
	} {
		_, implied, ok := tc.c.Eval()
		if implied != tc.implied || ok != tc.ok {
			t.Errorf("%+v: Eval implied=%v ok=%v", tc.c, implied, ok)
		}
	}
}

func TestReportJSONRoundTrip(t *testing.T) {
	r := &Report{Input: "text", Format: Format2021, Meta: Meta{Year: 2021, Body: "伯党乡人民政府", Level: LevelTownship}}
	r.Requests = &RequestTable{}
	r.Requests.NewReceived.Total = Cell{Kind: CellNumber, Raw: "12", Num: Int(12), Src: Loc{Line: 5, Table: 2, Row: 4, Col: 9}}
	r.Requests.Results.Granted.Commercial = Cell{Kind: CellBlank, Src: Loc{Line: 7}}
	r.Requests.Results.Other = &OtherRows{}
	r.Requests.Results.Other.OtherReasons.Total = Cell{Kind: CellText, Raw: "12 | 3", Flags: FlagUncertain}
	r.Active21 = &ActiveDisclosure2021{FeeAmountWan: Cell{Kind: CellNumber, Raw: "190.457379", Num: Decimal{Unscaled: 190457379, Scale: 6}}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Cells(), back.Cells()) {
		t.Errorf("cells changed in a JSON round trip:\n%v\n%v", r.Cells(), back.Cells())
	}
	m, unc := back.FlatMap()
	if m["t3.new_received.total"] != int64(12) || m["t2.fees.amount"] != "190.457379" || m["t3.granted.commercial"] != nil {
		t.Errorf("flat map: %v", m)
	}
	if _, ok := m["t3.granted.natural_person"]; ok {
		t.Errorf("an absent cell has a key")
	}
	if len(unc) != 1 || unc[0] != "t3.other.other_reasons.total" {
		t.Errorf("uncertain = %v", unc)
	}
	if _, ok := m["t3.other.other_reasons.total"]; ok {
		t.Errorf("an uncertain cell is in the map")
	}
	if m["meta.format"] != "2021" || m["meta.year"] != 2021 {
		t.Errorf("meta: %v %v", m["meta.format"], m["meta.year"])
	}
}

func TestKeysMatchCellKeysSpec(t *testing.T) {
	r := &Report{Active21: &ActiveDisclosure2021{}, Requests: &RequestTable{}, Review: &ReviewLitigation{}}
	r.Requests.Results.Other = &OtherRows{}
	n := 0
	seen := map[string]bool{}
	r.EachCell(func(k string, c *Cell) {
		if seen[k] || c == nil {
			t.Errorf("key %s repeated or without a cell", k)
		}
		seen[k] = true
		n++
	})
	if n != 10+25*7+15 {
		t.Errorf("%d keys for a 2021 report, want 200", n)
	}
	for _, k := range []string{"t2.rules.in_force", "t3.denied.third_party_rights.commercial", "t3.other.overdue_fee.total", "t3.results_total.total", "t4.litigation_after_review.pending"} {
		if !seen[k] {
			t.Errorf("key %s missing", k)
		}
	}
	r19 := &Report{Active19: &ActiveDisclosure2019{}}
	n = 0
	r19.EachCell(func(k string, c *Cell) {
		if c == nil {
			t.Errorf("%s has no cell", k)
		}
		n++
	})
	if n != 22 {
		t.Errorf("%d table-2 keys in the 2019 format, want 22", n)
	}
}

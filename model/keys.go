package model

// T3Row describes one data row of table 3.
type T3Row struct {
	Key   string // row key of cell-keys.md, e.g. "denied.state_secret"
	Ref   string // rule reference of domain.md §3.2, e.g. "R3.3.1"
	Label string // official label
	// Formats lists the formats whose official table has the row.
	Only2019, Only2021 bool
	// Get returns the row in t, allocating optional rows when alloc is set.
	// It returns nil for an optional row that is absent and alloc is false.
	Get func(t *RequestTable, alloc bool) *ByApplicant
}

func otherRows(t *RequestTable, alloc bool) *OtherRows {
	if t.Results.Other == nil && alloc {
		t.Results.Other = &OtherRows{}
	}
	return t.Results.Other
}

// T3Rows lists the table-3 data rows in printed order (both formats).
var T3Rows = []T3Row{
	{Key: "new_received", Ref: "R1", Label: "一、本年新收政府信息公开申请数量", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.NewReceived }},
	{Key: "carried_over", Ref: "R2", Label: "二、上年结转政府信息公开申请数量", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.CarriedOver }},
	{Key: "granted", Ref: "R3.1", Label: "（一）予以公开", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Granted }},
	{Key: "partially_granted", Ref: "R3.2", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.PartiallyGranted }},
	{Key: "denied.state_secret", Ref: "R3.3.1", Label: "1.属于国家秘密", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.StateSecret }},
	{Key: "denied.law_prohibited", Ref: "R3.3.2", Label: "2.其他法律行政法规禁止公开", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.LawProhibited }},
	{Key: "denied.security_stability", Ref: "R3.3.3", Label: "3.危及“三安全一稳定”", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.SecurityStability }},
	{Key: "denied.third_party_rights", Ref: "R3.3.4", Label: "4.保护第三方合法权益", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.ThirdPartyRights }},
	{Key: "denied.internal_affairs", Ref: "R3.3.5", Label: "5.属于三类内部事务信息", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.InternalAffairs }},
	{Key: "denied.process_info", Ref: "R3.3.6", Label: "6.属于四类过程性信息", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.ProcessInfo }},
	{Key: "denied.enforcement_file", Ref: "R3.3.7", Label: "7.属于行政执法案卷", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.EnforcementFile }},
	{Key: "denied.admin_query", Ref: "R3.3.8", Label: "8.属于行政查询事项", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Denied.AdminQuery }},
	{Key: "unavailable.not_held", Ref: "R3.4.1", Label: "1.本机关不掌握相关政府信息", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Unavailable.NotHeld }},
	{Key: "unavailable.needs_creation", Ref: "R3.4.2", Label: "2.没有现成信息需要另行制作", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Unavailable.NeedsCreation }},
	{Key: "unavailable.still_unclear", Ref: "R3.4.3", Label: "3.补正后申请内容仍不明确", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Unavailable.StillUnclear }},
	{Key: "not_processed.petition", Ref: "R3.5.1", Label: "1.信访举报投诉类申请", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.NotProcessed.Petition }},
	{Key: "not_processed.repeated", Ref: "R3.5.2", Label: "2.重复申请", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.NotProcessed.Repeated }},
	{Key: "not_processed.publication", Ref: "R3.5.3", Label: "3.要求提供公开出版物", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.NotProcessed.Publication }},
	{Key: "not_processed.excessive", Ref: "R3.5.4", Label: "4.无正当理由大量反复申请", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.NotProcessed.Excessive }},
	{Key: "not_processed.confirm_or_reissue", Ref: "R3.5.5", Label: "5.要求行政机关确认或重新出具已获取信息", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.NotProcessed.ConfirmOrReissue }},
	{Key: "other_handling", Ref: "R3.6", Label: "（六）其他处理", Only2019: true, Get: func(t *RequestTable, alloc bool) *ByApplicant {
		if t.Results.OtherHandling == nil && alloc {
			t.Results.OtherHandling = &ByApplicant{}
		}
		return t.Results.OtherHandling
	}},
	{Key: "other.overdue_correction", Ref: "R3.6.1", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Only2021: true, Get: func(t *RequestTable, alloc bool) *ByApplicant {
		if o := otherRows(t, alloc); o != nil {
			return &o.OverdueCorrection
		}
		return nil
	}},
	{Key: "other.overdue_fee", Ref: "R3.6.2", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Only2021: true, Get: func(t *RequestTable, alloc bool) *ByApplicant {
		if o := otherRows(t, alloc); o != nil {
			return &o.OverdueFee
		}
		return nil
	}},
	{Key: "other.other_reasons", Ref: "R3.6.3", Label: "3.其他", Only2021: true, Get: func(t *RequestTable, alloc bool) *ByApplicant {
		if o := otherRows(t, alloc); o != nil {
			return &o.OtherReasons
		}
		return nil
	}},
	{Key: "results_total", Ref: "R3.7", Label: "（七）总计", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.Results.Total }},
	{Key: "carried_forward", Ref: "R4", Label: "四、结转下年度继续办理", Get: func(t *RequestTable, _ bool) *ByApplicant { return &t.CarriedForward }},
}

// T3RowByKey returns the row description for a row key.
func T3RowByKey(key string) (T3Row, bool) {
	for _, r := range T3Rows {
		if r.Key == key {
			return r, true
		}
	}
	return T3Row{}, false
}

// T2Field describes one cell of table 2.
type T2Field struct {
	Key    string // flat key, e.g. "t2.rules.issued"
	Row    string // printed row label, e.g. "规章"
	Column string // printed column label
	// Amount is set for the decimal amounts (t2.fees.amount, t2.procurement.amount).
	Amount bool
	// Signed is set for 本年增/减.
	Signed bool
}

// T2Fields2021 lists the cells of the 2021 table 2 in printed order.
var T2Fields2021 = []T2Field{
	{Key: "t2.rules.issued", Row: "规章", Column: "本年制发件数"},
	{Key: "t2.rules.repealed", Row: "规章", Column: "本年废止件数"},
	{Key: "t2.rules.in_force", Row: "规章", Column: "现行有效件数"},
	{Key: "t2.normative.issued", Row: "行政规范性文件", Column: "本年制发件数"},
	{Key: "t2.normative.repealed", Row: "行政规范性文件", Column: "本年废止件数"},
	{Key: "t2.normative.in_force", Row: "行政规范性文件", Column: "现行有效件数"},
	{Key: "t2.licensing.decisions", Row: "行政许可", Column: "本年处理决定数量"},
	{Key: "t2.penalty.decisions", Row: "行政处罚", Column: "本年处理决定数量"},
	{Key: "t2.coercion.decisions", Row: "行政强制", Column: "本年处理决定数量"},
	{Key: "t2.fees.amount", Row: "行政事业性收费", Column: "本年收费金额（单位：万元）", Amount: true},
}

// T2Fields2019 lists the cells of the 2019 table 2 in printed order.
var T2Fields2019 = []T2Field{
	{Key: "t2.rules.new_made", Row: "规章", Column: "本年新制作数量"},
	{Key: "t2.rules.new_published", Row: "规章", Column: "本年新公开数量"},
	{Key: "t2.rules.total_published", Row: "规章", Column: "对外公开总数量"},
	{Key: "t2.normative.new_made", Row: "规范性文件", Column: "本年新制作数量"},
	{Key: "t2.normative.new_published", Row: "规范性文件", Column: "本年新公开数量"},
	{Key: "t2.normative.total_published", Row: "规范性文件", Column: "对外公开总数量"},
	{Key: "t2.licensing.prev_items", Row: "行政许可", Column: "上一年项目数量"},
	{Key: "t2.licensing.change", Row: "行政许可", Column: "本年增/减", Signed: true},
	{Key: "t2.licensing.decisions", Row: "行政许可", Column: "处理决定数量"},
	{Key: "t2.other_services.prev_items", Row: "其他对外管理服务事项", Column: "上一年项目数量"},
	{Key: "t2.other_services.change", Row: "其他对外管理服务事项", Column: "本年增/减", Signed: true},
	{Key: "t2.other_services.decisions", Row: "其他对外管理服务事项", Column: "处理决定数量"},
	{Key: "t2.penalty.prev_items", Row: "行政处罚", Column: "上一年项目数量"},
	{Key: "t2.penalty.change", Row: "行政处罚", Column: "本年增/减", Signed: true},
	{Key: "t2.penalty.decisions", Row: "行政处罚", Column: "处理决定数量"},
	{Key: "t2.coercion.prev_items", Row: "行政强制", Column: "上一年项目数量"},
	{Key: "t2.coercion.change", Row: "行政强制", Column: "本年增/减", Signed: true},
	{Key: "t2.coercion.decisions", Row: "行政强制", Column: "处理决定数量"},
	{Key: "t2.fees.prev_items", Row: "行政事业性收费", Column: "上一年项目数量"},
	{Key: "t2.fees.change", Row: "行政事业性收费", Column: "本年增/减", Signed: true},
	{Key: "t2.procurement.projects", Row: "政府集中采购", Column: "采购项目数量"},
	{Key: "t2.procurement.amount", Row: "政府集中采购", Column: "采购总金额", Amount: true},
}

// T2Cell returns the cell of the 2021 table 2 with the given flat key.
func (a *ActiveDisclosure2021) T2Cell(key string) *Cell {
	switch key {
	case "t2.rules.issued":
		return &a.Rules.Issued
	case "t2.rules.repealed":
		return &a.Rules.Repealed
	case "t2.rules.in_force":
		return &a.Rules.InForce
	case "t2.normative.issued":
		return &a.NormativeDocs.Issued
	case "t2.normative.repealed":
		return &a.NormativeDocs.Repealed
	case "t2.normative.in_force":
		return &a.NormativeDocs.InForce
	case "t2.licensing.decisions":
		return &a.LicensingDecisions
	case "t2.penalty.decisions":
		return &a.PenaltyDecisions
	case "t2.coercion.decisions":
		return &a.CoercionDecisions
	case "t2.fees.amount":
		return &a.FeeAmountWan
	}
	return nil
}

// T2Cell returns the cell of the 2019 table 2 with the given flat key.
func (a *ActiveDisclosure2019) T2Cell(key string) *Cell {
	doc := func(d *DocStats2019, col string) *Cell {
		switch col {
		case "new_made":
			return &d.NewlyMade
		case "new_published":
			return &d.NewlyPublished
		case "total_published":
			return &d.TotalPublished
		}
		return nil
	}
	item := func(d *ItemStats2019, col string) *Cell {
		switch col {
		case "prev_items":
			return &d.PrevYearItems
		case "change":
			return &d.Change
		case "decisions":
			return &d.Decisions
		}
		return nil
	}
	row, col := splitT2Key(key)
	switch row {
	case "rules":
		return doc(&a.Rules, col)
	case "normative":
		return doc(&a.NormativeDocs, col)
	case "licensing":
		return item(&a.Licensing, col)
	case "other_services":
		return item(&a.OtherAdminServices, col)
	case "penalty":
		return item(&a.Penalty, col)
	case "coercion":
		return item(&a.Coercion, col)
	case "fees":
		switch col {
		case "prev_items":
			return &a.Fees.PrevYearItems
		case "change":
			return &a.Fees.Change
		}
	case "procurement":
		switch col {
		case "projects":
			return &a.Procurement.Projects
		case "amount":
			return &a.Procurement.TotalAmount
		}
	}
	return nil
}

func splitT2Key(key string) (row, col string) {
	// key = "t2.<row>.<col>"
	if len(key) < 4 || key[:3] != "t2." {
		return "", ""
	}
	rest := key[3:]
	for i := 0; i < len(rest); i++ {
		if rest[i] == '.' {
			return rest[:i], rest[i+1:]
		}
	}
	return rest, ""
}

// EachCell calls fn for every table cell the report can hold in its tables,
// in the order of cell-keys.md, with its flat key. Cells of tables the report
// does not have are skipped; absent cells of present tables are included (with
// Kind CellAbsent), so callers filter with Cell.Present.
func (r *Report) EachCell(fn func(key string, c *Cell)) {
	if a := r.Active21; a != nil {
		for _, f := range T2Fields2021 {
			fn(f.Key, a.T2Cell(f.Key))
		}
	}
	if a := r.Active19; a != nil {
		for _, f := range T2Fields2019 {
			fn(f.Key, a.T2Cell(f.Key))
		}
	}
	if t := r.Requests; t != nil {
		for _, row := range T3Rows {
			ba := row.Get(t, false)
			if ba == nil {
				continue
			}
			for i := 0; i < NumT3Cols; i++ {
				fn("t3."+row.Key+"."+T3ColumnKeys[i], ba.Col(i))
			}
		}
	}
	if t := r.Review; t != nil {
		for g := 0; g < 3; g++ {
			o := t.Group(g)
			for i := 0; i < 5; i++ {
				fn("t4."+T4GroupKeys[g]+"."+T4ColumnKeys[i], o.Col(i))
			}
		}
	}
}

// Cell returns the cell with the given flat key, or nil when the report has
// no table holding it.
func (r *Report) Cell(key string) *Cell {
	var out *Cell
	r.EachCell(func(k string, c *Cell) {
		if out == nil && k == key {
			out = c
		}
	})
	return out
}

// Cells returns every cell the report contains (Kind != CellAbsent), by flat key.
func (r *Report) Cells() map[string]Cell {
	m := make(map[string]Cell, 256)
	r.EachCell(func(k string, c *Cell) {
		if c.Present() {
			m[k] = *c
		}
	})
	return m
}

// AmountKeys are the flat keys whose values are decimal amounts, encoded as
// strings in the flat map.
var AmountKeys = map[string]bool{"t2.fees.amount": true, "t2.procurement.amount": true}

// FlatValue returns the flat-map value of a cell (cell-keys.md, Values): an
// integer for a count, a decimal string for an amount, nil for blank, dash,
// 无 and text. ok is false for an absent cell, which has no key.
func FlatValue(key string, c Cell) (v any, ok bool) {
	switch c.Kind {
	case CellAbsent:
		return nil, false
	case CellNumber:
		if AmountKeys[key] || !c.Num.IsInt() || c.Num.Scale > 0 {
			return c.Num.String(), true
		}
		return c.Num.Unscaled, true
	}
	return nil, true
}

// FlatMap returns the flat cell map of cell-keys.md plus meta.year,
// meta.body and meta.format, and the sorted keys of cells that the parser
// could not place with certainty. Uncertain cells are left out of the map.
func (r *Report) FlatMap() (values map[string]any, uncertain []string) {
	values = make(map[string]any, 256)
	r.EachCell(func(k string, c *Cell) {
		if !c.Present() {
			return
		}
		if c.Uncertain() {
			uncertain = append(uncertain, k)
			return
		}
		if v, ok := FlatValue(k, *c); ok {
			values[k] = v
		}
	})
	if r.Meta.Year != 0 {
		values["meta.year"] = r.Meta.Year
	} else {
		values["meta.year"] = nil
	}
	if r.Meta.Body != "" {
		values["meta.body"] = r.Meta.Body
	} else {
		values["meta.body"] = nil
	}
	values["meta.format"] = r.Format.String()
	if uncertain == nil {
		uncertain = []string{}
	}
	return values, uncertain
}

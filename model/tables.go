package model

// LabeledRow is a non-standard row kept verbatim: a local extra row of table 2
// (其他主动公开文件) or a local subtotal row of table 3. It has no flat key.
type LabeledRow struct {
	Label string `json:"label"`
	Cells []Cell `json:"cells"`
	Src   Loc    `json:"src"`
}

// DocStats2021 is a 规章 or 行政规范性文件 row of the 2021 table 2.
type DocStats2021 struct {
	Issued   Cell `json:"issued"`   // 本年制发件数
	Repealed Cell `json:"repealed"` // 本年废止件数
	InForce  Cell `json:"in_force"` // 现行有效件数
}

// ActiveDisclosure2021 is table 2 (主动公开政府信息情况) of the 2021 format.
type ActiveDisclosure2021 struct {
	Rules              DocStats2021 `json:"rules"`       // 规章
	NormativeDocs      DocStats2021 `json:"normative"`   // 行政规范性文件
	LicensingDecisions Cell         `json:"licensing"`   // 行政许可 · 本年处理决定数量
	PenaltyDecisions   Cell         `json:"penalty"`     // 行政处罚 · 本年处理决定数量
	CoercionDecisions  Cell         `json:"coercion"`    // 行政强制 · 本年处理决定数量
	FeeAmountWan       Cell         `json:"fees_amount"` // 行政事业性收费 · 本年收费金额（万元）, a decimal
	Extra              []LabeledRow `json:"extra,omitempty"`
}

// DocStats2019 is a 规章 or 规范性文件 row of the 2019 table 2.
type DocStats2019 struct {
	NewlyMade      Cell `json:"new_made"`        // 本年新制作数量
	NewlyPublished Cell `json:"new_published"`   // 本年新公开数量
	TotalPublished Cell `json:"total_published"` // 对外公开总数量
}

// ItemStats2019 is a 行政许可/处罚/强制/其他对外管理服务事项 row of the 2019 table 2.
type ItemStats2019 struct {
	PrevYearItems Cell `json:"prev_items"` // 上一年项目数量
	Change        Cell `json:"change"`     // 本年增/减 (signed)
	Decisions     Cell `json:"decisions"`  // 处理决定数量
}

// FeeStats2019 is the 行政事业性收费 row of the 2019 table 2.
type FeeStats2019 struct {
	PrevYearItems Cell `json:"prev_items"`
	Change        Cell `json:"change"`
}

// ProcurementStats2019 is the 政府集中采购 row of the 2019 table 2.
type ProcurementStats2019 struct {
	Projects    Cell `json:"projects"` // 采购项目数量
	TotalAmount Cell `json:"amount"`   // 采购总金额, keeps its printed unit
}

// ActiveDisclosure2019 is table 2 of the 2019 (试行) format.
type ActiveDisclosure2019 struct {
	Rules              DocStats2019         `json:"rules"`
	NormativeDocs      DocStats2019         `json:"normative"`
	Licensing          ItemStats2019        `json:"licensing"`
	OtherAdminServices ItemStats2019        `json:"other_services"`
	Penalty            ItemStats2019        `json:"penalty"`
	Coercion           ItemStats2019        `json:"coercion"`
	Fees               FeeStats2019         `json:"fees"`
	Procurement        ProcurementStats2019 `json:"procurement"`
	Extra              []LabeledRow         `json:"extra,omitempty"`
}

// Applicant columns of table 3, in data order.
const (
	ColNaturalPerson = iota
	ColCommercial
	ColResearch
	ColPublicInterest
	ColLegalService
	ColOtherOrg
	ColTotal
	NumT3Cols
)

// T3ColumnKeys are the column keys of table 3 in data order (cell-keys.md).
var T3ColumnKeys = [NumT3Cols]string{"natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"}

// T3ColumnLabels are the printed headers of the table-3 columns.
var T3ColumnLabels = [NumT3Cols]string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// ByApplicant is one row of table 3: the six applicant columns and 总计.
type ByApplicant struct {
	NaturalPerson  Cell `json:"natural_person"`
	Commercial     Cell `json:"commercial"`
	Research       Cell `json:"research"`
	PublicInterest Cell `json:"public_interest"`
	LegalService   Cell `json:"legal_service"`
	OtherOrg       Cell `json:"other_org"`
	Total          Cell `json:"total"`
}

// Col returns a pointer to the column with index i (ColNaturalPerson … ColTotal).
func (r *ByApplicant) Col(i int) *Cell {
	switch i {
	case ColNaturalPerson:
		return &r.NaturalPerson
	case ColCommercial:
		return &r.Commercial
	case ColResearch:
		return &r.Research
	case ColPublicInterest:
		return &r.PublicInterest
	case ColLegalService:
		return &r.LegalService
	case ColOtherOrg:
		return &r.OtherOrg
	case ColTotal:
		return &r.Total
	}
	return nil
}

// Parts returns the six applicant columns (总计 excluded).
func (r ByApplicant) Parts() [6]Cell {
	return [6]Cell{r.NaturalPerson, r.Commercial, r.Research, r.PublicInterest, r.LegalService, r.OtherOrg}
}

// Present reports whether any cell of the row was found.
func (r ByApplicant) Present() bool {
	for i := 0; i < NumT3Cols; i++ {
		if r.Col(i).Present() {
			return true
		}
	}
	return false
}

// DeniedRows are the eight （三）不予公开 rows.
type DeniedRows struct {
	StateSecret       ByApplicant `json:"state_secret"`
	LawProhibited     ByApplicant `json:"law_prohibited"`
	SecurityStability ByApplicant `json:"security_stability"`
	ThirdPartyRights  ByApplicant `json:"third_party_rights"`
	InternalAffairs   ByApplicant `json:"internal_affairs"`
	ProcessInfo       ByApplicant `json:"process_info"`
	EnforcementFile   ByApplicant `json:"enforcement_file"`
	AdminQuery        ByApplicant `json:"admin_query"`
}

// UnavailableRows are the three （四）无法提供 rows.
type UnavailableRows struct {
	NotHeld       ByApplicant `json:"not_held"`
	NeedsCreation ByApplicant `json:"needs_creation"`
	StillUnclear  ByApplicant `json:"still_unclear"`
}

// NotProcessedRows are the five （五）不予处理 rows.
type NotProcessedRows struct {
	Petition         ByApplicant `json:"petition"`
	Repeated         ByApplicant `json:"repeated"`
	Publication      ByApplicant `json:"publication"`
	Excessive        ByApplicant `json:"excessive"`
	ConfirmOrReissue ByApplicant `json:"confirm_or_reissue"`
}

// OtherRows are the three （六）其他处理 rows of the 2021 format.
type OtherRows struct {
	OverdueCorrection ByApplicant `json:"overdue_correction"`
	OverdueFee        ByApplicant `json:"overdue_fee"`
	OtherReasons      ByApplicant `json:"other_reasons"`
}

// RequestResults is 三、本年度办理结果 of table 3.
type RequestResults struct {
	Granted          ByApplicant      `json:"granted"`
	PartiallyGranted ByApplicant      `json:"partially_granted"`
	Denied           DeniedRows       `json:"denied"`
	Unavailable      UnavailableRows  `json:"unavailable"`
	NotProcessed     NotProcessedRows `json:"not_processed"`
	// OtherHandling is the single （六）其他处理 row of the 2019 format (also
	// printed by some 2021-format reports); nil when the report splits it.
	OtherHandling *ByApplicant `json:"other_handling,omitempty"`
	// Other holds the three （六） rows of the 2021 format; nil when absent.
	Other *OtherRows `json:"other,omitempty"`
	// Subtotals are local subtotal rows keyed "三", "四", "五", "六"; no flat key.
	Subtotals map[string]ByApplicant `json:"subtotals,omitempty"`
	Total     ByApplicant            `json:"total"` // （七）总计
}

// RequestTable is table 3 (收到和处理政府信息公开申请情况), shared by the 2019
// and 2021 formats.
type RequestTable struct {
	NewReceived    ByApplicant    `json:"new_received"`
	CarriedOver    ByApplicant    `json:"carried_over"`
	Results        RequestResults `json:"results"`
	CarriedForward ByApplicant    `json:"carried_forward"`
	Extra          []LabeledRow   `json:"extra,omitempty"`
}

// Outcomes is one group of table 4: five columns.
type Outcomes struct {
	Upheld    Cell `json:"upheld"`    // 结果维持
	Corrected Cell `json:"corrected"` // 结果纠正
	Other     Cell `json:"other"`     // 其他结果
	Pending   Cell `json:"pending"`   // 尚未审结
	Total     Cell `json:"total"`     // 总计
}

// T4ColumnKeys are the column keys of a table-4 group in printed order.
var T4ColumnKeys = [5]string{"upheld", "corrected", "other", "pending", "total"}

// Col returns the column with index i in printed order (0 = upheld … 4 = total).
func (o *Outcomes) Col(i int) *Cell {
	switch i {
	case 0:
		return &o.Upheld
	case 1:
		return &o.Corrected
	case 2:
		return &o.Other
	case 3:
		return &o.Pending
	case 4:
		return &o.Total
	}
	return nil
}

// ReviewLitigation is table 4 (政府信息公开行政复议、行政诉讼情况).
type ReviewLitigation struct {
	Review                Outcomes `json:"review"`                  // 行政复议
	LitigationDirect      Outcomes `json:"litigation_direct"`       // 行政诉讼 · 未经复议直接起诉
	LitigationAfterReview Outcomes `json:"litigation_after_review"` // 行政诉讼 · 复议后起诉
}

// T4GroupKeys are the group keys of table 4 in printed order.
var T4GroupKeys = [3]string{"review", "litigation_direct", "litigation_after_review"}

// Group returns the group with index i (0 review, 1 direct, 2 after review).
func (t *ReviewLitigation) Group(i int) *Outcomes {
	switch i {
	case 0:
		return &t.Review
	case 1:
		return &t.LitigationDirect
	case 2:
		return &t.LitigationAfterReview
	}
	return nil
}

// LegacyFigures are key figures of a pre-2019 report, read from prose or
// from a local 统计表. Every field is optional.
type LegacyFigures struct {
	ProactiveItems   *Cell        `json:"proactive_items,omitempty"`   // 主动公开信息 N 条
	RequestsReceived *Cell        `json:"requests_received,omitempty"` // 收到申请 N 件
	RequestsAnswered *Cell        `json:"requests_answered,omitempty"` // 答复 N 件
	Granted          *Cell        `json:"granted,omitempty"`           // 同意公开
	PartlyGranted    *Cell        `json:"partially_granted,omitempty"` // 同意部分公开
	Refused          *Cell        `json:"refused,omitempty"`           // 不予公开
	FeesCharged      *Cell        `json:"fees_charged,omitempty"`      // 收取费用 (元)
	AdminReviews     *Cell        `json:"admin_reviews,omitempty"`     // 行政复议 N 件
	Lawsuits         *Cell        `json:"lawsuits,omitempty"`          // 行政诉讼 N 件
	Appeals          *Cell        `json:"appeals,omitempty"`           // 申诉 N 件
	Statistics       []LabeledRow `json:"statistics,omitempty"`        // raw 统计表 rows
}

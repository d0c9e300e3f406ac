package check

// All lists every per-report rule, in the order in which they run and in
// which their findings are returned.
var All = []*Rule{
	T3Balance,
	T3ResultSum,
	T3RowTotal,
	T3Subtotal,
	T3NonNeg,
	T3Int,
	T3TotalBlank,
	T3Empty,
	T3RowMissing,
	T4SumReview,
	T4SumDirect,
	T4SumAfter,
	T4NonNeg,
	T4Int,
	T2NonNeg,
	T2Int,
	T2InForceGE,
	T2RulesAuthority,
	T2aStockGENew,
	T2aNewPubLtNewMade,
	XReceived,
	XUpheldAll,
	FmtMismatch,
	FmtBasisOutdated,
	StrSections,
	StrTableMissing,
	MetaTemplateLeak,
	PubLate,
}

#!/bin/sh
# compare.sh — whole-process time and peak memory of the PDF front end
# against `pdftotext -layout` on the same files, in the same run.
#
#   parser/pdfdoc/compare.sh [files…]   (default: the corpus and synthetic PDFs)
#
# Uses `nianbao cells` when cmd/nianbao builds, else the front end alone
# (parser/pdfdoc/internal/pdfdump; forced with FRONTEND_ONLY=1). RUNS=n sets
# the runs per file. Needs pdftotext (poppler-utils) and GNU time.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "${FRONTEND_ONLY:-}" ] && (cd "$root" && go build -o "$tmp/tool" ./cmd/nianbao) 2>/dev/null; then
	tool="$tmp/tool cells"
else
	(cd "$root" && go build ${GOFLAGS_OVERLAY:-} -o "$tmp/tool" ./parser/pdfdoc/internal/pdfdump)
	tool="$tmp/tool"
fi
echo "tool: $tool"
files_default() { :; }
[ $# -gt 0 ] || set -- "$shared"/corpus/raw/*.pdf "$shared"/fixtures/pdf-synthetic/*.pdf
runs=${RUNS:-10}
# measure CMD… → "wall_ms cpu_ms maxrss_kB", means over $runs runs (after
# one warm-up). CPU time (user+sys) is the robust figure on a loaded machine.
measure() {
	"$@" >/dev/null 2>&1 || true
	i=0
	: >"$tmp/m"
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -a -o "$tmp/m" -f "%e %U %S %M" "$@" >/dev/null 2>/dev/null || true
		i=$((i + 1))
	done
	awk '{w+=$1; c+=$2+$3; if ($4>m) m=$4} END {printf "%.1f %.1f %d\n", w/NR*1000, c/NR*1000, m}' "$tmp/m"
}
printf '%-32s %8s %8s %8s %8s %6s %6s %8s %8s %5s\n' file wall_ms pdftt_ms cpu_ms pdftt_ms wall× cpu× rss_kB pdftt_kB mem×
tw=0; tp=0; cw=0; cp=0
for f in "$@"; do
	set -- $(measure $tool "$f")
	ow=$1 oc=$2 om=$3
	set -- $(measure pdftotext -layout "$f" /dev/null)
	pw=$1 pc=$2 pm=$3
	tw=$(awk "BEGIN{print $tw+$ow}"); tp=$(awk "BEGIN{print $tp+$pw}")
	cw=$(awk "BEGIN{print $cw+$oc}"); cp=$(awk "BEGIN{print $cp+$pc}")
	printf '%-32s %8s %8s %8s %8s %6s %6s %8s %8s %5s\n' "$(basename "$f")" "$ow" "$pw" "$oc" "$pc" \
		"$(awk "BEGIN{printf \"%.2f\", $ow/$pw}")" "$(awk "BEGIN{printf \"%.2f\", ($oc+0.001)/($pc+0.001)}")" \
		"$om" "$pm" "$(awk "BEGIN{printf \"%.2f\", $om/$pm}")"
done
echo "total wall ratio $(awk "BEGIN{printf \"%.2f\", $tw/$tp}"), total cpu ratio $(awk "BEGIN{printf \"%.2f\", $cw/$cp}") (ours / pdftotext -layout)"

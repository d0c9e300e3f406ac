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
[ $# -gt 0 ] || set -- "$shared"/corpus/raw/*.pdf "$shared"/fixtures/pdf-synthetic/*.pdf
runs=${RUNS:-10}
now() { date +%s%N; }
timeit() { # cmd… → mean ms over $runs
	"$@" >/dev/null 2>&1 || true
	s=$(now)
	i=0
	while [ $i -lt "$runs" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
	e=$(now)
	echo $(( (e - s) / runs / 1000 ))
}
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
printf '%-36s %9s %9s %6s %8s %8s %6s\n' file ours_us pdftt_us ratio ours_kB pdftt_kB mem
tot_o=0; tot_p=0
for f in "$@"; do
	o=$(timeit $tool "$f")
	p=$(timeit pdftotext -layout "$f" /dev/null)
	mo=$(rss $tool "$f")
	mp=$(rss pdftotext -layout "$f" /dev/null)
	tot_o=$((tot_o + o)); tot_p=$((tot_p + p))
	printf '%-36s %9d %9d %6s %8s %8s %6s\n' "$(basename "$f")" "$o" "$p" \
		"$(awk "BEGIN{printf \"%.2f\", $o/$p}")" "$mo" "$mp" "$(awk "BEGIN{printf \"%.2f\", $mo/$mp}")"
done
echo "total time ratio: $(awk "BEGIN{printf \"%.2f\", $tot_o/$tot_p}") (ours / pdftotext -layout)"

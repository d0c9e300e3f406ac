#!/bin/sh
# Throughput of `nianbao audit` over a generated 1,000-report corpus (every
# layout: text, markdown, HTML, DOCX, PDF), measured with /usr/bin/time -v.
#
#   audit/bench.sh [N] [extra audit flags…]
#
# Prints reports per second (wall clock), CPU seconds and peak RSS. On a
# shared machine the wall clock depends on the load: CPU seconds per report
# is the steadier figure.
set -eu
N=${1:-1000}
[ $# -gt 0 ] && shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"
go build -o "$TMP/nianbao" ./cmd/nianbao
go run ./internal/corpusgen/gencorpus -o "$TMP/corpus" -n "$N" -seed 1 >/dev/null
/usr/bin/time -v "$TMP/nianbao" audit --progress never -o "$TMP/out.jsonl" "$@" "$TMP/corpus" 2>"$TMP/time.txt" || true
grep -E "nianbao audit:|Elapsed|Maximum resident|User time|System time|Percent of CPU" "$TMP/time.txt"
awk -v n="$N" '
/Elapsed \(wall clock\)/ { split($NF, t, ":"); s = (length(t) == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
/User time/ { u = $NF } /System time/ { y = $NF }
/Maximum resident/ { rss = $NF }
END { printf "%d reports: %.1f reports/s wall, %.2f ms CPU per report, peak RSS %.0f MB\n", n, n / s, 1000 * (u + y) / n, rss / 1024 }' "$TMP/time.txt"

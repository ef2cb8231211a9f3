#!/usr/bin/env bash
# Benchmark: wall time and peak memory of an offline `generate`, and the assembly's own render time.
# Prints figures; never fails on numbers. Usage: bench/generate.sh [DURATION_SECONDS] [LANGUAGE] [MODE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-36}"; LANGUAGE="${2:-fr}"; MODE="${3:-native_audio}"
WORK="$(mktemp -d /tmp/reelforge-bench-XXXX)"
"$ROOT/reelforge" --help >/dev/null   # installs and builds first, outside the measurement
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
/usr/bin/time -v -o "$WORK/time.txt" "$ROOT/reelforge" generate --theme "Les volcans d'Islande" \
  --duration "$DURATION" --language "$LANGUAGE" --mode "$MODE" --out "$WORK/out.mp4" --data-dir "$WORK/data" --quiet \
  > "$WORK/stdout.txt" 2> "$WORK/stderr.txt"
ID="$(ls "$WORK/data/videos")"
echo "video: $ID, ${DURATION} s, $LANGUAGE, $MODE"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$WORK/time.txt" | sed 's/^\s*/  /'
"$ROOT/reelforge" status "$ID" --data-dir "$WORK/data" | grep -E "completed:|clip_succeeded" | sed 's/^\s*/  /' | tail -3
ffprobe -v error -show_entries format=duration -of default=nw=1 "$WORK/out.mp4" | sed 's/^/  output /'
echo "files kept in $WORK"

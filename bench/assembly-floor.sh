#!/usr/bin/env bash
# Benchmark: ReelForge's assembly after the last clip against one bare ffmpeg pass over the same clips and captions
# (concat + scale 1080x1920 at 30 fps + burn + loudnorm + x264 veryfast crf 21), for 36 s and 180 s, and the ratio.
# Prints figures; never fails on numbers. Usage: bench/assembly-floor.sh [REPEATS] [SECONDS...]   (default: 2 36 180)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEATS="${1:-2}"; shift || true
SECONDS_LIST=("$@"); [ ${#SECONDS_LIST[@]} -eq 0 ] && SECONDS_LIST=(36 180)
WORK="${REELFORGE_BENCH_DIR:-/tmp/reelforge-floor}"
cd "$ROOT"
"$ROOT/reelforge" --help >/dev/null   # installs the runtime packages (ffmpeg, espeak-ng, fonts) first
mvn -q -B -ntp -Dreelforge.skipUi=true test-compile >&2
mvn -q -B -ntp -Dreelforge.skipUi=true dependency:build-classpath -Dmdep.outputFile="$WORK.classpath" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
java -cp "target/test-classes:target/classes:$(cat "$WORK.classpath")" org.reelforge.bench.AssemblyFloorBenchmark \
  "$WORK" "$REPEATS" "${SECONDS_LIST[@]}"
echo "clips and outputs kept in $WORK"

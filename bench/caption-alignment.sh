#!/usr/bin/env bash
# Benchmark: how close the offline aligner puts caption words to where they are said, on espeak-ng voices (fr, en,
# clean and under noise) and on Festival's natural cmu_us_slt HTS voice (en), each voice's own word times as truth.
# Installs festival and festvox-us-slt-hts (as root with apt-get) first. Prints figures; never fails on numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/reelforge" --help >/dev/null   # the runtime packages (espeak-ng, ffmpeg)
if ! dpkg-query -W -f='${Status}' festvox-us-slt-hts 2>/dev/null | grep -q "install ok installed"; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Festival's voice is missing: sudo apt-get install -y --no-install-recommends festival festvox-us-slt-hts" >&2
  else
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
      festival festvox-us-slt-hts >&2
  fi
fi
mvn -q -B -ntp -Dreelforge.skipUi=true test-compile >&2
CP="$(mktemp)"
mvn -q -B -ntp -Dreelforge.skipUi=true dependency:build-classpath -Dmdep.outputFile="$CP" >&2
java -cp "target/test-classes:target/classes:$(cat "$CP")" org.reelforge.bench.CaptionAlignmentBenchmark

#!/usr/bin/env bash
# Scale-out benchmark on this machine: PostgreSQL (initdb, no Docker), S3Proxy and a loopback Veo replica (canned
# clip after a latency: waiting costs no CPU), then N videos through 1 and 3 `worker` processes with the same slots,
# a worker killed with SIGKILL mid-step, and one worker tracking 1,000 pending clip operations.
# Prints figures; never fails on numbers.
#
#   bench/scale.sh [throughput|kill|inflight|all] [--videos 12] [--slots 2] [--latency 20s] [--duration 8]
#                  [--operations 1000] [--artifacts s3|shared-dir]
#
# --artifacts s3 (the default) gives each worker its own data dir and REELFORGE_ARTIFACTS=s3://… on S3Proxy, as on
# separate machines; shared-dir has the workers share one data dir instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODE="${1:-all}"; [ $# -gt 0 ] && shift
VIDEOS=12; SLOTS=2; LATENCY=20s; DURATION=8; OPERATIONS=1000; ARTIFACTS=s3
while [ $# -gt 0 ]; do
  case "$1" in
    --videos) VIDEOS="$2";; --slots) SLOTS="$2";; --latency) LATENCY="$2";; --duration) DURATION="$2";;
    --operations) OPERATIONS="$2";; --artifacts) ARTIFACTS="$2";;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
  shift 2
done
WORK="$(mktemp -d /tmp/reelforge-scale-XXXX)"
chmod 755 "$WORK"   # the postgres user must reach its cluster inside
PIDS=()
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -d "$WORK/pg/data" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  echo "logs kept in $WORK (remove with rm -rf $WORK)"
}
trap cleanup EXIT

echo "building…"
mvn -q -B -ntp -o -Dreelforge.skipUi=true test-compile
mvn -q -B -ntp -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

PGPORT="$(free_port)"
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK/pg"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U reelforge --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/pg/initdb.log"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -w -l "$WORK/pg/log" -o "-p $PGPORT -k $WORK/pg \
  -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
echo "PostgreSQL on 127.0.0.1:$PGPORT"

mkdir -p "$WORK/s3/objects/reelforge-bench"   # a bucket of the filesystem backend is a folder
cat > "$WORK/s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:0
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem-nio2
jclouds.identity=local
jclouds.credential=local
jclouds.filesystem.basedir=$WORK/s3/objects
PROPS
java -Xmx256m -jar target/s3proxy/s3proxy.jar --properties "$WORK/s3/s3proxy.properties" >"$WORK/s3/log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do grep -q "Started ServerConnector" "$WORK/s3/log" && break; sleep 0.2; done
S3PORT="$(grep -o 'Started ServerConnector.*127.0.0.1:[0-9]*' "$WORK/s3/log" | grep -o '[0-9]*$')"
echo "S3Proxy on 127.0.0.1:$S3PORT"
export AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret
export REELFORGE_S3_ENDPOINT="http://127.0.0.1:$S3PORT" REELFORGE_S3_REGION=us-east-1
S3_ARG=()
[ "$ARTIFACTS" = s3 ] && S3_ARG=(--s3 "s3://reelforge-bench/scale")

replica() {  # replica LATENCY → sets URL to its base URL (not in a subshell, so cleanup knows its pid)
  local portfile="$WORK/replica-$1.port"
  java -cp "$CP" org.reelforge.bench.VeoReplicaServer --latency "$1" --port-file "$portfile" >"$WORK/replica-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do [ -s "$portfile" ] && break; sleep 0.2; done
  URL="http://127.0.0.1:$(cat "$portfile")"
}

bench() {  # bench MODE REPLICA_URL [more args]
  local mode="$1" url="$2"; shift 2
  java -cp "$CP" org.reelforge.bench.ScaleBench "$mode" --pg-admin "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" \
    --replica "$url" --data-root "$WORK/data-$mode" --slots "$SLOTS" --duration "$DURATION" "${S3_ARG[@]}" "$@" \
    2> >(grep -v -E "^\[|SLF4J" >&2 || true)
}

if [ "$MODE" = throughput ] || [ "$MODE" = kill ] || [ "$MODE" = all ]; then
  replica "$LATENCY"
  echo "Veo replica on $URL, clips done after $LATENCY; $VIDEOS videos of ${DURATION} s; $SLOTS slot(s) per worker"
  export REELFORGE_FIRST_POLL=2s REELFORGE_POLL_INTERVAL=2s
  [ "$MODE" != kill ] && { echo "== throughput"; bench throughput "$URL" --videos "$VIDEOS"; }
  [ "$MODE" != throughput ] && { echo "== kill -9"; bench kill "$URL" --videos "$VIDEOS"; }
  unset REELFORGE_FIRST_POLL REELFORGE_POLL_INTERVAL
fi
if [ "$MODE" = inflight ] || [ "$MODE" = all ]; then
  replica 10m
  echo "== $OPERATIONS in-flight clip operations (replica latency 10 min, default polling every 10 s)"
  bench inflight "$URL" --operations "$OPERATIONS" --duration 16
fi

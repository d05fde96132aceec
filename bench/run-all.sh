#!/usr/bin/env bash
# Builds the bench module and runs the whole benchmark set in one go, then writes the report:
#
#   bench/run-all.sh            # the full run: about 23 minutes on a quiet 2-core machine (205 JMH forks)
#   bench/run-all.sh smoke      # every cell once, very short iterations: 8-12 minutes; checks that all run
#
# Results land in bench/results/<UTC date>[-smoke]/: JMH JSON per run (with -prof gc: allocation per
# operation), redis-memory.csv (MEMORY USAGE per entry), environment.txt (machine, JDK, Redis, commit),
# report.md / report.adoc (ratio tables) and ratios.svg (chart). A full run also copies report.adoc and
# ratios.svg into the user guide (src-docs/src/docs/asciidoc/chapters/benchmarks/).
#
# Redis: REDIS_URL when set, otherwise every benchmark JVM starts a private redis-server on a free
# loopback port (a redis-server on the PATH or REDIS_SERVER, else the binary in the embedded-redis jar).
# JMH_EXTRA adds JMH options to every run (for example JMH_EXTRA="-jvmArgsAppend -XX:+UseParallelGC").
set -euo pipefail

mode="${1:-full}"
case "$mode" in
  # one fork per cell; 2 s of warm-up (1 s left the deeper Strata stacks still compiling on 2 cores),
  # three 1 s iterations for a median. Codec and key benchmarks warm up faster.
  full)  peers_time=(-f 1 -wi 1 -w 2s -i 3 -r 1s); jmh_time=(-f 1 -wi 1 -w 1s -i 3 -r 1s); suffix="" ;;
  smoke) peers_time=(-f 1 -wi 1 -w 100ms -i 1 -r 200ms); jmh_time=("${peers_time[@]}"); suffix="-smoke" ;;
  *) echo "usage: $0 [full|smoke]  (got '$mode')" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="bench/results/$(date -u +%Y-%m-%d)$suffix"
mkdir -p "$out"
started=$(date +%s)

# -am: the benchmarks run this checkout's provider, not whatever snapshot the local repository holds
mvn -B -q package -pl bench -am -DskipTests -Dcheckstyle.skip -Dspotbugs.skip -Djacoco.skip
jar=bench/target/benchmarks.jar

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "mode: $mode (peers: ${peers_time[*]}; others: ${jmh_time[*]})"
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs)"
  echo "memory: $(free -m 2>/dev/null | awk '/Mem:/ {print $2 " MB"}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "jdk: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  if [[ -n "${REDIS_URL:-}" ]]; then
    echo "redis: REDIS_URL=${REDIS_URL%%@*} (server version: see redis-memory.csv run log)"
  else
    echo "redis: $("${REDIS_SERVER:-redis-server}" --version 2>/dev/null || echo 'the embedded-redis binary (6.2.6)')"
  fi
} > "$out/environment.txt"
cat "$out/environment.txt"

jmh() {
  local name="$1"; shift
  local timing=("${jmh_time[@]}")
  [[ "$name" == peers-* || "$name" == invoke-* ]] && timing=("${peers_time[@]}")
  echo "== $name: $* ${timing[*]}"
  java -jar "$jar" "$@" "${timing[@]}" -prof gc -rf json -rff "$out/$name.json" ${JMH_EXTRA:-} > "$out/$name.log" 2>&1 \
    || { echo "JMH run $name failed; see $out/$name.log" >&2; tail -20 "$out/$name.log" >&2; exit 1; }
  grep -A200 '^Benchmark ' "$out/$name.log" | grep -v ':gc\.' || true
}

jmh peers-t1 'peers.PeersBenchmark' -t 1
jmh peers-t4 'peers.PeersBenchmark' -t 4
jmh invoke-t1 'peers.InvokeBenchmark' -t 1
jmh invoke-t4 'peers.InvokeBenchmark' -t 4
jmh codec 'bench.CodecBenchmark' -t 1
jmh keys 'bench.KeyGenerationBenchmark' -t 1

echo "== Redis memory per entry"
java -cp "$jar" org.stratacache.bench.peers.RedisMemoryReport "$out" 2>&1 | grep -v ' INFO \|^INFO' || true
java -cp "$jar" org.stratacache.bench.report.Report "$out"

if [[ "$mode" == full ]]; then
  docs=src-docs/src/docs/asciidoc/chapters/benchmarks
  mkdir -p "$docs"
  cp "$out/report.adoc" "$out/ratios.svg" "$out/environment.txt" "$docs/"
  echo "copied the report into $docs"
fi
echo "done in $(( ($(date +%s) - started) / 60 )) min: $out/report.md"

#!/usr/bin/env bash
# Times quarry on generated projects shaped like dbt-core's parse performance project:
# a cold `quarry parse` (JVM start included), a second parse with nothing changed, and
# `quarry compile`, each with /usr/bin/time for wall time and peak RSS.
#
#   bench/parse.sh [N ...]          (default: 2000 10000)
#
# Each step runs twice: with the JVM's defaults, and with TUNED_OPTS (C1 only, the parallel GC
# and a 1 GiB heap cap), the options recommended for short commands. CPU seconds (user + sys)
# are shown too: on a shared machine they say more than wall time.
# Builds the jar and the bench classes first unless SKIP_BUILD=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/.."
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(2000 10000)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$repo" && mvn -q -Pbench -DskipTests package -pl quarry-cli,bench -am)
fi
work="${BENCH_DIR:-$(mktemp -d)}"
tuned="${TUNED_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx1g}"
printf "%-8s %-8s %-20s %9s %9s %14s\n" "models" "jvm" "step" "wall (s)" "cpu (s)" "peak RSS (MB)"
for n in "${sizes[@]}"; do
  project="$work/perf_$n"
  rm -rf "$project"
  java -cp "$repo/bench/target/quarry-bench.jar" quarry.bench.ParseBench "$n" "$project" >/dev/null
  run() {
    local jvm="$1" step="$2"; shift 2
    local opts=""
    [[ "$jvm" == tuned ]] && opts="$tuned"
    JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$repo/bin/quarry" "$@" --project-dir "$project" -q \
      >/dev/null 2>"$work/err.txt" || { echo "quarry $* failed:"; cat "$work/err.txt"; exit 1; }
    read -r wall user sys rss < "$work/time.txt"
    printf "%-8s %-8s %-20s %9s %9.2f %14d\n" "$n" "$jvm" "$step" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
  }
  for jvm in default tuned; do
    rm -rf "$project/target"
    run "$jvm" "parse (cold)" parse
    run "$jvm" "parse (unchanged)" parse
    run "$jvm" "compile" compile
  done
done
echo "projects left in $work"

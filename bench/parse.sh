#!/usr/bin/env bash
# Times quarry on generated projects shaped like dbt-core's parse performance project:
# a cold `quarry parse` (JVM start included), a second parse with nothing changed, and
# `quarry compile`, each with /usr/bin/time for wall time and peak RSS.
#
#   bench/parse.sh [N ...]          (default: 2000 10000)
#
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
printf "%-8s %-22s %10s %12s\n" "models" "step" "wall (s)" "peak RSS (MB)"
for n in "${sizes[@]}"; do
  project="$work/perf_$n"
  rm -rf "$project"
  java -cp "$repo/bench/target/quarry-bench.jar" quarry.bench.ParseBench "$n" "$project" >/dev/null
  run() {
    local step="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$repo/bin/quarry" "$@" --project-dir "$project" -q >/dev/null 2>"$work/err.txt" \
      || { echo "quarry $* failed:"; cat "$work/err.txt"; exit 1; }
    read -r wall rss < "$work/time.txt"
    printf "%-8s %-22s %10s %12d\n" "$n" "$step" "$wall" "$((rss / 1024))"
  }
  run "parse (cold)" parse
  run "parse (unchanged)" parse
  run "compile" compile
done
echo "projects left in $work"

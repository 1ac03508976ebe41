#!/usr/bin/env bash
# Times partial parsing on the generated parse-performance project (bench/README.md, ParseBench):
# a cold `quarry parse`, then after each change a `quarry parse` that reuses the saved state
# (target/partial_parse.state): one model edited, one properties file edited, a var changed, and
# nothing changed. Wall time, CPU seconds and peak RSS with /usr/bin/time (JVM start included), and
# the files parsed, reused and read from target/perf_info.json.
#
#   bench/partial-parse.sh [N]        (default: 10000)
#
# Builds the jar and the bench classes first unless SKIP_BUILD=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/.."
n="${1:-10000}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$repo" && mvn -q -Pbench -DskipTests package -pl quarry-cli,bench -am)
fi
work="${BENCH_DIR:-$(mktemp -d)}"
project="$work/partial_$n"
rm -rf "$project"
java -cp "$repo/bench/target/quarry-bench.jar" quarry.bench.ParseBench "$n" "$project" >/dev/null
# Date the generated files a minute back, as files of a project being worked on are: files changed
# within two seconds of a parse are always read again.
find "$project" -type f -exec touch -d '1 minute ago' {} +
model="$(find "$project/models" -name '*.sql' | sort | sed -n "$((n / 2))p")"
yml="${model%.sql}.yml"
printf "%-28s %9s %9s %14s %8s %8s %8s\n" "step" "wall (s)" "cpu (s)" "peak RSS (MB)" "parsed" "reused" "read"
run() {
  local step="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$repo/bin/quarry" parse --project-dir "$project" -q "$@" \
    >/dev/null 2>"$work/err.txt" || { echo "quarry parse failed:"; cat "$work/err.txt"; exit 1; }
  read -r wall user sys rss < "$work/time.txt"
  local perf="$project/target/perf_info.json"
  field() { grep -o "\"$1\" : [0-9a-z]*" "$perf" | awk '{print $3}'; }
  printf "%-28s %9s %9.2f %14d %8s %8s %8s\n" "$step" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
    "$(field files_parsed)" "$(field files_reused)" "$(field files_read)"
}
run "parse (cold)"
printf '\n-- edited\n' >> "$model"
run "one model edited"
sed -i 's/^\(\s*description: \).*$/\1edited/' "$yml"
run "one properties file edited"
run "a var changed" --vars '{unused_var: 1}'
run "nothing changed" --vars '{unused_var: 1}'
echo "project left in $project"

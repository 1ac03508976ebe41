#!/usr/bin/env bash
# Times a cold `quarry build` of examples/shop, JVM start included: each run is a fresh JVM
# (bin/quarry), a fresh embedded server data dir (.quarry/) and no target/ or logs/.
# /usr/bin/time gives wall time and peak RSS; prints each run, then median, min and max.
#
#   bench/build-shop.sh [runs=5]
#
# Builds the jar first unless SKIP_BUILD=1. The shop is copied to a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/.."
runs="${1:-5}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$repo" && mvn -q -o -DskipTests package -pl quarry-cli -am)
fi
work="$(mktemp -d)"
cp -r "$repo/examples/shop" "$work/shop"
rm -rf "$work/shop/.quarry" "$work/shop/target" "$work/shop/logs"
walls=()
cpus=()
rss_max=0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf "%-5s %10s %10s %14s %6s  %s\n" "run" "wall (s)" "CPU (s)" "peak RSS (MB)" "exit" "summary"
# The first run after the jar is built records bin/quarry's class-data archive (AppCDS, see
# docs/performance.md); it is shown as run 0 and not counted. QUARRY_FAST_START=0 measures without it.
for i in $(seq 0 "$runs"); do
  rm -rf "$work/shop/.quarry" "$work/shop/target" "$work/shop/logs"
  set +e
  (cd "$work/shop" && /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$repo/bin/quarry" build >"$work/out.txt" 2>&1)
  code=$?
  set -e
  read -r wall rss user sys < <(tail -1 "$work/time.txt")
  cpu="$(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}')"
  summary="$(grep -o 'Done\..*' "$work/out.txt" | tail -1 || true)"
  if (( i == 0 )); then
    printf "%-5s %10s %10s %14d %6s  %s\n" "0" "$wall" "$cpu" "$((rss / 1024))" "$code" "(first run: not counted)"
    continue
  fi
  printf "%-5s %10s %10s %14d %6s  %s\n" "$i" "$wall" "$cpu" "$((rss / 1024))" "$code" "$summary"
  walls+=("$wall")
  cpus+=("$cpu")
  (( rss > rss_max )) && rss_max=$rss
done
sorted=($(printf "%s\n" "${walls[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 == 1 )); then
  median="${sorted[$((n / 2))]}"
else
  median="$(echo "${sorted[$((n / 2 - 1))]} ${sorted[$((n / 2))]}" | awk '{printf "%.2f", ($1 + $2) / 2}')"
fi
cpu_sorted=($(printf "%s\n" "${cpus[@]}" | sort -n))
echo "cold quarry build of examples/shop, $n runs: median ${median} s, min ${sorted[0]} s, max ${sorted[$((n - 1))]} s," \
  "median CPU ${cpu_sorted[$((n / 2))]} s, peak RSS $((rss_max / 1024)) MB (target: <= 3 s)"
echo "last run's output: $work/out.txt"

#!/usr/bin/env bash
# Cold start of `paniclens analyze` on the seed: the self-contained single file (dotnet publish -r linux-x64) against
# the framework-dependent build run as `dotnet paniclens.dll`, in one run, interleaved so both see the same machine.
# Each sample is one whole process, start to exit (page cache warm: the first run of each is discarded).
# Prints the median and the spread of each and the ratio of medians. Usage: bench/coldstart/run.sh [RUNS]
# PANICLENS_SINGLE=PATH measures an already published single file instead of publishing one (ReadyToRun: minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-21}
seed=examples/xen-dom0-inet-diag.log
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/PanicLens.Cli -c Release -nologo -v:q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dll=src/PanicLens.Cli/bin/Release/net10.0/paniclens.dll
single=${PANICLENS_SINGLE:-$work/single/paniclens}
if [ -z "${PANICLENS_SINGLE:-}" ]; then
  dotnet publish src/PanicLens.Cli -c Release -r linux-x64 -nologo -v:q -o "$work/single" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
fi

# Milliseconds of one run of the command given, its output discarded; a failing run stops the bench.
once() {
  local start end
  start=$(date +%s%N)
  "$@" analyze "$seed" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

once dotnet "$dll" >/dev/null
once "$single" >/dev/null
: >"$work/dll.ms"
: >"$work/single.ms"
for ((i = 0; i < runs; i++)); do
  once dotnet "$dll" >>"$work/dll.ms"
  once "$single" >>"$work/single.ms"
done

# median, min and max of a file of numbers, one a line
stats() { sort -n "$1" | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f %d %d\n", m, a[1], a[NR]}'; }
read -r dll_median dll_min dll_max < <(stats "$work/dll.ms")
read -r single_median single_min single_max < <(stats "$work/single.ms")
echo "paniclens analyze $seed, $runs runs each, $(nproc) cores, $(uname -m)"
printf '  %-34s median %5d ms  (min %d, max %d)\n' "dotnet paniclens.dll" "$dll_median" "$dll_min" "$dll_max"
printf '  %-34s median %5d ms  (min %d, max %d)  %d MB\n' "single file (linux-x64)" "$single_median" "$single_min" "$single_max" "$(du -m "$single" | cut -f1)"
awk -v a="$single_median" -v b="$dll_median" 'BEGIN {printf "  ratio single file / dotnet dll: %.2f\n", a / b}'

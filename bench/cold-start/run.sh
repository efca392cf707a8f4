#!/usr/bin/env bash
# Cold-process time of `paniclens analyze` on the seed log, against `paniclens --help` (the runtime's own start and
# the command line) run alternately in the same loop, so a loaded machine disturbs both alike. Medians of RUNS runs:
# wall seconds, CPU seconds (user + system) and peak resident memory (GNU time).
# Usage: bash bench/cold-start/run.sh [RUNS]   (after dotnet build PanicLens.slnx -c Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
dll=src/PanicLens.Cli/bin/Release/net10.0/paniclens.dll
seed=examples/xen-dom0-inet-diag.log
measure() { /usr/bin/time -f "%e %U %S %M" dotnet "$dll" "$@" 2>&1 >/dev/null | tail -n 1; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
: >/tmp/cold-analyze.$$; : >/tmp/cold-help.$$
for _ in $(seq "$runs"); do
  measure --help >>/tmp/cold-help.$$
  measure analyze "$seed" >>/tmp/cold-analyze.$$
done
for name in help analyze; do
  f=/tmp/cold-$name.$$
  wall=$(awk '{print $1}' "$f" | median)
  cpu=$(awk '{print $2 + $3}' "$f" | median)
  peak=$(awk '{print $4}' "$f" | median)
  printf '%-8s wall %5.2f s   cpu %5.2f s   peak %4d MiB   (median of %d)\n' "$name" "$wall" "$cpu" $((peak / 1024)) "$runs"
done
rm -f /tmp/cold-analyze.$$ /tmp/cold-help.$$

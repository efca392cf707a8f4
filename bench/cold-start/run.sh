#!/usr/bin/env bash
# Cold start of `paniclens analyze` on the seed log: one whole process per sample, start to exit, every build taking
# turns in the same loop so a loaded machine disturbs them alike (page cache warm: one unmeasured run of each first).
# Prints per build the median wall time (and its spread), CPU time (user + system) and peak resident memory, and the
# ratio of each median to the first build's. `help` is `--help` of the first build: the runtime's own start-up.
#
# Usage: bash bench/cold-start/run.sh [-n RUNS] [--single] [--tool] [NAME=COMMAND]...
#   NAME=COMMAND   a build to measure, run as `COMMAND analyze SEED`, e.g. start="dotnet /tmp/start/paniclens.dll";
#                  without any, dll="dotnet src/PanicLens.Cli/bin/Release/net10.0/paniclens.dll" (built here first)
#   --single       also publish and measure the linux-x64 single file (ReadyToRun: minutes on this machine);
#                  PANICLENS_SINGLE=PATH measures one already published instead
#   --tool         also pack the tool package (this host's platform only) and measure it installed into a temporary
#                  tool path
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=7
single=false
tool=false
names=()
commands=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    --single) single=true; shift ;;
    --tool) tool=true; shift ;;
    *=*) names+=("${1%%=*}"); commands+=("${1#*=}"); shift ;;
    [0-9]*) runs=$1; shift ;;
    *) echo "usage: $0 [-n RUNS] [--single] [--tool] [NAME=COMMAND]..." >&2; exit 2 ;;
  esac
done
seed=examples/xen-dom0-inet-diag.log
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quiet() { "$@" >"$work/step.log" 2>&1 || { cat "$work/step.log" >&2; exit 1; }; }
if [ ${#names[@]} -eq 0 ]; then
  quiet dotnet build src/PanicLens.Cli -c Release -nologo -v:q
  names=(dll)
  commands=("dotnet src/PanicLens.Cli/bin/Release/net10.0/paniclens.dll")
fi
if $single; then
  path=${PANICLENS_SINGLE:-}
  if [ -z "$path" ]; then
    quiet dotnet publish src/PanicLens.Cli -c Release -r linux-x64 -nologo -v:q -o "$work/single"
    path=$work/single/paniclens
  fi
  names+=(single)
  commands+=("$path")
fi
if $tool; then
  case $(uname -m) in aarch64) platform=linux-arm64 ;; *) platform=linux-x64 ;; esac
  quiet dotnet pack src/PanicLens.Cli -c Release -nologo -v:q -p:ToolPlatforms=$platform -o "$work/nupkg"
  quiet dotnet tool install paniclens --tool-path "$work/tool" --add-source "$work/nupkg" --ignore-failed-sources
  names+=(tool)
  commands+=("$work/tool/paniclens")
fi
names+=(help)
commands+=("${commands[0]}")

# One run: wall milliseconds, CPU seconds and peak KiB; a failing run stops the bench.
once() {
  local name=$1 command=$2 start end
  local -a args=(analyze "$seed")
  [ "$name" = help ] && args=(--help)
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # COMMAND is a command line: split it into words
  /usr/bin/time -o "$work/time" -f "%U %S %M" $command "${args[@]}" >/dev/null
  end=$(date +%s%N)
  read -r user sys peak <"$work/time"
  echo "$(((end - start) / 1000000)) $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}') $peak"
}

for i in "${!names[@]}"; do
  once "${names[$i]}" "${commands[$i]}" >/dev/null
  : >"$work/${names[$i]}.runs"
done
for ((run = 0; run < runs; run++)); do
  for i in "${!names[@]}"; do
    once "${names[$i]}" "${commands[$i]}" >>"$work/${names[$i]}.runs"
  done
done

# median of column $2 of file $1
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
column_min() { awk -v c="$2" '{print $c}' "$1" | sort -g | head -n 1; }
column_max() { awk -v c="$2" '{print $c}' "$1" | sort -g | tail -n 1; }
echo "paniclens analyze $seed: $runs runs each, taking turns; $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
base_wall=$(median "$work/${names[0]}.runs" 1)
base_cpu=$(median "$work/${names[0]}.runs" 2)
for i in "${!names[@]}"; do
  f=$work/${names[$i]}.runs
  wall=$(median "$f" 1)
  cpu=$(median "$f" 2)
  printf '  %-8s wall %5.0f ms (min %5d, max %5d)  cpu %5.0f ms  peak %3d MiB  ratio to %s: wall %.2f, cpu %.2f   %s\n' \
    "${names[$i]}" "$wall" "$(column_min "$f" 1)" "$(column_max "$f" 1)" "$(awk -v c="$cpu" 'BEGIN {print c * 1000}')" \
    $(($(median "$f" 3 | cut -d. -f1) / 1024)) "${names[0]}" "$(awk -v a="$wall" -v b="$base_wall" 'BEGIN {print a / b}')" \
    "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN {print a / b}')" "${commands[$i]}"
done

#!/usr/bin/env bash
# CI: PanicLens installed like a tool (README "Install"). Fails when the tool package does not install into a
# temporary tool path and analyse the seed, or when the linux-x64 single file does not analyse the seed on a host
# without .NET. Quiet: one line when it works, the failing step's log when it does not. Needs a Release build.
set -euo pipefail
cd "$(dirname "$0")/.."

seed=examples/xen-dom0-inet-diag.log
want="BUG: unable to handle kernel paging request in ipv6_addr_copy"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() {
  local name=$1
  shift
  if ! "$@" >"$work/step.log" 2>&1; then
    echo "install-check: $name failed:" >&2
    cat "$work/step.log" >&2
    exit 1
  fi
}

# The tool package, installed from its folder only: a package of the same name on a public feed must not win. Only
# the linux-x64 platform package beside the pointer package (one ReadyToRun compile, not three builds).
step "dotnet pack" dotnet pack src/PanicLens.Cli -c Release -nologo -v:q -p:ToolPlatforms=linux-x64 -o "$work/artifacts"
package=$(basename "$(ls "$work"/artifacts/paniclens.[0-9]*.nupkg)" .nupkg)
cat >"$work/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$work/artifacts" /></packageSources></configuration>
XML
step "dotnet tool install" dotnet tool install paniclens --tool-path "$work/tools" --configfile "$work/nuget.config" --version "${package#paniclens.}"
step "tool: the linux-x64 package installed" test -d "$work/tools/.store/paniclens/${package#paniclens.}/paniclens.linux-x64"
step "tool: analyze the seed" sh -c '"$1/tools/paniclens" analyze "$2" | grep -qF "$3"' sh "$work" "$seed" "$want"
step "tool: --version" sh -c '"$1/tools/paniclens" --version | grep -Eq "^paniclens [0-9.]+.* \(commit [0-9a-f]{12}\)$"' sh "$work"

# The single file, run where no dotnet can be found: as root in a private mount namespace with the .NET install
# hidden under an empty tmpfs; otherwise with a PATH that holds no dotnet. Without ReadyToRun, which only
# precompiles the same code and takes minutes on two cores.
step "dotnet publish -r linux-x64" dotnet publish src/PanicLens.Cli -c Release -r linux-x64 -p:PublishReadyToRun=false -nologo -v:q -o "$work/single"
dotnet_home=$(dirname "$(readlink -f "$(command -v dotnet)")")
no_dotnet() {
  if [ "$(id -u)" = 0 ] && unshare --mount true 2>/dev/null; then
    unshare --mount sh -c 'mount -t tmpfs none "$1" && shift && exec env -i PATH=/usr/bin:/bin "$@"' sh "$dotnet_home" "$@"
  else
    mkdir -p "$work/empty"
    env -i PATH="$work/empty" "$@"
  fi
}
step "single file: no dotnet reachable" no_dotnet sh -c '! command -v dotnet >/dev/null && ! dotnet --info >/dev/null 2>&1'
step "single file: analyze the seed without .NET" no_dotnet sh -c '"$1" analyze "$2" | grep -qF "$3"' sh "$work/single/paniclens" "$PWD/$seed" "$want"

size=$(du -m "$work/single/paniclens" | cut -f1)
echo "install-check: tool package ${package#paniclens.} installed and analysed the seed; linux-x64 single file (${size} MB) analysed it with no .NET"

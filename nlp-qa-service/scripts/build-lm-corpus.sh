#!/usr/bin/env bash
# Builds the Transformer language model's corpus from Debian packages (no install: `apt-get download` + `dpkg-deb -x`)
# and the knowledge-base pages, into data/lm/corpus/{train,validation,test}.txt and manifest.tsv (git-ignored).
# The packages, pinned versions, licences and file globs are listed in nlp-qa-service/corpus/lm-sources.tsv.
# A pinned version that the archive no longer serves is reported; the build then stops, because the split would differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCES=nlp-qa-service/corpus/lm-sources.tsv
mkdir -p data/lm/debs data/lm/x
grep -v '^#' "$SOURCES" | cut -f2,3 | sort -u | while IFS=$'\t' read -r pkg version; do
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
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
exec java -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.training.ModernCorpusBuilder --sources="$SOURCES" --root=data/lm/x \
  --kb=nlp-qa-service/src/main/resources/kb --out=data/lm/corpus --english-share=0.1

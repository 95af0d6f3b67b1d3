#!/usr/bin/env bash
# Builds the Transformer language model's corpus from Debian packages (no install: `apt-get download` + `dpkg-deb -x`)
# and the knowledge-base pages, into data/lm/corpus/{train,validation,test}.txt and manifest.tsv (git-ignored).
# The packages, pinned versions, licences and file globs are listed in nlp-qa-service/corpus/lm-sources.tsv.
# A pinned version that the archive no longer serves is reported; the build then stops, because the split would differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCES=nlp-qa-service/corpus/lm-sources.tsv
nlp-qa-service/scripts/fetch-debian-sources.sh "$SOURCES"
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
exec java -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.training.ModernCorpusBuilder --sources="$SOURCES" --root=data/lm/x \
  --kb=nlp-qa-service/src/main/resources/kb --out=data/lm/corpus --english-share=0.1

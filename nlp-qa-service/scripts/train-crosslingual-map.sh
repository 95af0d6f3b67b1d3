#!/usr/bin/env bash
# Fits the cross-lingual map (bge-small-zh space -> bge-small-en space, dev.aigc.nlp.qa.CrossLingualMap) by ridge
# regression on English/Chinese pairs: the gettext catalogues of the Debian packages listed in
# nlp-qa-service/corpus/lm-sources.tsv (rows gettext-*; the handbook rows are unpacked too, for --handbook=true), the
# project's two glossaries and CC-CEDICT headwords. Writes nlp-qa-service/eval/zh-en-map.bin.gz (read by evaluate.sh xmap);
# embeddings are cached in data/xmap (git-ignored), so a rerun only refits. About 10 minutes on 2 cores.
#   train-crosslingual-map.sh [--max-pairs=80000] [--dictionary-pairs=8000] [--handbook=true] [--out=FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
nlp-qa-service/scripts/fetch-debian-sources.sh nlp-qa-service/corpus/lm-sources.tsv '^(gettext-|debian-handbook-)'
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
exec java -Dai.djl.offline=true -Dlogback.configurationFile=logback-cli.xml \
  -cp "nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)" \
  dev.aigc.nlp.training.CrossLingualMapTrainer --root=data/lm/x --cache=data/xmap \
  --max-pairs=80000 --dictionary-pairs=8000 "$@"

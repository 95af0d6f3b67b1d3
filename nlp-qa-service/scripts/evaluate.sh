#!/usr/bin/env bash
# Question-answering evaluation on the bundled knowledge base (dev.aigc.nlp.eval.EvaluationCommand):
#   evaluate.sh            report: BM25-only, dense-only, hybrid before issue 13, its first, second and fourth to sixth steps and
#                          the final pipeline on the tuning sets (qa-eval, qa-xling-tuning, diagnosed v1-v3, diagnosed cross-lingual
#                          v1-v6) and the held-out sets (v4, v5, cross-lingual v7, the sealed cross-lingual v8), reliability tables +
#                          ECE, /ask latency, sentiment; written into docs/nlp-qa.md between the eval markers
#   evaluate.sh tune       hit@1 / MRR on the tuning sets for a grid of cross-lingual fusion weights
#   evaluate.sh xdiag      hit@1 per direction of the cross-lingual tuning questions and the expected page's rank in the
#                          cross-lingual ranking (where cross-lingual questions are lost); the answer-type check's refusals
#   evaluate.sh xmap [--map=FILE]  hit@1 per direction of the pages ranked by the cross-lingual map's cosine alone
#                          (nlp-qa-service/eval/zh-en-map.bin.gz, scripts/train-crosslingual-map.sh), next to the dense English
#                          view and the final pipeline, and the final pipeline's cross-lingual misses
#   evaluate.sh decision   per tuning question: both candidate pages of the language decision and their signals (TSV;
#                          scripts/choose-language-decision.py reads it)
#   evaluate.sh candidates per tuning question, the first documents of both rankings with their English-view and
#                          dense English-view scores (JSON lines; scripts/choose-cross-rerank.py reads them)
#   evaluate.sh latency    p50/p90 of /ask on held-out v4 (before issue 13, final, final with a cold dense-view cache)
#   evaluate.sh fit-switch refit the learned language switch on the tuning sets (thresholds chosen leave one set out)
#                          -> src/main/resources/qa/language-switch.properties
#   evaluate.sh fit        refit the confidence model on the tuning sets -> src/main/resources/qa/confidence-model.properties
#                          (also prints leave-one-set-out refusal figures and ECE: each set scored by a fit on the others)
#   evaluate.sh compare    the final pipeline on the embedded Lucene index and on SolrCloud (held-out v4, v5, tuning
#                          set): hit@1 and refusal figures side by side, written into docs/nlp-qa.md between the
#                          backends markers; exits 1 when they differ by more than 0.02. Starts a local two-node
#                          SolrCloud (scripts/start-solr.sh, ports SOLR_PORTS, default "8983 8984") and stops it after,
#                          unless NLP_KB_SOLR_URLS names a running one.
#   add --backend=solr to report/tune/fit to run them on SolrCloud (NLP_KB_SOLR_URLS, default http://127.0.0.1:8983/solr)
# On a busy machine run it in the background: OMP_NUM_THREADS=1 nohup nlp-qa-service/scripts/evaluate.sh > eval.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
command=${1:-report}
shift || true
./mvnw -o -q -pl nlp-qa-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/nlp-classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="nlp-qa-service/target/classes:$(cat nlp-qa-service/target/nlp-classpath.txt)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
if [[ "$command" == compare && -z "${NLP_KB_SOLR_URLS:-}" ]]; then
  export SOLR_DIR=${SOLR_DIR:-$PWD/run/solr-eval}
  ./scripts/start-solr.sh
  trap './scripts/start-solr.sh stop' EXIT
  NLP_KB_SOLR_URLS=$(grep '^NLP_KB_SOLR_URLS=' "$SOLR_DIR/solr.env" | cut -d= -f2)
fi
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -Dlogback.configurationFile=logback-cli.xml -cp "$CP" dev.aigc.nlp.eval.EvaluationCommand "$command" docs/nlp-qa.md \
  ${NLP_KB_SOLR_URLS:+--solr-urls=$NLP_KB_SOLR_URLS} "$@"

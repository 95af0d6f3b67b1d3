#!/usr/bin/env bash
# A local two-node SolrCloud for development and tests, from Maven artifacts (no download beyond Maven Central, no
# Docker): one ZooKeeper and two Solr 9.10.1 nodes, each in its own JVM (module solr-launcher), so one node can be
# killed on its own. State, logs and pid files live in run/solr/ (SOLR_DIR); the collection itself is created by
# nlp-qa on its first start (nlp.kb.store.backend=solr).
#
#   ./scripts/start-solr.sh              build the launcher if needed, start ZooKeeper and both nodes, print addresses
#   ./scripts/start-solr.sh stop         stop all three (SIGTERM, then SIGKILL after 30 s)
#   ./scripts/start-solr.sh status       which of them are running
#   kill -9 "$(cat run/solr/node2.pid)"  kill one node the hard way (the other keeps serving once ZooKeeper notices)
#   ./scripts/start-solr.sh start-node 2 start that node again (it recovers from the other replica)
#
#   SOLR_ZK_PORT=9983 SOLR_PORTS="8983 8984"  ports (defaults shown); SOLR_HEAP=512m per node; SKIP_BUILD=1
#
# Point nlp-qa at it with the two lines it prints (also in run/solr/solr.env), e.g.
#   NLP_KB_BACKEND=solr NLP_KB_SOLR_URLS=http://127.0.0.1:8983/solr,http://127.0.0.1:8984/solr
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dir=${SOLR_DIR:-$root/run/solr}
zk_port=${SOLR_ZK_PORT:-9983}
read -r -a ports <<< "${SOLR_PORTS:-8983 8984}"
heap=${SOLR_HEAP:-512m}
launcher=$root/solr-launcher
mkdir -p "$dir"

running() { [[ -f "$dir/$1.pid" ]] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

classpath() {
  if [[ -z "${SKIP_BUILD:-}" || ! -f "$launcher/target/solr-classpath.txt" ]]; then
    ./mvnw -q -pl solr-launcher package >&2
  fi
  echo "$launcher/target/classes:$(cat "$launcher/target/solr-classpath.txt")"
}

# launch NAME ARGS...: starts one process in the background and waits for its "ready" line
launch() {
  local name=$1; shift
  if running "$name"; then
    echo "$name is already running (pid $(cat "$dir/$name.pid"))"
    return
  fi
  : > "$dir/$name.log"
  nohup java "-Xmx$heap" -cp "$cp" dev.aigc.solr.LocalSolrCloud "$@" >> "$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
  for _ in $(seq 1 180); do
    if grep -q '^ready ' "$dir/$name.log"; then
      echo "$name: $(grep -m1 '^ready ' "$dir/$name.log" | cut -d' ' -f2) (pid $(cat "$dir/$name.pid"), log $dir/$name.log)"
      return
    fi
    if ! running "$name"; then
      echo "$name exited; last lines of $dir/$name.log:" >&2
      tail -n 20 "$dir/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$name did not become ready within 180 s; see $dir/$name.log" >&2
  exit 1
}

start_node() {
  local n=$1
  local port=${ports[$((n - 1))]}
  launch "node$n" node "--port=$port" "--home=$dir/node$n" "--zk=127.0.0.1:$zk_port"
}

stop_all() {
  for name in node1 node2 zk; do
    if running "$name"; then
      kill "$(cat "$dir/$name.pid")"
    fi
  done
  for name in node1 node2 zk; do
    for _ in $(seq 1 30); do
      running "$name" || break
      sleep 1
    done
    if running "$name"; then
      kill -9 "$(cat "$dir/$name.pid")"
    fi
    rm -f "$dir/$name.pid"
  done
  echo "local SolrCloud stopped"
}

case "${1:-start}" in
  start)
    cp=$(classpath)
    launch zk zk "--port=$zk_port" "--dir=$dir/zk"
    start_node 1 &
    first=$!
    start_node 2
    wait "$first"
    urls="http://127.0.0.1:${ports[0]}/solr,http://127.0.0.1:${ports[1]}/solr"
    printf 'ZK_HOST=127.0.0.1:%s\nNLP_KB_BACKEND=solr\nNLP_KB_SOLR_URLS=%s\n' "$zk_port" "$urls" > "$dir/solr.env"
    echo "SolrCloud ready. ZooKeeper 127.0.0.1:$zk_port; for nlp-qa:"
    echo "  NLP_KB_BACKEND=solr NLP_KB_SOLR_URLS=$urls"
    ;;
  start-node)
    cp=$(classpath)
    start_node "${2:?which node: 1 or 2}"
    ;;
  stop)
    stop_all
    ;;
  status)
    for name in zk node1 node2; do
      if running "$name"; then echo "$name running (pid $(cat "$dir/$name.pid"))"; else echo "$name stopped"; fi
    done
    ;;
  *)
    echo "usage: $0 [start|stop|status|start-node N]" >&2
    exit 2
    ;;
esac

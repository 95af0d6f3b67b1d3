#!/usr/bin/env bash
# Hostile-input run against a local platform; see scripts/fuzz.py --help (python3 standard library only).
#   scripts/fuzz.sh                                   the gateway at http://localhost:8080
#   scripts/fuzz.sh --gateway http://localhost:18080 --direct career=http://localhost:18084
exec python3 "$(dirname "$0")/fuzz.py" "$@"

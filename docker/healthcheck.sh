#!/bin/bash
# Container health check without curl or wget: an HTTP/1.1 GET over bash's /dev/tcp that succeeds only when
# the service answers 200 on its readiness group (Spring Boot answers 503 while it is not ready).
# Usage: healthcheck [PATH]   (port from $SERVICE_PORT, path defaults to /actuator/health/readiness)
set -u
port=${SERVICE_PORT:?SERVICE_PORT is not set}
path=${1:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."[01]" 200 "*) exit 0 ;;
  *) echo "readiness: ${status%$'\r'}" >&2; exit 1 ;;
esac

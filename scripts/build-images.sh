#!/usr/bin/env bash
# Builds the container images of the platform: one image per service (gateway, gan, classifier, nlp-qa,
# career) from the Spring Boot jars, plus - when no base image is given - a local JRE base image and a local
# Redis image made from Debian packages, so that the whole stack builds on a machine that cannot reach any
# container registry.
#
# Usage: scripts/build-images.sh [--skip-jars] [--gpu] [--monitoring] [--rebuild-base] [SERVICE...]
#   --skip-jars     use the jars already in <module>/target instead of running the Maven build
#   --gpu           also build the GPU variants of the ML services (jars built with -Pgpu, docker/Dockerfile.gpu)
#   --monitoring    without BASE_IMAGE: also build a local Prometheus image from Debian's prometheus package
#                   (for the compose profile "monitoring"; PROMETHEUS_IMAGE names it)
#   --rebuild-base  rebuild the local Debian base images even if they exist
#   SERVICE...      subset of: gateway-service gan-service classifier-service nlp-qa-service career-service
#
# Environment (all optional):
#   BASE_IMAGE        JRE image for the services. Unset: a local image is built from Debian packages with
#                     debootstrap and used instead (LOCAL_BASE_IMAGE). With registry access, e.g.
#                     BASE_IMAGE=eclipse-temurin:17-jre skips the Debian build entirely.
#   REDIS_IMAGE       Redis image name compose should use; built locally from Debian's redis-server when it
#                     does not exist yet and BASE_IMAGE is unset.
#   PROMETHEUS_IMAGE  same for --monitoring (Debian's prometheus package)
#   IMAGE_PREFIX      repository prefix of the service images (default aigc)
#   IMAGE_TAG         tag of the service images (default 0.1.0-SNAPSHOT; GPU images get "-gpu" appended)
#   DEBIAN_SUITE      Debian release for the local base images (default bookworm)
#   DEBIAN_MIRROR     Debian mirror for debootstrap; default: the one this machine's apt sources use
#   GPU_BASE_IMAGE, GPU_JRE_IMAGE, GPU_JRE_HOME   build arguments passed to docker/Dockerfile.gpu
#   ROOTFS_DIR        scratch directory for debootstrap (default run/rootfs, git-ignored)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

ALL_SERVICES=(gateway-service gan-service classifier-service nlp-qa-service career-service)
ML_SERVICES=(gan-service classifier-service nlp-qa-service)
declare -A PORT=([gateway-service]=8080 [gan-service]=8081 [classifier-service]=8082 [nlp-qa-service]=8083
                 [career-service]=8084)

IMAGE_PREFIX=${IMAGE_PREFIX:-aigc}
IMAGE_TAG=${IMAGE_TAG:-0.1.0-SNAPSHOT}
VERSION=${VERSION:-0.1.0-SNAPSHOT}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
LOCAL_BASE_IMAGE=${LOCAL_BASE_IMAGE:-$IMAGE_PREFIX/debian-jre17:$DEBIAN_SUITE}
LOCAL_REDIS_IMAGE=${REDIS_IMAGE:-$IMAGE_PREFIX/redis:$DEBIAN_SUITE}
LOCAL_PROMETHEUS_IMAGE=${PROMETHEUS_IMAGE:-$IMAGE_PREFIX/prometheus:$DEBIAN_SUITE}
ROOTFS_DIR=${ROOTFS_DIR:-$root/run/rootfs}

skip_jars=false gpu=false monitoring=false rebuild_base=false services=()
for arg in "$@"; do
  case "$arg" in
    --skip-jars) skip_jars=true ;;
    --gpu) gpu=true ;;
    --monitoring) monitoring=true ;;
    --rebuild-base) rebuild_base=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) [[ -n "${PORT[$arg]:-}" ]] || { echo "unknown service: $arg" >&2; exit 2; }; services+=("$arg") ;;
  esac
done
((${#services[@]})) || services=("${ALL_SERVICES[@]}")

log() { printf '%s [build-images] %s\n' "$(date +%T)" "$*" >&2; }
docker info >/dev/null 2>&1 || { echo "no Docker engine reachable (is dockerd running?)" >&2; exit 1; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# --- Debian mirror and sources, taken from this machine's own apt configuration --------------------------
# Prints "URI SUITE" for every Debian source whose suite is SUITE, SUITE-updates or SUITE-security (one-line
# and deb822 formats).
apt_sources() {
  local suite=$1 f
  shopt -s nullglob
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -r "$f" ]] || continue
    awk -v s="$suite" -v deb822="$([[ $f == *.sources ]] && echo 1 || echo 0)" '
      function emit(uri, su) { if (su == s || su == s "-updates" || su == s "-security") print uri, su }
      function flush(   u, v, nu, ns, a, b) {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && uris != "") {
          nu = split(uris, a, /[ \t]+/); ns = split(suites, b, /[ \t]+/)
          for (u = 1; u <= nu; u++) for (v = 1; v <= ns; v++) emit(a[u], b[v])
        }
        uris = ""; suites = ""; types = ""
      }
      !deb822 && $1 == "deb" {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        emit($i, $(i + 1)); next
      }
      deb822 && /^[ \t]*$/ { flush(); next }
      deb822 && $1 == "Types:" { types = $0 }
      deb822 && $1 == "URIs:" { uris = $0; sub(/^URIs:[ \t]*/, "", uris) }
      deb822 && $1 == "Suites:" { suites = $0; sub(/^Suites:[ \t]*/, "", suites) }
      END { if (deb822) flush() }
    ' "$f"
  done
  shopt -u nullglob
}

debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  apt_sources "$DEBIAN_SUITE" | awk -v s="$DEBIAN_SUITE" '$2 == s { print $1; exit }'
}

# Builds a root filesystem with debootstrap (minbase + PACKAGES), applies the suite's updates and security
# fixes from the same sources this machine uses, runs SETUP (shell, inside the root filesystem), strips caches
# and docs, and imports it as IMAGE; further arguments go to `docker import` (--change ...).
build_debian_image() {
  local image=$1 packages=$2 setup=$3; shift 3
  local name=${image//[\/:]/_} mirror rootfs
  mirror=$(debian_mirror)
  [[ -n "$mirror" ]] || { echo "no Debian '$DEBIAN_SUITE' source in /etc/apt; set DEBIAN_MIRROR" >&2; exit 1; }
  command -v debootstrap >/dev/null || { echo "debootstrap is required (apt-get install debootstrap)" >&2; exit 1; }
  rootfs="$ROOTFS_DIR/$name"
  mkdir -p "$ROOTFS_DIR/cache"
  rm -rf "$rootfs"
  log "debootstrap $DEBIAN_SUITE ($packages) -> $rootfs"
  debootstrap --variant=minbase --cache-dir="$ROOTFS_DIR/cache" --include="$packages" \
    "$DEBIAN_SUITE" "$rootfs" "$mirror" >"$ROOTFS_DIR/$name.log" 2>&1 \
    || { tail -20 "$ROOTFS_DIR/$name.log" >&2; exit 1; }

  apt_sources "$DEBIAN_SUITE" | awk '{ print "deb " $1 " " $2 " main" }' | sort -u >"$rootfs/etc/apt/sources.list"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  # shellcheck disable=SC2064
  trap "umount '$rootfs/proc' 2>/dev/null || true" EXIT
  chroot "$rootfs" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive
    apt-get -q update && apt-get -q -y upgrade && apt-get clean && { $setup; }" >>"$ROOTFS_DIR/$name.log" 2>&1 \
    || { tail -20 "$ROOTFS_DIR/$name.log" >&2; exit 1; }
  umount "$rootfs/proc"
  trap - EXIT
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log "$rootfs"/tmp/*
  : >"$rootfs/etc/resolv.conf"

  log "docker import -> $image"
  tar --numeric-owner -C "$rootfs" -c . | docker import "$@" - "$image" >/dev/null
  rm -rf "$rootfs"
}

if [[ -z "${BASE_IMAGE:-}" ]]; then
  if $rebuild_base || ! image_exists "$LOCAL_BASE_IMAGE"; then
    build_debian_image "$LOCAL_BASE_IMAGE" passwd,ca-certificates,openjdk-17-jre-headless,fontconfig,fonts-dejavu-core \
      'java -version' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["java", "-version"]'
  fi
  BASE_IMAGE=$LOCAL_BASE_IMAGE
  if $rebuild_base || ! image_exists "$LOCAL_REDIS_IMAGE"; then
    build_debian_image "$LOCAL_REDIS_IMAGE" redis-server 'redis-server --version' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'EXPOSE 6379' \
      --change 'USER redis' \
      --change 'WORKDIR /var/lib/redis' \
      --change 'CMD ["redis-server", "--protected-mode", "no", "--save", "", "--appendonly", "no"]'
  fi
  if $monitoring && { $rebuild_base || ! image_exists "$LOCAL_PROMETHEUS_IMAGE"; }; then
    # /prometheus is the storage path compose mounts a volume on: owned by the prometheus user so that the
    # new volume inherits it.
    build_debian_image "$LOCAL_PROMETHEUS_IMAGE" prometheus \
      'mkdir -p /prometheus && chown prometheus:prometheus /prometheus && prometheus --version' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'EXPOSE 9090' \
      --change 'USER prometheus' \
      --change 'WORKDIR /prometheus' \
      --change 'ENTRYPOINT ["prometheus"]' \
      --change 'CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]'
  fi
fi
log "base image: $BASE_IMAGE"

# --- jars -------------------------------------------------------------------------------------------------
modules_csv() { local IFS=,; echo "$*"; }
if ! $skip_jars; then
  log "building jars: ${services[*]}"
  ./mvnw -q -DskipTests -pl "$(modules_csv "${services[@]}")" -am package
fi

# Each image is built from a small staged context (the jar and docker/ only) rather than the whole
# repository, whose data/, checkpoints/ and target/ folders would otherwise be sent to the engine.
build_service_image() {
  local module=$1 dockerfile=$2 image=$3; shift 3
  local jar="$module/target/$module-$VERSION.jar" ctx="$root/run/image-context/$module"
  [[ -f "$jar" ]] || { echo "missing $jar (run without --skip-jars)" >&2; exit 1; }
  rm -rf "$ctx"
  mkdir -p "$ctx/$module/target" "$ctx/docker"
  ln "$jar" "$ctx/$jar" 2>/dev/null || cp "$jar" "$ctx/$jar"
  cp docker/healthcheck.sh "$ctx/docker/"
  log "docker build $image"
  docker build -q -f "$dockerfile" -t "$image" \
    --build-arg MODULE="$module" --build-arg VERSION="$VERSION" --build-arg SERVICE_PORT="${PORT[$module]}" \
    "$@" "$ctx" >/dev/null
  rm -rf "$ctx"
}

for module in "${services[@]}"; do
  build_service_image "$module" docker/Dockerfile "$IMAGE_PREFIX/$module:$IMAGE_TAG" --build-arg BASE_IMAGE="$BASE_IMAGE"
done

if $gpu; then
  gpu_modules=()
  for module in "${services[@]}"; do
    [[ " ${ML_SERVICES[*]} " == *" $module "* ]] && gpu_modules+=("$module")
  done
  if ((${#gpu_modules[@]})); then
    # The gpu profile swaps the PyTorch natives for the CUDA 11.8 build (about 2.4 GB, fetched once by Maven).
    # It rewrites target/*.jar, so the CPU jars are rebuilt afterwards to leave target/ as the default build.
    log "building GPU jars (-Pgpu): ${gpu_modules[*]}"
    ./mvnw -q -Pgpu -DskipTests -pl "$(modules_csv "${gpu_modules[@]}")" -am package
    gpu_args=()
    [[ -n "${GPU_BASE_IMAGE:-}" ]] && gpu_args+=(--build-arg BASE_IMAGE="$GPU_BASE_IMAGE")
    [[ -n "${GPU_JRE_IMAGE:-}" ]] && gpu_args+=(--build-arg JRE_IMAGE="$GPU_JRE_IMAGE")
    [[ -n "${GPU_JRE_HOME:-}" ]] && gpu_args+=(--build-arg JRE_HOME="$GPU_JRE_HOME")
    for module in "${gpu_modules[@]}"; do
      build_service_image "$module" docker/Dockerfile.gpu "$IMAGE_PREFIX/$module:$IMAGE_TAG-gpu" "${gpu_args[@]}"
    done
    if ! $skip_jars; then
      log "restoring CPU jars"
      ./mvnw -q -DskipTests -pl "$(modules_csv "${gpu_modules[@]}")" -am package
    fi
  fi
fi

# The classic builder keeps each first stage (jar + extracted copy) as an untagged image: drop them.
docker image prune -f --filter label=aigc.build-stage=layers >/dev/null
log "images:"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep "^$IMAGE_PREFIX/" >&2 || true

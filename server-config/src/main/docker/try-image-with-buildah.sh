#!/bin/sh
# Builds the taskqueue image with buildah on a machine without Docker, from a base image made with
# debootstrap (Debian bookworm with OpenJDK 17), and runs it once against a running taskqueue
# stack: the node must come up ready, run a job, write nothing outside /tmp, and stop on SIGTERM.
#
# Needs root and Debian's buildah and debootstrap (apt-get install buildah debootstrap), a build
# (./mvnw package -DskipTests) and a stack to join (java -jar server-config/target/taskqueue-local.jar).
# Runs the container with buildah's chroot isolation and the host's network: this machine's crun
# refuses to create containers ("cgroups in hybrid mode not supported").
#
#   server-config/src/main/docker/try-image-with-buildah.sh [work-dir]
#
# Environment: TASKQUEUE_DB_URL, TASKQUEUE_REDIS_URL (default: the local launcher's), ADMIN_KEY_FILE
# (default .taskqueue/admin.key), IMAGE_PORT (default 18080).
set -eu
repo=$(cd "$(dirname "$0")/../../../.." && pwd)
work=${1:-$repo/target/image-try}
db_url=${TASKQUEUE_DB_URL:-jdbc:postgresql://127.0.0.1:54329/postgres}
redis_url=${TASKQUEUE_REDIS_URL:-redis://127.0.0.1:63799}
key=$(cat "${ADMIN_KEY_FILE:-$repo/.taskqueue/admin.key}")
port=${IMAGE_PORT:-18080}
base=localhost/taskqueue-base-bookworm-jre17:1
mkdir -p "$work"

if ! buildah inspect "$base" >/dev/null 2>&1; then
  echo "image: making the base image $base with debootstrap"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" \
    http://deb.debian.org/debian >"$work/debootstrap.log"
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
  scratch=$(buildah from scratch)
  buildah add "$scratch" "$work/rootfs.tar" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$scratch"
  buildah commit --rm "$scratch" "$base" >/dev/null
  rm -rf "$work/rootfs" "$work/rootfs.tar"
fi

echo "image: building taskqueue:try from the README's build context"
ctx="$work/context"
rm -rf "$ctx" && mkdir -p "$ctx"
cp "$repo"/server-config/src/main/docker/Dockerfile "$repo"/server-config/src/main/docker/entrypoint.sh \
  "$repo"/server-config/src/main/resources/payara/preboot.asadmin "$ctx"/
cp "$repo"/taskqueue-web/target/payara-micro.jar "$ctx"/payara-micro.jar
cp "$repo"/taskqueue-web/target/taskqueue-web.war "$ctx"/taskqueue.war
buildah bud --quiet --build-arg BASE_IMAGE="$base" -t localhost/taskqueue:try "$ctx" >/dev/null

container=$(buildah from localhost/taskqueue:try)
trap 'buildah rm "$container" >/dev/null 2>&1 || true' EXIT
root=$(buildah mount "$container")
# Every file of the image with its size and modification time, to compare after the run; a
# directory by its name only (a new entry shows as a line of its own). buildah itself mounts
# /run/.containerenv and /etc/hosts, hostname and resolv.conf into a running container.
files() {
  (cd "$root" && find . -xdev \( -path ./run -o -path './run/*' -o -path ./etc/hosts \
    -o -path ./etc/hostname -o -path ./etc/resolv.conf \) -prune \
    -o -type d -printf '%p/\n' -o -printf '%p %s %T@\n' | sort)
}
files >"$work/files-before.txt"

echo "image: running it (user, entrypoint and environment of the image; /tmp a tmpfs)"
buildah run --isolation chroot --network host --hostname localhost \
  --mount type=tmpfs,destination=/tmp \
  -e TASKQUEUE_DB_URL="$db_url" -e TASKQUEUE_DB_USER=postgres -e TASKQUEUE_DB_PASSWORD=postgres \
  -e TASKQUEUE_REDIS_URL="$redis_url" -e TASKQUEUE_ADMIN_KEY="$key" \
  -e TASKQUEUE_HTTP_PORT="$port" -e TASKQUEUE_NODE_NAME=image-node \
  -e TASKQUEUE_SHUTDOWN_GRACE_MS=2000 \
  "$container" -- /opt/taskqueue/entrypoint.sh >"$work/node.log" 2>&1 &

ready=""
for _ in $(seq 1 120); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "127.0.0.1:$port/health/ready")" = 200 ]; then
    ready=yes
    break
  fi
  sleep 2
done
[ -n "$ready" ] || { echo "image: FAILED, not ready within 240 s; see $work/node.log"; exit 1; }
echo "image: ready"

job=$(curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -X POST "127.0.0.1:$port/api/jobs" -d '{"type": "echo", "payload": {"from": "image"}}' |
  sed 's/.*"id":"\([^"]*\)".*/\1/')
status=""
for _ in $(seq 1 60); do
  status=$(curl -s -H "Authorization: Bearer $key" "127.0.0.1:$port/api/jobs/$job" |
    sed 's/.*"status":"\([^"]*\)".*/\1/')
  [ "$status" = completed ] && break
  sleep 1
done
echo "image: job $job $status"

jvm=$(pgrep -f "$port --rootdir /tmp/taskqueue/payara" | head -1)
echo "image: JVM runs as uid $(ps -o uid= -p "$jvm" | tr -d ' '): $(ps -o args= -p "$jvm")"
started=$(date +%s%N)
kill -TERM "$jvm"
while kill -0 "$jvm" 2>/dev/null; do sleep 0.1; done
echo "image: stopped $(( ($(date +%s%N) - started) / 1000000 )) ms after SIGTERM"
wait || true

files >"$work/files-after.txt"
if diff -q "$work/files-before.txt" "$work/files-after.txt" >/dev/null; then
  echo "image: nothing outside /tmp was written"
else
  echo "image: FAILED, files outside /tmp changed:"
  diff "$work/files-before.txt" "$work/files-after.txt" | head -20
  exit 1
fi
[ "$status" = completed ] || { echo "image: FAILED, the job did not complete"; exit 1; }
echo "image: OK"

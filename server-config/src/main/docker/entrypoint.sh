#!/bin/sh
# The container's entrypoint: Payara Micro with the taskqueue WAR, as the local launcher runs it
# (loopback-free here: a container listens on its own interface), with a read-only installation in
# TASKQUEUE_HOME and everything Payara writes under TASKQUEUE_WORK_DIR (a writable /tmp).
# exec: the JVM becomes PID 1 and gets SIGTERM itself; its shutdown lets running jobs finish for
# taskqueue.shutdown-grace-ms and hands the rest back.
set -eu
home="${TASKQUEUE_HOME:-/opt/taskqueue}"
work="${TASKQUEUE_WORK_DIR:-/tmp/taskqueue}"
mkdir -p "$work"
# glibc keeps one malloc arena per allocating thread (up to 8 per core) and never returns them;
# two serve a JVM, which allocates its heap itself.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
exec "${JAVA:-java}" \
  -XX:MaxRAMPercentage="${TASKQUEUE_MAX_RAM_PERCENTAGE:-70}" \
  -XX:+ExitOnOutOfMemoryError \
  -Djava.io.tmpdir="$work" \
  ${JAVA_OPTS:-} \
  -jar "$home/payara-micro.jar" \
  --nohazelcast \
  --disablephonehome \
  --port "${TASKQUEUE_HTTP_PORT:-8080}" \
  --rootdir "$work/payara" \
  --prebootcommandfile "$home/preboot.asadmin" \
  --deploy "$home/taskqueue.war" \
  --contextroot /

#!/bin/sh
# A training run for a class-data cache (README, "Start-up"): the application starts in full on an embedded database
# in a scratch folder, its login page is asked for once, and it is stopped (SIGTERM) once ready; the JVM writes the
# cache as it exits: every class the start loaded and linked, with the profiles of the methods it ran, up to and after
# readiness (the web server, the start-up runners, the first page). The scratch folder is deleted after.
#
#   deploy/train-aot-cache.sh <java> <jar> <cache option> <scratch folder> [port]
#   e.g. deploy/train-aot-cache.sh java /app/motcua.jar -XX:AOTCacheOutput=/app/motcua.aot /tmp/training
#
# Used by the Dockerfile and by deploy/start-up-benchmark.sh. The administrator's password given here exists only in
# the scratch database.
set -eu
java=$1 jar=$2 option=$3 scratch=$4 port=${5:-18099}
mkdir -p "$scratch"
MOTCUA_DATA_DIR="$scratch" MOTCUA_ADMIN_PASSWORD=training-run-only "$java" "$option" -jar "$jar" \
  --server.port="$port" --server.address=127.0.0.1 > "$scratch.log" 2>&1 &
pid=$!
tries=0
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the training run stopped before it was ready:" >&2; tail -n 40 "$scratch.log" >&2; exit 1; fi
  tries=$((tries + 1))
  if [ "$tries" -gt 2400 ]; then echo "the training run was not ready within 10 minutes" >&2; kill "$pid"; exit 1; fi
  sleep 0.25
done
curl -fs -o /dev/null "http://127.0.0.1:$port/login" || true
kill -TERM "$pid"
wait "$pid" || true # ended by the signal, as asked: the cache is written as the JVM exits
rm -rf "$scratch" "$scratch.log"

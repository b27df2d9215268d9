#!/usr/bin/env bash
# Start-up of the production jar, JVM start to readiness, on PostgreSQL (README, "Start-up"): Java 17 plain and with
# its class-data archive, Java 25 plain and with its ahead-of-time cache (what the Docker image runs), each trained as
# the Dockerfile trains it; a first start on an empty database, then restarts on the data it made; the four kinds in
# alternating rounds. Prints one line per start (time to readiness, processor time of the JVM) and a summary.
#
#   mvn -Pproduction -DskipTests package
#   deploy/start-up-benchmark.sh [rounds]
#
# Environment: JAVA17 and JAVA25 (paths of the two java binaries; defaults: the usual Debian and Temurin places),
# PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres; the user may create databases), PORT (default 18080),
# WORK (default target/start-up-benchmark). It creates and drops databases named motcua_startup_*.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-2}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
pghost=${PGHOST:-127.0.0.1}; pgport=${PGPORT:-5432}; pguser=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning' # no notice for a database that is not there yet
port=${PORT:-18080}
work=$(realpath -m "${WORK:-target/start-up-benchmark}")
jar=$(ls target/motcua-*.jar | grep -v -- '-plain\.jar$' | head -n 1)
for j in "$java17" "$java25"; do [ -x "$j" ] || { echo "no java at $j (set JAVA17 / JAVA25)" >&2; exit 2; }; done
[ -f "$jar" ] || { echo "no production jar in target/: mvn -Pproduction -DskipTests package" >&2; exit 2; }

# One extracted copy per JDK (a cache or archive holds the paths and times of the jars it was trained with)
prepare() { # name java train-option
  local dir=$work/$1
  rm -rf "$dir" && mkdir -p "$dir"
  "$2" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > /dev/null
  deploy/train-aot-cache.sh "$2" "$dir/app/$(basename "$jar")" "$3" "$dir/training" "$((port + 1))"
}
echo "Training (as the Dockerfile does)…"
prepare java17 "$java17" "-XX:ArchiveClassesAtExit=$work/java17/motcua.jsa"
prepare java25 "$java25" "-XX:AOTCacheOutput=$work/java25/motcua.aot"
"$java17" -XX:SharedArchiveFile="$work/java17/motcua.jsa" -XX:+PrintSharedArchiveAndExit \
  -jar "$work/java17/app/$(basename "$jar")" | grep -q 'archive is valid'
"$java25" -XX:AOTCache="$work/java25/motcua.aot" -XX:+PrintSharedArchiveAndExit \
  -jar "$work/java25/app/$(basename "$jar")" | grep -q 'archive is valid'

results=$work/results.txt
: > "$results"
start_once() { # kind(first|restart) jdk(17|25) cached(yes|no) round
  local jdk=$2 cached=$3 db=motcua_startup_$2_$3 java opts=()
  if [ "$jdk" = 17 ]; then java=$java17; [ "$cached" = yes ] && opts=(-XX:SharedArchiveFile="$work/java17/motcua.jsa")
  else java=$java25; [ "$cached" = yes ] && opts=(-XX:AOTCache="$work/java25/motcua.aot"); fi
  if [ "$1" = first ]; then
    psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -q -c "drop database if exists $db" \
      -c "create database $db encoding 'UTF8' template template0"
    rm -rf "$work/data-$db"
  fi
  mkdir -p "$work/data-$db"
  local begin end pid
  begin=$(date +%s%N)
  MOTCUA_ADMIN_PASSWORD='start-up-benchmark' "$java" "${opts[@]}" -jar "$work/java$jdk/app/$(basename "$jar")" \
    --server.port="$port" --spring.datasource.url="jdbc:postgresql://$pghost:$pgport/$db" \
    --spring.datasource.username="$pguser" --spring.datasource.password= --motcua.data-dir="$work/data-$db" \
    > "$work/$1-$jdk-$cached-$4.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    sleep 0.1
    kill -0 "$pid" 2>/dev/null || { echo "the node stopped: $work/$1-$jdk-$cached-$4.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  local stat; read -r -a stat < "/proc/$pid/stat"
  local ticks; ticks=$(getconf CLK_TCK)
  printf '%-8s java %s %-22s round %s: %6.1f s to readiness, processor %6.1f s\n' "$1" "$jdk" \
    "$([ "$cached" = yes ] && { [ "$jdk" = 17 ] && echo "class-data archive" || echo "ahead-of-time cache"; } || echo plain)" "$4" \
    "$(awk -v n="$((end - begin))" 'BEGIN { print n / 1e9 }')" \
    "$(awk -v t="$((stat[13] + stat[14]))" -v k="$ticks" 'BEGIN { print t / k }')" | tee -a "$results"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for kind in first restart; do
  for r in $(seq 1 "$rounds"); do
    for v in "17 no" "17 yes" "25 no" "25 yes"; do
      set -- $v
      start_once "$kind" "$1" "$2" "$r"
    done
  done
done
for db in 17_no 17_yes 25_no 25_yes; do
  psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -q -c "drop database if exists motcua_startup_$db"
done
echo "Written: $results"

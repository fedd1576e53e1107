#!/usr/bin/env bash
# Durability of acknowledged writes: start Hongxin, drive POST /api/v1/people from several clients,
# kill the process with SIGKILL mid-stream, restart it, and count what survived.
#   bench/crash.sh                 # embedded H2 (the default database)
#   DB=postgresql bench/crash.sh   # a real PostgreSQL (embedded binaries from Maven Central)
# Options: CLIENTS=8 (concurrent writers), RUN_SECONDS=8 (writing time before the kill), PORT=18080,
# EXTRA_ARGS (more application arguments).
# Last line: crash: db=<db> acknowledged=<n> present=<n> lost=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
CLIENTS=${CLIENTS:-8}
RUN_SECONDS=${RUN_SECONDS:-8}
PORT=${PORT:-18080}
PG_PORT=${PG_PORT:-15432}
work=$(mktemp -d /tmp/hongxin-crash.XXXXXX)
base="http://localhost:$PORT"
app_pid=""; pg_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
    [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null && wait "$pg_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

[ -f target/hongxin.jar ] || ./mvnw -B -ntp -q -DskipTests package
app_args=(--server.port="$PORT" --hongxin.data-dir="$work/data")
# EXTRA_ARGS: more application arguments, e.g. to show what H2's default 500 ms write delay loses:
#   EXTRA_ARGS='--spring.datasource.url=jdbc:h2:file:/tmp/x/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH' bench/crash.sh
read -r -a extra <<< "${EXTRA_ARGS:-}"
app_args+=("${extra[@]}")
if [ "$DB" = "postgresql" ]; then
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
    java -cp "target/test-classes:$(cat target/test-classpath.txt)" cn.hongxin.bench.EmbeddedPostgresMain "$PG_PORT" "$work/pg" > "$work/pg.log" 2>&1 &
    pg_pid=$!
    for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$work/pg.log" && break; sleep 0.5; done
    grep -q "PostgreSQL ready" "$work/pg.log" || { cat "$work/pg.log"; echo "PostgreSQL did not start"; exit 1; }
    app_args+=(--spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/postgres" --spring.datasource.username=postgres --spring.datasource.password=)
fi

start_app() {
    java -Xmx1g -jar target/hongxin.jar "${app_args[@]}" >> "$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 240); do
        curl -fs "$base/actuator/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    tail -50 "$work/app.log"; echo "Hongxin did not start"; exit 1
}

start_app
java bench/CrashDriver.java prepare "$base" "$work"
java bench/CrashDriver.java write "$base" "$work" "$CLIENTS" &
writer=$!
sleep "$RUN_SECONDS"
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
wait "$writer" || true
start_app
result=$(java bench/CrashDriver.java verify "$base" "$work")
echo "crash: db=$DB $result"

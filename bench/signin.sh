#!/usr/bin/env bash
# QR sign-in under load: start Hongxin on a fresh data directory, set up N members invited to one event, log them
# all in, then sign all of them in along the phone's path from CLIENTS concurrent clients (bench/SigninDriver.java).
#   bench/signin.sh                 # embedded H2 (the default database)
#   DB=postgresql bench/signin.sh   # a real PostgreSQL (embedded binaries from Maven Central)
# Options: N=1000, CLIENTS=50, JAR (another build to compare, default target/hongxin.jar), PORT=18081, PG_PORT=15433, STARTUP_SECONDS=600, EXTRA_ARGS (more application arguments), JAVA_OPTS (JVM options, e.g.
#   JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/signin.jfr,settings=profile" to profile the run),
#   SIGNIN_JFR=/tmp/signin.jfr (a JFR recording of the timed phase only, through jcmd).
# Last line: signin: db=<db> n=<n> rate=<per s> p99_ms=<n> ceiling_rate=<per s> login_rate=<per s> hash_ms=<n> lost=<n> doubled=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
N=${N:-1000}
CLIENTS=${CLIENTS:-50}
PORT=${PORT:-18081}
PG_PORT=${PG_PORT:-15433}
work=$(mktemp -d /tmp/hongxin-signin.XXXXXX)
base="http://localhost:$PORT"
app_pid=""; pg_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null && wait "$pg_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

JAR=${JAR:-target/hongxin.jar}
if [ "$JAR" = target/hongxin.jar ] && { [ ! -f target/hongxin.jar ] || [ -n "$(find src/main pom.xml -newer target/hongxin.jar -print -quit)" ]; }; then
    ./mvnw -B -ntp -q -DskipTests package
fi
app_args=(--server.port="$PORT" --hongxin.data-dir="$work/data")
read -r -a extra <<< "${EXTRA_ARGS:-}"
app_args+=("${extra[@]}")
if [ "$DB" = "postgresql" ]; then
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
    java -cp "target/test-classes:$(cat target/test-classpath.txt)" cn.hongxin.bench.EmbeddedPostgresMain "$PG_PORT" "$work/pg" > "$work/pg.log" 2>&1 &
    pg_pid=$!
    for _ in $(seq 1 600); do grep -qs "PostgreSQL ready" "$work/pg.log" && break; sleep 0.5; done
    grep -q "PostgreSQL ready" "$work/pg.log" || { cat "$work/pg.log"; echo "PostgreSQL did not start"; exit 1; }
    app_args+=(--spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/postgres" --spring.datasource.username=postgres --spring.datasource.password=)
fi

read -r -a jvm <<< "${JAVA_OPTS:-}"
java -Xmx1g "${jvm[@]}" -jar "$JAR" "${app_args[@]}" >> "$work/app.log" 2>&1 &
app_pid=$!
# A loaded machine (other builds on the same cores) can take minutes to start the application.
for _ in $(seq 1 $((2 * ${STARTUP_SECONDS:-600}))); do
    curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$base/actuator/health" >/dev/null 2>&1 || { tail -50 "$work/app.log"; echo "Hongxin did not start"; exit 1; }
result=$(java bench/SigninDriver.java "$base" "$N" "$CLIENTS" "$app_pid") || { tail -40 "$work/app.log"; exit 1; }
echo "503 answers logged by the write limiter: $(grep -c 'Too many concurrent writes' "$work/app.log" || true)"
echo "load: $(uptime | sed 's/.*load average/load average/')"
echo "signin: db=$DB $result"

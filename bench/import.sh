#!/usr/bin/env bash
# Benchmark of the people Excel import (see docs/benchmarks.md): generates a valid file of $ROWS rows
# (default 30000) and imports it on a fresh H2 file database and on embedded PostgreSQL. Each run
# prints a last line
#   import: db=<h2|postgresql> rows=<n> validate_ms=<n> write_ms=<n> total_ms=<n> rows_per_s=<n>
# Not part of the test run (the class is not named *Test/*Tests).
# Usage: bench/import.sh [h2] [postgresql]; environment: ROWS (default 30000), JAVA_OPTS (default -Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${ROWS:-30000}"
DATABASES=("$@")
if [ ${#DATABASES[@]} -eq 0 ]; then
    DATABASES=(h2 postgresql)
fi

./mvnw -q -o test-compile
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -s "$CLASSPATH_FILE" ] || [ pom.xml -nt "$CLASSPATH_FILE" ]; then
    ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"

for db in "${DATABASES[@]}"; do
    java ${JAVA_OPTS:--Xmx2g} -Dfile.encoding=UTF-8 -cp "$CP" cn.hongxin.organisation.PeopleImportBenchmark "$db" "$ROWS"
done

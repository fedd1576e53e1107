#!/usr/bin/env bash
# Benchmark of the compliance engine (see docs/benchmarks.md): generates a synthetic university (30,000 people in
# 100 branches, a programme mirroring PRODUCT §2, 3,000,000 evidence rows over one semester, bulk-loaded) on a
# fresh H2 file database and on embedded PostgreSQL, evaluates every requirement for the whole university, runs
# the floor query (select subject_id, kind, count(*) from evidence group by subject_id, kind) over the same rows,
# and times one person's checklist. Each run's last line:
#   compliance: db=<h2|postgresql> people=<n> evidence=<n> all_ms=<n> floor_ms=<n> ratio=<all/floor> checklist_ms=<n>
# H2 is for one department: try PEOPLE=3000 EVIDENCE=300000 (a few seconds) or PEOPLE=300 EVIDENCE=30000.
# EXPLAIN=1 prints the plan of every statement; LOG_SQL=1 logs each statement as it runs; HOLD=<seconds> keeps the
# database open after the run (PostgreSQL: prints the psql command) to look at plans by hand.
# Not part of the test run. Usage: bench/compliance.sh [h2] [postgresql];
# environment: PEOPLE (default 30000), EVIDENCE (default 3000000), JAVA_OPTS (default -Xmx3g).
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE="${PEOPLE:-30000}"
EVIDENCE="${EVIDENCE:-3000000}"
DATABASES=("$@")
if [ ${#DATABASES[@]} -eq 0 ]; then
    DATABASES=(postgresql h2)
fi

./mvnw -q -o test-compile
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -s "$CLASSPATH_FILE" ] || [ pom.xml -nt "$CLASSPATH_FILE" ]; then
    ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"

for db in "${DATABASES[@]}"; do
    echo "load average before the $db run: $(cut -d' ' -f1-3 /proc/loadavg)"
    java ${JAVA_OPTS:--Xmx3g} -Dfile.encoding=UTF-8 -cp "$CP" cn.hongxin.bench.ComplianceBenchmark "$db" "$PEOPLE" "$EVIDENCE"
    echo "load average after the $db run: $(cut -d' ' -f1-3 /proc/loadavg)"
done

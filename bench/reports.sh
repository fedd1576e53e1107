#!/usr/bin/env bash
# Reports and ledgers (see docs/benchmarks.md): generates the compliance benchmark's university (30,000 people in 100
# branches under 10 general branches, the 2025-2026 first semester; a fifth of the last general branch's people moved
# into the first, the largest) with the records the semester report and the ledgers read, bulk-loaded into the real
# tables (COPY on PostgreSQL, batched inserts on H2): ~2,700 events of the shipped types with invitees, roll-calls,
# minutes, resolutions, volunteer hours and speakers; mentoring pairs with help records and check-ins; the evidence
# the listeners would have written, with submissions, articles and newsletters; photos of a dozen events. Then, as
# the largest general branch's secretary, it produces the semester report (.docx) and the six ledgers (.xlsx), once
# to warm up and three times timed (medians), writes the files to a temporary directory and reads them back.
# Not part of the test run. Each run's last line:
#   reports: db=<h2|postgresql> docx_ms=<n> xlsx_ms=<n> rows=<n>
# rows: the data rows written across the ledgers (checked against the files read back).
# Usage: bench/reports.sh [postgresql] [h2]; environment: PEOPLE (default 30000; for H2 try PEOPLE=3000),
# JAVA_OPTS (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE="${PEOPLE:-30000}"
DATABASES=("$@")
if [ ${#DATABASES[@]} -eq 0 ]; then
    DATABASES=(postgresql)
fi

./mvnw -q -o test-compile
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -s "$CLASSPATH_FILE" ] || [ pom.xml -nt "$CLASSPATH_FILE" ]; then
    ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"

for db in "${DATABASES[@]}"; do
    echo "load average before the $db run: $(cut -d' ' -f1-3 /proc/loadavg)"
    java ${JAVA_OPTS:--Xmx1g} -Djava.awt.headless=true -Dfile.encoding=UTF-8 -cp "$CP" \
        cn.hongxin.bench.ReportsBenchmark "$db" "$PEOPLE" | tee "target/reports-$db.log"
    echo "load average after the $db run: $(cut -d' ' -f1-3 /proc/loadavg)"
done
for db in "${DATABASES[@]}"; do
    grep '^reports:' "target/reports-$db.log" | tail -1
done

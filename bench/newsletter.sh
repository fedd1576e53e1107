#!/usr/bin/env bash
# Newsletter rendering (see docs/benchmarks.md): generates 30 photo-like JPEGs of 1600x1200, an issue of 16 items
# holding them, and renders it as PDF (red header, embedded subset of the CJK font, photos scaled before
# embedding) and as Word through the code of the download endpoints (cn.hongxin.newsletter.NewsletterBenchmark),
# after one warm-up render of each. Not part of the test run. Last line:
#   newsletter: items=16 photos=30 pdf_ms=<n> docx_ms=<n> pdf=<path> docx=<path>
# The files stay at those paths. Environment: WORK (default /tmp/hongxin-newsletter-bench), ITEMS (16),
# PHOTOS (30), JAVA_OPTS (default -Xmx512m). Goal on 2 cores: pdf_ms <= 3000 with a heap of 512 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="${WORK:-/tmp/hongxin-newsletter-bench}"
./mvnw -q -o test-compile
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -s "$CLASSPATH_FILE" ] || [ pom.xml -nt "$CLASSPATH_FILE" ]; then
    ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true -Dfile.encoding=UTF-8 -cp "$CP" \
    cn.hongxin.newsletter.NewsletterBenchmark "$WORK" "${ITEMS:-16}" "${PHOTOS:-30}" | tee "$WORK.log.tmp" | grep -v '^newsletter:' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep '^newsletter:' "$WORK.log.tmp"
rm -f "$WORK.log.tmp"

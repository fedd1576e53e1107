#!/usr/bin/env bash
# Builds (once) and starts Hongxin on the embedded H2 database under ./data, at http://localhost:8080.
# The first visit leads to the setup page. Options: --demo loads the demo department without the browser
# and prints the demo accounts once; --server.port=9090 picks another port; HONGXIN_DATA_DIR moves ./data.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/hongxin.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    ./mvnw -B -ntp -q -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"

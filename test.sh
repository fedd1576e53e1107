#!/usr/bin/env bash
# Runs every Hongxin test: unit, integration on H2 and on a real PostgreSQL (embedded binaries from
# Maven Central), and browser tests in Debian's Chromium. Installs Chromium and a CJK font first when
# they are missing (needs root or sudo on Debian).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} for the browser tests"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec ./mvnw -B -ntp verify "$@"

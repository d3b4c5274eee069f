#!/usr/bin/env bash
# `make bench`: installs the load tool and Lighthouse when it can, then runs bench/run.py.
# wrk: Debian's package (as root); otherwise a Python client is used. Lighthouse: npm into
# var/bench (needs node and npm: `apt-get install nodejs npm`) with Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null && [ "$(id -u)" = "0" ]; then
  echo "== installing Debian wrk"
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }) || echo "   wrk unavailable: using the Python client"
fi
if [ ! -x var/bench/node_modules/.bin/lighthouse ]; then
  if command -v npm >/dev/null && [ -x /usr/bin/chromium ]; then
    echo "== installing Lighthouse into var/bench (npm)"
    mkdir -p var/bench
    [ -f var/bench/package.json ] || echo '{"private": true}' > var/bench/package.json
    (cd var/bench && timeout 300 npm install --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null) \
      || echo "   Lighthouse could not be installed: skipped"
  else
    echo "== Lighthouse skipped: needs npm (apt-get install nodejs npm) and /usr/bin/chromium"
  fi
fi
exec .venv/bin/python bench/run.py "$@"

#!/usr/bin/env bash
# Browser tests: Playwright for Python driving Debian's /usr/bin/chromium (never `playwright
# install`, which downloads a browser). Installs chromium when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing Debian chromium"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "/usr/bin/chromium is missing and we are not root: cannot install it." >&2
    exit 1
  fi
fi

export DJANGO_SETTINGS_MODULE=hope.settings.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true
.venv/bin/python -m pytest -m e2e tests/e2e "$@"

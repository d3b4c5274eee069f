#!/usr/bin/env bash
# Run the test suite against a throwaway PostgreSQL cluster (started here, stopped on exit).
# Installs Debian's postgresql when missing and running as root. Extra pytest args pass through.
set -euo pipefail
cd "$(dirname "$0")/.."

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN="${PG_BIN:-$(find_pg_bin)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing Debian postgresql"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
  else
    echo "PostgreSQL server binaries not found and not root: cannot install them." >&2
    exit 1
  fi
fi

PG_DIR="$(mktemp -d /tmp/hope-pg.XXXXXX)"
PG_PORT="${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
AS_PG=()
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$PG_DIR"
  AS_PG=(runuser -u postgres --)   # initdb refuses to run as root
fi
cleanup() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT

"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U hope -E UTF8 >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U hope hope

echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
export DATABASE_URL="postgres://hope@127.0.0.1:$PG_PORT/hope"
export DJANGO_SETTINGS_MODULE=hope.settings.test
.venv/bin/python -m pytest -m "not e2e" "$@"

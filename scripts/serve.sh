#!/usr/bin/env bash
# `make serve`: the production shape on one machine, from a fresh clone.
#
#   gunicorn (gunicorn.conf.py) + `manage.py db_worker` (emails, tasks) + the periodic jobs in a
#   loop, on hope.settings.production, after collectstatic and migrate.
#
# SQLite in var/ by default; DATABASE_URL and REDIS_URL are used when set. For a local try-out it
# fills in what production refuses to guess, and says so: a throwaway SECRET_KEY in var/, hosts
# 127.0.0.1 and localhost, plain HTTP (no HTTPS redirect, no HSTS, cookies without Secure), emails
# printed by the worker. A real deployment sets all of these itself (docs/deployment.md).
# DEMO=1 fills an empty database with the demo content first (dev settings, same database).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
mkdir -p var

notes=()
export DJANGO_SETTINGS_MODULE=hope.settings.production
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s var/secret_key ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(64))" > var/secret_key
  chmod 600 var/secret_key
  SECRET_KEY="$(cat var/secret_key)"
  export SECRET_KEY
  notes+=("SECRET_KEY: none set, using a throwaway key from var/secret_key (local only)")
fi
if [ -z "${ALLOWED_HOSTS:-}" ]; then
  export ALLOWED_HOSTS="127.0.0.1,localhost"
  notes+=("ALLOWED_HOSTS: none set, using 127.0.0.1,localhost")
fi
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="sqlite:///$PWD/var/serve.sqlite3"
  notes+=("DATABASE_URL: none set, using SQLite in var/serve.sqlite3")
fi
if [ -z "${REDIS_URL:-}" ]; then
  export CACHE_DIR="${CACHE_DIR:-$PWD/var/cache}"
  notes+=("REDIS_URL: none set, the processes share a file cache in ${CACHE_DIR} (one machine only)")
fi
if [ -z "${SECURE_SSL_REDIRECT:-}" ]; then
  export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 SECURE_COOKIES=0
  notes+=("HTTPS: plain HTTP for local use (no redirect, no HSTS, cookies without Secure); set SECURE_SSL_REDIRECT=1 behind TLS")
fi
if [ -z "${EMAIL_BACKEND:-}" ]; then
  export EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
  notes+=("EMAIL_BACKEND: none set, emails are printed by the task worker")
fi
export BASE_URL="${BASE_URL:-http://$HOST:$PORT}"
export STATIC_ROOT="${STATIC_ROOT:-$PWD/staticfiles}"

echo "== Platform HOPE, production shape on one machine"
for note in "${notes[@]}"; do echo "   NOTE  $note"; done

"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py migrate --noinput -v 0
if [ "${DEMO:-0}" = "1" ]; then
  DJANGO_SETTINGS_MODULE=hope.settings.dev "$PY" manage.py seed_demo
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

HOST="$HOST" PORT="$PORT" .venv/bin/gunicorn -c gunicorn.conf.py hope.wsgi &
pids+=($!)
"$PY" manage.py db_worker &
pids+=($!)
# The periodic jobs (docs/periodic-jobs.md): follow-ups every 5 minutes, the daily clean-ups at
# start and then once a day. On a server, prefer the systemd timers or cron lines documented there.
(
  nap=""
  trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null; exit 0' TERM INT
  runs=0
  while true; do
    "$PY" manage.py send_followups || true
    if [ $(( runs % 288 )) -eq 0 ]; then
      "$PY" manage.py purge_unconfirmed_requests || true
      "$PY" manage.py anonymise_closed_requests || true
    fi
    runs=$(( runs + 1 ))
    sleep 300 & nap=$!
    wait "$nap"
  done
) &
pids+=($!)

echo "== serving on http://$HOST:$PORT/ (gunicorn pid ${pids[0]}, task worker ${pids[1]}, periodic jobs ${pids[2]}); Ctrl-C stops all"
echo "   first coordinator: DJANGO_SETTINGS_MODULE=hope.settings.production $PY manage.py createsuperuser (with the same environment)"
wait -n "${pids[@]}"

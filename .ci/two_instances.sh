#!/usr/bin/env bash
# Two app servers agree through PostgreSQL and Redis (the shape for more than one machine).
#
# Starts a throwaway PostgreSQL cluster and a redis-server on 127.0.0.1 (free ports), migrates,
# seeds a tiny site, starts two gunicorn instances with production settings on two ports, and
# runs tests/cluster (marker `cluster`): a publish through A is seen at once through B, and failed
# logins count across both. Installs Debian's postgresql and redis-server when missing (as root).
# Bounded: every wait has a timeout; everything started here is stopped on exit.
set -euo pipefail
trap 'echo "two_instances.sh: failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
PY=.venv/bin/python

need_packages=()
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN="${PG_BIN:-$(find_pg_bin)}"
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need_packages+=(postgresql)
command -v redis-server >/dev/null || need_packages+=(redis-server)
if [ "${#need_packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing Debian ${need_packages[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
    PG_BIN="$(find_pg_bin)"
  else
    echo "missing ${need_packages[*]} and not root: cannot install them" >&2
    exit 1
  fi
fi

free_port() { "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
WORK="$(mktemp -d /tmp/hope-two.XXXXXX)"
chmod 711 "$WORK"  # the postgres user must reach its data directory inside
PG_PORT="$(free_port)"; REDIS_PORT="$(free_port)"; PORT_A="$(free_port)"; PORT_B="$(free_port)"
AS_PG=()
if [ "$(id -u)" = "0" ]; then
  mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
  AS_PG=(runuser -u postgres --)
fi
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U hope -E UTF8 >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U hope hope

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
  --dir "$WORK" --logfile "$WORK/redis.log" &
pids+=($!)
for _ in $(seq 1 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.2
done
redis-cli -p "$REDIS_PORT" ping >/dev/null

export DJANGO_SETTINGS_MODULE=hope.settings.production
export DATABASE_URL="postgres://hope@127.0.0.1:$PG_PORT/hope"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS="127.0.0.1,localhost"
# Plain HTTP on loopback: no HTTPS redirect, no HSTS, cookies without Secure.
export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 SECURE_COOKIES=0
export HOPE_REQUIRE_STAFF_MFA=0
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export LOG_LEVEL=WARNING

echo "== PostgreSQL on $PG_PORT, Redis on $REDIS_PORT; migrate and a tiny seed"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
PASSWORD="two-instances-$(date +%s)"
"$PY" manage.py shell -v 0 -c "
from allauth.account.models import EmailAddress
from wagtail.models import Page
from cms.models import StandardPage
from hope.models import User

editor = User.objects.create_superuser(email='editor@example.org', password='$PASSWORD')
limited = User.objects.create_user(email='limited@example.org', password='$PASSWORD')
for user in (editor, limited):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
home = Page.objects.get(depth=2)
page = StandardPage(title='Over HOPE', slug='over-hope')
home.add_child(instance=page)
page.save_revision().publish()
open('$WORK/seed.txt', 'w').write(f'{page.pk} {page.url}\\n')
"
read -r PAGE_ID PAGE_PATH <"$WORK/seed.txt" || true
[ -n "${PAGE_ID:-}" ] || { echo "seeding failed" >&2; exit 1; }

export GUNICORN_ACCESS_LOG="" WEB_CONCURRENCY=2
GUNICORN_BIND="127.0.0.1:$PORT_A" .venv/bin/gunicorn -c gunicorn.conf.py hope.wsgi >"$WORK/a.log" 2>&1 &
pids+=($!)
GUNICORN_BIND="127.0.0.1:$PORT_B" .venv/bin/gunicorn -c gunicorn.conf.py hope.wsgi >"$WORK/b.log" 2>&1 &
pids+=($!)
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.5
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" || { cat "$WORK"/a.log "$WORK"/b.log; exit 1; }
done
echo "== instances A on $PORT_A and B on $PORT_B"

status=0
env -u DATABASE_URL -u REDIS_URL \
  DJANGO_SETTINGS_MODULE=hope.settings.test \
  HOPE_CLUSTER_A="http://127.0.0.1:$PORT_A" HOPE_CLUSTER_B="http://127.0.0.1:$PORT_B" \
  HOPE_CLUSTER_EDITOR=editor@example.org HOPE_CLUSTER_LIMITED=limited@example.org \
  HOPE_CLUSTER_PASSWORD="$PASSWORD" HOPE_CLUSTER_PAGE_ID="$PAGE_ID" HOPE_CLUSTER_PAGE_PATH="$PAGE_PATH" \
  timeout 300 "$PY" -m pytest -m cluster tests/cluster -n 0 -q "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "== instance logs"; tail -n 40 "$WORK/a.log" "$WORK/b.log"
fi
exit "$status"

"""gunicorn settings for Platform HOPE (`gunicorn -c gunicorn.conf.py hope.wsgi`).

Every value can be overridden from the environment, so the same file serves one small machine
(`make serve`) and a row of app servers behind a load balancer.
"""

import multiprocessing
import os

bind = os.environ.get(
    "GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# Synchronous workers: the app is CPU-bound on rendering and short database queries. The classic
# rule (2 × cores + 1) oversubscribes a 2-core machine that also runs the database and the task
# worker, so default to cores + 1 and let WEB_CONCURRENCY decide where the operator knows better.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck (nothing here is slow by design); the worker is
# restarted. Graceful shutdown lets running requests finish on deploy.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak in any library never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# Load the app once in the master: workers fork with it, start faster and share memory.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") not in ("0", "false", "no")

# Only these addresses may set X-Forwarded-For / X-Forwarded-Proto (the reverse proxy). The
# default trusts nothing but this machine; behind a load balancer set its address(es).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

# Logs go to stdout/stderr (systemd's journal or the container runtime keeps them).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Never a token: the logger class redacts secret path segments and query values; the format
# itself leaves out cookies, the Authorization header and the raw query string.
logger_class = "hope.gunicorn_logging.RedactingLogger"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# Requests larger than this are refused before they reach Django (uploads are photos ≤ 5 MB).
limit_request_line = 4094
limit_request_fields = 100

# gunicorn ≥ 24 opens a control socket in $HOME; two instances on one machine (make serve next to
# the CI's second instance, or several app servers) would fight over it. Nothing here uses it.
control_socket_disable = True

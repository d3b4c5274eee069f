"""The portal's WSGI app with a static copy of the home page's HTML next to it (the ceiling).

`make bench` serves this with gunicorn: the same server, the same workers, and WhiteNoise serving
`BENCH_STATIC_COPY/home.html` at `/bench-static/home.html` — what a request costs when nothing
but a file is sent.
"""

import os

from whitenoise import WhiteNoise

from hope.wsgi import application as portal

application = WhiteNoise(
    portal, root=os.environ["BENCH_STATIC_COPY"], prefix="bench-static/", max_age=60
)

"""The portal's WSGI app with a static copy of the home page's HTML next to it (the ceiling).

`make bench` serves this with gunicorn: the same server, the same workers, and WhiteNoise serving
`BENCH_STATIC_COPY/home.html` at `/bench-static/home.html` — what a request costs when nothing
but a file is sent. Image renditions (`/media/images/`, made as pages are first shown) are
served here too, as the web server serves them in production (never the originals).
"""

import os
from pathlib import Path

from whitenoise import WhiteNoise

from hope.wsgi import application as portal

application = WhiteNoise(
    portal, root=os.environ["BENCH_STATIC_COPY"], prefix="bench-static/", max_age=60
)
_renditions = Path(os.environ.get("MEDIA_ROOT", "media")) / "images"
_renditions.mkdir(parents=True, exist_ok=True)
application = WhiteNoise(
    application, root=str(_renditions), prefix="media/images/", max_age=3600, autorefresh=True
)

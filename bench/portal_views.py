"""In-process part of `make bench`: scale the data up, and time the signed-in views.

    python bench/portal_views.py build OUT.json STATIC_COPY_DIR SNAPSHOT_AT_100.sqlite3
    python bench/portal_views.py measure OUT.json

Run by bench/run.py with the bench environment (production settings, the bench database).
``build`` adds 60 experts, 1,000 news articles and 100 requests, keeps a copy of the database at
that size, then adds 9,900 more; it also writes the home page's HTML to STATIC_COPY_DIR/home.html
for the ceiling. ``measure`` times the coordinators' listing, search, workspace and dashboard, the
organisation's list and request page and the expert's calendar and engagements on the database in
DATABASE_URL. Server time is the median of in-process requests (Django's test client: the whole
middleware stack, no network). bench/run.py alternates the two databases in fresh processes, so
a busy moment on the machine does not land on one size only.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RUNS = 7


BENCH_USERS = {
    "coordinator": "bench-coordinator@example.org",
    "organisation": "bench-org@example.org",
    "expert": "bench-expert@example.org",
}


def build(out: str, static_copy: str, snapshot: str) -> None:
    import sqlite3

    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.db import connection

    from bench import scale
    from bookings.models import Organisation, OrganisationMembership
    from hope.models import User
    from hope.roles import COORDINATORS

    started = time.perf_counter()
    experts = scale.add_experts(60)
    articles = scale.add_articles(1000)
    add_images(experts)
    focus = Organisation.objects.create(name="Bench gemeente", kind="municipality", verified=True)
    contact = User.objects.create(email=BENCH_USERS["organisation"], is_active=True)
    OrganisationMembership.objects.create(organisation=focus, user=contact)
    coordinator = User.objects.create(email=BENCH_USERS["coordinator"], is_active=True)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    expert = experts[0]
    expert.user = User.objects.create(email=BENCH_USERS["expert"], is_active=True)
    expert.save(update_fields=["user"])

    scale.add_requests(100, focus_organisation=focus)
    connection.ensure_connection()
    target = sqlite3.connect(snapshot)
    connection.connection.backup(target)
    target.close()
    scale.add_requests(9900, focus_organisation=focus)
    write_public(out, static_copy, experts=experts, articles=articles, started=started)


def add_images(experts) -> None:
    """News images on the newest articles (and the one the bench loads), portraits for half the
    experts (the profile the bench loads among them): page weight then measures images."""
    from bench import images
    from cms.models import NewsArticlePage

    newest = NewsArticlePage.objects.order_by("-date", "-pk").values_list("pk", flat=True)[:40]
    measured = NewsArticlePage.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    images.add_news_images([*newest, *measured])
    images.add_expert_photos(experts)
    count, seconds = images.add_renditions()
    print(f"   {count} renditions made in {seconds:.0f} s", flush=True)


def measure(out: str) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from bookings.models import BookingRequest
    from hope.models import User

    focus_contact = User.objects.get(email=BENCH_USERS["organisation"])

    def clients():
        made = {}
        for name, email in BENCH_USERS.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(User.objects.get(email=email))
            made[name] = client
        return made

    def run():
        made = clients()
        latest = (
            BookingRequest.objects.filter(organisation__memberships__user=focus_contact)
            .order_by("-pk")
            .first()
        )
        views = [
            ("Coordinators' request listing", "coordinator", reverse("booking_requests:index")),
            (
                "Coordinators' search",
                "coordinator",
                reverse("booking_requests:index") + "?q=training",
            ),
            (
                "Request workspace",
                "coordinator",
                reverse("booking_requests:inspect", args=[latest.pk]),
            ),
            ("Coordinators' dashboard", "coordinator", reverse("wagtailadmin_home")),
            ("Organisation's request list", "organisation", reverse("bookings:portal")),
            (
                "Organisation's request page",
                "organisation",
                reverse("bookings:request_detail", args=[latest.reference]),
            ),
            ("Expert's calendar", "expert", reverse("speakers:calendar")),
            ("Expert's engagements", "expert", reverse("engagements:list")),
        ]
        results = {}
        for name, who, url in views:
            client = made[who]
            response = client.get(url)
            assert response.status_code == 200, (name, url, response.status_code)
            times = []
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    begin = time.perf_counter()
                    client.get(url)
                    times.append(time.perf_counter() - begin)
            results[name] = {
                "ms": statistics.median(times) * 1000,
                "queries": len(queries),
                "url": url,
            }
        return results

    Path(out).write_text(
        json.dumps({"requests": BookingRequest.objects.count(), "views": run()}, indent=2)
    )


def write_public(out, static_copy, *, experts, articles, started) -> None:
    from django.test import Client

    from bookings.models import BookingRequest

    home = Client(HTTP_HOST="127.0.0.1").get("/")
    Path(static_copy).mkdir(parents=True, exist_ok=True)
    (Path(static_copy) / "home.html").write_bytes(home.content)

    from cms.models import BookingRequestPage, NewsArticlePage, NewsIndexPage
    from speakers.selectors import directory_page

    directory = directory_page()
    public = {
        "home": "/",
        "news index": NewsIndexPage.objects.live().order_by("path").first().url,
        "news article": NewsArticlePage.objects.live().order_by("-pk").first().url,
        "experts directory": directory.url,
        "expert profile": f"{directory.url}{experts[1].slug}/",
        "request form": BookingRequestPage.objects.live().order_by("path").first().url,
        "home (English)": "/en/",
    }
    Path(out).write_text(
        json.dumps(
            {
                "requests": BookingRequest.objects.count(),
                "articles_added": articles,
                "experts": len(experts),
                "public": public,
                "seconds": time.perf_counter() - started,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hope.settings.production")
    if sys.argv[1] == "build":
        build(*sys.argv[2:5])
    else:
        measure(sys.argv[2])

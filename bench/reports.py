"""Time and queries of every report at 100 and at 10,000 requests.

    .venv/bin/python bench/reports.py [--small 100] [--large 10000]

Builds a throwaway SQLite database, seeds `--small` requests (with their status log,
engagements, fees, evaluations and themes), renders every report page (as a coordinator,
year 2026, chart view) and its XLSX export, then grows the data to `--large` requests and does
it again. Prints, per report: queries and milliseconds at both sizes. The query counts must be
equal (a fixed number per report); the times are this machine's. Not part of `make test`.
"""

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def seed(count: int, start_number: int, experts, organisations) -> None:
    from bookings.enums import (
        ActivityKind,
        EngagementKind,
        EngagementStatus,
        RequestStatus,
    )
    from bookings.models import Activity, BookingRequest, Engagement, Evaluation, RequestTheme
    from speakers.selectors import AMSTERDAM

    rng = random.Random(start_number)
    kinds = list(EngagementKind)
    outcomes = [
        RequestStatus.DELIVERED,
        RequestStatus.CLOSED,
        RequestStatus.DECLINED,
        RequestStatus.WITHDRAWN,
        RequestStatus.CANCELLED,
        RequestStatus.NO_EXPERT_AVAILABLE,
        RequestStatus.MATCHING,
    ]
    requests = []
    for number in range(start_number, start_number + count):
        confirmed = dt.datetime(2026, 1, 1, 9, tzinfo=AMSTERDAM) + dt.timedelta(
            minutes=rng.randrange(0, 364 * 24 * 60)
        )
        requests.append(
            BookingRequest(
                reference=f"HOPE-B-{number:06d}",
                organisation=rng.choice(organisations),
                kind=rng.choice(kinds),
                title=f"Bench {number}",
                description="Bench",
                audience_size=rng.randrange(5, 80),
                status=rng.choice(outcomes),
                submitted_at=confirmed,
                confirmed_at=confirmed,
                source=rng.choice(["guest", "portal"]),
            )
        )
    BookingRequest.objects.bulk_create(requests, batch_size=500)
    requests = list(
        BookingRequest.objects.filter(reference__startswith="HOPE-B-").order_by("-pk")[:count]
    )
    activities, engagements, evaluations, themes = [], [], [], []
    for request in requests:
        first = request.confirmed_at + dt.timedelta(hours=rng.randrange(1, 96))
        activities.append(
            Activity(
                request=request,
                kind=ActivityKind.STATUS_CHANGED,
                old_status=RequestStatus.IN_TRIAGE,
                new_status=RequestStatus.MATCHING,
                created_at=first,
            )
        )
        if request.status in (RequestStatus.DELIVERED, RequestStatus.CLOSED):
            starts = first + dt.timedelta(days=rng.randrange(5, 40))
            engagements.append(
                Engagement(
                    request=request,
                    expert=rng.choice(experts),
                    status=EngagementStatus.DELIVERED,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=2),
                    confirmed_at=first + dt.timedelta(days=2),
                    fee=Decimal(rng.choice(["0", "75", "150"])),
                    paid_on=(starts + dt.timedelta(days=20)).date() if rng.random() < 0.6 else None,
                )
            )
            activities.append(
                Activity(
                    request=request,
                    kind=ActivityKind.STATUS_CHANGED,
                    old_status=RequestStatus.EXPERT_ASKED,
                    new_status=RequestStatus.SCHEDULED,
                    created_at=first + dt.timedelta(days=2),
                )
            )
            if rng.random() < 0.4:
                evaluations.append(
                    Evaluation(request=request, rating=rng.randrange(1, 6), what_changed="Bench")
                )
        if rng.random() < 0.5:
            themes.append(RequestTheme(request=request, theme="breaking_taboos"))
    Activity.objects.bulk_create(activities, batch_size=1000)
    Engagement.objects.bulk_create(engagements, batch_size=1000)
    Evaluation.objects.bulk_create(evaluations, batch_size=1000)
    RequestTheme.objects.bulk_create(themes, batch_size=1000)


def measure(client, urls) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, url in urls:
        client.get(url)  # warm up
        timings = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = (len(context.captured_queries), min(timings) * 1000)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hope-bench-reports-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hope.settings.dev")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    call_command("migrate", verbosity=0)

    from django.contrib.auth.models import Group

    from bookings.models import Organisation
    from bookings.reports.registry import REPORTS
    from hope.models import User
    from hope.roles import COORDINATORS
    from speakers.models import Expert

    coordinator = User.objects.create_user(email="bench@example.org", password="x")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    experts = [
        Expert.objects.create(public_name=f"Bench expert {n}", slug=f"bench-{n}") for n in range(8)
    ]
    organisations = [
        Organisation.objects.create(name=f"Bench organisation {n}", kind="municipality")
        for n in range(50)
    ]
    client = Client()
    client.force_login(coordinator)
    query = "period=year&year=2026"
    urls = [
        (slug, reverse("hope_reports:report", args=[slug]) + f"?{query}&show=chart")
        for slug in REPORTS
    ]
    urls += [
        ("funnel xlsx", reverse("hope_reports:report", args=["funnel"]) + f"?{query}&format=xlsx"),
        ("annual page", reverse("hope_reports:annual", args=[2026])),
    ]

    seed(args.small, 0, experts, organisations)
    small = measure(client, urls)
    seed(args.large - args.small, args.small, experts, organisations)
    large = measure(client, urls)

    print(
        f"{'report':<16}{'queries':>9}{'ms @' + str(args.small):>12}{'ms @' + str(args.large):>14}"
    )
    for name, _url in urls:
        queries_small, ms_small = small[name]
        queries_large, ms_large = large[name]
        same = "" if queries_small == queries_large else f" (queries {queries_large}!)"
        print(f"{name:<16}{queries_small:>9}{ms_small:>12.0f}{ms_large:>14.0f}{same}")


if __name__ == "__main__":
    main()

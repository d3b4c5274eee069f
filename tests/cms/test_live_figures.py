"""The public key-figures block: computed, cached, and "fewer than 5" for small counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from bookings.enums import EngagementKind, EngagementStatus, RequestStatus
from bookings.reports.public import compute_key_figures, public_key_figures
from cms.blocks import LiveKeyFiguresBlock
from tests.factories.bookings import BookingRequestFactory, EngagementFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def delivered(count, *, kind=EngagementKind.TALK, audience=30, organisation=None):
    start = (
        timezone.now().replace(month=1, day=15, hour=10)
        if timezone.now().month > 1
        else (timezone.now() - dt.timedelta(hours=3))
    )
    for _ in range(count):
        request = BookingRequestFactory(
            status=RequestStatus.DELIVERED,
            kind=kind,
            audience_size=audience,
            **({"organisation": organisation} if organisation else {}),
        )
        EngagementFactory(
            request=request,
            status=EngagementStatus.DELIVERED,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
        )


def render(names=("engagements", "organisations", "professionals_trained")):
    block = LiveKeyFiguresBlock()
    value = block.to_python({"heading": "HOPE this year", "figures": list(names)})
    return block.render(value)


def test_small_counts_read_fewer_than_five():
    organisation = OrganisationFactory()
    delivered(3, organisation=organisation)
    html = render()
    assert html.count("fewer than 5") == 3  # 3 engagements, 1 organisation, 0 trained
    assert "3" not in html.replace("HOPE this year", "")


def test_counts_from_five_are_shown_and_trainees_add_up():
    delivered(5)
    delivered(2, kind=EngagementKind.TRAINING, audience=40)
    figures = compute_key_figures(timezone.localdate().year)
    assert figures == {"engagements": 7, "organisations": 7, "professionals_trained": 80}
    html = render()
    assert "7" in html and "80" in html and "fewer than 5" not in html


def test_figures_are_cached_and_recomputed_after_a_change(django_capture_on_commit_callbacks):
    delivered(5)
    assert public_key_figures(["engagements"])[0]["figure"] == "5"
    with CaptureQueriesContext(connection) as context:
        public_key_figures(["engagements"])
    assert len(context.captured_queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        delivered(1)
    assert public_key_figures(["engagements"])[0]["figure"] == "6"


def test_the_block_on_a_published_page_renders_for_visitors(client):
    from wagtail.models import Page

    from cms.models import StandardPage

    delivered(6)
    home = Page.objects.get(depth=2)
    page = StandardPage(
        title="Impact",
        slug="impact-figures",
        body=[("live_key_figures", {"heading": "In figures", "figures": ["engagements"]})],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "In figures" in response.content.decode()
    assert "engagements this year" in response.content.decode() or "inzetten" in (
        response.content.decode()
    )

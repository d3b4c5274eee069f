"""The expert portal: each expert sees and changes only their own profile and calendar."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from speakers import services
from speakers.models import IdentityMode, Unavailability
from speakers.selectors import AMSTERDAM
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db

PORTAL_PAGES = [
    "speakers:dashboard",
    "speakers:profile",
    "speakers:preview",
    "speakers:availability",
    "speakers:calendar",
    "speakers:feed_settings",
]


@pytest.fixture
def expert():
    return ExpertFactory(with_user=True, public_name="Lente")


@pytest.fixture
def expert_client(client, expert):
    client.force_login(expert.user)
    return client


def local(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def profile_data(expert, **overrides):
    data = {
        "public_name": expert.public_name,
        "identity_mode": expert.identity_mode,
        "short_bio": expert.short_bio,
        "bio": expert.bio,
        "regions": expert.regions,
        "languages": expert.languages,
        "monthly_capacity": expert.monthly_capacity,
        "rest_days_after_heavy": expert.rest_days_after_heavy,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class TestAccess:
    @pytest.mark.parametrize("name", PORTAL_PAGES)
    def test_anonymous_goes_to_login(self, client, name):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("name", PORTAL_PAGES)
    def test_people_who_are_not_experts_get_404(self, client, name):
        client.force_login(UserFactory())
        assert client.get(reverse(name)).status_code == 404
        client.force_login(CoordinatorFactory())
        assert client.get(reverse(name)).status_code == 404

    @pytest.mark.parametrize("name", PORTAL_PAGES)
    def test_expert_opens_own_pages(self, expert_client, name):
        assert expert_client.get(reverse(name)).status_code == 200

    def test_cannot_remove_or_skip_another_experts_period(self, expert_client):
        other = ExpertFactory(with_user=True)
        block = services.unavailability_add(
            expert=other, start=local(2030, 6, 4, 9), end=local(2030, 6, 4, 12), weekly=True
        )
        response = expert_client.post(reverse("speakers:availability_remove", args=[block.pk]))
        assert response.status_code == 404
        response = expert_client.post(
            reverse("speakers:availability_skip", args=[block.pk]),
            {"original_start": local(2030, 6, 11, 9).isoformat()},
        )
        assert response.status_code == 404
        assert Unavailability.objects.filter(pk=block.pk).exists()
        assert not block.event.occurrence_set.exists()

    def test_other_experts_periods_never_appear(self, expert_client):
        other = ExpertFactory(with_user=True)
        services.unavailability_add(
            expert=other,
            start=timezone.now() + datetime.timedelta(days=1),
            end=timezone.now() + datetime.timedelta(days=1, hours=2),
            label="Secret-other-label",
        )
        for name in ("speakers:dashboard", "speakers:availability", "speakers:calendar"):
            assert "Secret-other-label" not in expert_client.get(reverse(name)).content.decode()


class TestProfile:
    def test_edit_preferences(self, expert_client, expert):
        topic, no_go = TopicFactory(name="Grooming"), TopicFactory(name="Family")
        response = expert_client.post(
            reverse("speakers:profile"),
            profile_data(
                expert,
                public_name="Lente B.",
                identity_mode=IdentityMode.NAMED,
                bio="Eerste alinea.\n\nTweede <alinea>.",
                topics=[topic.pk],
                no_go_topics=[no_go.pk],
                formats=["talk", "training"],
                audiences=["policy"],
                regions=["utrecht", "online"],
                languages=["nl", "en"],
                media_voice_altered="on",
                monthly_capacity=3,
            ),
        )
        assert response.status_code == 302
        expert.refresh_from_db()
        assert expert.public_name == "Lente B."
        assert expert.identity_mode == IdentityMode.NAMED
        assert expert.bio == "<p>Eerste alinea.</p>\n\n<p>Tweede &lt;alinea&gt;.</p>"
        assert list(expert.topics.all()) == [topic]
        assert list(expert.no_go_topics.all()) == [no_go]
        assert {f.code for f in expert.formats.all()} == {"talk", "training"}
        assert expert.regions == ["online", "utrecht"]
        assert expert.media_voice_altered and not expert.media_face_visible
        assert expert.monthly_capacity == 3

    def test_html_bio_is_sanitised(self, expert_client, expert):
        expert_client.post(
            reverse("speakers:profile"),
            profile_data(expert, bio='<p>Hoi <img src=x onerror="alert(1)"><script>x</script></p>'),
        )
        expert.refresh_from_db()
        assert expert.bio == "<p>Hoi </p>"

    def test_bad_input_keeps_values_and_saves_nothing(self, expert_client, expert):
        topic = TopicFactory()
        response = expert_client.post(
            reverse("speakers:profile"),
            profile_data(
                expert,
                public_name="Typed name",
                topics=[topic.pk],
                no_go_topics=[topic.pk],
                monthly_capacity="-4",
            ),
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert 'value="Typed name"' in content
        assert 'aria-invalid="true"' in content
        expert.refresh_from_db()
        assert expert.public_name == "Lente"
        assert not expert.topics.exists()

    def test_preview_shows_only_public_part(self, expert_client, expert):
        no_go = TopicFactory(name="Never-this-topic")
        expert.no_go_topics.add(no_go)
        content = expert_client.get(reverse("speakers:preview")).content.decode()
        assert "Lente" in content
        assert "Never-this-topic" not in content

    def test_preview_of_not_public_expert_says_so(self, expert_client, expert):
        expert.identity_mode = IdentityMode.NOT_PUBLIC
        expert.save()
        content = expert_client.get(reverse("speakers:preview")).content.decode()
        assert "expert-card" not in content


class TestPause:
    def test_pause_without_reason_and_resume(self, expert_client, expert):
        response = expert_client.post(reverse("speakers:pause"), {})
        assert response.status_code == 302
        expert.refresh_from_db()
        assert expert.paused and expert.paused_until is None
        expert_client.post(reverse("speakers:unpause"))
        expert.refresh_from_db()
        assert not expert.paused

    def test_pause_until_a_date(self, expert_client, expert):
        until = timezone.localdate() + datetime.timedelta(days=10)
        expert_client.post(reverse("speakers:pause"), {"paused_until": until.isoformat()})
        expert.refresh_from_db()
        assert expert.paused_until == until

    def test_pause_until_the_past_is_refused(self, expert_client, expert):
        response = expert_client.post(reverse("speakers:pause"), {"paused_until": "2001-01-01"})
        assert response.status_code == 400
        expert.refresh_from_db()
        assert not expert.paused

    def test_pause_needs_post(self, expert_client, expert):
        assert expert_client.get(reverse("speakers:pause")).status_code == 405


class TestAvailabilityViews:
    def test_add_weekly_period_and_see_it_in_the_month(self, expert_client, expert):
        response = expert_client.post(
            reverse("speakers:availability"),
            {
                "start_date": "2030-03-26",
                "start_time": "09:00",
                "end_time": "12:00",
                "repeat": "weekly",
                "label": "Studie",
            },
        )
        assert response.status_code == 302
        block = expert.unavailabilities.get()
        assert block.event.start == local(2030, 3, 26, 9)
        assert block.event.rule.frequency == "WEEKLY"

        content = expert_client.get(reverse("speakers:calendar"), {"month": "2030-04"}).content
        content = content.decode()
        # Every Tuesday in April 2030 at 09:00 local (after the DST change on 31 March), in the
        # grid and again in the list a phone shows instead of the grid.
        grid, phone_list = content.split('<div class="month-list">')
        assert grid.count("09:00–12:00") == 5
        assert phone_list.count("09:00–12:00") == 5
        assert phone_list.count("dinsdag") == 5
        assert "Studie" in content

    def test_bad_period_keeps_values(self, expert_client, expert):
        response = expert_client.post(
            reverse("speakers:availability"),
            {
                "start_date": "2030-03-26",
                "start_time": "12:00",
                "end_time": "09:00",
                "repeat": "once",
            },
        )
        assert response.status_code == 400
        content = response.content.decode()
        assert 'value="2030-03-26"' in content
        assert 'aria-invalid="true"' in content
        assert not expert.unavailabilities.exists()

    def test_missing_fields(self, expert_client, expert):
        response = expert_client.post(reverse("speakers:availability"), {"repeat": "weekly"})
        assert response.status_code == 400
        assert not expert.unavailabilities.exists()

    def test_skip_and_remove(self, expert_client, expert):
        start = (timezone.now() + datetime.timedelta(days=3)).astimezone(AMSTERDAM)
        start = start.replace(hour=9, minute=0, second=0, microsecond=0)
        block = services.unavailability_add(
            expert=expert, start=start, end=start + datetime.timedelta(hours=2), weekly=True
        )
        page = expert_client.get(reverse("speakers:availability")).content.decode()
        assert "original_start" in page
        second = start + datetime.timedelta(weeks=1)
        response = expert_client.post(
            reverse("speakers:availability_skip", args=[block.pk]),
            {"original_start": second.astimezone(datetime.UTC).isoformat()},
        )
        assert response.status_code == 302
        assert block.event.occurrence_set.get().cancelled

        response = expert_client.post(
            reverse("speakers:availability_skip", args=[block.pk]), {"original_start": "nonsense"}
        )
        assert response.status_code == 302

        expert_client.post(reverse("speakers:availability_remove", args=[block.pk]))
        assert not expert.unavailabilities.exists()

    @pytest.mark.parametrize("month", ["", "2030-13", "abc", "1200-01", "2030-04-01"])
    def test_month_parameter_never_fails(self, expert_client, month):
        assert expert_client.get(reverse("speakers:calendar"), {"month": month}).status_code == 200

    def test_month_view_query_count(self, expert_client, expert, django_assert_max_num_queries):
        def count():
            with django_assert_max_num_queries(40) as captured:
                expert_client.get(reverse("speakers:calendar"), {"month": "2030-05"})
            return len(captured.captured_queries)

        services.unavailability_add(
            expert=expert, start=local(2030, 5, 1, 9), end=local(2030, 5, 1, 10), weekly=True
        )
        count()  # warm-up: session and site lookups are cached after the first request
        few = count()
        for day in range(2, 9):
            services.unavailability_add(
                expert=expert,
                start=local(2030, 5, day, 13),
                end=local(2030, 5, day, 14),
                weekly=True,
            )
        assert count() == few

    def test_engagement_shows_its_neutral_title(self, expert_client, expert):
        from schedule.models import Event

        Event.objects.create(
            calendar=expert.calendar,
            start=local(2030, 5, 7, 14),
            end=local(2030, 5, 7, 16),
            title="Inzet HOPE-2030-0001",
        )
        content = expert_client.get(reverse("speakers:calendar"), {"month": "2030-05"}).content
        assert "Inzet HOPE-2030-0001" in content.decode()


def test_dashboard_shows_open_questions_and_links_to_engagements(client):
    import datetime as dt

    from django.utils import timezone

    from bookings.enums import EngagementStatus
    from tests.factories.bookings import EngagementFactory
    from tests.factories.speakers import ExpertFactory

    expert = ExpertFactory(with_user=True)
    other = ExpertFactory(with_user=True)
    EngagementFactory(expert=expert, status=EngagementStatus.ASKED)
    EngagementFactory(expert=other, status=EngagementStatus.ASKED)
    EngagementFactory(
        expert=expert,
        status=EngagementStatus.ASKED,
        starts_at=timezone.now() - dt.timedelta(days=3),
    )  # in the past: no longer a question

    client.force_login(expert.user)
    content = client.get("/expert/").content.decode()
    assert "Open vragen" in content
    assert "1 inzet" in content
    assert 'href="/expert/opdrachten/"' in content

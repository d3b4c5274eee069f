"""Coordinators manage and invite experts in the Wagtail admin; editors see nothing of it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from speakers.models import Expert, IdentityMode
from speakers.services import InvitationError, expert_invite
from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory
from tests.factories.speakers import ExpertFactory, TopicFactory

pytestmark = pytest.mark.django_db

INDEX = "speakers_expert:index"


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


class TestEditorsSeeNoExperts:
    """Editors publish pages; experts' private data is not theirs to see."""

    @pytest.mark.parametrize("mode", list(IdentityMode.values))
    def test_editor_cannot_open_listing_or_inspect(self, client, mode):
        expert = ExpertFactory(identity_mode=mode, public_name="Zeldzame Naam")
        client.force_login(EditorFactory())
        for url in [
            reverse(INDEX),
            reverse("speakers_expert:inspect", args=[expert.pk]),
            reverse("speakers_expert:edit", args=[expert.pk]),
            reverse("speakers_expert:invite", args=[expert.pk]),
        ]:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert "Zeldzame Naam" not in client.get(response.url).content.decode()

    def test_organisation_contact_cannot_open_admin(self, client):
        ExpertFactory()
        client.force_login(UserFactory())
        response = client.get(reverse(INDEX))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


class TestCoordinatorAdmin:
    def test_listing_search_and_filters(self, coordinator_client, django_assert_max_num_queries):
        talk_topic = TopicFactory(name="Grooming")
        for index in range(8):
            ExpertFactory(public_name=f"Expert {index}", topics=[talk_topic] if index % 2 else [])
        ExpertFactory(public_name="Not public one", identity_mode=IdentityMode.NOT_PUBLIC)
        ExpertFactory(public_name="Resting", paused=True)

        response = coordinator_client.get(reverse(INDEX))
        assert response.status_code == 200
        content = response.content.decode()
        # Coordinators see every expert, including the ones not public.
        assert "Not public one" in content

        response = coordinator_client.get(reverse(INDEX), {"q": "Resting"})
        assert "Resting" in response.content.decode()
        assert "Expert 1" not in response.content.decode()

        response = coordinator_client.get(reverse(INDEX), {"paused": "true"})
        assert "Resting" in response.content.decode()
        assert "Expert 3" not in response.content.decode()

        response = coordinator_client.get(reverse(INDEX), {"topics": talk_topic.pk})
        content = response.content.decode()
        assert "Expert 1" in content and "Expert 2" not in content

    def test_listing_query_count_does_not_grow(
        self, coordinator_client, django_assert_max_num_queries
    ):
        ExpertFactory.create_batch(3)
        with django_assert_max_num_queries(60) as few:
            coordinator_client.get(reverse(INDEX))
        ExpertFactory.create_batch(12)
        with django_assert_max_num_queries(len(few.captured_queries)):
            coordinator_client.get(reverse(INDEX))

    def test_inspect_shows_preferences(self, coordinator_client):
        topic = TopicFactory(name="Sextortion")
        expert = ExpertFactory(topics=[topic], media_voice_altered=True)
        response = coordinator_client.get(reverse("speakers_expert:inspect", args=[expert.pk]))
        assert response.status_code == 200
        assert "Sextortion" in response.content.decode()

    def test_create_gives_a_calendar_and_sanitises_bio(self, coordinator_client):
        topic = TopicFactory()
        response = coordinator_client.post(
            reverse("speakers_expert:add"),
            {
                "public_name": "Merel",
                "slug": "merel",
                "identity_mode": IdentityMode.PSEUDONYM,
                "short_bio": "Hi",
                "bio": '<p onclick="x()">Hallo<script>alert(1)</script></p>',
                "topics": [topic.pk],
                "regions": ["utrecht"],
                "languages": ["nl"],
                "monthly_capacity": 2,
                "heavy_weight": 2,
                "rest_days_after_heavy": 3,
                "media_voice_altered": "on",
                "media_quote_review_required": "on",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        expert = Expert.objects.get(slug="merel")
        assert expert.calendar_id is not None
        assert expert.bio == "<p>Hallo</p>"
        assert expert.regions == ["utrecht"]

    def test_topic_both_wanted_and_no_go_is_refused(self, coordinator_client):
        expert = ExpertFactory()
        topic = TopicFactory()
        response = coordinator_client.post(
            reverse("speakers_expert:edit", args=[expert.pk]),
            {
                "public_name": expert.public_name,
                "slug": expert.slug,
                "identity_mode": expert.identity_mode,
                "topics": [topic.pk],
                "no_go_topics": [topic.pk],
                "monthly_capacity": 2,
                "heavy_weight": 2,
                "rest_days_after_heavy": 3,
            },
        )
        assert response.status_code == 200
        assert not expert.no_go_topics.exists()


class TestInvitation:
    def test_coordinator_invites_and_expert_sets_password(
        self, coordinator_client, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        expert = ExpertFactory(public_name="Noor")
        with django_capture_on_commit_callbacks(execute=True):
            response = coordinator_client.post(
                reverse("speakers_expert:invite", args=[expert.pk]),
                {"email": "Noor@Example.org", "language": "en"},
            )
        assert response.status_code == 302
        expert.refresh_from_db()
        user = expert.user
        assert user.email == "noor@example.org"
        assert not user.has_usable_password()
        assert EmailAddress.objects.get(user=user).verified
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["noor@example.org"]
        assert "Platform HOPE" in message.subject
        link = re.search(r"https?://\S+/password/reset/key/\S+/", message.body).group(0)

        # The link sets a password with allauth's reset-from-key flow.
        client.logout()
        path = link.split("testserver", 1)[1]
        response = client.get(path, follow=True)
        assert response.status_code == 200
        form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
        response = client.post(
            form_url,
            {"password1": "a-new-long-passphrase-7", "password2": "a-new-long-passphrase-7"},
        )
        assert response.status_code == 302
        user.refresh_from_db()
        assert user.check_password("a-new-long-passphrase-7")
        assert client.login(email="noor@example.org", password="a-new-long-passphrase-7")

    def test_invitation_in_dutch_by_default(self, mailoutbox, django_capture_on_commit_callbacks):
        expert = ExpertFactory()
        with django_capture_on_commit_callbacks(execute=True):
            expert_invite(expert=expert, email="iemand@example.org", invited_by=None)
        assert "Je account bij Platform HOPE" in mailoutbox[0].subject
        assert "Kies hier je wachtwoord" in mailoutbox[0].body
        # Plain language (B1): one thing per sentence.
        assert "Daar bepaal je hoe je te zien bent. Je bepaalt waar je over praat" in " ".join(
            mailoutbox[0].body.split()
        )

    def test_existing_email_is_refused(self, coordinator_client):
        UserFactory(email="taken@example.org")
        expert = ExpertFactory()
        page = coordinator_client.get(reverse("speakers_expert:invite", args=[expert.pk]))
        assert page.status_code == 200
        assert 'name="email"' in page.content.decode()
        response = coordinator_client.post(
            reverse("speakers_expert:invite", args=[expert.pk]),
            {"email": "TAKEN@example.org", "language": "nl"},
        )
        assert response.status_code == 200
        expert.refresh_from_db()
        assert expert.user_id is None
        assert get_user_model().objects.filter(email="taken@example.org").count() == 1

    def test_expert_with_account_cannot_be_invited_again(self):
        expert = ExpertFactory(with_user=True)
        with pytest.raises(InvitationError):
            expert_invite(expert=expert, email="other@example.org", invited_by=None)
        assert not get_user_model().objects.filter(email="other@example.org").exists()

    def test_editor_cannot_invite(self, client):
        expert = ExpertFactory()
        client.force_login(EditorFactory())
        client.post(
            reverse("speakers_expert:invite", args=[expert.pk]),
            {"email": "x@example.org", "language": "nl"},
        )
        expert.refresh_from_db()
        assert expert.user_id is None

    def test_invited_expert_lands_in_portal(self, client):
        expert = ExpertFactory(with_user=True)
        client.force_login(expert.user)
        response = client.get(reverse("hope:after_login"))
        assert response.url == reverse("speakers:dashboard")

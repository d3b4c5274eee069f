"""The experts directory in Dutch and English, as a visitor of a fresh demo site meets it."""

import io
import re

import pytest
from django.core.management import call_command

from speakers.models import Expert, Topic

pytestmark = pytest.mark.django_db


def _switch_link(html, code):
    match = re.search(rf'<a href="([^"]+)" hreflang="{code}"', html)
    return match and match.group(1)


def _menu(html):
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_directory_and_profiles_in_both_languages(client):
    call_command("seed_demo", stdout=io.StringIO())

    dutch = client.get("/ervaringsdeskundigen/")
    assert dutch.status_code == 200
    html = dutch.content.decode()
    assert 'href="/ervaringsdeskundigen/"' in _menu(html)
    assert "Grooming en loverboymethoden" in html
    assert _switch_link(html, "en") == "/en/experts/"

    english = client.get("/en/experts/")
    assert english.status_code == 200
    html = english.content.decode()
    assert 'href="/en/experts/"' in _menu(html)
    assert "Grooming and loverboy methods" in html
    assert "Grooming en loverboymethoden" not in html
    assert "I train youth workers" in html  # Fenna's own English introduction
    assert "Ik geef trainingen" not in html  # never a Dutch text on the English page
    assert _switch_link(html, "nl") == "/ervaringsdeskundigen/"

    # The topic filter and the language switch keep the chosen topic.
    html = client.get("/en/experts/?topic=grooming-loverboymethoden").content.decode()
    assert _switch_link(html, "nl") == "/ervaringsdeskundigen/?topic=grooming-loverboymethoden"

    # Profiles: the switch goes to the same profile in the other language.
    html = client.get("/ervaringsdeskundigen/fenna-zonneveld/").content.decode()
    assert _switch_link(html, "en") == "/en/experts/fenna-zonneveld/"
    html = client.get("/en/experts/fenna-zonneveld/").content.decode()
    assert _switch_link(html, "nl") == "/ervaringsdeskundigen/fenna-zonneveld/"
    assert "I train youth workers" in html

    # Lotus wrote no English introduction: a neutral line, never her Dutch text.
    lotus = Expert.objects.get(slug="lotus")
    html = client.get("/en/experts/lotus/").content.decode()
    assert lotus.short_bio not in html
    assert "No introduction in this language." in html

    # Not public experts stay 404 in every language.
    assert client.get("/en/experts/jade/").status_code == 404


def test_topic_label_follows_the_language():
    from django.utils import translation

    topic = Topic(name="Preventie op school", name_en="Prevention in schools", slug="p")
    with translation.override("en"):
        assert str(topic) == "Prevention in schools"
    with translation.override("nl"):
        assert str(topic) == "Preventie op school"
    topic.name_en = ""
    with translation.override("en"):
        assert str(topic) == "Preventie op school"


def test_expert_writes_her_own_english_bio_in_the_portal(client):
    from django.urls import reverse

    from tests.factories.speakers import ExpertFactory

    expert = ExpertFactory(with_user=True, identity_mode="pseudonym", bio="<p>Nederlands</p>")
    client.force_login(expert.user)
    html = client.get(reverse("speakers:profile")).content.decode()
    assert 'name="short_bio_en"' in html and 'name="bio_en"' in html
    assert 'lang="en"' in html


def test_site_search_finds_public_experts_and_topics_in_both_languages(client):
    call_command("seed_demo", stdout=io.StringIO())

    html = client.get("/zoeken/", {"q": "grooming"}).content.decode()
    assert '<a href="/ervaringsdeskundigen/?topic=grooming-loverboymethoden">' in html
    assert "Fenna Zonneveld" in html  # public, speaks on grooming
    assert 'href="/ervaringsdeskundigen/fenna-zonneveld/"' in html
    assert "Jade" not in html  # not public: never found

    # Only what she chose to show: a not-public expert's name or topics find nothing.
    html = client.get("/zoeken/", {"q": "Jade"}).content.decode()
    assert 'class="expert-card"' not in html
    html = client.get("/zoeken/", {"q": "kindvriendelijke rechtspraak"}).content.decode()
    assert 'class="expert-card"' not in html  # only Jade (not public) speaks on it

    # The English site finds English topic names and links to the English directory; the
    # language switch keeps the query.
    english = client.get("/en/search/", {"q": "sextortion"})
    assert english.status_code == 200
    html = english.content.decode()
    assert "Online recruitment and sextortion" in html
    assert 'href="/en/experts/merel/"' in html
    assert _switch_link(html, "nl") == "/zoeken/?q=sextortion"

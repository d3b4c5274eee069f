"""Public images are responsive (issue 15): a <picture> with AVIF and WebP sources (AVIF only
for the small square on an expert's card) and a JPEG fallback, several widths with `sizes`,
width and height set (no layout shift), lazy loading below the fold; experts' photos only as
renditions under /media/images/."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from speakers.models import ExpertIndexPage
from tests.factories import cms as f
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture_file(db):
    return Image.objects.create(
        title="Netwerkdag", file=get_test_image_file(filename="netwerkdag.png", size=(1600, 900))
    )


def _pictures(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def _img(picture: str) -> str:
    return re.search(r"<img [^>]+>", picture).group(0)


def _assert_responsive(
    picture: str, *, widths: list[int], modern: tuple[str, ...] = ("avif", "webp")
) -> None:
    assert re.findall(r'type="image/(\w+)"', picture) == list(modern)
    img = _img(picture)
    assert re.search(r'\bwidth="\d+"', img) and re.search(r'\bheight="\d+"', img)
    assert re.search(r'src="/media/images/[^"]+\.jpg"', img)  # the fallback for old browsers
    assert "sizes=" in img
    for width in widths:
        assert f" {width}w" in picture, width
    assert "style=" not in picture


def test_a_news_article_shows_its_image_at_several_widths_eagerly_and_body_images_lazily(
    client, home, site_settings, picture_file
):
    index = f.NewsIndexPageFactory()
    article = f.NewsArticlePageFactory(
        parent=index,
        image=picture_file,
        image_alt="Deelnemers aan tafel",
        body=[
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": picture_file.pk,
                        "alt_text": "Een zaal",
                        "decorative": False,
                    },
                    "caption": "De netwerkdag",
                    "credit": "",
                },
            }
        ],
    )

    html = client.get(article.url).content.decode()

    hero, block = _pictures(html)
    _assert_responsive(hero, widths=[480, 960, 1440])
    assert 'alt="Deelnemers aan tafel"' in _img(hero)
    assert 'loading="lazy"' not in hero  # the first thing on the page: loaded at once
    _assert_responsive(block, widths=[480, 960, 1440])
    assert 'loading="lazy"' in _img(block) and 'alt="Een zaal"' in _img(block)


def test_news_cards_load_their_images_lazily(client, home, site_settings, picture_file):
    index = f.NewsIndexPageFactory()
    f.NewsArticlePageFactory(parent=index, image=picture_file, image_alt="Deelnemers aan tafel")

    (card,) = _pictures(client.get(index.url).content.decode())

    _assert_responsive(card, widths=[320, 640, 960])
    assert 'loading="lazy"' in _img(card)


def test_expert_photos_are_responsive_renditions_only(client, home, site_settings):
    directory = ExpertIndexPage(title="Ervaringsdeskundigen", slug="ervaringsdeskundigen")
    home.add_child(instance=directory)
    photo = Image.objects.create(title="portret", file=get_test_image_file(filename="face.png"))
    expert = ExpertFactory(public_name="Roos Schuilnaam", slug="roos", photo=photo, show_photo=True)

    (card,) = _pictures(client.get(directory.url).content.decode())
    (portrait,) = _pictures(client.get(f"{directory.url}{expert.slug}/").content.decode())

    # A card's photo is a small square: 1x and 2x, one modern format (AVIF) and the JPEG
    # fallback, so a directory of many experts stays light.
    _assert_responsive(card, widths=[120, 240], modern=("avif",))
    assert 'loading="lazy"' in _img(card)
    _assert_responsive(portrait, widths=[256, 400])  # 512 is capped by the small test photo
    assert 'loading="lazy"' not in portrait  # at the top of the profile
    for picture in (card, portrait):
        addresses = re.findall(r'(?:src|srcset)="([^"]+)"', picture)
        assert addresses
        for address in addresses:
            for url in address.split(", "):
                assert url.startswith("/media/images/"), url  # renditions, never the original
                assert "original_images" not in url

"""`make bench` makes every rendition the public pages show in its data step (bench/images.py,
issue 15), so the first page views under load encode no image: rendering the pages afterwards
adds none. Fails when a template's `{% picture %}` gains a spec the bench does not read."""

import pytest
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from bench import images as bench_images
from speakers.models import ExpertIndexPage
from tests.factories import cms as f
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def test_the_data_step_makes_every_rendition_the_public_pages_show(client, home, site_settings):
    news_image = Image.objects.create(
        title="Bench nieuwsbeeld 0",
        file=get_test_image_file(filename="nieuws.png", size=(640, 360)),
    )
    index = f.NewsIndexPageFactory()
    article = f.NewsArticlePageFactory(
        parent=index,
        image=news_image,
        image_alt="Deelnemers aan tafel",
        body=[
            {
                "type": "image",
                "value": {
                    "image": {"image": news_image.pk, "alt_text": "Een zaal", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            }
        ],
    )
    directory = ExpertIndexPage(title="Ervaringsdeskundigen", slug="ervaringsdeskundigen")
    home.add_child(instance=directory)
    photo = Image.objects.create(title="Portret", file=get_test_image_file(filename="face.png"))
    expert = ExpertFactory(public_name="Roos Schuilnaam", slug="roos", photo=photo, show_photo=True)

    made, _seconds = bench_images.add_renditions()

    assert made == Rendition.objects.count() > 0
    for url in (index.url, article.url, directory.url, f"{directory.url}{expert.slug}/"):
        html = client.get(url).content.decode()
        assert "<picture>" in html, url
    assert Rendition.objects.count() == made

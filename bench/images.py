"""Images for `make bench`, so page weight and the public pages measure them (issue 15).

Made with Pillow (no download): smooth photo-like JPEGs, 1600×900 for news and 900×900 for
portraits. Every bench article gets one of a few news images and, in its body, an image block;
every other bench expert gets her own portrait, secured by the photo service like any expert's
(the private collection, a random file name: docs/security-input.md).

`add_renditions` then makes every rendition the public pages show of these images (the filter
specs read from the templates' `{% picture %}` tags), in the data step, so the first page views
under load do not encode AVIF and WebP in the gunicorn workers.
"""

from __future__ import annotations

import io
import random
import re
import time
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction

NEWS_IMAGES = 6
REPO = Path(__file__).resolve().parent.parent
# The templates that show each kind of image; their `{% picture %}` specs are the renditions.
NEWS_TEMPLATES = (
    "cms/templates/cms/includes/article_card.html",
    "cms/templates/cms/blocks/image.html",
    "cms/templates/cms/news_article_page.html",
)
PORTRAIT_TEMPLATES = (
    "speakers/templates/speakers/includes/expert_card.html",
    "speakers/templates/speakers/includes/expert_profile_body.html",
)
# The social image of an article (cms_tags.page_meta).
NEWS_EXTRA_SPECS = ("fill-1200x630|format-jpeg",)
_PICTURE_TAG = re.compile(r"{%\s*(?:picture|srcset_image|image)\s+\S+\s+(.*?)%}", re.S)


def _jpeg(name: str, size: tuple[int, int], rng: random.Random) -> ImageFile:
    from PIL import Image, ImageDraw, ImageFilter

    width, height = size
    base = Image.linear_gradient("L").resize(size)
    channels = [base.rotate(rng.choice([0, 90, 180, 270]), expand=False) for _ in range(3)]
    picture = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(height // 12, height // 3)
        colour = tuple(rng.randrange(40, 230) for _ in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(6))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return ImageFile(buffer, name=name)


def template_specs(templates) -> list[str]:
    """The filter specs the `{% picture %}` (and srcset/image) tags of these templates render,
    expanded as Wagtail does (``format-{avif,jpeg} fill-{1,2}`` gives four)."""
    from wagtail.images.models import Filter

    specs: list[str] = []
    for template in templates:
        for match in _PICTURE_TAG.finditer((REPO / template).read_text()):
            bits = []
            for bit in match.group(1).split():
                if "=" in bit or bit == "as":  # the attributes (or `as name`) follow the specs
                    break
                bits.append(bit)
            if bits:
                specs.extend(Filter.expand_spec(bits))
    return list(dict.fromkeys(specs))


def add_renditions() -> tuple[int, float]:
    """Every rendition the public pages use of the bench's news images and shown portraits.

    Returns the number of renditions and the seconds it took."""
    from wagtail.images import get_image_model

    from speakers.models import Expert

    started = time.perf_counter()
    image_model = get_image_model()
    news = image_model.objects.filter(title__startswith="Bench nieuwsbeeld")
    portraits = image_model.objects.filter(
        pk__in=Expert.objects.filter(show_photo=True, photo__isnull=False).values("photo")
    )
    count = 0
    for images, specs in (
        (news, [*template_specs(NEWS_TEMPLATES), *NEWS_EXTRA_SPECS]),
        (portraits, template_specs(PORTRAIT_TEMPLATES)),
    ):
        for image in images:
            count += len(image.get_renditions(*specs))
    return count, time.perf_counter() - started


@transaction.atomic
def add_news_images(article_ids: list[int], *, seed: int = 1) -> int:
    """A header image and an image block for each of the given news articles."""
    from wagtail.images import get_image_model

    from cms.models import NewsArticlePage

    rng = random.Random(seed)
    image_model = get_image_model()
    images = [
        image_model.objects.create(
            title=f"Bench nieuwsbeeld {n}", file=_jpeg(f"bench-nieuws-{n}.jpg", (1600, 900), rng)
        )
        for n in range(NEWS_IMAGES)
    ]
    for position, article in enumerate(NewsArticlePage.objects.filter(pk__in=article_ids)):
        image = images[position % len(images)]
        article.image = image
        article.image_alt = "Deelnemers van een netwerkdag in gesprek"
        article.body = [
            {"type": "text", "value": "<p>Een alinea met de kern van het bericht.</p>"},
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": images[(position + 1) % len(images)].pk,
                        "alt_text": "Een zaal met een kring stoelen",
                        "decorative": False,
                    },
                    "caption": "De netwerkdag in Utrecht",
                    "credit": "",
                },
            },
        ]
        article.save(update_fields=["image", "image_alt", "body"], clean=False)
    return len(images)


@transaction.atomic
def add_expert_photos(experts: list, *, every: int = 2, seed: int = 1) -> int:
    """A portrait for every ``every``-th expert, shown (she chose to), secured by the service."""
    from wagtail.images import get_image_model

    from speakers.services.photos import expert_photo_secure

    rng = random.Random(seed)
    image_model = get_image_model()
    count = 0
    for position, expert in enumerate(experts):
        if position % every != 1:
            continue
        expert.photo = image_model.objects.create(
            title="Portret", file=_jpeg("portret.jpg", (900, 900), rng)
        )
        expert.show_photo = True
        expert.save(update_fields=["photo", "show_photo"])
        expert_photo_secure(expert=expert)
        count += 1
    return count

"""StreamField blocks: editor metadata, rendering, validation and the limited rich text."""

import pytest
from wagtail import blocks as wagtail_blocks

from cms.blocks import (
    RICH_TEXT_FEATURES,
    BodyBlock,
    CallToActionBlock,
    FeaturedExpertsBlock,
    OfferBodyBlock,
)
from demo.content import rt

pytestmark = pytest.mark.django_db


def _top_level_blocks():
    return {**BodyBlock().child_blocks, **OfferBodyBlock().child_blocks}


@pytest.mark.parametrize("name", sorted(_top_level_blocks()))
def test_every_block_has_icon_template_and_preview(name):
    block = _top_level_blocks()[name]

    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template
    assert block.meta.preview_value is not None


@pytest.mark.parametrize("name", sorted(_top_level_blocks()))
def test_every_block_renders_its_preview_value(name):
    block = _top_level_blocks()[name]
    value = block.normalize(block.meta.preview_value)

    html = block.render(value, context={})

    assert "Traceback" not in html


def test_rich_text_uses_the_limited_feature_set():
    text_block = BodyBlock().child_blocks["text"]

    assert text_block.features == RICH_TEXT_FEATURES
    assert "image" not in RICH_TEXT_FEATURES and "embed" not in RICH_TEXT_FEATURES


def test_quote_shows_the_pseudonym():
    block = BodyBlock().child_blocks["quote"]
    value = block.normalize({"quote": "Kijk verder.", "attribution": "Noor", "role": "expert"})

    html = block.render(value)

    assert "Kijk verder." in html and "Noor" in html


def test_call_to_action_needs_a_page_or_a_web_address():
    block = CallToActionBlock()
    value = block.normalize({"heading": "Vraag ons", "link_label": "Aanvragen"})

    with pytest.raises(wagtail_blocks.StructBlockValidationError):
        block.clean(value)

    good = block.normalize(
        {"heading": "Vraag ons", "link_label": "Aanvragen", "url": "https://example.org/"}
    )
    assert block.clean(good)["url"] == "https://example.org/"


def test_call_to_action_links_to_the_chosen_page(home):
    block = CallToActionBlock()
    value = block.normalize({"heading": "Vraag ons", "link_label": "Aanvragen", "page": home})

    assert 'href="/"' in block.render(value)


def test_video_is_a_link_not_an_embed():
    block = BodyBlock().child_blocks["video"]
    value = block.normalize(
        {"title": "Over HOPE", "url": "https://www.youtube.com/watch?v=abc", "description": ""}
    )

    html = block.render(value)

    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "<iframe" not in html and "<script" not in html


def test_featured_experts_render_nothing_without_public_experts():
    block = FeaturedExpertsBlock()
    value = block.normalize({"heading": "Onze ervaringsdeskundigen", "count": 3})

    html = block.render(value, context={})

    assert html.strip() == ""


def test_html_from_outside_the_editor_is_sanitised():
    value = rt('<p onclick="steal()">Hallo<script>alert(1)</script></p><img src=x onerror=y>')

    assert str(value.source) == "<p>Hallo</p>"

"""StreamField blocks of the public site.

Every block has an icon, a template and a preview value, so editors see a preview in the block
picker. Rich text uses a small, fixed Draftail feature set that matches `hope.sanitize`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from bookings.enums import EngagementKind
from bookings.reports.public import FIGURES as LIVE_FIGURES
from bookings.reports.public import public_key_figures
from speakers import selectors as speakers_selectors

# Limited on purpose: no images, embeds or raw HTML inside running text.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SIMPLE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

PREVIEW_TEXT = (
    "<p>Ervaringsdeskundigen weten als geen ander hoe uitbuiting begint en wat helpt. "
    "Praat mét ons, niet óver ons.</p>"
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        help_text=_("Use sub-headings only below a section heading, so the order stays logical."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"
        preview_value = {"text": "Wat wij doen", "level": "h2"}
        description = _("A section heading")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/rich_text.html"
        preview_value = PREVIEW_TEXT
        description = _("Running text with headings, lists and links")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"
        preview_value = {"caption": "Een netwerkdag van Platform HOPE", "credit": ""}
        description = _("An image with alternative text and an optional caption")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=120,
        help_text=_(
            "Who said it. Use the pseudonym the expert chose, or leave empty. "
            "Never use a name the person did not agree to."
        ),
    )
    role = blocks.CharBlock(
        label=_("Role"),
        required=False,
        max_length=120,
        help_text=_("For example: expert by experience at Platform HOPE"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"
        preview_value = {
            "quote": "Niemand vroeg wat er achter mijn gedrag zat. Nu stel ik die vraag zelf.",
            "attribution": "Noor",
            "role": "ervaringsdeskundige",
        }
        description = _("A quote with an attribution that may be a pseudonym")


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.localized.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link_label = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    url = blocks.URLBlock(label=_("Or link to a web address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"
        value_class = LinkStructValue
        preview_value = {
            "heading": "Een ervaringsdeskundige vragen?",
            "text": "Vertel ons wat u zoekt. Wij denken mee en zoeken de juiste persoon.",
            "link_label": "Doe een aanvraag",
            "url": "https://example.org/aanvragen/",
        }
        description = _("A highlighted invitation with one button")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a web address."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere, shown as a link: embedding it would load a third party's
    scripts and cookies on our page before the visitor chose to go there."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    url = blocks.URLBlock(label=_("Video address"), help_text=_("For example a YouTube address"))
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text=_("A written version makes the video accessible to everyone."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"
        preview_value = {
            "title": "Praat mét ons, niet óver ons",
            "url": "https://www.youtube.com/watch?v=example",
            "description": "Een korte film over het werk van Platform HOPE.",
        }
        description = _("A link to a video on another site, with an optional transcript")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=SIMPLE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "cms/blocks/accordion_item.html"
        preview_value = {
            "question": "Wat kost het om een ervaringsdeskundige te vragen?",
            "answer": "<p>Ervaringsdeskundigen krijgen een vergoeding voor hun werk.</p>",
        }
        description = _("A question that opens to show its answer (FAQ)")


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it means"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "cms/blocks/key_figures.html"
        preview_value = {
            "heading": "HOPE in cijfers",
            "figures": [
                {"figure": "2020", "label": "opgericht"},
                {"figure": "12", "label": "ervaringsdeskundigen begonnen"},
            ],
        }
        description = _("A few numbers that tell the story")


class LiveKeyFiguresBlock(blocks.StructBlock):
    """Figures computed from the bookings (cached), never identifying anyone: counts under five
    read "fewer than 5"."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.MultipleChoiceBlock(
        label=_("Figures"),
        choices=[(name, label) for name, label in LIVE_FIGURES.items()],
        default=list(LIVE_FIGURES),
    )

    class Meta:
        icon = "table"
        label = _("Live key figures")
        template = "cms/blocks/live_key_figures.html"
        preview_value = {"heading": "HOPE dit jaar", "figures": list(LIVE_FIGURES)}
        description = _("Engagements, organisations reached and professionals trained this year")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["live_figures"] = public_key_figures(value.get("figures") or [])
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "cms/blocks/document_link.html"
        preview_value = {
            "label": "Verbeteragenda (pdf)",
            "description": "Onze voorstellen om slachtoffers beter te helpen.",
        }
        description = _("A link to a document to download")


class FeaturedExpertsBlock(blocks.StructBlock):
    """Public experts, as each chose to be shown; renders nothing until experts exist."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "group"
        label = _("Featured experts")
        template = "cms/blocks/featured_experts.html"
        preview_value = {"heading": "Onze ervaringsdeskundigen", "count": 3}
        description = _("Experts who chose to be shown publicly")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["experts"] = featured_experts(limit=value.get("count") or 3)
        return context


def featured_experts(*, limit: int) -> list:
    """The experts' own selector (a plain import, so `lint-imports` sees the dependency)."""
    return list(speakers_selectors.featured_experts(limit=limit) or [])


class EngagementKindValue(blocks.StructValue):
    def kind_label(self):
        kind = self.get("kind")
        return EngagementKind(kind).label if kind in EngagementKind.values else ""


class EngagementKindBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind of engagement"), choices=EngagementKind.choices)
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Defaults to the kind.")
    )
    summary = blocks.TextBlock(label=_("In short"), max_length=400)
    what_to_expect = blocks.RichTextBlock(
        label=_("What to expect"), features=SIMPLE_RICH_TEXT_FEATURES
    )
    how_to_ask = blocks.RichTextBlock(label=_("How to ask"), features=SIMPLE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "tasks"
        label = _("Kind of engagement")
        template = "cms/blocks/engagement_kind.html"
        value_class = EngagementKindValue
        preview_value = {
            "kind": EngagementKind.ADVICE,
            "summary": "Wij denken mee over beleid en praktijk.",
            "what_to_expect": "<p>Een gesprek met een of twee ervaringsdeskundigen.</p>",
            "how_to_ask": "<p>Doe een aanvraag en beschrijf uw vraag.</p>",
        }
        description = _("One kind of engagement: what to expect and how to ask")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = RichTextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    faq = AccordionItemBlock()
    key_figures = KeyFiguresBlock()
    live_key_figures = LiveKeyFiguresBlock()
    download = DocumentLinkBlock()
    featured_experts = FeaturedExpertsBlock()

    class Meta:
        block_counts = {"featured_experts": {"max_num": 1}}


class OfferBodyBlock(BodyBlock):
    engagement_kind = EngagementKindBlock()

"""Experts, their topics, their preferences and their unavailability.

Business rules live in ``speakers.services`` and ``speakers.selectors``; the models only hold data.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from hope.sanitize import sanitize_html
from hope.vocabulary import Audience, EngagementKind


def new_ics_token() -> str:
    """A long random secret for the private calendar feed (43 URL-safe characters)."""
    return secrets.token_urlsafe(32)


class IdentityMode(models.TextChoices):
    NAMED = "named", _("Own name")
    PSEUDONYM = "pseudonym", _("Pseudonym")
    NOT_PUBLIC = "not_public", _("Not public")


PUBLIC_IDENTITY_MODES = frozenset({IdentityMode.NAMED, IdentityMode.PSEUDONYM})


class Region(models.TextChoices):
    NATIONWIDE = "nationwide", _("Anywhere in the Netherlands")
    ONLINE = "online", _("Online only")
    GRONINGEN = "groningen", _("Groningen")
    FRIESLAND = "friesland", _("Friesland")
    DRENTHE = "drenthe", _("Drenthe")
    OVERIJSSEL = "overijssel", _("Overijssel")
    FLEVOLAND = "flevoland", _("Flevoland")
    GELDERLAND = "gelderland", _("Gelderland")
    UTRECHT = "utrecht", _("Utrecht")
    NOORD_HOLLAND = "noord_holland", _("North Holland")
    ZUID_HOLLAND = "zuid_holland", _("South Holland")
    ZEELAND = "zeeland", _("Zeeland")
    NOORD_BRABANT = "noord_brabant", _("North Brabant")
    LIMBURG = "limburg", _("Limburg")


class SpokenLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    PAPIAMENTO = "pap", _("Papiamento")


class Topic(index.Indexed, models.Model):
    """A theme experts speak on (a Wagtail snippet, managed by coordinators)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_en = models.CharField(
        _("name in English"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the English site. Empty: the Dutch name is shown."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language (the English name when there is one)."""
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class FormatOption(models.Model):
    """One ``EngagementKind`` as a row, so ``Expert.formats`` is an ordinary, filterable M2M.

    ``Expert.objects.filter(formats__code=EngagementKind.TALK)``. Rows are created by a migration.
    """

    code = models.CharField(
        _("code"), max_length=32, primary_key=True, choices=EngagementKind.choices
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("format")
        verbose_name_plural = _("formats")

    def __str__(self):
        return str(EngagementKind(self.code).label) if self.code in EngagementKind else self.code


class AudienceOption(models.Model):
    """One ``Audience`` as a row: ``Expert.objects.filter(audiences__code=Audience.POLICY)``."""

    code = models.CharField(_("code"), max_length=32, primary_key=True, choices=Audience.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(Audience(self.code).label) if self.code in Audience else self.code


class Expert(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="expert",
        null=True,
        blank=True,
        verbose_name=_("user account"),
    )
    public_name = models.CharField(
        _("public name"),
        max_length=120,
        help_text=_("Own name or pseudonym, as chosen by the expert."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    identity_mode = models.CharField(
        _("how I appear"),
        max_length=16,
        choices=IdentityMode.choices,
        default=IdentityMode.NOT_PUBLIC,
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    show_photo = models.BooleanField(_("show my photo"), default=False)
    short_bio = models.CharField(_("short introduction"), max_length=300, blank=True)
    bio = models.TextField(_("about me"), blank=True, help_text=_("Stored as sanitised HTML."))
    # The expert writes her own English texts, or none (then the English site shows no bio).
    short_bio_en = models.CharField(_("short introduction in English"), max_length=300, blank=True)
    bio_en = models.TextField(
        _("about me in English"), blank=True, help_text=_("Stored as sanitised HTML.")
    )
    topics = models.ManyToManyField(
        Topic, related_name="experts", blank=True, verbose_name=_("topics I speak on")
    )
    no_go_topics = models.ManyToManyField(
        Topic,
        related_name="no_go_experts",
        blank=True,
        verbose_name=_("topics I never discuss"),
    )
    formats = models.ManyToManyField(
        FormatOption, related_name="experts", blank=True, verbose_name=_("formats I offer")
    )
    audiences = models.ManyToManyField(
        AudienceOption, related_name="experts", blank=True, verbose_name=_("audiences I accept")
    )
    regions = models.JSONField(_("regions"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)

    # Media preferences (Rules of care 2 and 5).
    media_face_visible = models.BooleanField(_("my face may be shown"), default=False)
    media_voice_altered = models.BooleanField(_("my voice must be altered"), default=True)
    media_name_on_record = models.BooleanField(_("my name may be on record"), default=False)
    media_recording_allowed = models.BooleanField(_("recording is allowed"), default=False)
    media_quote_review_required = models.BooleanField(
        _("I review quotes before publication"), default=True
    )

    # Load (Rule of care 4).
    monthly_capacity = models.PositiveSmallIntegerField(_("engagements per month"), default=2)
    heavy_weight = models.PositiveSmallIntegerField(
        _("weight of a heavy engagement"),
        default=2,
        help_text=_("How many engagements a heavy one (such as a media interview) counts as."),
    )
    rest_days_after_heavy = models.PositiveSmallIntegerField(
        _("rest days after a heavy engagement"), default=3
    )
    paused = models.BooleanField(_("paused"), default=False)
    paused_until = models.DateField(_("paused until"), null=True, blank=True)

    # Emails (the expert chooses; the aftercare check-in is always sent: rule of care 6).
    class ReminderDays(models.IntegerChoices):
        TWO_DAYS = 2, _("Two days before")
        ONE_DAY = 1, _("One day before")

    reminder_days_before = models.PositiveSmallIntegerField(
        _("when I get a reminder"), choices=ReminderDays.choices, default=ReminderDays.TWO_DAYS
    )
    feedback_emails = models.BooleanField(
        _("send me an email to ask how the work went"),
        default=True,
        help_text=_(
            "After the work, we ask for your opinion. You can also give it in the portal. "
            "The email that asks how you are after the work always comes."
        ),
    )

    calendar = models.OneToOneField(
        "schedule.Calendar",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert",
        verbose_name=_("calendar"),
    )
    ics_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_ics_token, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["public_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.public_name

    @property
    def is_public(self) -> bool:
        return self.identity_mode in PUBLIC_IDENTITY_MODES

    @property
    def public_photo(self):
        """The photo, only when the expert is public and chose to show it."""
        if self.is_public and self.show_photo and self.photo_id:
            return self.photo
        return None

    @property
    def bio_html(self) -> str:
        # Sanitised on save by the service and again when shown (DESIGN: stored or shown).
        return sanitize_html(self.bio)

    @staticmethod
    def _reads_english() -> bool:
        return (get_language() or "").startswith("en")

    @property
    def local_short_bio(self) -> str:
        """The short introduction in the reader's language; on the English site only her own."""
        return self.short_bio_en if self._reads_english() else self.short_bio

    @property
    def local_bio_html(self) -> str:
        return sanitize_html(self.bio_en if self._reads_english() else self.bio)

    @property
    def has_local_bio(self) -> bool:
        if self._reads_english():
            return bool(self.short_bio_en or self.bio_en)
        return bool(self.short_bio or self.bio)

    def get_regions_display(self) -> list[str]:
        labels = dict(Region.choices)
        return [str(labels[code]) for code in self.regions if code in labels]

    def get_languages_display(self) -> list[str]:
        labels = dict(SpokenLanguage.choices)
        return [str(labels[code]) for code in self.languages if code in labels]


class Unavailability(models.Model):
    """Marks a ``schedule.Event`` in an expert's calendar as a period they are not available.

    Other events in the same calendar (engagements) are busy too; this model tells them apart.
    """

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="unavailabilities")
    event = models.OneToOneField(
        "schedule.Event", on_delete=models.CASCADE, related_name="unavailability"
    )
    label = models.CharField(
        _("note for myself"),
        max_length=100,
        blank=True,
        help_text=_("Only you see this. It never appears in a feed or to anyone else."),
    )

    class Meta:
        verbose_name = _("unavailable period")
        verbose_name_plural = _("unavailable periods")

    def __str__(self):
        return f"{self.expert} · {self.event.start:%Y-%m-%d %H:%M}"


class ExpertIndexPage(RoutablePageMixin, Page):
    """The public experts directory; each public expert's profile is a sub-route ``/<slug>/``."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "speakers/expert_index_page.html"

    class Meta:
        verbose_name = _("experts directory")

    def serve(self, request, *args, **kwargs):
        from hope.page_cache import mark_shareable, visitor_may_share

        response = super().serve(request, *args, **kwargs)
        if visitor_may_share(request):
            mark_shareable(response)  # directory and profiles: the same for every visitor
        return response

    @path("")
    def directory(self, request):
        from speakers.views.public import directory

        return directory(request, page=self)

    @path("<slug:expert_slug>/")
    def profile(self, request, expert_slug):
        from speakers.views.public import profile

        return profile(request, page=self, expert_slug=expert_slug)

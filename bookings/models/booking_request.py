from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.enums import (
    EDITABLE_BY_ORGANISATION,
    EVALUABLE_STATES,
    FINAL_STATES,
    MESSAGING_STATES,
    OPEN_STATES,
    WITHDRAWABLE_BY_ORGANISATION,
    Audience,
    EngagementKind,
    Medium,
    MeetingMode,
    RequestStatus,
)
from bookings.models.impact import RequestSource, UnmetReason
from hope.submission import submission_token_model_field

MAX_AUDIENCE_SIZE = 5000
MAX_DATE_OPTIONS = 3
# No request or engagement is planned further ahead than this (two years).
MAX_DAYS_AHEAD = 731


class RequestReferenceCounter(models.Model):
    """The last reference number given out per year (`HOPE-2026-0042`)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("request reference counter")
        verbose_name_plural = _("request reference counters")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def next_request_reference(*, year: int | None = None) -> str:
    """Give out the next reference of the year. Call inside a transaction.

    The increment is one UPDATE on the counter row, so two concurrent submissions serialise on
    that row (PostgreSQL row lock; SQLite's write lock) and never receive the same number.
    """
    year = year or timezone.localdate().year
    RequestReferenceCounter.objects.get_or_create(year=year)
    RequestReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = RequestReferenceCounter.objects.get(year=year).last_number
    return f"HOPE-{year}-{number:04d}"


class BookingRequestQuerySet(models.QuerySet):
    def for_organisations_of(self, user):
        """Requests of the organisations this user belongs to (none for anonymous users)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from bookings.models.organisation import OrganisationMembership

        return self.filter(
            organisation_id__in=OrganisationMembership.objects.filter(user=user).values(
                "organisation_id"
            )
        )

    def confirmed(self):
        """Requests that reached the coordinators (guests confirmed their address)."""
        return self.exclude(status=RequestStatus.AWAITING_CONFIRMATION)

    def open(self):
        return self.filter(status__in=OPEN_STATES)


class BookingRequest(models.Model):
    """What an organisation asks HOPE for. Its status changes only via `booking_set_status`."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    organisation = models.ForeignKey(
        "bookings.Organisation",
        on_delete=models.PROTECT,
        related_name="booking_requests",
        verbose_name=_("organisation"),
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking_requests",
        verbose_name=_("contact person"),
    )
    kind = models.CharField(_("kind of engagement"), max_length=32, choices=EngagementKind.choices)
    topics = models.ManyToManyField(
        "speakers.Topic", blank=True, related_name="booking_requests", verbose_name=_("topics")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    audience_description = models.CharField(_("audience"), max_length=300, blank=True)
    audience_kind = models.CharField(
        _("kind of audience"), max_length=32, choices=Audience.choices, blank=True
    )
    audience_size = models.PositiveIntegerField(
        _("audience size"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AUDIENCE_SIZE)],
    )
    mode = models.CharField(
        _("in person or online"),
        max_length=16,
        choices=MeetingMode.choices,
        default=MeetingMode.IN_PERSON,
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(15), MaxValueValidator(8 * 60)],
    )
    fee_offered = models.DecimalField(
        _("fee offered (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    preferred_expert = models.ForeignKey(
        "speakers.Expert",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preferred_in_requests",
        verbose_name=_("preferred expert"),
    )
    offering = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("offering page"),
    )

    # Media interviews (rule of care 5: these gates must be met before the date is fixed).
    media_outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    media_medium = models.CharField(_("medium"), max_length=16, choices=Medium.choices, blank=True)
    media_publication_date = models.DateField(_("publication date"), null=True, blank=True)
    media_questions = models.TextField(_("questions in advance"), max_length=5000, blank=True)
    media_identity_conditions_accepted = models.BooleanField(
        _("identity conditions accepted"), default=False
    )
    media_support_person = models.CharField(_("support person"), max_length=200, blank=True)
    media_quote_review_agreed = models.BooleanField(_("quote review agreed"), default=False)

    consent_at = models.DateTimeField(_("privacy consent given at"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=RequestStatus.choices,
        default=RequestStatus.AWAITING_CONFIRMATION,
        db_index=True,
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_requests",
        verbose_name=_("coordinator"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the request reached the coordinators (guests: email confirmed)."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # The request form's one-time token (hope.submission): posted twice, stored once.
    submission_token = submission_token_model_field()
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # Reports (issue 14): where the request came from, and why nobody could take it.
    source = models.CharField(
        _("came in through"), max_length=16, choices=RequestSource.choices, blank=True
    )
    unmet_reason = models.CharField(
        _("why no expert could take it"),
        max_length=32,
        choices=UnmetReason.choices,
        blank=True,
    )

    objects = BookingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking request")
        verbose_name_plural = _("booking requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            models.Index(fields=["confirmed_at"], name="bookings_request_confirmed"),
            # The coordinators' listing: newest received first, 50 at a time.
            models.Index(fields=["-confirmed_at", "-id"], name="bookings_request_received_idx"),
            # Filters, the dashboard's triage panel and the "needs attention" flag.
            models.Index(fields=["status"], name="bookings_request_status_idx"),
        ]

    def __str__(self):
        return f"{self.reference} · {self.title}"

    @property
    def is_media_interview(self) -> bool:
        return self.kind == EngagementKind.MEDIA_INTERVIEW

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def is_editable_by_organisation(self) -> bool:
        return self.status in EDITABLE_BY_ORGANISATION

    @property
    def is_withdrawable_by_organisation(self) -> bool:
        return self.status in WITHDRAWABLE_BY_ORGANISATION

    @property
    def accepts_messages(self) -> bool:
        return self.status in MESSAGING_STATES

    @property
    def accepts_evaluation(self) -> bool:
        return self.status in EVALUABLE_STATES


class DateOption(models.Model):
    """One of up to three preferred moments the organisation proposes."""

    request = models.ForeignKey(
        BookingRequest,
        on_delete=models.CASCADE,
        related_name="date_options",
        verbose_name=_("request"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("date option")
        verbose_name_plural = _("date options")
        ordering = ["request", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=F("starts_at")),
                name="bookings_dateoption_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["request", "position"], name="bookings_dateoption_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M} – {self.ends_at:%H:%M}"

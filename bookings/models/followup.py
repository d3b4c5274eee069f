"""What follows an ask: answer links, sent follow-ups, aftercare check-ins, expert feedback.

Links in emails are signed (bookings.services.expert_answers) and point at an `EngagementLink`
row: the row makes them single-use and lets a coordinator see when they were used. Every
follow-up email leaves a `FollowUpMarker` with a unique key, so the periodic command can run
any number of times (even twice at once) without sending anything twice.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class LinkPurpose(models.TextChoices):
    ANSWER = "answer", _("Answer to a question")
    AFTERCARE = "aftercare", _("Aftercare check-in")


class EngagementLink(models.Model):
    """One emailed set of buttons (yes/no, or the three aftercare answers): used once."""

    engagement = models.ForeignKey(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("engagement"),
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=LinkPurpose.choices)
    nonce = models.CharField(_("nonce"), max_length=64, unique=True, default=new_nonce)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    used_choice = models.CharField(_("choice"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("email link")
        verbose_name_plural = _("email links")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.engagement_id} · {self.purpose}"


class FollowUpKind(models.TextChoices):
    REMINDER_EXPERT = "reminder_expert", _("Reminder to the expert")
    REMINDER_ORGANISATION = "reminder_organisation", _("Reminder to the organisation")
    AFTERCARE_CHECKIN = "aftercare_checkin", _("Aftercare check-in")
    EVALUATION_REQUEST = "evaluation_request", _("Evaluation request")
    ANSWER_OVERDUE = "answer_overdue", _("Coordinators alerted: no answer")
    IMPACT_QUESTION = "impact_question", _("Three months on: what changed?")
    FEEDBACK_EXPERT = "feedback_expert", _("Feedback request to the expert")


class FollowUpMarker(models.Model):
    """This follow-up was sent; `key` is unique, so it is sent once."""

    key = models.CharField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=FollowUpKind.choices)
    engagement = models.ForeignKey(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followups",
        verbose_name=_("engagement"),
    )
    request = models.ForeignKey(
        "bookings.BookingRequest",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followups",
        verbose_name=_("request"),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up sent")
        verbose_name_plural = _("follow-ups sent")

    def __str__(self):
        return self.key


class CheckInAnswer(models.TextChoices):
    FINE = "fine", _("I'm fine")
    DEBRIEF = "debrief", _("I'd like a debrief")
    SUPPORT_NOW = "support_now", _("I need support now")


# Answers that alert the coordinators at once.
ALERTING_ANSWERS = frozenset({CheckInAnswer.DEBRIEF, CheckInAnswer.SUPPORT_NOW})


class AftercareCheckIn(models.Model):
    """The expert's one-click answer to "how are you?" the day after an engagement."""

    engagement = models.OneToOneField(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        related_name="checkin",
        verbose_name=_("engagement"),
    )
    answer = models.CharField(_("answer"), max_length=16, choices=CheckInAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("aftercare check-in")
        verbose_name_plural = _("aftercare check-ins")
        ordering = ["-answered_at", "-id"]

    def __str__(self):
        return f"{self.engagement_id} · {self.answer}"

    @property
    def alerts(self) -> bool:
        return self.answer in ALERTING_ANSWERS


class WorkAgain(models.TextChoices):
    YES = "yes", _("Yes")
    NOT_SURE = "not_sure", _("Not sure")
    NO = "no", _("No, I prefer not to")


class ExpertFeedback(models.Model):
    """The expert's private evaluation after aftercare. Coordinators only; used in matching."""

    engagement = models.OneToOneField(
        "bookings.Engagement",
        on_delete=models.CASCADE,
        related_name="expert_feedback",
        verbose_name=_("engagement"),
    )
    how_it_went = models.TextField(_("how it went"), max_length=3000, blank=True)
    work_again = models.CharField(
        _("work with this organisation again?"),
        max_length=16,
        choices=WorkAgain.choices,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("expert feedback")
        verbose_name_plural = _("expert feedback")

    def __str__(self):
        return f"{self.engagement_id} · {self.work_again}"

"""Vocabulary shared by the experts (what she offers, whom she speaks to) and the bookings (what
an organisation asks for). It lives here, below both apps, so speakers need not import bookings.
`bookings.enums` re-exports these names; the bookings' own kinds and statuses stay there."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EngagementKind(models.TextChoices):
    ADVICE = "advice", _("Advice")
    TRAINING = "training", _("Training")
    TALK = "talk", _("Talk or information session")
    PANEL = "panel", _("Panel")
    MEDIA_INTERVIEW = "media_interview", _("Media interview")
    SOUNDING_BOARD = "sounding_board", _("Sounding board")
    PROJECT = "project", _("Project development")


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Care and youth-care professionals")
    POLICE_JUSTICE = "police_justice", _("Police and justice")
    POLICY = "policy", _("Policy makers and politicians")
    EDUCATION = "education", _("Pupils, students and teachers")
    BUSINESS = "business", _("Businesses (hotels, taxi, hospitality)")
    GENERAL_PUBLIC = "general_public", _("General public")
    MEDIA = "media", _("Media audience")

"""Kinds shared by the site, the experts and the bookings. Statuses live next to the workflow."""

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


# Heavy formats count more towards an expert's monthly capacity and are followed by rest days.
HEAVY_KINDS = frozenset({EngagementKind.MEDIA_INTERVIEW})


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    GOVERNMENT = "government", _("Ministry or national government")
    POLICE = "police", _("Police or investigative service")
    PROSECUTOR = "prosecutor", _("Public prosecutor (OM)")
    JUDICIARY = "judiciary", _("Judiciary")
    CARE = "care", _("Care or youth care")
    EDUCATION = "education", _("School or training institute")
    MEDIA = "media", _("Media")
    NGO = "ngo", _("NGO")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Care and youth-care professionals")
    POLICE_JUSTICE = "police_justice", _("Police and justice")
    POLICY = "policy", _("Policy makers and politicians")
    EDUCATION = "education", _("Pupils, students and teachers")
    BUSINESS = "business", _("Businesses (hotels, taxi, hospitality)")
    GENERAL_PUBLIC = "general_public", _("General public")
    MEDIA = "media", _("Media audience")


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")

"""Short dates as each language writes them: Dutch month abbreviations are lower case."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language

register = template.Library()


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _month(language: str) -> str:
    # Django's "M" capitalises ("Okt", "Dec"); Dutch writes "okt", "dec" ("b"); English "Oct".
    return "b" if language.startswith("nl") else "M"


@register.filter
def short_datetime(value) -> str:
    """ "di 1 dec 2026, 14:00" in Dutch, "Tue 1 Dec 2026, 14:00" in English."""
    if not value:
        return ""
    return date_format(_local(value), f"D j {_month(get_language() or 'nl')} Y, H:i")


@register.filter
def short_day_time(value) -> str:
    """ "1 dec 14:00" in Dutch, "1 Dec 14:00" in English."""
    if not value:
        return ""
    return date_format(_local(value), f"j {_month(get_language() or 'nl')} H:i")

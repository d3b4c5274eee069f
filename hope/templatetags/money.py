"""Amounts of money as a reader of the active language writes them."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def euro(value) -> str:
    """`1030.4` → "€ 1.030,40" in Dutch, "€1,030.40" in English; empty for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    number = numberformat.format(
        amount,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=2,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    if (get_language() or "nl").startswith("nl"):
        return f"€\N{NO-BREAK SPACE}{number}"
    return f"€{number}"

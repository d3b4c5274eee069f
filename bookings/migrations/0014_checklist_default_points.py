"""Sensible checklist points per kind of engagement; coordinators edit them in the admin."""

from django.db import migrations

# (label in Dutch, label in English, days, "before"/"after")
PRACTICAL = (
    "Praktische informatie naar de ervaringsdeskundige gestuurd",
    "Practical information sent",
    7,
    "before",
)
SUPPORT = ("Steunpersoon bevestigd", "Support person confirmed", 3, "before")
TRAVEL = ("Reis geregeld", "Travel arranged", 5, "before")
FEE = ("Vergoeding afgesproken", "Fee agreed", 14, "before")
PROGRAMME = (
    "Programma en publiek besproken met de organisatie",
    "Programme and audience discussed with the organisation",
    10,
    "before",
)
MATERIALS = (
    "Lesmateriaal samen met de ervaringsdeskundige doorgenomen",
    "Training materials checked with the expert",
    10,
    "before",
)
QUOTE_REVIEW = (
    "Citaatcontrole afgesproken met de journalist",
    "Quote review agreed with the journalist",
    3,
    "before",
)
QUOTES_APPROVED = (
    "Citaten goedgekeurd door de ervaringsdeskundige",
    "Quotes approved by the expert",
    3,
    "after",
)

DEFAULTS = {
    "advice": [FEE, PRACTICAL, TRAVEL, SUPPORT],
    "training": [FEE, MATERIALS, PRACTICAL, TRAVEL, SUPPORT],
    "talk": [FEE, PROGRAMME, PRACTICAL, TRAVEL, SUPPORT],
    "panel": [FEE, PROGRAMME, PRACTICAL, TRAVEL, SUPPORT],
    "media_interview": [FEE, PRACTICAL, TRAVEL, SUPPORT, QUOTE_REVIEW, QUOTES_APPROVED],
    "sounding_board": [FEE, PRACTICAL, TRAVEL, SUPPORT],
    "project": [FEE, PRACTICAL, TRAVEL, SUPPORT],
}


def seed(apps, schema_editor):
    ChecklistTemplate = apps.get_model("bookings", "ChecklistTemplate")
    if ChecklistTemplate.objects.exists():
        return
    ChecklistTemplate.objects.bulk_create(
        ChecklistTemplate(
            kind=kind, label=label, label_en=label_en, days=days, when=when, order=position * 10
        )
        for kind, points in DEFAULTS.items()
        for position, (label, label_en, days, when) in enumerate(points, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [("bookings", "0013_checklists")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

"""Demo experts and topics. Fictional people with invented pseudonyms; idempotent."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from speakers.models import AudienceOption, Expert, ExpertIndexPage, FormatOption, Topic
from speakers.selectors import AMSTERDAM
from speakers.services import expert_create, expert_ensure_calendar, unavailability_add

TOPICS = [
    # (Dutch name, slug, English name)
    (
        "Signalen herkennen: het verhaal achter het gedrag",
        "signalen-herkennen",
        "Recognising signals: the story behind the behaviour",
    ),
    ("Grooming en loverboymethoden", "grooming-loverboymethoden", "Grooming and loverboy methods"),
    (
        "Online werving en sextortion",
        "online-werving-sextortion",
        "Online recruitment and sextortion",
    ),
    (
        "Uitbuiting door ouders of familie",
        "uitbuiting-door-familie",
        "Exploitation by parents or relatives",
    ),
    ("Jongens als slachtoffer", "jongens-als-slachtoffer", "Boys as victims"),
    (
        "Slachtoffers met een licht verstandelijke beperking (LVB)",
        "slachtoffers-met-lvb",
        "Victims with a mild intellectual disability",
    ),
    (
        "Traumasensitief verhoren en aangifte doen",
        "verhoren-en-aangifte",
        "Trauma-informed interviews and police reports",
    ),
    (
        "Kindvriendelijke rechtspraak (Barnahus)",
        "kindvriendelijke-rechtspraak",
        "Child-friendly justice (Barnahus)",
    ),
    ("Victim blaming doorbreken", "victim-blaming", "Stopping victim blaming"),
    ("Nazorg en de weg terug", "nazorg-en-de-weg-terug", "Aftercare and the road back"),
    ("Preventie op school", "preventie-op-school", "Prevention in schools"),
    (
        "Klanten die betalen voor seks met minderjarigen",
        "klanten-van-minderjarigen",
        "Clients who pay for sex with minors",
    ),
]

# The English introductions some experts wrote themselves; the others have none.
ENGLISH_SHORT_BIOS = {
    "fenna-zonneveld": "I train youth workers to see what may lie behind behaviour.",
    "merel": "On online recruitment, and why 'you should have known better' never helps.",
    "kiki": "I train hotels and taxi firms to recognise exploitation.",
}

# (slug, public name, identity mode, topic slugs, no-go slugs, formats, audiences, extra fields)
EXPERTS = [
    (
        "fenna-zonneveld",
        "Fenna Zonneveld",
        "named",
        ["signalen-herkennen", "grooming-loverboymethoden", "nazorg-en-de-weg-terug"],
        ["uitbuiting-door-familie"],
        ["talk", "training", "panel"],
        ["professionals", "education", "policy"],
        {
            "short_bio": "Ik geef trainingen aan jeugdprofessionals over wat je achter gedrag "
            "kunt zien.",
            "monthly_capacity": 3,
            "regions": ["nationwide"],
            "languages": ["nl", "en"],
        },
    ),
    (
        "merel",
        "Merel",
        "pseudonym",
        ["online-werving-sextortion", "victim-blaming", "preventie-op-school"],
        ["klanten-van-minderjarigen"],
        ["talk", "media_interview", "advice"],
        ["education", "media", "general_public"],
        {
            "short_bio": "Over online werving en waarom 'had je maar niet' nooit helpt.",
            "media_voice_altered": True,
            "media_quote_review_required": True,
            "regions": ["zuid_holland", "online"],
            "languages": ["nl", "en"],
        },
    ),
    (
        "sam",
        "Sam",
        "pseudonym",
        ["jongens-als-slachtoffer", "verhoren-en-aangifte"],
        [],
        ["training", "advice", "sounding_board"],
        ["police_justice", "professionals"],
        {
            "short_bio": "Jongens worden ook uitgebuit. Ik help politie en hulpverlening dat "
            "te zien.",
            "paused": True,
            "regions": ["noord_brabant", "limburg"],
            "languages": ["nl"],
        },
    ),
    (
        "lotus",
        "Lotus",
        "pseudonym",
        ["slachtoffers-met-lvb", "nazorg-en-de-weg-terug", "signalen-herkennen"],
        ["grooming-loverboymethoden"],
        ["advice", "project", "sounding_board"],
        ["professionals", "policy"],
        {
            "short_bio": "Meedenken over zorg die past bij jongeren met een LVB.",
            "monthly_capacity": 1,
            "regions": ["utrecht", "gelderland"],
            "languages": ["nl"],
        },
    ),
    (
        "jade",
        "Jade",
        "not_public",
        ["uitbuiting-door-familie", "kindvriendelijke-rechtspraak"],
        ["online-werving-sextortion"],
        ["advice", "sounding_board"],
        ["policy", "police_justice"],
        {
            "short_bio": "Adviseert over kindvriendelijke rechtspraak.",
            "regions": ["online"],
            "languages": ["nl", "pap"],
        },
    ),
    (
        "kiki",
        "Kiki",
        "pseudonym",
        ["grooming-loverboymethoden", "klanten-van-minderjarigen", "victim-blaming"],
        [],
        ["talk", "panel", "training"],
        ["business", "general_public", "professionals"],
        {
            "short_bio": "Traint hotels en taxibedrijven in het herkennen van uitbuiting.",
            "monthly_capacity": 2,
            "heavy_weight": 3,
            "rest_days_after_heavy": 5,
            "regions": ["noord_holland", "flevoland"],
            "languages": ["nl", "en"],
        },
    ),
    (
        "daan-hofstede",
        "Daan Hofstede",
        "named",
        ["jongens-als-slachtoffer", "preventie-op-school"],
        ["uitbuiting-door-familie"],
        ["talk", "media_interview", "panel"],
        ["education", "media", "general_public"],
        {
            "short_bio": "Vertelt op scholen over jongens als slachtoffer.",
            "media_face_visible": True,
            "media_name_on_record": True,
            "media_recording_allowed": True,
            "media_voice_altered": False,
            "regions": ["groningen", "friesland", "drenthe"],
            "languages": ["nl"],
        },
    ),
]

LINKED_ACCOUNTS = {"expert1@example.org": "fenna-zonneveld", "expert2@example.org": "merel"}

# (expert slug, weekday 0=Monday, start hour, end hour)
WEEKLY_BLOCKS = [("fenna-zonneveld", 1, 9, 12), ("merel", 3, 13, 17), ("lotus", 0, 8, 18)]


def _next_weekday(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    topics = {}
    for name, slug, name_en in TOPICS:
        topic, _created = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        if not topic.name_en:
            topic.name_en = name_en
            topic.save(update_fields=["name_en"])
        topics[slug] = topic
    formats = {option.code: option for option in FormatOption.objects.all()}
    audiences = {option.code: option for option in AudienceOption.objects.all()}

    experts = {}
    for slug, name, mode, topic_slugs, no_go, kinds, audience_codes, extra in EXPERTS:
        expert = Expert.objects.filter(slug=slug).first()
        if expert is None:
            fields = dict(extra)
            if fields.get("paused"):
                fields["paused_until"] = timezone.localdate() + datetime.timedelta(days=30)
            expert = expert_create(public_name=name, slug=slug, identity_mode=mode, **fields)
            expert.topics.set([topics[t] for t in topic_slugs])
            expert.no_go_topics.set([topics[t] for t in no_go])
            expert.formats.set([formats[k] for k in kinds if k in formats])
            expert.audiences.set([audiences[a] for a in audience_codes if a in audiences])
        if slug in ENGLISH_SHORT_BIOS and not expert.short_bio_en:
            expert.short_bio_en = ENGLISH_SHORT_BIOS[slug]
            expert.save(update_fields=["short_bio_en", "updated_at"])
        expert_ensure_calendar(expert=expert)
        experts[slug] = expert

    user_model = get_user_model()
    for email, slug in LINKED_ACCOUNTS.items():
        user = user_model.objects.filter(email=email).first()
        expert = experts[slug]
        if user is not None and expert.user_id is None and not hasattr(user, "expert"):
            expert.user = user
            expert.save(update_fields=["user", "updated_at"])

    today = timezone.localdate()
    for slug, weekday, start_hour, end_hour in WEEKLY_BLOCKS:
        expert = experts[slug]
        if expert.unavailabilities.exists():
            continue
        day = _next_weekday(today, weekday)
        unavailability_add(
            expert=expert,
            start=datetime.datetime.combine(day, datetime.time(start_hour), tzinfo=AMSTERDAM),
            end=datetime.datetime.combine(day, datetime.time(end_hour), tzinfo=AMSTERDAM),
            weekly=True,
            label="Studie" if start_hour < 12 else "",
        )

    _ensure_directory_page()
    stdout.write(f"Experts: {len(experts)} demo experts, {len(topics)} topics.")


def _ensure_directory_page() -> None:
    """The directory in Dutch and English, both in the main menu (idempotent)."""
    from wagtail.models import Locale, Page

    from cms.models import HomePage

    page = ExpertIndexPage.objects.filter(locale__language_code="nl").first()
    if page is None:
        home = (
            HomePage.objects.filter(locale__language_code="nl").order_by("path").first()
            or Page.objects.filter(depth=2).first()
        )
        if home is None:
            return
        page = ExpertIndexPage(
            title="Ervaringsdeskundigen",
            slug=slugify("ervaringsdeskundigen"),
            show_in_menus=True,
            intro=(
                "Maak kennis met de ervaringsdeskundigen van Platform HOPE, zoals zij zelf "
                "gezien willen worden."
            ),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    elif not page.show_in_menus:
        page.show_in_menus = True
        page.save_revision().publish()
    english = Locale.objects.filter(language_code="en").first()
    if english is None or page.get_translation_or_none(english) is not None:
        return
    if page.get_parent().get_translation_or_none(english) is None:
        return  # no English home page to hang it under
    translation = page.copy_for_translation(english)
    translation.title = "Experts by experience"
    translation.slug = "experts"
    translation.show_in_menus = True
    translation.intro = (
        "Meet the experts by experience of Platform HOPE, as they choose to be seen."
    )
    translation.save_revision().publish()

"""Demo experts and topics (`demo/content/experts.json`). Fictional people with invented
pseudonyms; made through the speakers services; idempotent (found by slug)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo.content import load
from speakers.models import AudienceOption, Expert, ExpertIndexPage, FormatOption, Topic
from speakers.selectors import AMSTERDAM
from speakers.services import expert_create, expert_ensure_calendar, unavailability_add


def _next_weekday(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


@transaction.atomic
def seed(*, password: str, stdout) -> None:
    content = load("experts")
    topics = {}
    for item in content["topics"]:
        topic, _created = Topic.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"]}
        )
        if not topic.name_en:
            topic.name_en = item["name_en"]
            topic.save(update_fields=["name_en"])
        topics[item["slug"]] = topic
    formats = {option.code: option for option in FormatOption.objects.all()}
    audiences = {option.code: option for option in AudienceOption.objects.all()}

    experts = {}
    english_bios = content["english_short_bios"]
    for item in content["experts"]:
        slug = item["slug"]
        expert = Expert.objects.filter(slug=slug).first()
        if expert is None:
            fields = dict(item["fields"])
            if fields.get("paused"):
                fields["paused_until"] = timezone.localdate() + datetime.timedelta(days=30)
            expert = expert_create(
                public_name=item["public_name"],
                slug=slug,
                identity_mode=item["identity_mode"],
                **fields,
            )
            expert.topics.set([topics[t] for t in item["topics"]])
            expert.no_go_topics.set([topics[t] for t in item["no_go_topics"]])
            expert.formats.set([formats[k] for k in item["formats"] if k in formats])
            expert.audiences.set([audiences[a] for a in item["audiences"] if a in audiences])
        if slug in english_bios and not expert.short_bio_en:
            expert.short_bio_en = english_bios[slug]
            expert.save(update_fields=["short_bio_en", "updated_at"])
        expert_ensure_calendar(expert=expert)
        experts[slug] = expert

    user_model = get_user_model()
    for email, slug in content["linked_accounts"].items():
        user = user_model.objects.filter(email=email).first()
        expert = experts[slug]
        if user is not None and expert.user_id is None and not hasattr(user, "expert"):
            expert.user = user
            expert.save(update_fields=["user", "updated_at"])

    today = timezone.localdate()
    for block in content["weekly_blocks"]:
        expert = experts[block["expert"]]
        if expert.unavailabilities.exists():
            continue
        day = _next_weekday(today, block["weekday"])
        unavailability_add(
            expert=expert,
            start=datetime.datetime.combine(day, datetime.time(block["start_hour"]), AMSTERDAM),
            end=datetime.datetime.combine(day, datetime.time(block["end_hour"]), AMSTERDAM),
            weekly=True,
            label=block.get("label", ""),
        )

    _ensure_directory_page(content["directory"])
    stdout.write(f"Experts: {len(experts)} demo experts, {len(topics)} topics.")


def _ensure_directory_page(content: dict) -> None:
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
            title=content["title"],
            slug=content["slug"],
            show_in_menus=True,
            intro=content["intro"],
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
    translation.title = content["en"]["title"]
    translation.slug = content["en"]["slug"]
    translation.show_in_menus = True
    translation.intro = content["en"]["intro"]
    translation.save_revision().publish()

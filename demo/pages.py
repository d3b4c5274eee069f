"""The public site's pages: Dutch pages with English translations of the main ones.

Idempotent: every page is looked up by its slug under its parent (and every translation by its
translation key) before anything is created, so running `seed_demo` twice changes nothing.
The texts are in `demo/content/`; the people quoted there are fictional, with invented pseudonyms.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from demo.content import date, english, load, stream

NL, EN = "nl", "en"


def seed(*, password: str, stdout) -> None:
    with transaction.atomic():
        SeedRun(stdout=stdout).run()


class SeedRun:
    def __init__(self, *, stdout):
        self.stdout = stdout
        self.nl = Locale.objects.get_or_create(language_code=NL)[0]
        self.en = Locale.objects.get_or_create(language_code=EN)[0]
        self.created = 0

    # --- helpers ---------------------------------------------------------------------------
    def child(self, parent, model, *, slug: str, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def translate(self, page, *, slug: str, **fields):
        existing = page.get_translation_or_none(self.en)
        if existing is not None:
            return existing.specific
        parent = page.get_parent().specific
        if not parent.is_root() and parent.get_translation_or_none(self.en) is None:
            raise RuntimeError(f"Translate {parent} before {page}.")
        copy = page.copy_for_translation(self.en)
        copy = copy.specific
        copy.slug = slug
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
        copy.save_revision().publish()
        self.created += 1
        return copy

    # --- the site ---------------------------------------------------------------------------
    def run(self):
        site, home = self.site_and_home()
        home = self.home(home)
        about = self.standard(home, load("about"), show_in_menus=True)
        self.offers(home)
        self.request_page(home)
        self.news(home)
        self.events(home)
        self.simple(home, "faq", "FaqPage")
        self.simple(home, "contact", "ContactPage")
        privacy = self.standard(about, load("privacy"))
        fees = self.standard(about, load("fees"))
        self.search(home)
        self.site_settings(site, privacy=privacy, fees=fees)
        self.stdout.write(f"cms: demo site ready ({self.created} pages created).")

    def site_and_home(self):
        """The default site and its Dutch home page; made when missing (e.g. after a flush)."""
        from cms.models import HomePage

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None and isinstance(site.root_page.specific, HomePage):
            return site, site.root_page.specific
        home = HomePage.objects.filter(locale=self.nl, depth=2).first()
        if home is None:
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=self.nl)
            )
            home = HomePage(title="Platform HOPE", slug="home", locale=self.nl)
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                root_page=home,
                is_default_site=True,
                site_name="Platform HOPE",
            )
        else:
            site.root_page = home
            site.save(update_fields=["root_page"])
        return site, home

    def home(self, home):
        content = load("home")
        if not home.body:
            dutch = content["nl"]
            for name in ("title", "hero_heading", "intro", "seo_title", "search_description"):
                setattr(home, name, dutch[name])
            home.body = stream(dutch["body"])
            home.save_revision().publish()
            home.refresh_from_db()
        english_home = dict(content["en"], body=stream(content["en"]["body"]))
        self.translate(home, slug="home-en", **english_home)
        return home

    def standard(self, parent, content, *, show_in_menus=False):
        from cms.models import StandardPage

        page = self.child(
            parent,
            StandardPage,
            slug=content["slug"],
            title=content["title"],
            intro=content["intro"],
            body=stream(content["body"]),
            show_in_menus=show_in_menus,
        )
        self.translate(page, slug=content["en"]["slug"], **english(content))
        return page

    def simple(self, home, name, model_name):
        """A page with a title, intro and body, in the menu (FAQ, contact)."""
        from cms import models

        content = load(name)
        page = self.child(
            home,
            getattr(models, model_name),
            slug=content["slug"],
            title=content["title"],
            intro=content["intro"],
            body=stream(content["body"]),
            show_in_menus=True,
        )
        self.translate(page, slug=content["en"]["slug"], **english(content))
        return page

    def offers(self, home):
        from cms.models import OfferingIndexPage, OfferingPage

        content = load("offerings")
        index_content = content["index"]
        index = self.child(
            home,
            OfferingIndexPage,
            slug=index_content["slug"],
            title=index_content["title"],
            intro=index_content["intro"],
            body=stream(index_content["body"]),
            show_in_menus=True,
        )
        self.translate(index, slug=index_content["en"]["slug"], **english(index_content))
        for offering in content["offerings"]:
            page = self.child(
                index,
                OfferingPage,
                slug=offering["slug"],
                title=offering["title"],
                intro=offering["intro"],
                engagement_kind=offering["kind"],
                audience=offering["audience"],
                duration=offering["duration"],
                meeting_mode=offering["mode"],
                format_details=offering.get("format_details", ""),
                body=stream(offering["body"]),
            )
            en = offering["en"]
            self.translate(
                page,
                slug=en["slug"],
                title=en["title"],
                intro=en["intro"],
                audience=en["audience"],
                duration=en["duration"],
                format_details=en.get("format_details", ""),
                body=stream(en["body"]),
            )
        return index

    def request_page(self, home):
        from cms.models import BookingRequestPage

        content = load("request_page")
        page = self.child(
            home,
            BookingRequestPage,
            slug=content["slug"],
            title=content["title"],
            intro=content["intro"],
            body=content["body"],
            contact_route=content["contact_route"],
            show_in_menus=False,
        )
        en = content["en"]
        self.translate(
            page,
            slug=en["slug"],
            title=en["title"],
            intro=en["intro"],
            body=en["body"],
            contact_route=en["contact_route"],
        )
        return page

    def themes(self, content):
        from cms.models import Theme

        themes = {}
        for item in content:
            theme = Theme.objects.filter(locale=self.nl, slug=item["slug"]).first()
            if theme is None:
                theme = Theme.objects.create(locale=self.nl, slug=item["slug"], name=item["name"])
            translation = theme.get_translation_or_none(self.en)
            if translation is None:
                translation = theme.copy_for_translation(self.en)
                translation.slug, translation.name = item["en_slug"], item["en_name"]
                translation.save()
            themes[item["slug"]] = (theme, translation)
        return themes

    def news(self, home):
        from cms.models import NewsArticlePage, NewsIndexPage

        content = load("news")
        themes = self.themes(content["themes"])
        index_content = content["index"]
        index = self.child(
            home,
            NewsIndexPage,
            slug=index_content["slug"],
            title=index_content["title"],
            intro=index_content["intro"],
            show_in_menus=True,
        )
        self.translate(index, slug=index_content["en"]["slug"], **english(index_content))
        for article in content["articles"]:
            page = self.child(
                index,
                NewsArticlePage,
                slug=article["slug"],
                title=article["title"],
                date=date(article["date"]),
                intro=article["intro"],
                body=stream(article["body"]),
            )
            if not page.themes.exists():
                page.themes.set([themes[slug][0] for slug in article["themes"]])
                page.save_revision().publish()
            translation = self.translate(page, slug=article["en"]["slug"], **english(article))
            english_themes = [themes[slug][1] for slug in article["themes"]]
            if set(translation.themes.all()) != set(english_themes):
                translation.themes.set(english_themes)
                translation.save_revision().publish()
        return index

    def events(self, home):
        from cms.models import EventIndexPage, EventPage

        content = load("events")
        index_content = content["index"]
        index = self.child(
            home,
            EventIndexPage,
            slug=index_content["slug"],
            title=index_content["title"],
            intro=index_content["intro"],
            show_in_menus=True,
        )
        self.translate(index, slug=index_content["en"]["slug"], **english(index_content))
        amsterdam = timezone.get_default_timezone()
        past_content = content["past"]
        past = self.child(
            index,
            EventPage,
            slug=past_content["slug"],
            title=past_content["title"],
            intro=past_content["intro"],
            start=dt.datetime.fromisoformat(past_content["start"]).replace(tzinfo=amsterdam),
            end=dt.datetime.fromisoformat(past_content["end"]).replace(tzinfo=amsterdam),
            location=past_content["location"],
            body=stream(past_content["body"]),
        )
        self.translate(past, slug=past_content["en"]["slug"], **english(past_content))
        upcoming_content = content["upcoming"]
        hour, minute = (int(part) for part in upcoming_content["start_time"].split(":"))
        upcoming_start = (
            timezone.localtime() + dt.timedelta(days=upcoming_content["days_from_now"])
        ).replace(hour=hour, minute=minute, second=0, microsecond=0)
        upcoming = self.child(
            index,
            EventPage,
            slug=upcoming_content["slug"],
            title=upcoming_content["title"],
            intro=upcoming_content["intro"],
            start=upcoming_start,
            end=upcoming_start + dt.timedelta(minutes=upcoming_content["duration_minutes"]),
            location=upcoming_content["location"],
            address=upcoming_content["address"],
            body=stream(upcoming_content["body"]),
            registration=upcoming_content["registration"],
        )
        en = upcoming_content["en"]
        self.translate(
            upcoming,
            slug=en["slug"],
            address=en["address"],
            registration=en["registration"],
            **english(upcoming_content),
        )
        return index

    def search(self, home):
        from cms.models import SearchPage

        page = self.child(home, SearchPage, slug="zoeken", title="Zoeken")
        self.translate(page, slug="search", title="Search")
        return page

    def site_settings(self, site, *, privacy, fees):
        from cms.models import SiteSettings

        settings = SiteSettings.for_site(site)
        if settings.contact_email:
            return
        for name, value in load("site_settings").items():
            setattr(settings, name, value)
        settings.privacy_page = privacy
        settings.fee_guidance_page = fees
        settings.save()

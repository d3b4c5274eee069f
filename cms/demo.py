"""Demo content for the public site: Dutch pages with English translations of the main ones.

Idempotent: every page is looked up by its slug under its parent (and every translation by its
translation key) before anything is created, so running `seed_demo` twice changes nothing.
All texts are written for this demo; the people quoted are fictional, with invented pseudonyms.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from bookings.enums import EngagementKind, MeetingMode
from hope.sanitize import sanitize_html

NL, EN = "nl", "en"


def rt(html: str) -> RichText:
    """Rich text written outside the editor goes through the one sanitiser."""
    return RichText(sanitize_html(html))


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
        self.translate(home, slug="home-en", **HOME_EN)

        about = self.standard(home, ABOUT, show_in_menus=True)
        self.translate(about, slug="about-hope", **english(ABOUT))
        self.offers(home)
        self.request_page(home)
        self.news(home)
        self.events(home)
        self.faq(home)
        self.contact(home)
        privacy = self.standard(about, PRIVACY)
        self.translate(privacy, slug="privacy", **english(PRIVACY))
        fees = self.standard(about, FEES)
        self.translate(fees, slug="fees", **english(FEES))
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
        if not home.body:
            home.title = "Platform HOPE"
            home.hero_heading = HOME_NL["hero_heading"]
            home.intro = HOME_NL["intro"]
            home.body = HOME_NL["body"]
            home.seo_title = "Platform HOPE – ervaringsdeskundigen seksuele uitbuiting"
            home.search_description = HOME_NL["search_description"]
            home.save_revision().publish()
            home.refresh_from_db()
        return home

    def standard(self, parent, content, *, show_in_menus=False):
        from cms.models import StandardPage

        return self.child(
            parent,
            StandardPage,
            slug=content["slug"],
            title=content["title"],
            intro=content["intro"],
            body=content["body"],
            show_in_menus=show_in_menus,
        )

    def offers(self, home):
        from cms.models import OfferingIndexPage, OfferingPage

        index = self.child(
            home,
            OfferingIndexPage,
            slug="wat-wij-bieden",
            title=OFFER_INDEX["title"],
            intro=OFFER_INDEX["intro"],
            body=OFFER_INDEX["body"],
            show_in_menus=True,
        )
        self.translate(index, slug="what-we-offer", **english(OFFER_INDEX))
        for offering in OFFERINGS:
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
                body=offering["body"],
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
                body=en["body"],
            )
        return index

    def request_page(self, home):
        from cms.models import BookingRequestPage

        page = self.child(
            home,
            BookingRequestPage,
            slug="aanvragen",
            title=REQUEST["title"],
            intro=REQUEST["intro"],
            body=rt(REQUEST["body"]),
            contact_route=rt(REQUEST["contact_route"]),
            show_in_menus=False,
        )
        self.translate(
            page,
            slug="request-an-expert",
            title=REQUEST["en"]["title"],
            intro=REQUEST["en"]["intro"],
            body=rt(REQUEST["en"]["body"]),
            contact_route=rt(REQUEST["en"]["contact_route"]),
        )
        return page

    def themes(self):
        from cms.models import Theme

        themes = {}
        for slug, name, en_slug, en_name in THEMES:
            theme = Theme.objects.filter(locale=self.nl, slug=slug).first()
            if theme is None:
                theme = Theme.objects.create(locale=self.nl, slug=slug, name=name)
            translation = theme.get_translation_or_none(self.en)
            if translation is None:
                translation = theme.copy_for_translation(self.en)
                translation.slug, translation.name = en_slug, en_name
                translation.save()
            themes[slug] = (theme, translation)
        return themes

    def news(self, home):
        from cms.models import NewsArticlePage, NewsIndexPage

        themes = self.themes()
        index = self.child(
            home,
            NewsIndexPage,
            slug="nieuws",
            title="Nieuws",
            intro="Wat ons bezighoudt, wat we leerden en waar we binnenkort te vinden zijn.",
            show_in_menus=True,
        )
        self.translate(
            index,
            slug="news",
            title="News",
            intro="What is on our minds, what we learned, and where you can find us soon.",
        )
        for article in ARTICLES:
            page = self.child(
                index,
                NewsArticlePage,
                slug=article["slug"],
                title=article["title"],
                date=article["date"],
                intro=article["intro"],
                body=article["body"],
            )
            if not page.themes.exists():
                page.themes.set([themes[slug][0] for slug in article["themes"]])
                page.save_revision().publish()
            en = article["en"]
            translation = self.translate(
                page, slug=en["slug"], title=en["title"], intro=en["intro"], body=en["body"]
            )
            english_themes = [themes[slug][1] for slug in article["themes"]]
            if set(translation.themes.all()) != set(english_themes):
                translation.themes.set(english_themes)
                translation.save_revision().publish()
        return index

    def events(self, home):
        from cms.models import EventIndexPage, EventPage

        index = self.child(
            home,
            EventIndexPage,
            slug="agenda",
            title="Agenda",
            intro="Bijeenkomsten waar u ervaringsdeskundigen van HOPE ontmoet.",
            show_in_menus=True,
        )
        self.translate(
            index,
            slug="events",
            title="Events",
            intro="Gatherings where you can meet HOPE's experts by experience.",
        )
        amsterdam = timezone.get_default_timezone()
        past = self.child(
            index,
            EventPage,
            slug="netwerkdag-2024",
            title="Netwerkdag 2024 in Bunnik",
            intro=(
                "Een dag voor gemeenten, ministeries en professionals: wat werkt er volgens "
                "ervaringsdeskundigen in de aanpak van seksuele uitbuiting?"
            ),
            start=dt.datetime(2024, 3, 28, 10, 0, tzinfo=amsterdam),
            end=dt.datetime(2024, 3, 28, 16, 30, tzinfo=amsterdam),
            location="Bunnik",
            body=EVENT_PAST_BODY,
        )
        self.translate(
            past,
            slug="network-day-2024",
            title="Network day 2024 in Bunnik",
            intro=(
                "A day for municipalities, ministries and professionals: what works, according "
                "to experts by experience, in tackling sexual exploitation?"
            ),
            body=EVENT_PAST_BODY_EN,
        )
        upcoming_start = (timezone.localtime() + dt.timedelta(days=60)).replace(
            hour=13, minute=30, second=0, microsecond=0
        )
        upcoming = self.child(
            index,
            EventPage,
            slug="open-middag-professionals",
            title="Open middag: het verhaal achter het gedrag",
            intro=(
                "Een middag voor jeugdprofessionals en docenten over signalen van uitbuiting, "
                "met korte workshops door ervaringsdeskundigen."
            ),
            start=upcoming_start,
            end=upcoming_start + dt.timedelta(hours=3, minutes=30),
            location="Utrecht",
            address="Adres volgt na aanmelding",
            body=EVENT_UPCOMING_BODY,
            registration=rt(
                "<p>Aanmelden kan tot een week vooraf via ons e-mailadres. Vermeld uw naam, "
                "organisatie en of u iets nodig heeft om goed mee te kunnen doen.</p>"
            ),
        )
        self.translate(
            upcoming,
            slug="open-afternoon-professionals",
            title="Open afternoon: the story behind the behaviour",
            intro=(
                "An afternoon for youth workers and teachers about signs of exploitation, with "
                "short workshops led by experts by experience."
            ),
            address="Address sent after registration",
            body=EVENT_UPCOMING_BODY_EN,
            registration=rt(
                "<p>Register by email until one week before. Tell us your name, organisation and "
                "whether you need anything to take part fully. The workshops are in Dutch.</p>"
            ),
        )
        return index

    def faq(self, home):
        from cms.models import FaqPage

        page = self.child(
            home,
            FaqPage,
            slug="veelgestelde-vragen",
            title=FAQ["title"],
            intro=FAQ["intro"],
            body=FAQ["body"],
            show_in_menus=True,
        )
        self.translate(page, slug="faq", **english(FAQ))
        return page

    def contact(self, home):
        from cms.models import ContactPage

        page = self.child(
            home,
            ContactPage,
            slug="contact",
            title=CONTACT["title"],
            intro=CONTACT["intro"],
            body=CONTACT["body"],
            show_in_menus=True,
        )
        self.translate(page, slug="contact-us", **english(CONTACT))
        return page

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
        settings.contact_email = "info@platformhope.example"
        settings.contact_phone = "030 123 45 67"
        settings.contact_hours = "maandag tot en met donderdag, 10.00–16.00 uur"
        settings.contact_hours_en = "Monday to Thursday, 10:00–16:00"
        settings.footer_text = (
            "Platform HOPE is een initiatief van de Coalitie tegen Seksuele Kinderuitbuiting: "
            "CKM, Defence for Children – ECPAT en Fier."
        )
        settings.footer_text_en = (
            "Platform HOPE is an initiative of the Coalition against Sexual Child Exploitation: "
            "CKM, Defence for Children – ECPAT and Fier."
        )
        settings.crisis_notice = (
            "HOPE is geen hulplijn. Ben je in direct gevaar? Bel 112. Is je iets aangedaan en wil "
            "je praten of hulp? Bel het Centrum Seksueel Geweld: 0800-0188 (gratis, dag en nacht)."
        )
        settings.crisis_notice_en = (
            "HOPE is not a help line. In immediate danger? Call 112. Has something happened to you "
            "and do you want to talk or get help? Call the Centre for Sexual Violence (Centrum "
            "Seksueel Geweld): 0800-0188 (free, day and night)."
        )
        settings.privacy_page = privacy
        settings.fee_guidance_page = fees
        settings.save()


def english(content: dict) -> dict:
    en = content["en"]
    return {key: en[key] for key in ("title", "intro", "body") if key in en}


# ------------------------------------------------------------------------------------------
# Content. Dutch first, English after; our own words throughout.
# ------------------------------------------------------------------------------------------

HOME_NL = {
    "hero_heading": "Praat mét ons, niet óver ons",
    "intro": (
        "Platform HOPE is een groep getrainde ervaringsdeskundigen: jongvolwassenen die seksuele "
        "uitbuiting hebben overleefd. Met wat zij weten, helpen zij gemeenten, politie, zorg, "
        "onderwijs en media om uitbuiting eerder te zien en slachtoffers beter te helpen."
    ),
    "search_description": (
        "Ervaringsdeskundigen die seksuele uitbuiting overleefden, geven advies, trainingen, "
        "gastlessen en interviews. Vraag een ervaringsdeskundige aan."
    ),
    "body": [
        (
            "key_figures",
            {
                "heading": "HOPE in het kort",
                "figures": [
                    {"figure": "2020", "label": "het jaar waarin HOPE begon"},
                    {"figure": "12", "label": "jongvolwassenen waren er vanaf het begin bij"},
                    {"figure": "6", "label": "ervaringsdeskundigen vormen de actieve kern"},
                    {"figure": "7", "label": "manieren om met ons samen te werken"},
                ],
            },
        ),
        (
            "quote",
            {
                "quote": (
                    "Ik vertel mijn verhaal niet om medelijden. Ik vertel het zodat de volgende "
                    "die in mijn schoenen staat, eerder gezien wordt."
                ),
                "attribution": "Sam",
                "role": "ervaringsdeskundige bij Platform HOPE (pseudoniem)",
            },
        ),
        ("featured_experts", {"heading": "Ervaringsdeskundigen van HOPE", "count": 3}),
        (
            "call_to_action",
            {
                "heading": "Wilt u een ervaringsdeskundige vragen?",
                "text": (
                    "Voor advies, een training, een gastles, een panel of een interview. Een "
                    "coördinator leest elke aanvraag en zoekt samen met u naar wat past."
                ),
                "link_label": "Lees wat wij bieden",
                "url": "/wat-wij-bieden/",
            },
        ),
    ],
}
HOME_EN = {
    "title": "Platform HOPE",
    "hero_heading": "Talk with us, not about us",
    "intro": (
        "Platform HOPE is a group of trained experts by experience: young adults who survived "
        "sexual exploitation. With what they know, they help municipalities, police, care, "
        "schools and media to see exploitation sooner and to support victims better."
    ),
    "seo_title": "Platform HOPE – experts by experience on sexual exploitation",
    "search_description": (
        "Experts by experience who survived sexual exploitation give advice, training, talks "
        "and interviews. Ask for an expert."
    ),
    "body": [
        (
            "key_figures",
            {
                "heading": "HOPE at a glance",
                "figures": [
                    {"figure": "2020", "label": "the year HOPE began"},
                    {"figure": "12", "label": "young adults were there from the start"},
                    {"figure": "6", "label": "experts by experience form the active core"},
                    {"figure": "7", "label": "ways to work with us"},
                ],
            },
        ),
        (
            "quote",
            {
                "quote": (
                    "I don't tell my story for pity. I tell it so that the next person in my "
                    "shoes is noticed sooner."
                ),
                "attribution": "Sam",
                "role": "expert by experience at Platform HOPE (pseudonym)",
            },
        ),
        ("featured_experts", {"heading": "HOPE's experts by experience", "count": 3}),
        (
            "call_to_action",
            {
                "heading": "Would you like to ask an expert?",
                "text": (
                    "For advice, a training, a talk, a panel or an interview. A coordinator reads "
                    "every request and works out with you what fits."
                ),
                "link_label": "See what we offer",
                "url": "/en/what-we-offer/",
            },
        ),
    ],
}

ABOUT = {
    "slug": "over-hope",
    "title": "Over HOPE",
    "intro": (
        "HOPE staat voor Hulp, Ondersteuning, Preventie en Educatie. Wij zijn ervaringsdeskundigen "
        "en wij willen dat Nederland seksuele uitbuiting beter bestrijdt."
    ),
    "body": [
        ("heading", {"text": "Wie wij zijn", "level": "h2"}),
        (
            "text",
            rt(
                "<p>De ervaringsdeskundigen van HOPE zijn jongvolwassenen die zelf seksueel zijn "
                "uitgebuit. Zij kregen een training om hun ervaring in te zetten voor anderen: "
                "niet als slachtoffer op een podium, maar als deskundige aan tafel.</p>"
                "<p>HOPE begon in 2020 met twaalf jongvolwassenen. Er is altijd een kleinere kern "
                "van ongeveer zes mensen actief, zodat iedereen werk kan combineren met rust, "
                "studie en een eigen leven.</p>"
            ),
        ),
        ("heading", {"text": "Hoe het begon", "level": "h2"}),
        (
            "text",
            rt(
                "<p>Het platform is opgezet door de Coalitie tegen Seksuele Kinderuitbuiting, "
                "die sinds 2016 bestaat: het Centrum tegen Kinderhandel en Mensenhandel (CKM), "
                "Defence for Children – ECPAT en Fier. De coalitie zet zich in voor slachtoffers "
                "tot 23 jaar, ook voor jongeren met een licht verstandelijke beperking.</p>"
                "<p>Op 1 oktober 2020 stelde HOPE zich voor op de netwerkbijeenkomst "
                "<em>Samen tegen Mensenhandel</em>. Sindsdien is HOPE adviesraad binnen het "
                "gelijknamige programma van het ministerie van Justitie en Veiligheid.</p>"
            ),
        ),
        ("heading", {"text": "Onze verbeteragenda", "level": "h2"}),
        (
            "text",
            rt(
                "<ul><li>Taboes doorbreken, zodat jongeren en hun omgeving erover durven te "
                "praten.</li><li>Stoppen met victim blaming: de schuld ligt nooit bij het "
                "slachtoffer.</li><li>Zorg die past bij wat slachtoffers echt nodig hebben.</li>"
                "<li>Een aangifteproces dat veilig en begrijpelijk is.</li></ul>"
            ),
        ),
        (
            "quote",
            {
                "quote": "Wij zijn niet ons verleden. Wij zijn wat we ermee doen.",
                "attribution": "Lina",
                "role": "ervaringsdeskundige (pseudoniem)",
            },
        ),
        ("heading", {"text": "Zorg voor onze ervaringsdeskundigen", "level": "h2"}),
        (
            "text",
            rt(
                "<p>Een ervaringsdeskundige beslist altijd zelf. Iedereen mag een vraag weigeren, "
                "zonder uitleg. Iedereen kiest zelf hoe hij of zij zichtbaar is: met eigen naam, "
                "met een schuilnaam of helemaal niet. Na elke inzet is er nazorg, en elke "
                "ervaringsdeskundige krijgt een vergoeding voor het werk.</p>"
            ),
        ),
    ],
    "en": {
        "title": "About HOPE",
        "intro": (
            "HOPE stands for Help, Support, Prevention and Education (in Dutch: Hulp, "
            "Ondersteuning, Preventie, Educatie). We are experts by experience, and we want the "
            "Netherlands to fight sexual exploitation better."
        ),
        "body": [
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "text",
                rt(
                    "<p>HOPE's experts by experience are young adults who were sexually "
                    "exploited themselves. They were trained to use their experience for others: "
                    "not as a victim on a stage, but as an expert at the table.</p>"
                    "<p>HOPE began in 2020 with twelve young adults. A smaller core of about six "
                    "people is active at any time, so everyone can combine the work with rest, "
                    "study and a life of their own.</p>"
                ),
            ),
            ("heading", {"text": "How it started", "level": "h2"}),
            (
                "text",
                rt(
                    "<p>The platform was set up by the Coalition against Sexual Child "
                    "Exploitation, founded in 2016: the Centre against Child Trafficking and "
                    "Human Trafficking (CKM), Defence for Children – ECPAT and Fier. The coalition "
                    "works for victims up to 23 years old, including young people with a mild "
                    "intellectual disability.</p>"
                    "<p>On 1 October 2020 HOPE introduced itself at the network meeting "
                    "<em>Samen tegen Mensenhandel</em> (Together against Human Trafficking). "
                    "Since then HOPE has been an advisory council in that programme of the "
                    "Ministry of Justice and Security.</p>"
                ),
            ),
            ("heading", {"text": "Our improvement agenda", "level": "h2"}),
            (
                "text",
                rt(
                    "<ul><li>Break taboos, so young people and those around them dare to talk."
                    "</li><li>Stop victim blaming: the blame never lies with the victim.</li>"
                    "<li>Care that fits what victims really need.</li><li>A way of reporting to "
                    "the police that is safe and understandable.</li></ul>"
                ),
            ),
            (
                "quote",
                {
                    "quote": "We are not our past. We are what we do with it.",
                    "attribution": "Lina",
                    "role": "expert by experience (pseudonym)",
                },
            ),
            ("heading", {"text": "Care for our experts", "level": "h2"}),
            (
                "text",
                rt(
                    "<p>An expert by experience always decides. Anyone may decline a request "
                    "without explaining why. Everyone chooses how they are seen: by their own "
                    "name, by a pseudonym, or not at all. Every engagement is followed by "
                    "aftercare, and every expert is paid for their work.</p>"
                ),
            ),
        ],
    },
}

PRIVACY = {
    "slug": "privacyverklaring",
    "title": "Privacyverklaring",
    "intro": "Hoe Platform HOPE omgaat met de gegevens van bezoekers en aanvragers.",
    "body": [
        (
            "text",
            rt(
                "<h2>Wat wij bewaren</h2><p>Als u een aanvraag doet, bewaren wij uw naam, "
                "organisatie, contactgegevens en wat u over uw vraag vertelt. Meer hebben we niet "
                "nodig, dus meer vragen we niet.</p>"
                "<h2>Waarvoor</h2><p>Alleen om uw aanvraag te behandelen, een "
                "ervaringsdeskundige te zoeken, de afspraak te plannen en na afloop te vragen hoe "
                "het ging.</p>"
                "<h2>Hoe lang</h2><p>Afgeronde aanvragen maken wij twee jaar na de laatste "
                "wijziging anoniem: naam, contactgegevens, omschrijving, plaats, berichten, "
                "evaluaties en notities verdwijnen; soort, thema, datum en waardering blijven "
                "voor onze cijfers. Vergoedingen en betaaldata bewaren wij zo lang als de wet "
                "voorschrijft. Onbevestigde aanvragen verwijderen wij na zeven dagen.</p>"
                "<h2>Geen volgers</h2><p>Deze website gebruikt geen advertentie- of "
                "analysecookies en laadt geen lettertypen of scripts van andere partijen.</p>"
                "<h2>Uw rechten</h2><p>U mag uw gegevens inzien, laten verbeteren of laten "
                "verwijderen. Na het inloggen downloadt u onder ‘Uw gegevens’ alles wat wij "
                "over u bewaren, en verwijdert u daar zelf uw account. Of stuur ons een "
                "e-mail.</p>"
            ),
        )
    ],
    "en": {
        "title": "Privacy statement",
        "intro": "How Platform HOPE handles the data of visitors and people who make a request.",
        "body": [
            (
                "text",
                rt(
                    "<h2>What we keep</h2><p>When you make a request, we keep your name, "
                    "organisation, contact details and what you tell us about your question. We "
                    "need no more, so we ask no more.</p>"
                    "<h2>What for</h2><p>Only to handle your request, find an expert, plan the "
                    "engagement and ask afterwards how it went.</p>"
                    "<h2>How long</h2><p>We anonymise closed requests two years after their "
                    "last change: names, contact details, description, place, messages, "
                    "evaluations and notes are removed; kind, theme, date and rating stay for "
                    "our figures. Fees and payment dates are kept as long as the law requires. "
                    "Unconfirmed requests are deleted after seven days.</p>"
                    "<h2>No trackers</h2><p>This website uses no advertising or analytics "
                    "cookies and loads no fonts or scripts from other parties.</p>"
                    "<h2>Your rights</h2><p>You may see, correct or delete your data. Once "
                    "logged in, ‘Your data’ lets you download everything we keep about you and "
                    "delete your account yourself. Or send us an email.</p>"
                ),
            )
        ],
    },
}

FEES = {
    "slug": "vergoedingen",
    "title": "Vergoedingen en reiskosten",
    "intro": "Ervaringsdeskundigen doen vakwerk. Daar hoort een eerlijke vergoeding bij.",
    "body": [
        (
            "text",
            rt(
                "<p>Voor elke inzet spreken wij vooraf een vergoeding af, plus de reiskosten. De "
                "hoogte hangt af van wat u vraagt: een adviesgesprek van een uur is iets anders "
                "dan een training die we samen voorbereiden.</p>"
                "<p>Noem in uw aanvraag gerust uw budget. Heeft u weinig of geen budget, "
                "bijvoorbeeld als kleine vrijwilligersorganisatie of school? Vertel het ons; we "
                "kijken samen wat mogelijk is.</p>"
                "<p>Voor media-interviews vragen wij geen vergoeding aan de redactie, maar wel "
                "goede afspraken vooraf.</p>"
            ),
        )
    ],
    "en": {
        "title": "Fees and travel costs",
        "intro": "Experts by experience do skilled work. A fair fee belongs with it.",
        "body": [
            (
                "text",
                rt(
                    "<p>For every engagement we agree a fee in advance, plus travel costs. The "
                    "amount depends on what you ask: a one-hour advice meeting is different "
                    "from a training we prepare together.</p>"
                    "<p>Feel free to mention your budget in your request. Little or no budget, "
                    "for example as a small volunteer organisation or a school? Tell us; we will "
                    "see together what is possible.</p>"
                    "<p>For media interviews we ask no fee from the editors, but we do ask for "
                    "clear agreements in advance.</p>"
                ),
            )
        ],
    },
}


def _kind(kind, summary, expect, ask):
    return (
        "engagement_kind",
        {"kind": kind, "summary": summary, "what_to_expect": rt(expect), "how_to_ask": rt(ask)},
    )


OFFER_INDEX = {
    "title": "Wat wij bieden",
    "intro": (
        "Organisaties vragen HOPE als vraagbaak, adviseur, meedenker, voorlichter, "
        "projectontwikkelaar en klankbord. Zo ziet dat er in de praktijk uit."
    ),
    "body": [
        _kind(
            EngagementKind.ADVICE,
            "Wij adviseren over beleid en praktijk, vanuit wat wij zelf hebben meegemaakt.",
            "<p>Een gesprek met één of twee ervaringsdeskundigen, vaak met een coördinator erbij. "
            "U krijgt eerlijke feedback op uw plan, werkwijze of tekst.</p>",
            "<p>Beschrijf in uw aanvraag wat u wilt verbeteren en stuur stukken mee.</p>",
        ),
        _kind(
            EngagementKind.TRAINING,
            "Trainingen voor professionals, ontwikkeld en gegeven door ervaringsdeskundigen.",
            "<p>Een interactieve training voor een vaste groep, zoals een politieteam of een "
            "team jeugdzorg. We stemmen de inhoud vooraf met u af.</p>",
            "<p>Kies een training uit ons aanbod hieronder, of vraag om maatwerk.</p>",
        ),
        _kind(
            EngagementKind.TALK,
            "Voorlichting en gastlessen voor scholen, opleidingen en bijeenkomsten.",
            "<p>Een ervaringsdeskundige vertelt en gaat in gesprek met de zaal. Wat wel en niet "
            "besproken wordt, bepaalt de ervaringsdeskundige.</p>",
            "<p>Vertel wie er in de zaal zit en hoe groot de groep is.</p>",
        ),
        _kind(
            EngagementKind.PANEL,
            "Een stem van ervaringsdeskundigen in uw panel of debat.",
            "<p>Wij bereiden de vragen vooraf met u voor, zodat het gesprek veilig en "
            "inhoudelijk sterk is.</p>",
            "<p>Stuur het programma en de namen van de andere panelleden mee.</p>",
        ),
        _kind(
            EngagementKind.MEDIA_INTERVIEW,
            "Interviews voor krant, radio, televisie en online media.",
            "<p>Een interview onder duidelijke voorwaarden: vragen vooraf, afspraken over naam "
            "en herkenbaarheid, een begeleider erbij en inzage in citaten voor publicatie.</p>",
            "<p>Noem uw medium, de publicatiedatum en uw vragen. Zonder deze afspraken kunnen "
            "wij niet meewerken.</p>",
        ),
        _kind(
            EngagementKind.SOUNDING_BOARD,
            "Een vaste groep om uw plannen aan te toetsen.",
            "<p>Wij lezen mee en geven reactie op meerdere momenten in uw traject.</p>",
            "<p>Beschrijf uw traject en hoe vaak u ons wilt spreken.</p>",
        ),
        _kind(
            EngagementKind.PROJECT,
            "Samen een project ontwikkelen, van idee tot uitvoering.",
            "<p>Ervaringsdeskundigen denken vanaf het begin mee en werken mee aan het "
            "resultaat, zoals een campagne of lesmateriaal.</p>",
            "<p>Vraag vroeg, zodat wij echt kunnen meebouwen.</p>",
        ),
    ],
    "en": {
        "title": "What we offer",
        "intro": (
            "Organisations ask HOPE as a first port of call, adviser, thinking partner, speaker, "
            "co-developer of projects and sounding board. This is what that looks like."
        ),
        "body": [
            _kind(
                EngagementKind.ADVICE,
                "We advise on policy and practice, from what we went through ourselves.",
                "<p>A conversation with one or two experts, often with a coordinator. You get "
                "honest feedback on your plan, way of working or text.</p>",
                "<p>Describe in your request what you want to improve and attach documents.</p>",
            ),
            _kind(
                EngagementKind.TRAINING,
                "Training for professionals, developed and given by experts by experience.",
                "<p>An interactive training for a set group, such as a police team or a youth "
                "care team. We agree the content with you beforehand.</p>",
                "<p>Choose a training from our offer below, or ask for a tailored one.</p>",
            ),
            _kind(
                EngagementKind.TALK,
                "Information sessions and guest lessons for schools, courses and meetings.",
                "<p>An expert tells their story and talks with the audience. The expert decides "
                "what is and is not discussed.</p>",
                "<p>Tell us who is in the audience and how big the group is.</p>",
            ),
            _kind(
                EngagementKind.PANEL,
                "A voice of experience in your panel or debate.",
                "<p>We prepare the questions with you, so the conversation is safe and strong.</p>",
                "<p>Send the programme and the names of the other panel members.</p>",
            ),
            _kind(
                EngagementKind.MEDIA_INTERVIEW,
                "Interviews for newspapers, radio, television and online media.",
                "<p>An interview on clear terms: questions in advance, agreements on name and "
                "recognisability, a support person present and quote review before "
                "publication.</p>",
                "<p>Name your outlet, the publication date and your questions. Without these "
                "agreements we cannot take part.</p>",
            ),
            _kind(
                EngagementKind.SOUNDING_BOARD,
                "A steady group to test your plans against.",
                "<p>We read along and respond at several moments in your project.</p>",
                "<p>Describe your project and how often you would like to meet.</p>",
            ),
            _kind(
                EngagementKind.PROJECT,
                "Developing a project together, from idea to delivery.",
                "<p>Experts think along from the start and help make the result, such as a "
                "campaign or teaching material.</p>",
                "<p>Ask early, so we can really build with you.</p>",
            ),
        ],
    },
}


def _body(*paragraphs):
    return [("text", rt("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)))]


OFFERINGS = [
    {
        "slug": "training-signalen-herkennen-politie",
        "title": "Training voor politie: signalen herkennen",
        "intro": "Wat zie je als je verder kijkt dan het gedrag van een jongere?",
        "kind": EngagementKind.TRAINING,
        "audience": "Politieagenten, rechercheurs en meldkamermedewerkers",
        "duration": "Een dagdeel (3,5 uur)",
        "mode": MeetingMode.IN_PERSON,
        "format_details": "Tot 20 deelnemers, met een trainer van HOPE",
        "body": _body(
            "Jongeren die worden uitgebuit, gedragen zich vaak lastig: ze lopen weg, liegen of "
            "werken niet mee. In deze training leren agenten het verhaal achter dat gedrag te "
            "zien.",
            "Twee ervaringsdeskundigen vertellen wat zij destijds nodig hadden van de politie. "
            "Met casussen oefent de groep hoe je een gesprek opent zonder te beschuldigen.",
        ),
        "en": {
            "slug": "training-police-recognising-signs",
            "title": "Training for police: recognising the signs",
            "intro": "What do you see when you look beyond a young person's behaviour?",
            "audience": "Police officers, detectives and control-room staff",
            "duration": "Half a day (3.5 hours)",
            "format_details": "Up to 20 participants, with a HOPE trainer",
            "body": _body(
                "Young people who are being exploited often behave in difficult ways: they run "
                "away, lie or refuse to cooperate. In this training officers learn to see the "
                "story behind that behaviour.",
                "Two experts by experience tell what they needed from the police back then. "
                "With cases, the group practises opening a conversation without blaming.",
            ),
        },
    },
    {
        "slug": "gastles-grenzen-online",
        "title": "Gastles op school: grenzen, verleiding en online contact",
        "intro": "Een eerlijk gesprek met leerlingen over loverboys, sextortion en grenzen.",
        "kind": EngagementKind.TALK,
        "audience": "Leerlingen in het voortgezet onderwijs en mbo, en hun docenten",
        "duration": "90 minuten",
        "mode": MeetingMode.IN_PERSON,
        "format_details": "Eén klas per les; een docent is erbij",
        "body": _body(
            "Een ervaringsdeskundige vertelt hoe het contact begon: aandacht, cadeautjes, een "
            "chat die steeds verder ging. Leerlingen stellen vragen en bespreken wanneer iets "
            "niet meer oké is.",
            "Vooraf krijgt de docent een korte handleiding, achteraf tips voor een vervolggesprek "
            "en adressen waar leerlingen terechtkunnen.",
        ),
        "en": {
            "slug": "guest-lesson-boundaries-online",
            "title": "Guest lesson at school: boundaries, temptation and online contact",
            "intro": "An honest conversation with pupils about grooming, sextortion and limits.",
            "audience": "Pupils in secondary and vocational education, and their teachers",
            "duration": "90 minutes",
            "format_details": "One class per lesson; a teacher is present",
            "body": _body(
                "An expert by experience tells how the contact began: attention, presents, a "
                "chat that went further and further. Pupils ask questions and discuss when "
                "something is no longer okay.",
                "Beforehand the teacher gets a short guide, afterwards tips for a follow-up "
                "conversation and places where pupils can go for help.",
            ),
        },
    },
    {
        "slug": "adviesgesprek-beleid",
        "title": "Adviesgesprek voor gemeenten en ministeries",
        "intro": "Toets uw beleid of werkwijze aan de ervaring van wie het betreft.",
        "kind": EngagementKind.ADVICE,
        "audience": "Beleidsmakers bij gemeenten, ministeries en uitvoeringsorganisaties",
        "duration": "2 uur, plus voorbereiding",
        "mode": MeetingMode.HYBRID,
        "body": _body(
            "U stuurt ons uw plan, notitie of werkproces. Ervaringsdeskundigen lezen het en "
            "bespreken met u wat werkt, wat schuurt en wat ontbreekt.",
            "U krijgt na afloop een korte samenvatting van onze adviezen.",
        ),
        "en": {
            "slug": "advice-meeting-policy",
            "title": "Advice meeting for municipalities and ministries",
            "intro": (
                "Test your policy or way of working against the experience of those it is about."
            ),
            "audience": "Policy makers at municipalities, ministries and public agencies",
            "duration": "2 hours, plus preparation",
            "body": _body(
                "You send us your plan, memo or work process. Experts by experience read it and "
                "discuss with you what works, what chafes and what is missing.",
                "Afterwards you receive a short summary of our advice.",
            ),
        },
    },
    {
        "slug": "panelgesprek",
        "title": "Panelgesprek op uw congres of netwerkdag",
        "intro": "Ervaringsdeskundigen in gesprek met professionals, op uw podium.",
        "kind": EngagementKind.PANEL,
        "audience": "Deelnemers aan congressen, studiedagen en netwerkbijeenkomsten",
        "duration": "45 tot 60 minuten",
        "mode": MeetingMode.IN_PERSON,
        "body": _body(
            "Een panel met twee of drie ervaringsdeskundigen, of één ervaringsdeskundige naast "
            "professionals. Wij bereiden de vragen samen met uw dagvoorzitter voor.",
        ),
        "en": {
            "slug": "panel-discussion",
            "title": "Panel discussion at your conference or network day",
            "intro": "Experts by experience in conversation with professionals, on your stage.",
            "audience": "Participants of conferences, study days and network meetings",
            "duration": "45 to 60 minutes",
            "body": _body(
                "A panel of two or three experts by experience, or one expert alongside "
                "professionals. We prepare the questions together with your chair.",
            ),
        },
    },
    {
        "slug": "klankbordsessie",
        "title": "Klankbordsessie bij uw project",
        "intro": "Een vaste groep ervaringsdeskundigen die meedenkt tijdens uw traject.",
        "kind": EngagementKind.SOUNDING_BOARD,
        "audience": "Zorgaanbieders, onderzoekers en projectteams",
        "duration": "Drie sessies van 1,5 uur",
        "mode": MeetingMode.ONLINE,
        "body": _body(
            "Bij de start, halverwege en aan het eind toetst u uw project aan de ervaring van "
            "drie ervaringsdeskundigen. Zo blijft u dicht bij wat jongeren nodig hebben.",
        ),
        "en": {
            "slug": "sounding-board-sessions",
            "title": "Sounding-board sessions for your project",
            "intro": "A steady group of experts by experience thinking along during your project.",
            "audience": "Care providers, researchers and project teams",
            "duration": "Three sessions of 1.5 hours",
            "body": _body(
                "At the start, halfway and at the end you test your project against the "
                "experience of three experts. That keeps you close to what young people need.",
            ),
        },
    },
    {
        "slug": "interview-media",
        "title": "Interview voor journalisten",
        "intro": "Een interview met een ervaringsdeskundige, onder heldere afspraken.",
        "kind": EngagementKind.MEDIA_INTERVIEW,
        "audience": "Journalisten en programmamakers",
        "duration": "Ongeveer een uur",
        "mode": MeetingMode.IN_PERSON,
        "format_details": "Met een begeleider van HOPE erbij",
        "body": _body(
            "Wij werken graag mee aan zorgvuldige journalistiek. Voor elk interview spreken we "
            "vooraf af: de vragen, of naam en gezicht herkenbaar zijn, of de stem wordt "
            "vervormd, en dat de ervaringsdeskundige citaten voor publicatie mag lezen.",
        ),
        "en": {
            "slug": "interview-for-media",
            "title": "Interview for journalists",
            "intro": "An interview with an expert by experience, under clear agreements.",
            "audience": "Journalists and programme makers",
            "duration": "About an hour",
            "format_details": "With a HOPE support person present",
            "body": _body(
                "We gladly work with careful journalism. For every interview we agree in "
                "advance: the questions, whether name and face are recognisable, whether the "
                "voice is altered, and that the expert may read quotes before publication.",
            ),
        },
    },
]

REQUEST = {
    "title": "Een ervaringsdeskundige aanvragen",
    "intro": "Vertel ons wat u zoekt. Wij zoeken de ervaringsdeskundige die past.",
    "body": (
        "<p>Een coördinator leest elke aanvraag, meestal binnen drie werkdagen. Soms stellen we "
        "eerst een paar vragen. Daarna vragen we een ervaringsdeskundige die past bij uw "
        "onderwerp en publiek. Die beslist zelf of hij of zij meedoet.</p>"
    ),
    "contact_route": (
        "<p>Liever eerst even overleggen? Mail of bel ons, dan denken we met u mee.</p>"
    ),
    "en": {
        "title": "Ask for an expert by experience",
        "intro": "Tell us what you are looking for. We find the expert who fits.",
        "body": (
            "<p>A coordinator reads every request, usually within three working days. Sometimes "
            "we ask a few questions first. Then we ask an expert who fits your topic and "
            "audience. The expert decides whether to take part.</p>"
        ),
        "contact_route": "<p>Prefer to talk first? Email or call us, and we will think along.</p>",
    },
}

THEMES = [
    ("signalen-herkennen", "Signalen herkennen", "recognising-signs", "Recognising the signs"),
    ("online-uitbuiting", "Online uitbuiting", "online-exploitation", "Online exploitation"),
    ("victim-blaming", "Victim blaming", "victim-blaming", "Victim blaming"),
    ("aangifte", "Aangifte en opsporing", "reporting", "Reporting and investigation"),
    ("preventie", "Preventie en onderwijs", "prevention", "Prevention and education"),
]

ARTICLES = [
    {
        "slug": "het-verhaal-achter-het-gedrag",
        "title": "Het verhaal achter het gedrag",
        "date": dt.date(2026, 10, 14),
        "themes": ["signalen-herkennen"],
        "intro": (
            "Weglopen, spijbelen, boos worden: hulpverleners zien vaak eerst het gedrag. Onze "
            "ervaringsdeskundigen vragen: kijk verder."
        ),
        "body": _body(
            "Wie werd uitgebuit, herkent het: je werd gezien als lastig, niet als iemand die in "
            "gevaar was. Gedrag dat op onwil lijkt, is vaak een manier om te overleven.",
            "In onze trainingen vragen we professionals één vraag vaker te stellen: wat zit "
            "erachter? Een nieuw duur telefoontje, een oudere vriend, steeds later thuis: los "
            "betekent het weinig, samen vertelt het een verhaal.",
        ),
        "en": {
            "slug": "the-story-behind-the-behaviour",
            "title": "The story behind the behaviour",
            "intro": (
                "Running away, skipping school, anger: care workers often see the behaviour "
                "first. Our experts ask them to look further."
            ),
            "body": _body(
                "Anyone who was exploited knows it: you were seen as difficult, not as someone "
                "in danger. Behaviour that looks like unwillingness is often a way to survive.",
                "In our trainings we ask professionals to ask one question more often: what is "
                "behind this? An expensive new phone, an older friend, coming home later and "
                "later: alone they mean little, together they tell a story.",
            ),
        },
    },
    {
        "slug": "van-chat-naar-chantage",
        "title": "Van chat naar chantage: online uitbuiting en sextortion",
        "date": dt.date(2026, 9, 22),
        "themes": ["online-uitbuiting", "preventie"],
        "intro": (
            "Uitbuiting begint steeds vaker op een telefoon. Wat ouders en scholen kunnen doen."
        ),
        "body": _body(
            "Een compliment, een chat, een foto die 'alleen voor jou' is. Daarna volgt de "
            "dreiging: als je niet doet wat ik zeg, stuur ik hem door. Zo werkt sextortion, en "
            "het gebeurt sneller dan volwassenen denken.",
            "Onze ervaringsdeskundigen zeggen het helder: de schaamte hoort bij de dader, niet "
            "bij de jongere. Wie hulp zoekt, moet horen dat het niet zijn of haar schuld is.",
        ),
        "en": {
            "slug": "from-chat-to-blackmail",
            "title": "From chat to blackmail: online exploitation and sextortion",
            "intro": (
                "Exploitation starts on a phone more and more often. "
                "What parents and schools can do."
            ),
            "body": _body(
                "A compliment, a chat, a photo 'just for you'. Then comes the threat: if you "
                "don't do as I say, I'll share it. That is how sextortion works, and it happens "
                "faster than adults think.",
                "Our experts say it plainly: the shame belongs to the offender, not to the young "
                "person. Anyone who asks for help must hear that it is not their fault.",
            ),
        },
    },
    {
        "slug": "stop-victim-blaming",
        "title": "Stop victim blaming: wat woorden doen",
        "date": dt.date(2026, 8, 30),
        "themes": ["victim-blaming"],
        "intro": "'Ze koos er toch zelf voor?' Eén zin kan iemand jaren het zwijgen opleggen.",
        "body": _body(
            "Victim blaming is soms hard en soms bijna onzichtbaar: een vraag waarom iemand niet "
            "eerder wegging, een woord als 'vrijwillig'. Voor slachtoffers is het effect "
            "hetzelfde: ze houden hun mond.",
            "HOPE maakte een korte lijst met zinnen die wél helpen. 'Ik geloof je' staat bovenaan.",
        ),
        "en": {
            "slug": "stop-victim-blaming",
            "title": "Stop victim blaming: what words do",
            "intro": "'Wasn't it her own choice?' One sentence can silence someone for years.",
            "body": _body(
                "Victim blaming is sometimes harsh and sometimes almost invisible: a question "
                "why someone didn't leave sooner, a word like 'voluntary'. For victims the "
                "effect is the same: they stay silent.",
                "HOPE made a short list of sentences that do help. 'I believe you' is at the top.",
            ),
        },
    },
    {
        "slug": "aangifte-moet-veiliger",
        "title": "Aangifte doen moet veiliger",
        "date": dt.date(2026, 6, 12),
        "themes": ["aangifte"],
        "intro": "Wat ervaringsdeskundigen politie en OM meegeven over het verhoor.",
        "body": _body(
            "Aangifte doen betekent je verhaal keer op keer vertellen, vaak aan mensen die je niet "
            "kent. Veel slachtoffers haken daarom af.",
            "Wij pleiten voor verhoren die rekening houden met trauma, één vast aanspreekpunt en "
            "een kindvriendelijke aanpak zoals het Barnahus-model, waarbij hulp en onderzoek onder "
            "één dak zitten.",
        ),
        "en": {
            "slug": "reporting-must-be-safer",
            "title": "Reporting to the police must be safer",
            "intro": "What experts by experience tell police and prosecutors about interviews.",
            "body": _body(
                "Reporting means telling your story again and again, often to people you do not "
                "know. Many victims give up because of it.",
                "We argue for trauma-informed interviews, one steady contact person and a "
                "child-friendly approach such as the Barnahus model, with care and investigation "
                "under one roof.",
            ),
        },
    },
    {
        "slug": "gastlessen-over-grenzen",
        "title": "Gastlessen: praten over grenzen voordat het misgaat",
        "date": dt.date(2026, 4, 3),
        "themes": ["preventie", "signalen-herkennen"],
        "intro": "Wat leerlingen vragen als een ervaringsdeskundige voor de klas staat.",
        "body": _body(
            "'Hoe wist je dat het niet goed was?' Die vraag komt in bijna elke klas. Het eerlijke "
            "antwoord: lang niet. En precies daarom geven we gastlessen.",
            "Docenten vertellen ons dat leerlingen na afloop vaker durven te zeggen dat iets niet "
            "klopt, bij zichzelf of bij een vriend.",
        ),
        "en": {
            "slug": "guest-lessons-about-boundaries",
            "title": "Guest lessons: talking about boundaries before things go wrong",
            "intro": "What pupils ask when an expert by experience stands in front of the class.",
            "body": _body(
                "'How did you know it wasn't right?' That question comes up in almost every "
                "class. The honest answer: for a long time, I didn't. That is exactly why we "
                "give guest lessons.",
                "Teachers tell us that afterwards pupils more often dare to say when something "
                "is wrong, for themselves or for a friend.",
            ),
        },
    },
]

EVENT_PAST_BODY = [
    (
        "text",
        rt(
            "<p>Op 28 maart 2024 kwamen in Bunnik gemeenten, ministeries en professionals samen "
            "met de ervaringsdeskundigen van HOPE. In workshops ging het over signalen, aangifte "
            "en nazorg.</p><p>De belangrijkste les van de dag: betrek ervaringsdeskundigen aan "
            "het begin, niet pas als het plan al klaar is.</p>"
        ),
    )
]
EVENT_PAST_BODY_EN = [
    (
        "text",
        rt(
            "<p>On 28 March 2024 municipalities, ministries and professionals met HOPE's experts "
            "by experience in Bunnik. Workshops covered signs, reporting and aftercare.</p>"
            "<p>The main lesson of the day: involve experts by experience at the start, not when "
            "the plan is already finished.</p>"
        ),
    )
]
EVENT_UPCOMING_BODY = [
    ("heading", {"text": "Programma", "level": "h2"}),
    (
        "text",
        rt(
            "<ul><li>13.30 uur – Welkom en opening</li><li>14.00 uur – Workshops in kleine "
            "groepen</li><li>15.30 uur – Gesprek met een panel van ervaringsdeskundigen</li>"
            "<li>16.30 uur – Afsluiting met een drankje</li></ul>"
        ),
    ),
]
EVENT_UPCOMING_BODY_EN = [
    ("heading", {"text": "Programme", "level": "h2"}),
    (
        "text",
        rt(
            "<ul><li>13:30 – Welcome and opening</li><li>14:00 – Workshops in small groups</li>"
            "<li>15:30 – Conversation with a panel of experts by experience</li><li>16:30 – "
            "Closing with drinks</li></ul>"
        ),
    ),
]


def _faq(question, answer):
    return ("faq", {"question": question, "answer": rt(f"<p>{answer}</p>")})


FAQ = {
    "title": "Veelgestelde vragen",
    "intro": "Antwoorden op wat organisaties ons het vaakst vragen.",
    "body": [
        _faq(
            "Wie kan een ervaringsdeskundige aanvragen?",
            "Elke organisatie die werkt aan de aanpak van seksuele uitbuiting: gemeenten, "
            "ministeries, politie, OM, zorg, scholen, media, maatschappelijke organisaties en "
            "soms bedrijven.",
        ),
        _faq(
            "Hoe lang duurt het voordat ik antwoord krijg?",
            "Een coördinator reageert meestal binnen drie werkdagen. Vraag ruim op tijd: vier "
            "tot zes weken vooraf is fijn.",
        ),
        _faq(
            "Kan ik een bepaalde ervaringsdeskundige vragen?",
            "U mag een voorkeur noemen. De ervaringsdeskundige beslist zelf of hij of zij "
            "meedoet, en hoeft geen reden te geven.",
        ),
        _faq(
            "Wat kost het?",
            "Ervaringsdeskundigen krijgen een vergoeding en reiskosten. Op de pagina over "
            "vergoedingen leest u meer.",
        ),
        _faq(
            "Mag ik een ervaringsdeskundige interviewen voor de media?",
            "Ja, onder voorwaarden: vragen vooraf, afspraken over herkenbaarheid, een begeleider "
            "erbij en inzage in citaten voor publicatie.",
        ),
        _faq(
            "Ik ben zelf slachtoffer en zoek hulp. Kan HOPE helpen?",
            "HOPE is geen hulpverlening. Bel bij direct gevaar 112. Voor hulp en een luisterend "
            "oor kunt u dag en nacht gratis bellen met het Centrum Seksueel Geweld: 0800-0188.",
        ),
    ],
    "en": {
        "title": "Frequently asked questions",
        "intro": "Answers to what organisations ask us most often.",
        "body": [
            _faq(
                "Who can ask for an expert by experience?",
                "Any organisation working against sexual exploitation: municipalities, "
                "ministries, police, prosecutors, care, schools, media, NGOs and sometimes "
                "businesses.",
            ),
            _faq(
                "How long before I get an answer?",
                "A coordinator usually replies within three working days. Ask in good time: "
                "four to six weeks ahead is ideal.",
            ),
            _faq(
                "Can I ask for a particular expert?",
                "You may state a preference. The expert decides whether to take part and does "
                "not have to give a reason.",
            ),
            _faq(
                "What does it cost?",
                "Experts by experience receive a fee and travel costs. The page on fees tells "
                "you more.",
            ),
            _faq(
                "May I interview an expert for the media?",
                "Yes, on conditions: questions in advance, agreements on recognisability, a "
                "support person present and quote review before publication.",
            ),
            _faq(
                "I am a victim myself and looking for help. Can HOPE help?",
                "HOPE is not a care service. In immediate danger, call 112. For help and someone "
                "to listen, call the Centre for Sexual Violence free of charge, day and night: "
                "0800-0188.",
            ),
        ],
    },
}

CONTACT = {
    "title": "Contact",
    "intro": "Een vraag, een idee of een aanvraag? We horen graag van u.",
    "body": [
        (
            "text",
            rt(
                "<p>Voor een aanvraag gebruikt u het liefst het aanvraagformulier: dan hebben we "
                "meteen alles wat we nodig hebben. Voor andere vragen kunt u ons mailen of bellen."
                "</p><p>Wij delen nooit gegevens van onze ervaringsdeskundigen. Wilt u iemand "
                "bereiken, dan loopt dat via ons.</p>"
            ),
        )
    ],
    "en": {
        "title": "Contact",
        "intro": "A question, an idea or a request? We would like to hear from you.",
        "body": [
            (
                "text",
                rt(
                    "<p>For a request, please use the request form: that way we have everything "
                    "we need at once. For other questions, email or call us.</p><p>We never "
                    "share the details of our experts. If you want to reach one of them, that "
                    "goes through us.</p>"
                ),
            )
        ],
    },
}

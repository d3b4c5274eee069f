"""The machinery of the permission matrix: URL patterns, roles, a world of A and B, outcomes.

`patterns()` walks `django.urls.get_resolver()` recursively and yields every URL pattern of the
project. `build_world()` makes, with the factories, two organisations (A and B), each with a
contact who manages its team, a colleague, and requests (in triage, scheduled, delivered, and a
media interview with a link to accept the expert's conditions); two experts with an account, an
engagement, a confirmed engagement, an unavailable period, a feed token and an answer link each;
one saved reply, one queued email and one email text (Dutch for A, English for B); an editor and
a coordinator. `outcome()` names what a response
means for a person: "ok", "login", "forbidden", "not_found", "redirect", ...
The table of expectations is in `matrix_table.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone

# What a response means.
OK = "ok"  # 200
LOGIN = "login"  # 302 to allauth's login page
ADMIN_DENIED = "admin_denied"  # 302 to the admin home with "you do not have permission"
FORBIDDEN = "forbidden"  # 403
NOT_FOUND = "not_found"  # 404
REDIRECT = "redirect"  # 302/301 elsewhere (after an action, or a page moved)
BAD_REQUEST = "bad_request"  # 400 (e.g. an answer link that is not this person's)
NOT_ALLOWED = "not_allowed"  # 405
SERVER_ERROR = "server_error"  # 500: only Wagtail's deliberate /admin/failwhale/ may answer it

EMAIL_TEXT = "bookings/more_info_needed"
ROLES = ("anonymous", "org_a", "org_b", "expert_a", "expert_b", "editor", "coordinator")
SIDES = ("a", "b")


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", or the route when the pattern has no name
    route: str  # the full route, e.g. "portaal/aanvragen/<str:reference>/"
    view: str  # dotted path of the view, for the error message
    converters: tuple = field(default=())  # names of the URL's keyword arguments
    positional: int = 0  # unnamed regex groups


def _describe(pattern) -> str:
    if isinstance(pattern, RegexPattern):
        return pattern._regex
    return str(pattern)


def _view_name(callback) -> str:
    view_class = getattr(callback, "view_class", None)
    target = view_class or callback
    return f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', '?')}"


def _arguments(pattern) -> tuple[tuple, int]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters), 0
    if isinstance(pattern, RegexPattern):
        regex = pattern.regex
        return tuple(regex.groupindex), regex.groups - len(regex.groupindex)
    return (), 0


def patterns() -> list[Pattern]:
    """Every URL pattern of the project, depth first, in resolution order."""
    found: list[Pattern] = []

    def walk(resolver, prefix: str, namespace: str | None, names: tuple, positional: int):
        for entry in resolver.url_patterns:
            entry_names, entry_positional = _arguments(entry.pattern)
            route = prefix + _describe(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, route, inner, names + entry_names, positional + entry_positional)
            elif isinstance(entry, URLPattern):
                if entry.name:
                    key = f"{namespace}:{entry.name}" if namespace else entry.name
                else:
                    key = route
                found.append(
                    Pattern(
                        key=key,
                        route=route,
                        view=_view_name(entry.callback),
                        converters=names + entry_names,
                        positional=positional + entry_positional,
                    )
                )

    walk(get_resolver(), "", None, (), 0)
    return found


def filler_url(pattern: Pattern) -> str:
    """A URL for a pattern of Wagtail's own admin: numbers as 1, words as "x"."""
    kwargs = dict.fromkeys(pattern.converters, "1")
    for name in pattern.converters:
        if name in {"app_label", "app_name", "content_type_app_name"}:
            kwargs[name] = "cms"
        elif name in {"model_name", "content_type_model_name"}:
            kwargs[name] = "standardpage"
        elif name in {"action", "action_name", "filter_spec"}:
            kwargs[name] = "x"
    args = ["1"] * pattern.positional
    return reverse(pattern.key, args=args) if args else reverse(pattern.key, kwargs=kwargs)


# --- the world -----------------------------------------------------------------------------


def build_world() -> SimpleNamespace:
    """Two of everything that belongs to someone (A and B), and the people of every role."""
    from wagtail.models import Site

    from bookings.enums import MembershipRole
    from bookings.models import SavedReply
    from bookings.models.followup import LinkPurpose
    from bookings.services.expert_answers import issue_link, make_token
    from bookings.services.media import consent_token, media_agreement_prepare
    from hope.emails import send_templated_email
    from hope.mailtemplates.registry import get_spec
    from hope.mailtemplates.services import email_template_override_save
    from hope.mailtemplates.views import standard_text
    from hope.models import OutboundEmail
    from speakers.services import unavailability_add
    from tests.factories.accounts import CoordinatorFactory, EditorFactory
    from tests.factories.bookings import (
        BookingRequestFactory,
        MembershipFactory,
        OrganisationContactFactory,
        OrganisationFactory,
    )
    from tests.factories.cms import ThemeFactory
    from tests.factories.followup import (
        ConfirmedEngagementFactory,
        DeliveredEngagementFactory,
        ExpertEngagementFactory,
        ExpertWithUserFactory,
    )
    from tests.factories.speakers import TopicFactory

    world = SimpleNamespace(a=SimpleNamespace(), b=SimpleNamespace(), users={})
    base = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    for offset, side in enumerate(SIDES):
        mine = getattr(world, side)
        mine.organisation = OrganisationFactory()
        # The contact manages her organisation's team (so the team pages answer her, not 403).
        mine.contact = OrganisationContactFactory(
            membership__organisation=mine.organisation, membership__role=MembershipRole.ADMIN
        )
        mine.request = BookingRequestFactory(organisation=mine.organisation, contact=mine.contact)
        mine.expert = ExpertWithUserFactory()
        starts = base + dt.timedelta(days=20 + offset)
        mine.engagement = ExpertEngagementFactory(
            expert=mine.expert, request=mine.request, starts_at=starts
        )
        mine.unavailability = unavailability_add(
            expert=mine.expert,
            start=base + dt.timedelta(days=40 + offset),
            end=base + dt.timedelta(days=40 + offset, hours=2),
            weekly=True,
            repeat_until=(base + dt.timedelta(days=80)).date(),
            label="",
        )
        link = issue_link(engagement=mine.engagement, purpose=LinkPurpose.ANSWER)
        mine.link_token = make_token(link, "yes")
        mine.topic = TopicFactory()
        mine.theme = ThemeFactory()
        mine.site_pk = Site.objects.get(is_default_site=True).pk
        # A colleague in the same organisation, for the team pages.
        mine.colleague = MembershipFactory(organisation=mine.organisation)
        # A booking with a fixed date (a confirmed expert): confirmation print, ask to move.
        mine.confirmed_engagement = ConfirmedEngagementFactory(
            expert=mine.expert,
            request__organisation=mine.organisation,
            request__contact=mine.contact,
            starts_at=base + dt.timedelta(days=30 + offset),
        )
        mine.scheduled = mine.confirmed_engagement.request
        # A media interview whose journalist was sent the expert's conditions to accept.
        media = ExpertEngagementFactory(
            expert=mine.expert,
            request=BookingRequestFactory(
                media=True,
                status="matching",
                organisation=mine.organisation,
                contact=mine.contact,
            ),
            starts_at=base + dt.timedelta(days=25 + offset),
        )
        mine.media_request = media.request
        # A booking that took place: the organisation is asked what changed.
        mine.delivered = DeliveredEngagementFactory(
            expert=mine.expert,
            request__organisation=mine.organisation,
            request__contact=mine.contact,
        ).request
        mine.consent_token = consent_token(media_agreement_prepare(engagement=media), mine.contact)
        # Coordinators' things, one each for A and B (they belong to no organisation).
        language = "nl" if side == "a" else "en"
        mine.saved_reply = SavedReply.objects.filter(language=language).order_by("pk").first()
        mine.email_language = language
        send_templated_email(
            to=mine.contact.email,
            template="test_message",
            context={"name": "Noor"},
            language=language,
            booking_request_id=mine.request.pk,
            recipient_role="organisation",
        )
        mine.outbound_email = OutboundEmail.objects.latest("pk")
        world.users[f"org_{side}"] = mine.contact
        world.users[f"expert_{side}"] = mine.expert.user
    world.users["anonymous"] = None
    world.users["editor"] = EditorFactory()
    world.users["coordinator"] = CoordinatorFactory()
    # A's email text is the coordinators' own (an override), B's the standard one.
    spec = get_spec(EMAIL_TEXT)
    subject, body = standard_text(spec, world.a.email_language)
    email_template_override_save(
        template=EMAIL_TEXT,
        language=world.a.email_language,
        subject=subject,
        body=body,
        actor=world.users["coordinator"],
    )
    return world


# Whose object fills a URL's arguments, for side A or side B of the world.
OBJECTS = {
    "request": lambda mine: {"reference": mine.request.reference},
    "request_pk": lambda mine: {"pk": mine.request.pk},
    "engagement": lambda mine: {"pk": mine.engagement.pk},
    "unavailability": lambda mine: {"pk": mine.unavailability.pk},
    "feed": lambda mine: {"pk": mine.expert.pk, "token": mine.expert.ics_token},
    "link": lambda mine: {"token": mine.link_token},
    "expert": lambda mine: {"pk": mine.expert.pk},
    "contact": lambda mine: {"pk": mine.contact.pk},
    "organisation": lambda mine: {"pk": mine.organisation.pk},
    "topic": lambda mine: {"pk": mine.topic.pk},
    "theme": lambda mine: {"pk": mine.theme.pk},
    "confirmed_engagement": lambda mine: {"pk": mine.confirmed_engagement.pk},
    "media_request": lambda mine: {"reference": mine.media_request.reference},
    "delivered": lambda mine: {"reference": mine.delivered.reference},
    "scheduled": lambda mine: {"reference": mine.scheduled.reference},
    "consent": lambda mine: {"token": mine.consent_token},
    "team": lambda mine: {"organisation_id": mine.organisation.pk},
    "colleague": lambda mine: {
        "organisation_id": mine.organisation.pk,
        "membership_id": mine.colleague.pk,
    },
    "saved_reply": lambda mine: {"pk": mine.saved_reply.pk},
    "outbound_email": lambda mine: {"pk": mine.outbound_email.pk},
    "email_text": lambda mine: {
        "language": mine.email_language,
        "template": EMAIL_TEXT,
    },
    "site_settings": lambda mine: {
        "app_name": "cms",
        "model_name": "sitesettings",
        "pk": mine.site_pk,
    },
}


# --- outcomes ------------------------------------------------------------------------------


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        path = location.split("?", 1)[0]
        if path.startswith(reverse("account_login")) or path == reverse("wagtailadmin_login"):
            return LOGIN  # /admin/login/ itself forwards to allauth's login
        if path == reverse("wagtailadmin_home"):
            return ADMIN_DENIED if _said_no_permission(response) else REDIRECT
        return REDIRECT
    return {
        200: OK,
        400: BAD_REQUEST,
        403: FORBIDDEN,
        404: NOT_FOUND,
        405: NOT_ALLOWED,
        500: SERVER_ERROR,
    }.get(status, f"status {status}")


def _said_no_permission(response) -> bool:
    """Wagtail refuses with a redirect to the admin home and an error message."""
    from django.contrib.messages import constants, get_messages

    request = getattr(response, "wsgi_request", None)
    if request is None:
        return False
    return any(message.level == constants.ERROR for message in get_messages(request))

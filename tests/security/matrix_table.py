"""Who gets what at every URL of the project: one row per URL pattern name.

HOW TO ADD A ROW (the test fails for a URL pattern without one, and says which):

    "bookings:request_new_thing": {"obj": "request", "expect": org_owned(OK)},

- the key is the pattern's name with its namespace ("namespace:name"); a pattern without a name
  is keyed by its route (e.g. "admin/test404/").
- "obj" (only when the URL has arguments) says whose object fills them, for side A and side B:
  one of OBJECTS in matrix.py: "request" (reference), "request_pk", "engagement", "unavailability",
  "contact" (a contact's user id), "feed" (expert id + feed token), "link" (an answer-link token),
  "expert", "organisation", "topic", "theme", "site_settings", "confirmed_engagement",
  "scheduled" / "delivered" / "media_request" (references), "consent" (a media consent token),
  "team" / "colleague" (organisation id, + a colleague's membership id), "saved_reply",
  "outbound_email", "email_text" (language + template).
  Or give "path": "/literal/url/" instead.
- "known_bug": {role: outcome} tolerates a known wrong answer until its fix is merged.
- "post": True sends an empty POST (inside a rolled-back savepoint) instead of a GET.
- "expect" maps each role to an outcome; for a row with "obj", an outcome may be a pair
  (outcome on A's object, outcome on B's object); a single outcome is asked on A's object.
  The helpers below build the usual shapes.
  Outcomes: OK (200), LOGIN (302 to allauth's login), ADMIN_DENIED (Wagtail's "no permission"
  redirect to the admin home), FORBIDDEN (403), NOT_FOUND (404), REDIRECT (another 30x),
  BAD_REQUEST (400), NOT_ALLOWED (405), SERVER_ERROR (only Wagtail's deliberate /admin/failwhale/).

Wagtail's own admin views are grouped by name prefix in GROUPS: every pattern of a group is
requested by the three kinds of non-staff (anonymous, an organisation contact, an expert), who
must be sent to the login; editor and coordinator are asked on the group's probe URL.
"""

from tests.security.matrix import (
    ADMIN_DENIED,
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    ROLES,
    SERVER_ERROR,
)

__all__ = ["GROUPS", "MATRIX"]


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def logged_in(outcome, *, anonymous=LOGIN, **roles):
    """The same for every signed-in person; `roles` overrides some of them."""
    return {**dict.fromkeys(ROLES, outcome), "anonymous": anonymous, **roles}


def org_owned(own, *, other=NOT_FOUND, expert=NOT_FOUND, staff=NOT_FOUND, anonymous=LOGIN):
    """An organisation's object: its members get `own`, the other organisation `other`."""
    return {
        "anonymous": anonymous,
        "org_a": (own, other),
        "org_b": (other, own),
        "expert_a": expert,
        "expert_b": expert,
        "editor": staff,
        "coordinator": staff,
    }


def expert_owned(own, *, other=NOT_FOUND, org=NOT_FOUND, staff=NOT_FOUND, anonymous=LOGIN):
    """An expert's object: she gets `own`, the other expert `other`."""
    return {
        "anonymous": anonymous,
        "org_a": org,
        "org_b": org,
        "expert_a": (own, other),
        "expert_b": (other, own),
        "editor": staff,
        "coordinator": staff,
    }


def expert_only(own, *, org=NOT_FOUND, staff=NOT_FOUND):
    """An expert's own page (no object in the URL): every expert gets her own."""
    return logged_in(own, org_a=org, org_b=org, editor=staff, coordinator=staff)


def admin(*, coordinator=OK, editor=ADMIN_DENIED):
    """A page of the Wagtail admin: non-staff go to the login."""
    return {**dict.fromkeys(ROLES, LOGIN), "editor": editor, "coordinator": coordinator}


COORDINATORS_ONLY = admin()
STAFF = admin(editor=OK)
# Coordinator-only sections that refuse an editor with a plain 403 instead of Wagtail's redirect.
REPORTS = admin(editor=FORBIDDEN)

MATRIX = {
    # --- the project's own pages ---
    "healthz": {"expect": everyone(OK)},
    "sitemap": {"expect": everyone(OK)},
    "robots_txt": {"expect": everyone(OK)},
    "set_language": {"expect": everyone(REDIRECT)},
    "wagtail_serve": {"path": "/", "expect": everyone(OK)},
    "hope:after_login": {"expect": logged_in(REDIRECT)},
    # Organisation portal: a request of another organisation does not exist (404).
    "bookings:portal": {"expect": logged_in(OK)},
    "bookings:request_new": {"expect": everyone(OK)},
    "bookings:request_sent": {"expect": everyone(OK)},
    "bookings:request_detail": {"obj": "request", "expect": org_owned(OK)},
    "bookings:request_message": {"obj": "request", "post": True, "expect": org_owned(OK)},
    "bookings:request_confirm": {"obj": "request", "post": True, "expect": org_owned(REDIRECT)},
    "bookings:request_edit": {"obj": "request", "expect": org_owned(OK)},
    "bookings:request_withdraw": {"obj": "request", "expect": org_owned(OK)},
    # Feedback only after delivery: the member is sent back to the request page.
    "bookings:request_evaluate": {"obj": "request", "expect": org_owned(REDIRECT)},
    "bookings:request_impact": {"obj": "delivered", "expect": org_owned(OK)},
    "bookings:request_media": {"obj": "media_request", "expect": org_owned(OK)},
    "bookings:request_confirmation": {"obj": "scheduled", "expect": org_owned(OK)},
    "bookings:request_ask_to_move": {"obj": "scheduled", "expect": org_owned(OK)},
    # The journalist's signed link to accept the expert's conditions: the token is the key.
    "bookings:media_consent": {"obj": "consent", "expect": everyone(OK)},
    # A guest who lost her confirmation link asks for a new one: public.
    "bookings:new_confirmation_link": {"expect": everyone(OK)},
    # Where allauth sends a person who just confirmed her address: to her request, or (without
    # a session that confirmed) to the login; never a page of its own with data.
    "bookings:address_confirmed": {"expect": logged_in(REDIRECT)},
    # The language switch: remembers a signed-in person's choice and goes back; no data.
    "switch_language": {"expect": everyone(REDIRECT)},
    # The organisation's team: only through one's own membership (another team: 404).
    "bookings:team": {"expect": logged_in(OK)},
    "bookings:team_invite": {"obj": "team", "post": True, "expect": org_owned(BAD_REQUEST)},
    "bookings:team_remove": {"obj": "colleague", "expect": org_owned(OK)},
    "bookings:team_make_admin": {"obj": "colleague", "post": True, "expect": org_owned(REDIRECT)},
    # Your data: every signed-in person, their own only (no id in the URL).
    "privacy:overview": {"expect": logged_in(OK)},
    "privacy:download": {"expect": logged_in(OK)},
    "privacy:delete_account": {"post": True, "expect": logged_in(BAD_REQUEST)},
    # Expert portal: only her own profile, calendar and engagements.
    "speakers:dashboard": {"expect": expert_only(OK)},
    "speakers:profile": {"expect": expert_only(OK)},
    "speakers:preview": {"expect": expert_only(OK)},
    "speakers:pause": {"post": True, "expect": expert_only(REDIRECT)},
    "speakers:unpause": {"post": True, "expect": expert_only(REDIRECT)},
    "speakers:availability": {"expect": expert_only(OK)},
    "speakers:availability_remove": {
        "obj": "unavailability",
        "post": True,
        "expect": expert_owned(REDIRECT),
    },
    "speakers:availability_skip": {
        "obj": "unavailability",
        "post": True,
        "expect": expert_owned(REDIRECT),
    },
    "speakers:calendar": {"expect": expert_only(OK)},
    "speakers:feed_settings": {"expect": expert_only(OK)},
    # The feed needs no login (calendar apps cannot log in): the token is the key.
    "speakers:feed": {"obj": "feed", "expect": everyone(OK)},
    "engagements:list": {"expect": expert_only(OK)},
    "engagements:payments": {"expect": expert_only(OK)},
    "engagements:impact": {"expect": expert_only(OK)},
    "engagements:statement": {
        "path": "/expert/opdrachten/jaaroverzicht/2025/",
        "expect": expert_only(OK),
    },
    "engagements:withdraw": {"obj": "confirmed_engagement", "expect": expert_owned(OK)},
    "engagements:approve_quotes": {
        "obj": "engagement",
        "post": True,
        "expect": expert_owned(REDIRECT),
    },
    "engagements:detail": {"obj": "engagement", "expect": expert_owned(OK)},
    "engagements:answer": {"obj": "engagement", "expect": expert_owned(OK)},
    "engagements:ics": {"obj": "engagement", "expect": expert_owned(OK)},
    "engagements:aftercare": {
        "obj": "engagement",
        "post": True,
        "expect": expert_owned(BAD_REQUEST),
    },
    "engagements:feedback": {
        "obj": "engagement",
        "post": True,
        "expect": expert_owned(BAD_REQUEST),
    },
    "engagements:fee_claimed": {
        "obj": "engagement",
        "post": True,
        "expect": expert_owned(REDIRECT),
    },
    # An email button: the token is the key; signed in as someone else, it refuses (400).
    "engagements:link": {
        "obj": "link",
        "expect": logged_in(
            BAD_REQUEST,
            anonymous=OK,
            expert_a=(OK, BAD_REQUEST),
            expert_b=(BAD_REQUEST, OK),
        ),
    },
    # --- the coordinators' back office (Wagtail admin sections the project adds) ---
    "booking_requests:index": {"expect": COORDINATORS_ONLY},
    # Reports, the email outbox and the email texts answer editors with a plain 403.
    "hope_reports:index": {"expect": REPORTS},
    "hope_reports:annual": {"path": "/admin/hope-reports/annual/2026/", "expect": REPORTS},
    # An empty POST names no answer to choose (404); the GET of the facts form goes back to
    # the request's workspace.
    "hope_reports:quote": {
        "obj": "request_pk",
        "post": True,
        "expect": admin(coordinator=NOT_FOUND, editor=FORBIDDEN),
    },
    "hope_reports:request_facts": {
        "obj": "request_pk",
        "expect": admin(coordinator=REDIRECT, editor=FORBIDDEN),
    },
    "hope_reports:report": {"path": "/admin/hope-reports/evaluations/", "expect": REPORTS},
    "failed_emails:index": {"expect": REPORTS},
    "failed_emails:index_results": {"expect": REPORTS},
    "outbound_emails:index": {"expect": REPORTS},
    "outbound_emails:index_results": {"expect": REPORTS},
    "outbound_emails:resend": {
        "obj": "outbound_email",
        "post": True,
        "expect": admin(coordinator=REDIRECT, editor=FORBIDDEN),
    },
    "email_texts:index": {"expect": REPORTS},
    "email_texts:edit": {"obj": "email_text", "expect": REPORTS},
    "saved_replies:index": {"expect": COORDINATORS_ONLY},
    "saved_replies:index_results": {"expect": COORDINATORS_ONLY},
    "saved_replies:add": {"expect": COORDINATORS_ONLY},
    "saved_replies:edit": {"obj": "saved_reply", "expect": COORDINATORS_ONLY},
    "saved_replies:delete": {"obj": "saved_reply", "expect": COORDINATORS_ONLY},
    "saved_replies:history": {"obj": "saved_reply", "expect": COORDINATORS_ONLY},
    "saved_replies:history_results": {"obj": "saved_reply", "expect": COORDINATORS_ONLY},
    "saved_replies:usage": {"obj": "saved_reply", "expect": COORDINATORS_ONLY},
    "bookings_person_erase": {"obj": "contact", "expect": COORDINATORS_ONLY},
    # A coordinator's own choice: each email at once or a daily overview (editors: plain 403).
    "hope_coordinator_emails": {"expect": admin(editor=FORBIDDEN)},
    "booking_requests:index_results": {"expect": COORDINATORS_ONLY},
    "booking_requests:inspect": {"obj": "request_pk", "expect": COORDINATORS_ONLY},
    "booking_requests:matching": {"obj": "request_pk", "expect": COORDINATORS_ONLY},
    "organisations:index": {"expect": COORDINATORS_ONLY},
    "organisations:index_results": {"expect": COORDINATORS_ONLY},
    "organisations:edit": {"obj": "organisation", "expect": COORDINATORS_ONLY},
    "organisations:history": {"obj": "organisation", "expect": COORDINATORS_ONLY},
    "organisations:history_results": {"obj": "organisation", "expect": COORDINATORS_ONLY},
    "organisations:inspect": {"obj": "organisation", "expect": COORDINATORS_ONLY},
    "speakers_expert:index": {"expect": COORDINATORS_ONLY},
    "speakers_expert:index_results": {"expect": COORDINATORS_ONLY},
    "speakers_expert:add": {"expect": COORDINATORS_ONLY},
    "speakers_expert:edit": {"obj": "expert", "expect": COORDINATORS_ONLY},
    "speakers_expert:delete": {"obj": "expert", "expect": COORDINATORS_ONLY},
    "speakers_expert:history": {"obj": "expert", "expect": COORDINATORS_ONLY},
    "speakers_expert:history_results": {"obj": "expert", "expect": COORDINATORS_ONLY},
    "speakers_expert:usage": {"obj": "expert", "expect": COORDINATORS_ONLY},
    "speakers_expert:inspect": {"obj": "expert", "expect": COORDINATORS_ONLY},
    # The experts of the world have accounts already: nothing to invite, back to the listing.
    "speakers_expert:invite": {"obj": "expert", "expect": admin(coordinator=REDIRECT)},
    "wagtailsnippets_speakers_topic:list": {"expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:list_results": {"expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:add": {"expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:edit": {"obj": "topic", "expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:delete": {"obj": "topic", "expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:usage": {"obj": "topic", "expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:history": {"obj": "topic", "expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:history_results": {"obj": "topic", "expect": COORDINATORS_ONLY},
    "wagtailsnippets_speakers_topic:copy": {"obj": "topic", "expect": COORDINATORS_ONLY},
    # Editors may pick topics in choosers (their names are public); only coordinators edit them.
    "wagtailsnippetchoosers_speakers_topic:choose": {"expect": STAFF},
    "wagtailsnippetchoosers_speakers_topic:choose_results": {"expect": STAFF},
    "wagtailsnippetchoosers_speakers_topic:chosen": {"obj": "topic", "expect": STAFF},
    "wagtailsnippetchoosers_speakers_topic:chosen_multiple": {"expect": STAFF},
    "wagtailsnippetchoosers_speakers_topic:create": {"expect": COORDINATORS_ONLY},
    # News themes are the editors' (cms/roles.py).
    "wagtailsnippets_cms_theme:list": {"expect": STAFF},
    "wagtailsnippets_cms_theme:list_results": {"expect": STAFF},
    "wagtailsnippets_cms_theme:add": {"expect": STAFF},
    "wagtailsnippets_cms_theme:edit": {"obj": "theme", "expect": STAFF},
    "wagtailsnippets_cms_theme:delete": {"obj": "theme", "expect": STAFF},
    "wagtailsnippets_cms_theme:usage": {"obj": "theme", "expect": STAFF},
    "wagtailsnippets_cms_theme:history": {"obj": "theme", "expect": STAFF},
    "wagtailsnippets_cms_theme:history_results": {"obj": "theme", "expect": STAFF},
    "wagtailsnippets_cms_theme:copy": {"obj": "theme", "expect": STAFF},
    "wagtailsnippetchoosers_cms_theme:choose": {"expect": STAFF},
    "wagtailsnippetchoosers_cms_theme:choose_results": {"expect": STAFF},
    "wagtailsnippetchoosers_cms_theme:chosen": {"obj": "theme", "expect": STAFF},
    "wagtailsnippetchoosers_cms_theme:chosen_multiple": {"expect": STAFF},
    "wagtailsnippetchoosers_cms_theme:create": {"expect": STAFF},
    "wagtailsnippets:index": {"expect": STAFF},
    # Site settings are the editors' and the coordinators' (cms/roles.py).
    "wagtailsettings:edit": {"obj": "site_settings", "expect": STAFF},
    # The preview is only shown after a POST of the edit form.
    "wagtailsettings:preview_on_edit": {
        "obj": "site_settings",
        "expect": admin(coordinator=NOT_FOUND, editor=NOT_FOUND),
    },
    "wagtailadmin_home": {"expect": STAFF},
    # --- doors: every login goes through allauth ---
    "wagtailadmin_login_redirect": {"expect": everyone(LOGIN)},
    "wagtailadmin_login": {"expect": everyone(LOGIN)},  # shadowed by the redirect above
    "wagtailcore_login_redirect": {"expect": everyone(LOGIN)},
    "wagtailcore_login": {"expect": everyone(LOGIN)},  # shadowed by the redirect above
    "wagtailcore_authenticate_with_password": {
        "path": "/_util/authenticate_with_password/1/1/",
        "expect": everyone(NOT_FOUND),
    },
    "wagtailadmin_password_reset": {"expect": everyone(NOT_FOUND)},  # disabled
    "wagtailadmin_password_reset_done": {"expect": everyone(NOT_FOUND)},
    "wagtailadmin_password_reset_confirm": {
        "path": "/admin/password_reset/confirm/1/1/",
        "expect": everyone(NOT_FOUND),
    },
    "wagtailadmin_password_reset_complete": {"expect": everyone(NOT_FOUND)},
    "wagtailadmin_sprite": {"expect": everyone(OK)},
    "wagtailadmin_javascript_catalog": {"expect": everyone(OK)},
    "wagtailadmin_error_test": {"expect": admin(coordinator=SERVER_ERROR, editor=SERVER_ERROR)},
    "admin/test404/": {"path": "/admin/test404/", "expect": STAFF},
    "admin/^.*/$": {
        "path": "/admin/no-such-section/",
        "expect": admin(coordinator=NOT_FOUND, editor=NOT_FOUND),
    },
    "wagtaildocs_serve": {"path": "/documents/1/missing.pdf", "expect": everyone(NOT_FOUND)},
    "wagtaildocs_authenticate_with_password": {
        "path": "/documents/authenticate_with_password/1/",
        "expect": everyone(NOT_FOUND),
    },
    # allauth: its pages for signed-out people, and the account pages behind the login.
    "account_login": {"expect": logged_in(REDIRECT, anonymous=OK)},
    "account_logout": {"expect": logged_in(OK, anonymous=REDIRECT)},
    "account_inactive": {"expect": everyone(OK)},
    "account_signup": {"expect": logged_in(REDIRECT, anonymous=OK)},
    "account_reauthenticate": {"expect": logged_in(OK)},
    "account_request_reauthentication_code": {"expect": logged_in(OK)},
    "account_confirm_reauthentication_code": {"expect": logged_in(REDIRECT)},
    "account_email": {"expect": logged_in(OK)},
    "usersessions_list": {"expect": logged_in(OK)},
    "account_email_verification_sent": {"expect": everyone(OK)},
    "account_change_password": {"expect": logged_in(OK)},
    "account_set_password": {"expect": logged_in(REDIRECT)},
    "account_reset_password": {"expect": everyone(OK)},
    "account_reset_password_done": {"expect": everyone(OK)},
    "account_reset_password_from_key": {
        "path": "/accounts/wachtwoord/nieuw/1-x/",
        "expect": everyone(OK),
    },
    "account_reset_password_from_key_done": {"expect": everyone(OK)},
    "account_confirm_email": {
        "path": "/accounts/e-mailadres-bevestigen/x/",
        "expect": everyone(OK),
    },
    "account_confirm_login_code": {"expect": logged_in(REDIRECT)},
    "account_request_login_code": {"expect": logged_in(REDIRECT, anonymous=OK)},
    "mfa_index": {"expect": logged_in(OK)},
    "mfa_authenticate": {"expect": logged_in(REDIRECT)},
    "mfa_reauthenticate": {"expect": logged_in(REDIRECT)},
    "mfa_activate_totp": {"expect": logged_in(REDIRECT)},
    "mfa_deactivate_totp": {"expect": logged_in(NOT_FOUND)},
    "mfa_view_recovery_codes": {"expect": logged_in(NOT_FOUND)},
    "mfa_generate_recovery_codes": {"expect": logged_in(REDIRECT)},
    "mfa_download_recovery_codes": {"expect": logged_in(NOT_FOUND)},
    "mfa_list_webauthn": {"expect": logged_in(OK)},
    "mfa_add_webauthn": {"expect": logged_in(REDIRECT)},
    "mfa_reauthenticate_webauthn": {"expect": logged_in(REDIRECT)},
    "mfa_remove_webauthn": {
        "path": "/accounts/2fa/sleutels/1/verwijderen/",
        "expect": logged_in(REDIRECT),
    },
    "mfa_edit_webauthn": {
        "path": "/accounts/2fa/sleutels/1/wijzigen/",
        "expect": logged_in(REDIRECT),
    },
    # --- comms-listing: saved filters and bulk actions on the request listing (issue 13) ---
    "booking_requests:save_filter": {"post": True, "expect": admin(coordinator=REDIRECT)},
    "booking_requests:delete_filter": {
        "path": "/admin/booking_requests/filters/999999/delete/",
        "post": True,
        "expect": admin(coordinator=NOT_FOUND),
    },
    "booking_requests:bulk": {"post": True, "expect": admin(coordinator=BAD_REQUEST)},
    # --- checklists: per-engagement checklists and their points per kind (issue 13) ---
    "booking_requests:checklist": {
        "path": "/admin/booking_requests/inspect/999999/checklist/999999/",
        "post": True,
        "expect": admin(coordinator=NOT_FOUND),
    },
    "checklist_points:index": {"expect": COORDINATORS_ONLY},
    "checklist_points:index_results": {"expect": COORDINATORS_ONLY},
    "checklist_points:add": {"expect": COORDINATORS_ONLY},
    # Point 1 is seeded by the data migration (bookings 0014).
    "checklist_points:edit": {
        "path": "/admin/checklist_points/edit/1/",
        "expect": COORDINATORS_ONLY,
    },
    "checklist_points:delete": {
        "path": "/admin/checklist_points/delete/1/",
        "expect": COORDINATORS_ONLY,
    },
    "checklist_points:history": {
        "path": "/admin/checklist_points/history/1/",
        "expect": COORDINATORS_ONLY,
    },
    "checklist_points:history_results": {
        "path": "/admin/checklist_points/history-results/1/",
        "expect": COORDINATORS_ONLY,
    },
    "checklist_points:usage": {
        "path": "/admin/checklist_points/usage/1/",
        "expect": COORDINATORS_ONLY,
    },
}

# Wagtail's own admin, by name prefix (the longest prefix wins; a row in MATRIX wins over all).
# "probe": a pattern of the group without arguments, asked by editor and coordinator.
GROUPS = {
    "wagtailadmin_": {"probe": "wagtailadmin_explore_root", "staff": STAFF},
    "wagtail_bulk_action": {"probe": None, "staff": STAFF},
    "wagtailadmin_api:": {"probe": "wagtailadmin_api:pages:listing", "staff": STAFF},
    "wagtailadmin_pages:": {"probe": "wagtailadmin_pages:search", "staff": STAFF},
    "wagtailadmin_collections:": {
        "probe": "wagtailadmin_collections:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    "wagtailadmin_workflows:": {
        "probe": "wagtailadmin_workflows:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    # Site history lists only what each person may see (editors: pages).
    "wagtailadmin_reports:": {"probe": "wagtailadmin_reports:site_history", "staff": STAFF},
    "wagtailadmin_editing_sessions:": {"probe": None, "staff": STAFF},
    "wagtailforms:": {"probe": "wagtailforms:index", "staff": STAFF},
    "wagtailredirects:": {
        "probe": "wagtailredirects:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    "wagtailsearchpromotions:": {
        "probe": "wagtailsearchpromotions:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    "wagtailembeds:": {"probe": "wagtailembeds:chooser", "staff": STAFF},
    "wagtaildocs:": {"probe": "wagtaildocs:index", "staff": STAFF},
    "wagtaildocs_chooser:": {"probe": "wagtaildocs_chooser:choose", "staff": STAFF},
    "wagtailimages:": {"probe": "wagtailimages:index", "staff": STAFF},
    "wagtailimages_chooser:": {"probe": "wagtailimages_chooser:choose", "staff": STAFF},
    "wagtailsites:": {"probe": "wagtailsites:index", "staff": admin(coordinator=ADMIN_DENIED)},
    "wagtailusers_users:": {
        "probe": "wagtailusers_users:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    "wagtailusers_groups:": {
        "probe": "wagtailusers_groups:index",
        "staff": admin(coordinator=ADMIN_DENIED),
    },
    "wagtaillocales:": {"probe": "wagtaillocales:index", "staff": admin(coordinator=ADMIN_DENIED)},
    "simple_translation:": {"probe": None, "staff": STAFF},
}

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hope import views
from hope.account_urls import account_patterns

hope_patterns = (
    [path(_("after-login/"), views.after_login, name="after_login")],
    "hope",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Wagtail's own login bypasses allauth's rate limits and MFA: send it to allauth.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("cms.urls_root")),  # sitemap.xml, robots.txt: one per site, no prefix
]

# Every door into an account goes through allauth (rate limits, MFA). `wagtail.urls` brings a plain
# Django login at `_util/login/` (for password-protected pages, under every language prefix):
# these patterns come first and send it to allauth. tests/hope/test_login_doors.py keeps it so.
_allauth_login_redirect = RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)

# Every address a person sees is in her language: Dutch words under no prefix, English under /en/
# (docs/conventions.md, "URL scheme"). Old addresses answer 301 (hope.moved_urls).
urlpatterns += i18n_patterns(
    path("_util/login/", _allauth_login_redirect, name="wagtailcore_login_redirect"),
    path("", include(hope_patterns)),
    path(_("language/"), views.switch_language, name="switch_language"),
    path("accounts/", include(account_patterns())),
    # The expert's engagements (bookings app) sit inside the expert portal's URL space.
    path(_("expert/engagements/"), include("bookings.expert_urls")),
    path("expert/", include("speakers.urls")),
    path(_("portal/"), include("bookings.urls")),
    # Your data: download it, delete your account (every signed-in person; no ids in URLs).
    path(_("my-data/"), include("bookings.privacy_urls")),
    # Wagtail's page serving must stay last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "cms.views.page_not_found"
# A database outage answers the designed 503 page; other errors the site's 500 page.
handler500 = "hope.views.server_error"

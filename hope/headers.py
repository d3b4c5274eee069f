"""Security headers in one place: Content-Security-Policy, Permissions-Policy and no-store.

- Public and portal pages get a strict policy: our templates carry no inline script, no inline
  style and no third-party resource (docs/conventions.md), so nothing but our own files runs.
- The Wagtail admin (`/admin/`) renders inline `<script>` blocks (inline panels, date and chooser
  widgets) and `style=""` attributes, and shows image previews from `blob:`/`data:` URLs; it gets
  a policy that allows exactly that, still only from our own origin.
- A page whose URL carries a secret (answer link, feed) sends only its origin as Referer.
- Pages for signed-in people (portal, expert, account, admin) are never stored by a browser or a
  shared cache (`Cache-Control: no-store`): they show personal data, and the expert's feed page
  shows a secret address.
"""

from django.utils.cache import add_never_cache_headers

from hope.logredact import redact_path

_COMMON = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
STRICT_POLICY = {**_COMMON, "script-src": "'self'", "style-src": "'self'"}
# Wagtail 7.4's admin: inline init scripts and style attributes; blob:/data: image previews;
# page previews in a same-origin iframe (frame-src falls back to default-src 'self').
ADMIN_POLICY = {
    **_COMMON,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "media-src": "'self' blob:",
    "worker-src": "'self' blob:",
}


def _serialise(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {value}" for directive, value in policy.items())


STRICT_CSP = _serialise(STRICT_POLICY)
ADMIN_CSP = _serialise(ADMIN_POLICY)

# Powerful browser features the portal never uses; nobody (not even our own pages) gets them.
# (WebAuthn stays allowed: staff may use a security key as second factor.)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

# Areas with personal data, in both languages' words (and the old `/en/portaal/`, which redirects).
# Paths may carry a language prefix (`/en/portal/`).
PRIVATE_PREFIXES = (
    "/admin/",
    "/portaal/",
    "/portal/",
    "/expert/",
    "/accounts/",
    "/mijn-gegevens/",
    "/my-data/",
)
_LANGUAGE_PREFIXES = ("/en/", "/nl/")


def _without_language_prefix(path: str) -> str:
    for prefix in _LANGUAGE_PREFIXES:
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def is_admin_path(path: str) -> bool:
    return path.startswith("/admin/")


def is_private_path(path: str) -> bool:
    return _without_language_prefix(path).startswith(PRIVATE_PREFIXES)


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy and, in private areas, `Cache-Control: no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = ADMIN_CSP if is_admin_path(path) else STRICT_CSP
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if redact_path(path) != path:
            # A page whose address is a secret (answer link, feed): the browser must not send
            # that address as Referer with the requests the page makes (it would land in logs).
            # Only the origin; "no-referrer" would make forms post `Origin: null`, which
            # Django's CSRF check rightly refuses.
            response["Referrer-Policy"] = "strict-origin"
        # Every response in these areas, signed in or not: anonymous visitors there only see
        # login forms, redirects and token pages (answer links), none of which may be stored.
        if is_private_path(path):
            # Django's helper: "max-age=0, no-cache, no-store, must-revalidate, private".
            response.headers.pop("Cache-Control", None)
            add_never_cache_headers(response)
        return response

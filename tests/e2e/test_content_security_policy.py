"""The Content-Security-Policy breaks nothing: public pages, the request form, the expert portal
and the Wagtail page editor (image chooser, live preview, the userbar on the site) run without a
single CSP violation, in a real browser."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from cms.models import NewsArticlePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


class Watch:
    """Collects CSP violations (DOM events) and CSP messages on the console of every page."""

    def __init__(self, page):
        self.page = page
        self.console = []
        self.events = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            self.console.append(f"{self.page.url}: {text}")

    def collect(self):
        for frame in self.page.frames:
            try:
                found = frame.evaluate("window.__cspViolations || []")
            except Exception:  # noqa: BLE001 - a frame navigating away has nothing to report
                continue
            self.events.extend(f"{frame.url}: {item}" for item in found)

    def assert_clean(self):
        self.collect()
        assert self.events == []
        assert self.console == []


def _log_in(page, base, email, next_url):
    page.goto(f"{base}/accounts/inloggen/?next={next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", settings.HOPE_DEMO_DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{base}{next_url}")


def test_no_csp_violations_on_site_portal_and_admin(browser, live_server):
    call_command("seed_demo")
    base = live_server.url

    # A visitor: the home page and the request form.
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    watch = Watch(page)
    response = page.goto(base + "/")
    assert "script-src 'self';" in response.headers["content-security-policy"] + ";"
    assert page.locator("h1").count() == 1
    watch.collect()
    page.goto(base + reverse("bookings:request_new"))
    assert page.locator("form").count() >= 1
    watch.collect()

    # An expert: the portal and the page with the calendar feed.
    _log_in(page, base, "expert1@example.org", "/expert/")
    watch.collect()
    page.goto(base + reverse("speakers:feed_settings"))
    watch.collect()
    watch.assert_clean()
    context.close()

    # A coordinator: the page editor, the image chooser, the live preview, the userbar.
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    watch = Watch(page)
    _log_in(page, base, "coordinator@example.org", "/admin/")
    article = NewsArticlePage.objects.live().first()
    response = page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.locator("[data-chooser-action-choose]").first.evaluate("button => button.click()")
    page.locator(".modal-dialog").first.wait_for(state="visible")
    assert page.locator(".modal-dialog input[type=search], .modal-dialog input#id_q").count() >= 1
    watch.collect()
    page.locator(".modal [data-dismiss='modal']").first.click()
    page.locator(".modal-dialog").first.wait_for(state="detached")

    page.locator("[data-side-panel-toggle='preview']").first.click()
    # Wagtail loads the preview in a second iframe and then swaps it in.
    iframes = "iframe[data-w-preview-target='iframe']"
    page.wait_for_function(
        f'() => document.querySelectorAll("{iframes}").length === 1'
        f" && document.querySelector(\"{iframes}\").src.includes('/preview/')"
    )
    preview = page.frame_locator(iframes)
    preview.locator("h1").first.wait_for(state="visible")
    assert article.title in preview.locator("h1").first.inner_text()
    watch.collect()

    page.goto(base + "/")
    page.locator("wagtail-userbar").first.wait_for(state="attached")
    page.wait_for_timeout(500)
    watch.assert_clean()
    context.close()

"""Two app servers, one PostgreSQL, one Redis (started by `.ci/two_instances.sh`).

What must hold when the portal runs on more than one machine: a page published through one app
server is seen at once through the other (the page cache's version lives in Redis), and a rate
limit counts the attempts made on both (allauth's login_failed, counted in Redis).

The script passes the two base URLs and the seeded accounts in HOPE_CLUSTER_* variables; without
them (any other test run) these tests are skipped.
"""

import os
import re
import uuid
from html.parser import HTMLParser

import pytest
import requests

pytestmark = pytest.mark.cluster

A = os.environ.get("HOPE_CLUSTER_A", "")
B = os.environ.get("HOPE_CLUSTER_B", "")
if not (A and B):
    pytest.skip("needs the two instances of .ci/two_instances.sh", allow_module_level=True)

EDITOR = os.environ["HOPE_CLUSTER_EDITOR"]
PASSWORD = os.environ["HOPE_CLUSTER_PASSWORD"]
PAGE_ID = os.environ["HOPE_CLUSTER_PAGE_ID"]
PAGE_PATH = os.environ["HOPE_CLUSTER_PAGE_PATH"]
TIMEOUT = 30
# Behind a load balancer every app server sees the public host name, not its own port; allauth's
# per-account login limit and the page cache key on it.
HOST = {"Host": "localhost"}


class FormFields(HTMLParser):
    """The named fields of the page editor's form, as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields, self.textarea = form_id, False, [], None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = [name, None]
        elif (
            tag == "option"
            and self.select is not None
            and ("selected" in attrs or self.select[1] is None)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] or ""))
            self.select = None
        elif tag == "form" and self.inside:
            self.inside = False


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(base: str, email: str, password: str) -> tuple[requests.Session, requests.Response]:
    session = requests.Session()
    session.headers.update(HOST)
    login_url = f"{base}/accounts/inloggen/"
    page = session.get(login_url, timeout=TIMEOUT)
    response = session.post(
        login_url,
        data={
            "csrfmiddlewaretoken": csrf_token(page.text),
            "login": email,
            "password": password,
        },
        timeout=TIMEOUT,
    )
    return session, response


def anonymous_get(base: str, path: str) -> requests.Response:
    return requests.get(f"{base}{path}", headers=HOST, timeout=TIMEOUT)


def test_a_publish_through_one_instance_is_seen_at_once_through_the_other():
    anonymous_get(B, PAGE_PATH)
    cached = anonymous_get(B, PAGE_PATH)
    assert cached.status_code == 200
    assert cached.headers.get("X-Page-Cache") == "hit"  # B serves it from the shared cache

    editor, _response = log_in(A, EDITOR, PASSWORD)
    edit_url = f"{A}/admin/pages/{PAGE_ID}/edit/"
    editor_page = editor.get(edit_url, timeout=TIMEOUT)
    assert editor_page.status_code == 200, editor_page.url
    parser = FormFields("page-edit-form")
    parser.feed(editor_page.text)
    new_title = f"Gepubliceerd via A {uuid.uuid4().hex[:8]}"
    fields = [(name, value) for name, value in parser.fields if name != "title"]
    fields += [("title", new_title), ("action-publish", "action-publish")]
    # Wagtail's StreamField builds its inputs in the browser; the seeded page's body is empty.
    if not any(name == "body-count" for name, _value in fields):
        fields.append(("body-count", "0"))
    published = editor.post(edit_url, data=fields, timeout=TIMEOUT)
    assert published.status_code == 200, published.status_code
    assert not published.url.endswith("/edit/"), "the editor refused the form"  # back to explorer

    seen = anonymous_get(B, PAGE_PATH)
    assert new_title in seen.text
    assert seen.headers.get("X-Page-Cache") != "hit"  # rendered anew, not the stale copy


def test_failed_logins_count_across_both_instances():
    email = os.environ["HOPE_CLUSTER_LIMITED"]
    for base in (A, A, A, B, B):  # allauth's login_failed: 5 per 5 minutes per account
        _session, response = log_in(base, email, "not-the-password")
        assert response.status_code == 200
        errors = " ".join(
            re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text, re.S)
        )
        assert "too many" not in response.text.lower(), errors
        assert "/accounts/inloggen/" in response.url, errors

    _session, refused = log_in(B, email, PASSWORD)  # even the right password, on either one

    assert "sessionid" not in refused.cookies
    assert "/accounts/inloggen/" in refused.url
    text = refused.text.lower()
    # allauth's "too many failed login attempts", in the project's own Dutch wording or English.
    assert "te vaak mislukt" in text or "too many" in text

"""Admin access goes through allauth; roles decide what the admin offers."""

import pytest
from django.urls import reverse

from tests.factories import CoordinatorFactory, EditorFactory, UserFactory
from tests.factories.accounts import PASSWORD


@pytest.mark.django_db
def test_wagtail_login_redirects_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/pages/" in response["Location"]


@pytest.mark.django_db
def test_admin_requires_login_through_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_wagtail_password_reset_is_disabled(client):
    response = client.get("/admin/password_reset/")
    assert response.status_code in (302, 404)
    assert "password_reset" not in response.get("Location", "")


@pytest.mark.django_db
def test_coordinator_logs_in_with_allauth_and_reaches_the_admin(client):
    coordinator = CoordinatorFactory(email="coco@example.org")
    response = client.post(
        reverse("account_login"), {"login": "COCO@example.org", "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user == coordinator
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    CoordinatorFactory(email="coco@example.org")
    response = client.post(
        reverse("account_login"), {"login": "coco@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert response.context["form"].errors


@pytest.mark.django_db
def test_unverified_email_cannot_log_in(client):
    UserFactory(email="new@example.org", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "new@example.org", "password": PASSWORD}
    )
    assert not response.wsgi_request.user.is_authenticated or response.status_code == 302
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_editor_can_use_pages_but_not_users_or_settings(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/groups/").status_code in (302, 403)


@pytest.mark.django_db
def test_ordinary_user_cannot_use_the_admin(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_english_login_page_is_english(client):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert b'lang="en"' in response.content


@pytest.mark.django_db
def test_editor_can_translate_a_page_into_english(client):
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code="en")
    home = Page.objects.get(depth=2)
    client.force_login(EditorFactory())
    url = reverse("simple_translation:submit_page_translation", args=[home.id])
    assert client.get(url).status_code == 200
    english = Locale.objects.get(language_code="en")
    response = client.post(url, {"locales": [english.id]})
    assert response.status_code == 302
    assert Page.objects.filter(translation_key=home.translation_key, locale=english).exists()

import pytest
from django.db import transaction

from hope.emails import send_templated_email, send_templated_email_to_user
from tests.factories import UserFactory


@pytest.mark.django_db
def test_email_is_sent_after_commit_in_the_recipients_language(
    django_capture_on_commit_callbacks, mailoutbox
):
    dutch = UserFactory(preferred_language="nl", first_name="Sam")
    english = UserFactory(preferred_language="en", first_name="Alex")
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email_to_user(user=dutch, template="test_message", context={"name": "Sam"})
        send_templated_email_to_user(
            user=english, template="test_message", context={"name": "Alex"}
        )
        assert mailoutbox == []  # nothing leaves before the transaction commits

    assert len(mailoutbox) == 2
    nl_mail, en_mail = mailoutbox
    assert nl_mail.to == [dutch.email]
    assert "Hallo Sam" in nl_mail.body
    assert "Testbericht" in nl_mail.subject
    assert en_mail.to == [english.email]
    assert "Hello Alex" in en_mail.body
    assert "Test message" in en_mail.subject
    html, mimetype = en_mail.alternatives[0]
    assert mimetype == "text/html"
    assert "Hello Alex" in html
    assert '<html lang="en">' in html


@pytest.mark.django_db(transaction=True)
def test_email_is_not_sent_when_the_transaction_rolls_back(mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_templated_email(
            to="someone@example.org", template="test_message", context={"name": "X"}
        )
        raise RuntimeError("rollback")
    assert mailoutbox == []


@pytest.mark.django_db
def test_user_content_in_email_is_escaped_in_html(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            to="a@example.org",
            template="test_message",
            context={"name": "<b>bold</b>"},
            language="en",
        )
    html = mailoutbox[0].alternatives[0][0]
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html

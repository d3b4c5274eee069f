"""Email backends for tests, selected with the EMAIL_BACKEND setting (not mocks of our code)."""

from django.conf import settings
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class OutageEmailBackend(LocmemBackend):
    """Django's in-memory backend, except that while ``settings.TEST_MAIL_SERVER_DOWN`` is true
    every send fails the way a mail server that is down fails: the connection is refused."""

    def send_messages(self, messages):
        if getattr(settings, "TEST_MAIL_SERVER_DOWN", False):
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)

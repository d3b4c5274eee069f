"""PostgreSQL: the same message posted twice at the same moment is stored once.

The second post passes the service's "stored already?" check before the first commits; the
unique token column makes it wait and fail, and the service then returns the first message.
Run by `make test-postgres` (.ci/postgres.sh); skipped on SQLite.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from bookings.models import Message
from bookings.services.request_messages import message_post
from tests.factories.accounts import CoordinatorFactory
from tests.factories.bookings import BookingRequestFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions"),
]
TIMEOUT = 20
TOKEN = "0123456789abcdef0123456789abcdef"


def test_two_simultaneous_posts_of_one_form_store_one_message():
    booking_request = BookingRequestFactory()
    coordinator = CoordinatorFactory()
    first_inserted, release_first = threading.Event(), threading.Event()
    results, errors = {}, []

    def post(name):
        return message_post(
            booking_request=booking_request,
            author=coordinator,
            body="We will call you tomorrow.",
            submission_token=TOKEN,
        )

    def first():
        try:
            with transaction.atomic():
                results["first"] = post("first")
                first_inserted.set()
                release_first.wait(TIMEOUT)
                time.sleep(0.5)  # the second post is inside the service by now
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def second():
        first_inserted.wait(TIMEOUT)
        release_first.set()
        try:
            results["second"] = post("second")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive()
    assert errors == []
    assert Message.objects.filter(request=booking_request).count() == 1
    assert results["first"].pk == results["second"].pk

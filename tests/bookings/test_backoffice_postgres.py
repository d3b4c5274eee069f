"""PostgreSQL: two coordinators booking one expert at the same moment cannot double-book.

Run by `make test-postgres` (.ci/postgres.sh); skipped on SQLite.
"""

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from bookings.enums import EngagementStatus
from bookings.models import Engagement
from bookings.services.engagements import EngagementRefused, engagement_ask
from bookings.services.scheduling import SchedulingConflict
from tests.factories.accounts import CoordinatorFactory
from tests.factories.backoffice import FittingExpertFactory, MatchingRequestFactory, in_days
from tests.factories.bookings import BookingRequestFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL-only"
    ),
]
TIMEOUT = 20


def run_in_threads(*targets):
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive()


def test_the_database_refuses_overlapping_engagements_from_two_transactions():
    expert = FittingExpertFactory()
    first, second = BookingRequestFactory(), BookingRequestFactory()
    start = in_days(10)
    first_inserted, release_first = threading.Event(), threading.Event()
    outcome = {}

    def coordinator_a():
        try:
            with transaction.atomic():
                Engagement.objects.create(
                    request=first,
                    expert=expert,
                    status=EngagementStatus.ASKED,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=2),
                )
                first_inserted.set()
                release_first.wait(TIMEOUT)  # keep the transaction open: not committed yet
            outcome["a"] = "committed"
        finally:
            connection.close()

    def coordinator_b():
        first_inserted.wait(TIMEOUT)
        try:
            with transaction.atomic():
                # The service's own check cannot see A's uncommitted row; the constraint can.
                assert not Engagement.objects.filter(expert=expert).exists()
                release_first.set()
                Engagement.objects.create(
                    request=second,
                    expert=expert,
                    status=EngagementStatus.ASKED,
                    starts_at=start + dt.timedelta(hours=1),
                    ends_at=start + dt.timedelta(hours=3),
                )
            outcome["b"] = "committed"
        except IntegrityError as error:
            outcome["b"] = error
        finally:
            connection.close()

    run_in_threads(coordinator_a, coordinator_b)

    assert outcome["a"] == "committed"
    assert isinstance(outcome["b"], IntegrityError)
    assert "bookings_engagement_no_overlap" in str(outcome["b"])
    assert Engagement.objects.filter(expert=expert).count() == 1


def test_cancelled_engagements_and_other_experts_do_not_block():
    expert, other_expert = FittingExpertFactory(), FittingExpertFactory()
    start = in_days(10)
    slot = {"starts_at": start, "ends_at": start + dt.timedelta(hours=2)}
    Engagement.objects.create(
        request=BookingRequestFactory(), expert=expert, status=EngagementStatus.CANCELLED, **slot
    )
    Engagement.objects.create(
        request=BookingRequestFactory(), expert=expert, status=EngagementStatus.ASKED, **slot
    )
    Engagement.objects.create(
        request=BookingRequestFactory(),
        expert=other_expert,
        status=EngagementStatus.CONFIRMED,
        **slot,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(
            request=BookingRequestFactory(),
            expert=expert,
            status=EngagementStatus.CONFIRMED,
            **slot,
        )


def test_two_coordinators_asking_one_expert_at_once_book_exactly_once():
    expert = FittingExpertFactory(monthly_capacity=10)
    start = in_days(15)
    requests = [MatchingRequestFactory(options=[start]) for _ in range(2)]
    coordinators = [CoordinatorFactory() for _ in range(2)]
    barrier = threading.Barrier(2)
    outcome = {}

    def ask(index):
        def run():
            try:
                barrier.wait(TIMEOUT)
                engagement_ask(
                    booking_request=requests[index],
                    expert=expert,
                    actor=coordinators[index],
                    date_option=requests[index].date_options.get(),
                )
                outcome[index] = "asked"
            except (SchedulingConflict, EngagementRefused) as error:
                outcome[index] = error
            finally:
                connection.close()

        return run

    run_in_threads(ask(0), ask(1))

    assert sorted(str(type(value).__name__) for value in outcome.values()) == [
        "SchedulingConflict",
        "str",
    ]
    assert Engagement.objects.filter(expert=expert).count() == 1

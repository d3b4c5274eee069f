"""Unavailability (one-off and weekly), skipping a week, and the conflict selector."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from schedule.models import Event

from speakers import selectors, services
from speakers.selectors import AMSTERDAM
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db


def local(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def weekly_block(expert, start, hours=3, **kwargs):
    return services.unavailability_add(
        expert=expert,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        weekly=True,
        **kwargs,
    )


@pytest.fixture
def expert():
    return ExpertFactory()


class TestWeeklyAcrossDST:
    """Every Tuesday 09:00–12:00 Amsterdam stays 09:00–12:00 local on both sides of a DST change."""

    @pytest.mark.parametrize(
        ("first", "after_change"),
        [
            # Last Sunday of March 2030 is 31 March: summer time starts.
            (local(2030, 3, 19, 9, 0), local(2030, 4, 2, 9, 0)),
            # Last Sunday of October 2030 is 27 October: winter time starts.
            (local(2030, 10, 15, 9, 0), local(2030, 10, 29, 9, 0)),
        ],
    )
    def test_local_time_is_kept(self, expert, first, after_change):
        weekly_block(expert, first)

        entries = selectors.calendar_occurrences(
            experts=[expert],
            start=after_change - datetime.timedelta(hours=12),
            end=after_change + datetime.timedelta(hours=12),
        )[expert.pk]
        assert len(entries) == 1
        assert entries[0].start == after_change
        assert entries[0].start.astimezone(AMSTERDAM).hour == 9
        assert entries[0].end.astimezone(AMSTERDAM).hour == 12
        # Busy at 09:30 local after the change, free at 08:30 local (the UTC-shifted hour).
        assert not selectors.expert_is_free(
            expert=expert,
            start=after_change + datetime.timedelta(minutes=30),
            end=after_change + datetime.timedelta(minutes=45),
        )
        assert selectors.expert_is_free(
            expert=expert,
            start=after_change - datetime.timedelta(minutes=60),
            end=after_change - datetime.timedelta(minutes=30),
        )
        assert selectors.expert_is_free(
            expert=expert,
            start=after_change + datetime.timedelta(hours=3),
            end=after_change + datetime.timedelta(hours=4),
        )

    def test_utc_offsets_differ_but_local_hours_match(self, expert):
        weekly_block(expert, local(2030, 3, 26, 9, 0))
        entries = selectors.calendar_occurrences(
            experts=[expert], start=local(2030, 3, 25), end=local(2030, 4, 3)
        )[expert.pk]
        assert [entry.start.utcoffset() for entry in entries] == [
            datetime.timedelta(hours=1),
            datetime.timedelta(hours=2),
        ]
        assert {entry.start.hour for entry in entries} == {9}


class TestConflictSelector:
    def test_one_off_period_is_busy_only_inside(self, expert):
        services.unavailability_add(
            expert=expert, start=local(2030, 6, 3, 13, 0), end=local(2030, 6, 3, 17, 0)
        )
        assert not selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 3, 16, 0), end=local(2030, 6, 3, 18, 0)
        )
        # Touching edges are not a conflict.
        assert selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 3, 17, 0), end=local(2030, 6, 3, 18, 0)
        )
        assert selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 3, 11, 0), end=local(2030, 6, 3, 13, 0)
        )

    def test_other_events_in_the_calendar_are_busy_too(self, expert):
        # Engagements are events in the same calendar, added by the bookings app.
        Event.objects.create(
            calendar=expert.calendar,
            start=local(2030, 6, 4, 10),
            end=local(2030, 6, 4, 12),
            title="Engagement",
        )
        assert not selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 4, 11), end=local(2030, 6, 4, 13)
        )

    def test_skipped_week_is_free_and_other_weeks_are_not(self, expert):
        block = weekly_block(expert, local(2030, 6, 4, 9, 0))
        services.unavailability_skip_occurrence(
            unavailability=block, original_start=local(2030, 6, 11, 9, 0)
        )
        assert selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 11, 10), end=local(2030, 6, 11, 11)
        )
        assert not selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 18, 10), end=local(2030, 6, 18, 11)
        )

    def test_weekly_block_stops_after_its_last_week(self, expert):
        weekly_block(expert, local(2030, 6, 4, 9, 0), repeat_until=datetime.date(2030, 6, 11))
        assert not selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 11, 10), end=local(2030, 6, 11, 11)
        )
        assert selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 18, 10), end=local(2030, 6, 18, 11)
        )

    def test_removed_period_is_free_again(self, expert):
        block = weekly_block(expert, local(2030, 6, 4, 9, 0))
        services.unavailability_remove(unavailability=block)
        assert selectors.expert_is_free(
            expert=expert, start=local(2030, 6, 4, 10), end=local(2030, 6, 4, 11)
        )
        assert not Event.objects.filter(pk=block.event_id).exists()

    def test_batch_query_count_does_not_depend_on_events(self, django_assert_max_num_queries):
        experts = ExpertFactory.create_batch(3)
        window = (local(2030, 9, 2, 9), local(2030, 9, 2, 17))

        def count():
            with django_assert_max_num_queries(2) as captured:
                selectors.experts_free_between(experts=experts, start=window[0], end=window[1])
            return len(captured.captured_queries)

        services.unavailability_add(
            expert=experts[0], start=local(2030, 9, 2, 12), end=local(2030, 9, 2, 13)
        )
        few = count()
        for index, expert in enumerate(experts):
            for week in range(6):
                weekly_block(expert, local(2030, 7, 1 + index, 9 + week, 0), hours=1)
            services.unavailability_add(
                expert=expert, start=local(2030, 9, 2, 8 + index), end=local(2030, 9, 2, 9 + index)
            )
        block = experts[0].unavailabilities.filter(event__rule__isnull=False).first()
        services.unavailability_skip_occurrence(
            unavailability=block, original_start=local(2030, 7, 8, 9, 0)
        )
        assert count() == few == 2

    def test_batch_answers_per_expert(self, expert):
        other = ExpertFactory()
        no_calendar = ExpertFactory(calendar=False)
        services.unavailability_add(
            expert=expert, start=local(2030, 6, 3, 9), end=local(2030, 6, 3, 17)
        )
        answer = selectors.experts_free_between(
            experts=[expert, other, no_calendar],
            start=local(2030, 6, 3, 10),
            end=local(2030, 6, 3, 11),
        )
        assert answer == {expert.pk: False, other.pk: True, no_calendar.pk: True}

    def test_available_experts_leaves_out_paused_and_busy(self, expert):
        paused = ExpertFactory(paused=True)
        paused_until_before = ExpertFactory(paused=True, paused_until=datetime.date(2030, 6, 1))
        free = ExpertFactory()
        services.unavailability_add(
            expert=expert, start=local(2030, 6, 3, 9), end=local(2030, 6, 3, 17)
        )
        result = selectors.available_experts(
            start=local(2030, 6, 3, 10),
            end=local(2030, 6, 3, 11),
            experts=[expert, paused, paused_until_before, free],
        )
        assert set(result) == {paused_until_before, free}


class TestBadPeriods:
    def test_end_before_start(self, expert):
        with pytest.raises(ValidationError) as exc:
            services.unavailability_add(
                expert=expert, start=local(2030, 6, 3, 17), end=local(2030, 6, 3, 9)
            )
        assert "end" in exc.value.message_dict
        assert not expert.unavailabilities.exists()

    def test_weekly_block_of_a_week_or_more(self, expert):
        with pytest.raises(ValidationError):
            services.unavailability_add(
                expert=expert, start=local(2030, 6, 3, 9), end=local(2030, 6, 10, 9), weekly=True
            )

    def test_period_in_the_past(self, expert):
        with pytest.raises(ValidationError):
            services.unavailability_add(
                expert=expert, start=local(2020, 6, 3, 9), end=local(2020, 6, 3, 10)
            )

    def test_overlapping_unavailability(self, expert):
        services.unavailability_add(
            expert=expert, start=local(2030, 6, 3, 9), end=local(2030, 6, 3, 17)
        )
        with pytest.raises(ValidationError) as exc:
            services.unavailability_add(
                expert=expert, start=local(2030, 6, 3, 12), end=local(2030, 6, 3, 18)
            )
        assert "start" in exc.value.message_dict
        assert expert.unavailabilities.count() == 1

    def test_last_week_before_first(self, expert):
        with pytest.raises(ValidationError):
            weekly_block(expert, local(2030, 6, 4, 9), repeat_until=datetime.date(2030, 6, 1))

    def test_skipping_a_week_that_is_not_in_the_period(self, expert):
        block = weekly_block(expert, local(2030, 6, 4, 9, 0))
        with pytest.raises(ValidationError):
            services.unavailability_skip_occurrence(
                unavailability=block, original_start=local(2030, 6, 12, 9, 0)
            )

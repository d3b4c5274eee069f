"""What matching returns: per expert the fit, the date options, the load and, when she cannot be
asked, every reason (a stable code and the coordinator's sentence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bookings.models import BookingRequest
from speakers.models import Expert

from .load import month_label


class Exclusion:
    """Why an expert cannot be asked (stable codes, for tests and the template)."""

    NO_GO_TOPIC = "no_go_topic"
    FORMAT_NOT_OFFERED = "format_not_offered"
    AUDIENCE_NOT_ACCEPTED = "audience_not_accepted"
    IDENTITY_INCOMPATIBLE = "identity_incompatible"
    PAUSED = "paused"
    AT_CAPACITY = "at_capacity"
    RESTING = "resting"
    UNAVAILABLE = "unavailable"
    ALREADY_BOOKED = "already_booked"
    DECLINED_BEFORE = "declined_before"
    PREFERS_NOT_AGAIN = "prefers_not_again"


@dataclass
class OptionFit:
    """How one date option suits one expert."""

    position: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    free: bool = True
    paused: bool = False
    at_capacity: bool = False
    resting: bool = False
    load: int = 0
    capacity: int = 0

    @property
    def usable(self) -> bool:
        return self.free and not (self.paused or self.at_capacity or self.resting)


@dataclass
class ExpertMatch:
    expert: Expert
    fitting_topics: list[str] = field(default_factory=list)
    preferred: bool = False
    options: list[OptionFit] = field(default_factory=list)
    # Her load in the month asked for (of the first date option she can do; this month when the
    # request has no date options), and that month.
    month_load: int = 0
    load_month: dt.datetime | None = None
    capacity: int = 0
    recent_engagements: int = 0
    exclusions: list[tuple[str, str]] = field(default_factory=list)  # (code, sentence)

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def exclusion_codes(self) -> list[str]:
        return [code for code, _sentence in self.exclusions]

    @property
    def usable_options(self) -> list[OptionFit]:
        return [option for option in self.options if option.usable]

    @property
    def sort_key(self):
        return (
            -len(self.fitting_topics),
            not self.preferred,
            self.recent_engagements,
            self.month_load,
            self.expert.public_name.lower(),
            self.expert.pk,
        )

    @property
    def reasons(self) -> list[str]:
        """Plain sentences for the coordinator: fit, free options, load."""
        reasons = []
        if self.preferred:
            reasons.append(_("preferred by the organisation"))
        if self.fitting_topics:
            reasons.append(_("fits topics %(topics)s") % {"topics": ", ".join(self.fitting_topics)})
        else:
            reasons.append(_("no shared topics"))
        usable = [str(option.position) for option in self.usable_options]
        if usable:
            reasons.append(
                ngettext(
                    "free on option %(options)s",
                    "free on options %(options)s",
                    len(usable),
                )
                % {"options": ", ".join(usable)}
            )
        elif not self.options:
            reasons.append(_("no date options to check"))
        if self.load_month is not None:
            reasons.append(
                _("%(load)s of %(capacity)s engagements in %(month)s")
                % {
                    "load": self.month_load,
                    "capacity": self.capacity,
                    "month": month_label(self.load_month),
                }
            )
        reasons.append(
            ngettext(
                "%(count)s engagement in the last three months",
                "%(count)s engagements in the last three months",
                self.recent_engagements,
            )
            % {"count": self.recent_engagements}
        )
        return reasons

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class MatchResult:
    booking_request: BookingRequest
    candidates: list[ExpertMatch]
    excluded: list[ExpertMatch]

    def for_expert(self, expert_id: int) -> ExpertMatch | None:
        for match in (*self.candidates, *self.excluded):
            if match.expert.pk == expert_id:
                return match
        return None

"""Old home of the request reports; they live in cohort, demand, funnel and response_times.
Import from there; this module only re-exports.
"""

from bookings.reports.cohort import S, cohort  # noqa: F401
from bookings.reports.demand import requests_report, themes_report, unmet_report  # noqa: F401
from bookings.reports.funnel import (  # noqa: F401
    EXITS,
    LATE_AFTER,
    LATE_EARLY,
    LATE_NO_DATE,
    LATE_SHORT,
    LATE_WEEKS,
    REACHED,
    STAGE_STATUS,
    funnel_report,
    how_late,
    late_labels,
)
from bookings.reports.response_times import TRIAGE_DECISIONS, response_report  # noqa: F401

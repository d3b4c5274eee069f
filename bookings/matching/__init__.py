"""Matching: which experts could be asked for a request, in which order, and why others cannot.

`match_experts(booking_request=...)` returns ranked candidates (with the reasons a coordinator
reads: "fits topics X, Y; free on option 2; 1 of 3 engagements in March 2027") and the experts
left out with every rule of care they fail. `check_expert_for_slot` is the same rules for one
exact slot, before every ask and move.

This package is a facade; the parts, by responsibility:
- `load`: what an engagement weighs, months, and the capacity sentence;
- `results`: what matching returns (`Exclusion`, `OptionFit`, `ExpertMatch`, `MatchResult`);
- `ranking`: `match_experts` and the experts' prefetch;
- `slot`: `check_expert_for_slot`.
"""

from .load import FAIRNESS_WINDOW, capacity_sentence, engagement_weight, month_label
from .ranking import match_experts, matching_experts_queryset
from .results import Exclusion, ExpertMatch, MatchResult, OptionFit
from .slot import check_expert_for_slot

__all__ = [
    "FAIRNESS_WINDOW",
    "Exclusion",
    "ExpertMatch",
    "MatchResult",
    "OptionFit",
    "capacity_sentence",
    "check_expert_for_slot",
    "engagement_weight",
    "match_experts",
    "matching_experts_queryset",
    "month_label",
]

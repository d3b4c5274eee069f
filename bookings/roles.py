"""The coordinators' model permissions on bookings (synced into the group by hope.roles)."""

_MODELS = [
    "organisation",
    "organisationmembership",
    "bookingrequest",
    "dateoption",
    "engagement",
    "activity",
    "message",
    "evaluation",
    "savedreply",
]
_ACTIONS = ["view", "add", "change"]

GROUP_PERMISSIONS = {
    "Coordinators": [
        *(f"bookings.{action}_{model}" for model in _MODELS for action in _ACTIONS),
        # Deleting is limited to what a coordinator may tidy up; requests are anonymised instead.
        "bookings.delete_organisationmembership",
        "bookings.delete_dateoption",
        "bookings.delete_message",
        "bookings.delete_savedreply",
        # The volunteer-allowance ceilings (Settings → volunteer-allowance ceilings).
        "bookings.view_feeceilings",
        "bookings.change_feeceilings",
    ],
}

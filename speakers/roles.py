"""Permissions the staff groups get for the experts app (see hope.roles).

Editors get nothing here: experts' private data (identity, preferences, calendars) is for
coordinators only.
"""

GROUP_PERMISSIONS = {
    "Coordinators": [
        "speakers.add_expert",
        "speakers.change_expert",
        "speakers.delete_expert",
        "speakers.view_expert",
        "speakers.add_topic",
        "speakers.change_topic",
        "speakers.delete_topic",
        "speakers.view_topic",
    ],
}

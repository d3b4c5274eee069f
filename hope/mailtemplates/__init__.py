"""Email templates coordinators can edit: an override per template and language, with an
allow-list of placeholders per template (registry), checked on save and at send time."""

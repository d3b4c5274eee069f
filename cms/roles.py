"""Permissions the public-site app adds to the staff groups (see hope/roles.py)."""

_SITE_PERMISSIONS = [
    "cms.change_sitesettings",
    "cms.view_sitesettings",
    "cms.add_theme",
    "cms.change_theme",
    "cms.delete_theme",
    "cms.view_theme",
]

GROUP_PERMISSIONS = {
    "Coordinators": list(_SITE_PERMISSIONS),
    "Editors": list(_SITE_PERMISSIONS),
}

"""The staff roles (Django groups) and the permissions each one holds.

Groups are created by a migration; their permissions are re-synced after every `migrate`, so a
permission that a later migration adds to `GROUP_PERMISSIONS` reaches existing databases.
"""

from django.contrib.auth.models import Group, Permission

COORDINATORS = "Coordinators"
EDITORS = "Editors"

# Model permissions as "app_label.codename". Page, image and document permissions are given
# per tree/collection in `sync_groups` because Wagtail checks them there.
_CMS_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
    "simple_translation.submit_translation",
]
GROUP_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: list(_CMS_PERMISSIONS),
    COORDINATORS: [
        *_CMS_PERMISSIONS,
        "wagtailsettings.change_sitesettings",
        "wagtailcore.view_logentry",
        # The email outbox: the failed list, the sent log and "resend" (hope/wagtail_hooks.py).
        "hope.view_outboundemail",
        "hope.resend_outboundemail",
    ],
}
# Every installed app may extend the groups' permissions in its own `<app>/roles.py` with a
# `GROUP_PERMISSIONS` dict (see speakers/roles.py, bookings/roles.py): hope names no app above it.
ROLES_MODULE = "roles"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}
# The website's images (a collection under the root, made by a migration). Editors' image
# permissions apply here, not at the root: Wagtail's collection permissions reach every
# collection below the one granted, and other collections under the root (the experts' photos)
# are not for editors. Coordinators hold their permissions at the root, so they see everything.
SITE_IMAGES_COLLECTION = "Website"
# Where each group's collection permissions apply: None is the root collection.
COLLECTION_SCOPES: dict[str, dict[str, str | None]] = {
    COORDINATORS: {"wagtailimages": None, "wagtaildocs": None},
    EDITORS: {"wagtailimages": SITE_IMAGES_COLLECTION, "wagtaildocs": None},
}


def _permissions_for(group_name: str) -> list[str]:
    from importlib import import_module

    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    names = list(GROUP_PERMISSIONS.get(group_name, []))
    for app_config in apps.get_app_configs():
        if app_config.name == __package__ or not module_has_submodule(
            app_config.module, ROLES_MODULE
        ):
            continue
        module = import_module(f"{app_config.name}.{ROLES_MODULE}")
        names.extend(getattr(module, "GROUP_PERMISSIONS", {}).get(group_name, []))
    return names


def sync_groups() -> None:
    """Create the groups and give them exactly their listed permissions (idempotent)."""
    from wagtail.models import GroupPagePermission, Page

    for group_name in (COORDINATORS, EDITORS):
        group, _created = Group.objects.get_or_create(name=group_name)
        wanted = []
        for dotted in _permissions_for(group_name):
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)

        root_page = Page.get_first_root_node()
        if root_page is not None:
            for codename in PAGE_PERMISSIONS:
                permission = Permission.objects.filter(
                    content_type__app_label="wagtailcore", codename=codename
                ).first()
                if permission:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=root_page, permission=permission
                    )
        _sync_collection_permissions(group)


def site_images_collection():
    """The website's image collection (editors work here), made if it is missing."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if root is None:
        return None
    existing = root.get_children().filter(name=SITE_IMAGES_COLLECTION).first()
    return existing or root.add_child(name=SITE_IMAGES_COLLECTION)


def _sync_collection_permissions(group) -> None:
    """Give `group` exactly its image and document permissions, each on its own collection.

    Permissions of these kinds held elsewhere are removed (Wagtail's own initial data gives a
    group named "Editors" image permissions on the root, which would reach the experts' photos).
    """
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    scopes = COLLECTION_SCOPES.get(group.name, {})
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        scope = scopes.get(app_label)
        collection = site_images_collection() if scope == SITE_IMAGES_COLLECTION else root
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        GroupCollectionPermission.objects.filter(group=group, permission__in=permissions).exclude(
            collection=collection
        ).delete()
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def sync_group_permissions_after_migrate(sender, app_config=None, using="default", **kwargs):
    # Runs once, after the last app's post_migrate, when every permission exists.
    from django.apps import apps

    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is None or app_config.label != last_app.label:
        return
    if not Group.objects.using(using).filter(name__in=[COORDINATORS, EDITORS]).exists():
        return  # The groups migration has not run (e.g. migrating to an earlier state).
    sync_groups()


_COORDINATOR_CACHE_ATTRIBUTE = "_hope_is_coordinator"


def is_coordinator(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=COORDINATORS).exists()


def is_coordinator_cached(user) -> bool:
    """`is_coordinator`, asked once per request (listings ask for every row)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, _COORDINATOR_CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = is_coordinator(user)
        setattr(user, _COORDINATOR_CACHE_ATTRIBUTE, cached)
    return cached


def is_editor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.groups.filter(name=EDITORS).exists()

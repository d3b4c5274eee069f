"""The website's images get their own collection, where editors' image permissions apply.

Editors' image permissions move from the root collection to "Website" (hope.roles.sync_groups,
after every migrate), so collections beside it, such as the experts' photos, are not theirs to
browse. Images that sat in the root collection move to "Website", so editors keep seeing them.
"""

from django.db import migrations

SITE_IMAGES_COLLECTION = "Website"


def create_and_fill(apps, schema_editor):
    # The tree is kept by treebeard's methods, which historical models do not have; Wagtail's
    # Collection model is stable at the dependency below.
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if root is None:
        return
    collection = root.get_children().filter(name=SITE_IMAGES_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=SITE_IMAGES_COLLECTION)
    Image = apps.get_model("wagtailimages", "Image")
    Image.objects.filter(collection_id=root.pk).update(collection_id=collection.pk)


def move_back(apps, schema_editor):
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(depth=2, name=SITE_IMAGES_COLLECTION).first()
    if root is None or collection is None:
        return
    Image = apps.get_model("wagtailimages", "Image")
    Image.objects.filter(collection_id=collection.pk).update(collection_id=root.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("hope", "0002_staff_groups"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_and_fill, move_back)]

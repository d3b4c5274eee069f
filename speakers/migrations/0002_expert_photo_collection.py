"""Experts' photos live in their own collection, "Expert photos", beside the website's images.

Only coordinators hold permissions on it (through the root collection); editors' image
permissions apply to "Website" only (hope.roles). Existing photos move here; their files get
random names with `manage.py secure_expert_photos` (docs/deployment.md).
"""

from django.db import migrations

EXPERT_PHOTOS_COLLECTION = "Expert photos"


def create_and_fill(apps, schema_editor):
    from wagtail.models import Collection  # treebeard's tree methods; see hope 0003

    root = Collection.get_first_root_node()
    if root is None:
        return
    collection = root.get_children().filter(name=EXPERT_PHOTOS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=EXPERT_PHOTOS_COLLECTION)
    Expert = apps.get_model("speakers", "Expert")
    Image = apps.get_model("wagtailimages", "Image")
    photo_ids = Expert.objects.exclude(photo=None).values_list("photo_id", flat=True)
    Image.objects.filter(pk__in=list(photo_ids)).update(collection_id=collection.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("speakers", "0001_initial"),
        ("hope", "0003_website_image_collection"),
    ]

    operations = [migrations.RunPython(create_and_fill, migrations.RunPython.noop)]

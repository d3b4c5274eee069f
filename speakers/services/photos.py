"""Experts' photos: a private collection, random file names, renditions only while shown.

A photo is an ordinary Wagtail image, so three things keep it from revealing who an expert is:

- it lives in the "Expert photos" collection, where only coordinators hold permissions (editors'
  image permissions apply to the website's own collection, see `hope.roles`);
- its file gets a random name before it is shown: Wagtail names every rendition after the
  original's file name, and a file called after the expert's real name would otherwise appear in
  public image addresses under her pseudonym;
- its renditions (the resized copies the public site links to) are deleted as soon as the photo
  may not be shown: the expert is not public, does not want her photo shown, or has another one;
  and the original gets a fresh random name then, because its old name was public.

`expert_photo_secure` is the one function that applies this; the admin's create, edit and delete
views, `expert_update_profile` and `manage.py secure_expert_photos` call it.
"""

from __future__ import annotations

import logging
import os
import re
import secrets

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from speakers.models import Expert

logger = logging.getLogger(__name__)

EXPERT_PHOTOS_COLLECTION = "Expert photos"
_RANDOM_STEM = re.compile(r"^[0-9a-f]{32}$")


def expert_photo_collection() -> Collection:
    """The collection for experts' photos (made by a migration; made again if it was removed)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=EXPERT_PHOTOS_COLLECTION).first()
    return existing or root.add_child(name=EXPERT_PHOTOS_COLLECTION)


def has_random_name(image) -> bool:
    stem = os.path.splitext(os.path.basename(image.file.name))[0]
    return bool(_RANDOM_STEM.match(stem))


def photo_purge_renditions(*, image) -> int:
    """Delete the image's renditions: rows and cache entries at once (no page links to them
    again), files right after commit.

    Wagtail's own signal handler also queues a task to delete each file; doing it here as well
    means the files are gone when the change is saved, not when a task worker gets to it.
    """
    renditions = list(image.renditions.all())
    files = [(rendition.file.storage, rendition.file.name) for rendition in renditions]
    for rendition in renditions:
        rendition.delete()

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    if files:
        transaction.on_commit(delete_files)
    return len(renditions)


def _rename_to_random(image) -> bool:
    """Store the original under a random name; the old file is deleted after commit."""
    storage = image.file.storage
    old_name = image.file.name
    extension = os.path.splitext(old_name)[1].lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,5}", extension):
        extension = ""
    try:
        with storage.open(old_name, "rb") as source:
            new_name = storage.save(f"original_images/{secrets.token_hex(16)}{extension}", source)
    except FileNotFoundError:
        logger.warning("image %s: original file missing, not renamed", image.pk)
        return False
    image.file.name = new_name
    transaction.on_commit(lambda: storage.delete(old_name))
    return True


def _withdraw(image) -> None:
    """The image may not be shown. If it has renditions, their addresses may be known (they were
    public until now), and rendition names are predictable from the original's name plus a
    filter: a fresh random name makes every old address useless, even for renditions the admin
    makes later. Then the renditions go."""
    if not image.renditions.exists():
        return
    if _rename_to_random(image):
        image.save(update_fields=["file"])
    photo_purge_renditions(image=image)


@transaction.atomic
def expert_photo_secure(*, expert: Expert, previous_photo_id: int | None = None) -> None:
    """Apply the photo rules above to the expert's photo (and to the one it replaced).

    Safe to call at any time: it does nothing to a photo that is already private, renamed and
    shown, or hidden without renditions.
    """
    image_model = get_image_model()
    if previous_photo_id and previous_photo_id != expert.photo_id:
        previous = image_model.objects.select_for_update().filter(pk=previous_photo_id).first()
        if previous is not None:
            _withdraw(previous)
    if not expert.photo_id:
        return
    image = image_model.objects.select_for_update().filter(pk=expert.photo_id).first()
    if image is None:  # deleted meanwhile: nothing left to protect
        return
    changed = []
    collection = expert_photo_collection()
    if image.collection_id != collection.pk:
        image.collection = collection
        changed.append("collection")
    if not has_random_name(image) and _rename_to_random(image):
        changed.append("file")
        photo_purge_renditions(image=image)  # every rendition carries the old name
    if changed:
        image.save(update_fields=changed)
        expert.photo = image
    if expert.public_photo is None:
        _withdraw(image)
    logger.info("expert %s photo secured", expert.pk)


@transaction.atomic
def expert_photo_release(*, expert: Expert) -> None:
    """The expert is being deleted: her photo is shown nowhere any more."""
    if expert.photo_id:
        image = get_image_model().objects.select_for_update().filter(pk=expert.photo_id).first()
        if image is not None:
            _withdraw(image)

"""Experts' photos reveal nothing: random file names, a collection editors cannot see, and no
public copies (renditions) once the photo may not be shown."""

import io
import os
import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, Page

from hope.roles import EDITORS, SITE_IMAGES_COLLECTION, site_images_collection
from speakers.models import ExpertIndexPage, IdentityMode
from speakers.services.photos import EXPERT_PHOTOS_COLLECTION
from tests.factories.accounts import CoordinatorFactory, EditorFactory
from tests.factories.speakers import ExpertFactory

pytestmark = pytest.mark.django_db

REAL_NAME_FILE = "Johanna van der Berg.png"
RANDOM = re.compile(r"original_images/[0-9a-f]{32}\.png$")


@pytest.fixture
def directory():
    home = Page.objects.get(depth=2)
    page = ExpertIndexPage(title="Ervaringsdeskundigen", slug="experts")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def upload(filename=REAL_NAME_FILE, collection=None):
    """An image as the chooser's upload tab stores it: the uploaded name, in the root."""
    image = Image.objects.create(
        title=os.path.splitext(filename)[0],
        file=get_test_image_file(filename=filename),
        collection=collection or Collection.get_first_root_node(),
    )
    assert "Johanna" in image.file.name or filename != REAL_NAME_FILE
    return image


def admin_edit_data(expert, **overrides):
    data = {
        "public_name": expert.public_name,
        "slug": expert.slug,
        "identity_mode": expert.identity_mode,
        "monthly_capacity": 2,
        "heavy_weight": 2,
        "rest_days_after_heavy": 3,
    }
    if expert.photo_id:
        data["photo"] = expert.photo_id
    if expert.show_photo:
        data["show_photo"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def rendition_names(image):
    return [rendition.file.name for rendition in image.renditions.all()]


class TestRandomFileNames:
    def test_choosing_a_photo_in_the_admin_renames_it_and_drops_old_renditions(
        self, client, directory, run_on_commit
    ):
        expert = ExpertFactory(public_name="Roos", slug="roos", identity_mode="pseudonym")
        image = upload()
        old_name = image.file.name
        thumbnail = image.get_rendition("max-165x165")  # the chooser made one with the real name
        assert "Johanna" in thumbnail.file.name
        client.force_login(CoordinatorFactory())
        with run_on_commit():
            response = client.post(
                reverse("speakers_expert:edit", args=[expert.pk]),
                admin_edit_data(expert, photo=image.pk, show_photo="on"),
            )
        assert response.status_code == 302
        image.refresh_from_db()
        assert RANDOM.search(image.file.name)
        assert image.collection.name == EXPERT_PHOTOS_COLLECTION
        assert not default_storage.exists(old_name)
        assert not default_storage.exists(thumbnail.file.name)

        client.logout()
        html = client.get(directory.url + "roos/").content.decode()
        assert "Roos" in html
        stem = os.path.splitext(os.path.basename(image.file.name))[0]
        # The photo is shown, under its random name: Wagtail shortens it in a rendition's address
        # to make room for the size and format (at least 20 of the 32 hex characters remain).
        assert f"/media/images/{stem[:20]}" in html
        assert "Johanna" not in html and "Berg" not in html

    def test_an_expert_created_with_a_photo_gets_it_renamed(self, client):
        image = upload()
        client.force_login(CoordinatorFactory())
        response = client.post(
            reverse("speakers_expert:add"),
            {
                "public_name": "Merel",
                "slug": "merel",
                "identity_mode": IdentityMode.PSEUDONYM,
                "photo": image.pk,
                "show_photo": "on",
                "monthly_capacity": 2,
                "heavy_weight": 2,
                "rest_days_after_heavy": 3,
            },
        )
        assert response.status_code == 302
        image.refresh_from_db()
        assert RANDOM.search(image.file.name)
        assert image.collection.name == EXPERT_PHOTOS_COLLECTION

    def test_existing_photos_are_fixed_by_the_command_once(self, run_on_commit):
        image = upload()
        old_name = image.file.name
        rendition = image.get_rendition("fill-400x400")
        ExpertFactory(photo=image, show_photo=True)
        with run_on_commit():
            call_command("secure_expert_photos", stdout=io.StringIO())
        image.refresh_from_db()
        assert RANDOM.search(image.file.name)
        assert image.collection.name == EXPERT_PHOTOS_COLLECTION
        assert not default_storage.exists(old_name)
        assert not default_storage.exists(rendition.file.name)
        renamed = image.file.name
        call_command("secure_expert_photos", stdout=io.StringIO())
        image.refresh_from_db()
        assert image.file.name == renamed


class TestEditorsCannotSeeExpertPhotos:
    @pytest.fixture
    def photos(self, client):
        site_image = upload("Beach.png", collection=site_images_collection())
        expert_photo = upload()
        expert = ExpertFactory(photo=expert_photo, show_photo=True)
        client.force_login(CoordinatorFactory())
        client.post(
            reverse("speakers_expert:edit", args=[expert.pk]),
            admin_edit_data(expert),
        )
        client.logout()
        site_image.refresh_from_db()
        expert_photo.refresh_from_db()
        return site_image, expert_photo

    def test_the_expert_photo_is_refused_to_an_editor(self, client, photos):
        site_image, expert_photo = photos
        client.force_login(EditorFactory())
        for name, args in [
            ("wagtailimages:edit", [expert_photo.pk]),
            ("wagtailimages:preview", [expert_photo.pk, "original"]),
            ("wagtailimages:delete", [expert_photo.pk]),
            ("wagtailimages_chooser:chosen", [expert_photo.pk]),
        ]:
            response = client.get(reverse(name, args=args), follow=True)
            # Wagtail answers a refused admin page with a redirect to the dashboard.
            assert response.status_code in (200, 403, 404), name
            assert response.redirect_chain or response.status_code != 200, name
            assert "Johanna" not in response.content.decode(errors="replace"), name
            assert response.get("Content-Type", "").startswith("text/"), name  # no image bytes
        # The website's images stay theirs.
        assert client.get(reverse("wagtailimages:edit", args=[site_image.pk])).status_code == 200

    def test_listing_and_chooser_show_editors_only_the_website_images(self, client, photos):
        site_image, expert_photo = photos
        client.force_login(EditorFactory())
        for url in (reverse("wagtailimages:index"), reverse("wagtailimages_chooser:choose")):
            response = client.get(url)
            assert response.status_code == 200
            html = response.content.decode()
            assert "Beach" in html, url
            assert "Johanna" not in html and expert_photo.file.name not in html, url
            assert EXPERT_PHOTOS_COLLECTION not in html, url

    def test_coordinators_still_see_the_expert_photo(self, client, photos):
        _site_image, expert_photo = photos
        client.force_login(CoordinatorFactory())
        response = client.get(reverse("wagtailimages:edit", args=[expert_photo.pk]))
        assert response.status_code == 200

    def test_editors_hold_image_permissions_on_the_website_collection_only(self):
        scopes = {
            (permission.collection.name, permission.permission.codename)
            for permission in GroupCollectionPermission.objects.filter(
                group__name=EDITORS, permission__content_type__app_label="wagtailimages"
            ).select_related("collection", "permission")
        }
        assert scopes == {
            (SITE_IMAGES_COLLECTION, codename)
            for codename in ("add_image", "change_image", "delete_image", "choose_image")
        }


class TestRenditionsGoWhenThePhotoMayNotBeShown:
    @pytest.fixture
    def expert(self, client):
        expert = ExpertFactory(
            with_user=True, identity_mode=IdentityMode.PSEUDONYM, photo=upload(), show_photo=True
        )
        from speakers.services import expert_photo_secure

        expert_photo_secure(expert=expert)
        client.force_login(expert.user)
        return expert

    def portal_post(self, client, expert, **overrides):
        data = {
            "public_name": expert.public_name,
            "identity_mode": expert.identity_mode,
            "short_bio": expert.short_bio,
            "bio": expert.bio,
            "regions": expert.regions,
            "languages": expert.languages,
            "monthly_capacity": expert.monthly_capacity,
            "rest_days_after_heavy": expert.rest_days_after_heavy,
            "show_photo": "on",
        }
        data.update(overrides)
        data = {key: value for key, value in data.items() if value is not None}
        return client.post(reverse("speakers:profile"), data)

    @pytest.mark.parametrize(
        "change", [{"identity_mode": IdentityMode.NOT_PUBLIC}, {"show_photo": None}]
    )
    def test_going_not_public_or_hiding_the_photo_deletes_the_renditions(
        self, client, expert, run_on_commit, change
    ):
        rendition = expert.photo.get_rendition("fill-400x400")
        assert default_storage.exists(rendition.file.name)
        with run_on_commit():
            response = self.portal_post(client, expert, **change)
        assert response.status_code == 302
        assert not default_storage.exists(rendition.file.name)
        assert rendition_names(expert.photo) == []
        # The original stays, private, under a new name: the old one was in public addresses, and
        # a thumbnail the admin makes later must not be reachable from it.
        public_stem = os.path.splitext(os.path.basename(expert.photo.file.name))[0]
        expert.photo.refresh_from_db()
        assert default_storage.exists(expert.photo.file.name)
        assert RANDOM.search(expert.photo.file.name)
        assert public_stem not in expert.photo.file.name
        assert public_stem not in expert.photo.get_rendition("max-165x165").file.name

    def test_a_profile_save_that_keeps_showing_the_photo_keeps_the_renditions(
        self, client, expert, run_on_commit
    ):
        rendition = expert.photo.get_rendition("fill-400x400")
        with run_on_commit():
            self.portal_post(client, expert, short_bio="Nieuw")
        assert default_storage.exists(rendition.file.name)

    def test_coordinator_replacing_the_photo_deletes_the_old_ones_renditions(
        self, client, expert, run_on_commit
    ):
        old_photo = expert.photo
        rendition = old_photo.get_rendition("fill-240x240")
        client.force_login(CoordinatorFactory())
        with run_on_commit():
            client.post(
                reverse("speakers_expert:edit", args=[expert.pk]),
                admin_edit_data(expert, photo=upload("Other.png").pk),
            )
        assert not default_storage.exists(rendition.file.name)

    def test_deleting_the_expert_deletes_the_renditions(self, client, expert, run_on_commit):
        rendition = expert.photo.get_rendition("fill-240x240")
        client.force_login(CoordinatorFactory())
        with run_on_commit():
            response = client.post(reverse("speakers_expert:delete", args=[expert.pk]))
        assert response.status_code == 302
        assert not default_storage.exists(rendition.file.name)

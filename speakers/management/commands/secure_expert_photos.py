"""Put every expert's photo under the photo rules (speakers.services.photos). Idempotent.

Run once after upgrading to the release that added them; running it again changes nothing.
"""

from django.core.management.base import BaseCommand

from speakers.models import Expert
from speakers.services.photos import expert_photo_secure, has_random_name


class Command(BaseCommand):
    help = (
        "Move experts' photos to the 'Expert photos' collection, give their files random names "
        "and delete renditions of photos that may not be shown. Safe to run repeatedly."
    )

    def handle(self, *args, **options):
        renamed = 0
        experts = Expert.objects.exclude(photo=None).select_related("photo")
        for expert in experts:
            had_random_name = has_random_name(expert.photo)
            expert_photo_secure(expert=expert)
            renamed += not had_random_name
            # Saving the expert clears the public page cache (pages link to the renditions).
            expert.save(update_fields=["updated_at"])
        self.stdout.write(f"Checked {experts.count()} photo(s); renamed {renamed}.")

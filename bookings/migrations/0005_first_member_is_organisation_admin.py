"""Every organisation gets an administrator for its team: its earliest member."""

from django.db import migrations


def first_member_is_admin(apps, schema_editor):
    Membership = apps.get_model("bookings", "OrganisationMembership")
    Organisation = apps.get_model("bookings", "Organisation")
    for organisation in Organisation.objects.all().iterator():
        members = Membership.objects.filter(organisation=organisation)
        if members.exists() and not members.filter(role="admin").exists():
            first = members.order_by("created_at", "id").first()
            first.role = "admin"
            first.save(update_fields=["role"])


class Migration(migrations.Migration):
    dependencies = [("bookings", "0004_expert_followup")]

    operations = [migrations.RunPython(first_member_is_admin, migrations.RunPython.noop)]

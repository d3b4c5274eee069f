"""PostgreSQL only: no two active engagements of one expert may overlap in time.

The booking service checks overlaps itself (calendar, recurring unavailability); this exclusion
constraint is the database's guarantee when two coordinators book the same expert at the same
moment. On SQLite (development) nothing happens: every write is serialised there anyway.
"""

from django.db import migrations

ACTIVE_STATES = ("asked", "accepted", "confirmed", "delivered", "aftercare_done")
CONSTRAINT = "bookings_engagement_no_overlap"


def create_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    states = ", ".join(f"'{state}'" for state in ACTIVE_STATES)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE bookings_engagement ADD CONSTRAINT {CONSTRAINT} "
        "EXCLUDE USING gist (expert_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
        f"WHERE (status IN ({states}) AND starts_at IS NOT NULL AND ends_at IS NOT NULL)"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE bookings_engagement DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("bookings", "0002_engagement_backoffice")]

    operations = [migrations.RunPython(create_constraint, drop_constraint, elidable=False)]

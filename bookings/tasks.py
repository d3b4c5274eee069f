"""django-tasks jobs of the bookings app."""

from django_tasks import task


@task()
def run_followups_task() -> str:
    """Reminders, aftercare check-ins, evaluation requests, overdue-answer alerts (idempotent)."""
    from bookings.services.followup import run_followups

    return str(run_followups())

"""Small hooks of the impact work into the back office's existing pages (issue 14)."""

from django import template

from bookings.reports.fees import ceiling_warnings

register = template.Library()


@register.inclusion_tag("bookings/reports/_request_facts_form.html")
def request_facts(booking_request):
    """The workspace's form for themes and the reason for unmet demand."""
    from bookings.reports.admin import report_facts_form

    return {"booking_request": booking_request, "form": report_facts_form(booking_request)}


@register.simple_tag
def fee_ceiling_warnings(engagement) -> list[str]:
    """Would this engagement's fee (or the fee offered) cross the volunteer allowance?"""
    fee = engagement.fee if engagement.fee is not None else engagement.request.fee_offered
    return ceiling_warnings(
        expert_ids=[engagement.expert_id],
        starts_at=engagement.starts_at,
        fee=fee,
        exclude_pk=engagement.pk,
    ).get(engagement.expert_id, [])


@register.simple_tag
def impact_question_open(booking_request) -> bool:
    """The organisation was asked what changed (three months on) and has not answered yet."""
    from bookings.models import FollowUpMarker, ImpactAnswer
    from bookings.models.followup import FollowUpKind
    from bookings.services.impact import impact_answer_possible

    return (
        impact_answer_possible(booking_request)
        and FollowUpMarker.objects.filter(
            request=booking_request, kind=FollowUpKind.IMPACT_QUESTION
        ).exists()
        and not ImpactAnswer.objects.filter(request=booking_request).exists()
    )

"""The organisation's team in the portal: colleagues, and for its administrators, inviting and
removing them. Every view finds the organisation through the user's own memberships, so another
organisation's team is a 404."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bookings.enums import MembershipRole
from bookings.models import OrganisationMembership
from bookings.services.organisations import (
    organisation_invite_colleague,
    organisation_remove_colleague,
    organisation_set_role,
)


class InviteColleagueForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address of your colleague"), max_length=254)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the invitation"), choices=settings.LANGUAGES
    )


def _own_membership(user, organisation_id) -> OrganisationMembership:
    return get_object_or_404(
        OrganisationMembership.objects.select_related("organisation"),
        user=user,
        organisation_id=organisation_id,
    )


def _teams(user):
    own = list(
        OrganisationMembership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    members = (
        OrganisationMembership.objects.filter(organisation__in=[m.organisation_id for m in own])
        .select_related("user")
        .order_by("user__first_name", "user__email")
    )
    by_organisation: dict[int, list] = {}
    for member in members:
        by_organisation.setdefault(member.organisation_id, []).append(member)
    return [
        {
            "membership": membership,
            "organisation": membership.organisation,
            "is_admin": membership.role == MembershipRole.ADMIN,
            "members": by_organisation.get(membership.organisation_id, []),
        }
        for membership in own
    ]


def _render_team(request, *, invite_form=None, invite_for=None, status=200):
    teams = _teams(request.user)
    for team in teams:
        bound = invite_form if invite_for == team["organisation"].pk else None
        team["invite_form"] = bound or InviteColleagueForm(initial={"language": get_language()})
    return render(request, "bookings/team.html", {"teams": teams}, status=status)


@login_required
def team(request):
    return _render_team(request)


@login_required
@require_POST
def team_invite(request, organisation_id):
    membership = _own_membership(request.user, organisation_id)
    form = InviteColleagueForm(request.POST)
    if form.is_valid():
        try:
            organisation_invite_colleague(
                organisation=membership.organisation,
                email=form.cleaned_data["email"],
                invited_by=request.user,
                language=form.cleaned_data["language"],
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error("email", " ".join(error.messages))
        else:
            messages.success(
                request,
                _("We have sent %(email)s an invitation.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("bookings:team")
    return _render_team(
        request, invite_form=form, invite_for=membership.organisation_id, status=400
    )


@login_required
def team_remove(request, organisation_id, membership_id):
    own = _own_membership(request.user, organisation_id)
    colleague = get_object_or_404(
        OrganisationMembership.objects.select_related("user", "organisation"),
        pk=membership_id,
        organisation_id=own.organisation_id,
    )
    error = None
    if request.method == "POST":
        try:
            organisation_remove_colleague(membership=colleague, removed_by=request.user)
        except (PermissionDenied, ValidationError) as refusal:
            error = " ".join(getattr(refusal, "messages", [str(refusal)]))
        else:
            if colleague.user_id == request.user.pk:
                messages.success(request, _("You have left the organisation."))
                return redirect("bookings:portal")
            messages.success(request, _("Your colleague has been removed from the team."))
            return redirect("bookings:team")
    elif own.role != MembershipRole.ADMIN:
        raise PermissionDenied
    return render(
        request,
        "bookings/team_remove.html",
        {"colleague": colleague, "organisation": own.organisation, "error": error},
        status=400 if error else 200,
    )


@login_required
@require_POST
def team_make_admin(request, organisation_id, membership_id):
    own = _own_membership(request.user, organisation_id)
    colleague = get_object_or_404(
        OrganisationMembership, pk=membership_id, organisation_id=own.organisation_id
    )
    try:
        organisation_set_role(
            membership=colleague, role=MembershipRole.ADMIN, changed_by=request.user
        )
    except (PermissionDenied, ValidationError) as refusal:
        messages.error(request, " ".join(getattr(refusal, "messages", [str(refusal)])))
    else:
        messages.success(request, _("Your colleague can now manage the team too."))
    return redirect("bookings:team")

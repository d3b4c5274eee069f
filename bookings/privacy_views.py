"""Your data: download it (JSON), and, for an organisation contact, delete your account.

Every view shows only the logged-in person's own data; there is no id in any URL.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bookings.services.privacy import account_delete, may_delete_own_account, personal_data_export
from bookings.services.retention import retention_days


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def _render(request, form=None, status=200):
    return render(
        request,
        "bookings/privacy.html",
        {
            "may_delete": may_delete_own_account(request.user),
            "is_expert": getattr(request.user, "expert", None) is not None,
            "form": form or AccountDeleteForm(),
            "retention_years": retention_days() // 365,
        },
        status=status,
    )


@never_cache
@login_required
def overview(request):
    return _render(request)


@never_cache
@login_required
def download(request):
    data = personal_data_export(user=request.user)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"platform-hope-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_POST
def delete_account(request):
    form = AccountDeleteForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    try:
        account_delete(user=request.user, password=form.cleaned_data["password"])
    except ValidationError as error:
        form.add_error("password", error.message_dict.get("password", error.messages))
        return _render(request, form, status=400)
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return _render(request, form, status=403)
    logout(request)
    messages.success(request, _("Your account has been deleted. Thank you for working with us."))
    return redirect("/")

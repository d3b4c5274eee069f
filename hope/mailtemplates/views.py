"""Coordinators edit email texts in the admin: a list of the editable emails, and per email and
language an editor with its placeholders beside it, a preview with sample data, save and
"back to the standard text"."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages

from hope.mailtemplates.models import EmailTemplateOverride
from hope.mailtemplates.registry import DATE_MARKERS, DETAILS, all_specs, get_spec
from hope.mailtemplates.rendering import override_errors, render_override
from hope.mailtemplates.services import (
    email_template_override_reset,
    email_template_override_save,
)
from hope.roles import is_coordinator


class EmailTextForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=gettext_lazy(
            "Plain text. Use the placeholders on the right, written as {{ name }}. An empty line "
            "starts a new paragraph; web addresses become links."
        ),
    )


class CoordinatorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class EmailTextIndexView(CoordinatorsOnly, TemplateView):
    template_name = "hope/mailtemplates/index.html"
    edit_url_name = ""

    def get_context_data(self, **kwargs):
        overrides = {(o.template, o.language): o for o in EmailTemplateOverride.objects.all()}
        rows = [
            {
                "spec": spec,
                "languages": [
                    {
                        "code": code,
                        "name": name,
                        "override": overrides.get((spec.template, code)),
                    }
                    for code, name in settings.LANGUAGES
                ],
            }
            for spec in all_specs()
        ]
        return {**super().get_context_data(**kwargs), "rows": rows, "page_title": _("Email texts")}


def standard_text(spec, language: str) -> tuple[str, str]:
    """The file template's subject and text with placeholders as markers: the starting point."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "language": language, **spec.marker_context}
    with translation.override(language):
        subject = render_to_string(f"{spec.file_base}_subject.txt", context)
        body = render_to_string(f"{spec.file_base}.txt", context)
        subject, body = (_as_markers(spec, text) for text in (subject, body))
    if "summary" in spec.names:  # a subject that depends on the case is kept whole
        subject = "{{ summary }}"
    return " ".join(subject.split()), body.strip() + "\n"


def _as_markers(spec, text: str) -> str:
    paragraphs = re.split(r"\n[ \t]*\n", text)
    text = "\n\n".join("{{ details }}" if DETAILS in part else part for part in paragraphs)
    text = re.sub(r"\{\{ details \}\}(\n\n\{\{ details \}\})+", "{{ details }}", text)
    for value, date_format_string, name in DATE_MARKERS:
        if name in spec.names:
            shown = formats.date_format(timezone.localtime(value), date_format_string)
            text = text.replace(shown, f"{{{{ {name} }}}}")
    for shown, marker in spec.marker_replacements:
        text = text.replace(str(shown()), marker)
    return re.sub(r"\n{3,}", "\n\n", text)


class EmailTextEditView(CoordinatorsOnly, TemplateView):
    template_name = "hope/mailtemplates/edit.html"
    index_url_name = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.spec = get_spec(kwargs["template"])
        self.language = kwargs["language"]
        if self.spec is None or self.language not in dict(settings.LANGUAGES):
            raise Http404
        self.override = EmailTemplateOverride.objects.filter(
            template=self.spec.template, language=self.language
        ).first()

    def initial(self):
        if self.override:
            return {"subject": self.override.subject, "body": self.override.body}
        subject, body = standard_text(self.spec, self.language)
        return {"subject": subject, "body": body}

    def get(self, request, *args, **kwargs):
        return self.render(EmailTextForm(initial=self.initial()))

    def render(self, form, *, preview=None, status=200):
        context = self.get_context_data(
            form=form,
            spec=self.spec,
            language=self.language,
            language_name=dict(settings.LANGUAGES)[self.language],
            override=self.override,
            preview=preview,
            page_title=_("Email text: %(label)s") % {"label": self.spec.label},
            index_url_name=self.index_url_name,
        )
        return self.render_to_response(context, status=status)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "reset":
            email_template_override_reset(
                template=self.spec.template, language=self.language, actor=request.user
            )
            messages.success(request, _("The standard text is used again."))
            return redirect(request.path)
        form = EmailTextForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
        if action == "preview":
            errors = override_errors(spec=self.spec, subject=subject, body=body)
            if errors:
                for error in errors:
                    form.add_error("body", error)
                return self.render(form, status=400)
            with translation.override(self.language):
                subject_text, text, html = render_override(
                    spec=self.spec,
                    subject=subject,
                    body=body,
                    values=self.spec.sample_values(),
                    language=self.language,
                )
            preview = {"subject": subject_text, "text": text, "html": html}
            return self.render(form, preview=preview)
        try:
            email_template_override_save(
                template=self.spec.template,
                language=self.language,
                subject=subject,
                body=body,
                actor=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("body", message)
            return self.render(form, status=400)
        messages.success(request, _("The email text is saved; the next emails use it."))
        return redirect(request.path)

"""Checking and rendering an override. Overrides are plain text with `{{ placeholder }}`
markers; no template tags, no attribute access. The HTML part is the text, escaped, with links
and paragraphs, inside the site's email layout."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hope.mailtemplates.registry import EmailTemplateSpec

_MARKER = re.compile(r"\{\{(.*?)\}\}")
_NAME = re.compile(r"^[a-z_]+$")


class OverrideError(ValueError):
    pass


def override_errors(*, spec: EmailTemplateSpec, subject: str, body: str) -> list[str]:
    """Every problem, each with where it is and why, in the reader's language."""
    errors = []
    for where, text in ((_("Subject"), subject), (_("Text"), body)):
        for number, line in enumerate((text or "").splitlines() or [""], start=1):
            place = _("%(field)s, line %(line)s") % {"field": where, "line": number}
            if "{%" in line or "%}" in line:
                errors.append(
                    _("%(place)s: template tags like {%% … %%} are not allowed.") % {"place": place}
                )
            for match in _MARKER.finditer(line):
                name = match.group(1).strip()
                if not _NAME.match(name) or name not in spec.names:
                    errors.append(
                        _("%(place)s: unknown placeholder “%(name)s”.")
                        % {"place": place, "name": match.group(0)}
                    )
            rest = _MARKER.sub("", line)
            if "{{" in rest or "}}" in rest:
                errors.append(
                    _("%(place)s: a placeholder is not closed; write {{ name }}.")
                    % {"place": place}
                )
    if not (subject or "").strip():
        errors.append(_("The subject is empty."))
    if not (body or "").strip():
        errors.append(_("The text is empty."))
    return errors


def _fill(text: str, values: dict[str, str]) -> str:
    def replace(match):
        name = match.group(1).strip()
        if name not in values:
            raise OverrideError(f"unknown placeholder {name}")
        return values[name]

    return _MARKER.sub(replace, text)


def text_to_html(*, subject: str, text: str, language: str) -> str:
    """An HTML part for a plain-text email: escaped, links clickable, paragraphs kept."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    html_paragraphs = [
        mark_safe(urlize(part, autoescape=True).replace("\n", "<br>\n"))  # noqa: S308 - escaped by urlize
        for part in paragraphs
    ]
    return render_to_string(
        "email/generated.html",
        {"subject": subject, "paragraphs": html_paragraphs, "language": language},
    )


def render_override(
    *, spec: EmailTemplateSpec, subject: str, body: str, values: dict[str, str], language: str
) -> tuple[str, str, str]:
    if override_errors(spec=spec, subject=subject, body=body):
        raise OverrideError("the text no longer passes its checks")
    subject_text = " ".join(_fill(subject, values).split())
    text = _fill(body, values)
    return subject_text, text, text_to_html(subject=subject_text, text=text, language=language)

"""The public experts directory and profiles, served by ``ExpertIndexPage`` sub-routes."""

from django.http import Http404
from django.template.response import TemplateResponse

from speakers import selectors


def directory(request, *, page):
    experts = selectors.public_experts()
    return TemplateResponse(
        request, page.get_template(request), {"page": page, "self": page, "experts": experts}
    )


def profile(request, *, page, expert_slug):
    expert = selectors.public_expert_by_slug(slug=expert_slug)
    if expert is None:
        raise Http404
    return TemplateResponse(
        request, "speakers/expert_profile.html", {"page": page, "self": page, "expert": expert}
    )

"""The public experts directory and profiles, served by ``ExpertIndexPage`` sub-routes."""

from django.http import Http404
from django.template.response import TemplateResponse

from hope import site_pages
from speakers import selectors
from speakers.models import Topic


def directory(request, *, page):
    topics = list(selectors.public_topics())
    selected = None
    slug = request.GET.get("topic", "")
    if slug:
        selected = next((topic for topic in topics if topic.slug == slug), None)
        if selected is None:
            selected = Topic(name="", slug=slug)  # unknown topic: an empty, honest result
    experts = (
        selectors.public_experts(topic=selected)
        if selected is None or selected.pk
        else selectors.public_experts().none()
    )
    experts = selectors.with_profile_urls(experts, page=page)
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "experts": experts,
            "topics": topics,
            "selected_topic": selected,
        },
    )


def _request_page_url(page) -> str | None:
    """The booking-request page in the directory's language, if the site has one."""
    return site_pages.request_page_url(locale_id=page.locale_id)


def profile(request, *, page, expert_slug):
    expert = selectors.public_expert_by_slug(slug=expert_slug)
    if expert is None:
        raise Http404  # not public, or no such expert: the same answer
    request_url = None if expert.paused else _request_page_url(page)
    return TemplateResponse(
        request,
        "speakers/expert_profile.html",
        {
            **page.get_context(request),
            "expert": expert,
            "translation_subpath": f"{expert.slug}/",
            "ask_url": f"{request_url}?expert={expert.slug}" if request_url else None,
        },
    )

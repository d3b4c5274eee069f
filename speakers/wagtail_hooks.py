"""Coordinators' admin for experts and topics (Wagtail viewsets)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import CheckboxSelectMultiple
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from speakers.forms import ExpertAdminForm, InviteForm
from speakers.models import Expert, Topic
from speakers.services import (
    InvitationError,
    expert_ensure_calendar,
    expert_invite,
    expert_pause,
    expert_photo_release,
    expert_photo_secure,
    expert_unpause,
    expert_update_profile,
)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


def _invite_button(view, expert):
    if expert.user_id is None and view.permission_policy.user_has_permission(
        view.request.user, "change"
    ):
        return reverse("speakers_expert:invite", args=[expert.pk])
    return None


class ExpertIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := _invite_button(self, instance):
            buttons.append(ListingButton(_("Invite"), url=url, icon_name="mail", priority=40))
        return buttons


class ExpertCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        expert_ensure_calendar(expert=instance)
        expert_photo_secure(expert=instance)
        return instance


class ExpertEditView(generic.EditView):
    """The coordinators' edit goes through the same services as the expert's own portal."""

    def save_instance(self):
        data = self.form.cleaned_data
        expert = Expert.objects.get(pk=self.object.pk)  # the form's instance holds its edits
        previous_photo_id = expert.photo_id
        changes = {
            name: data[name]
            for name in self.form.fields
            if name in data and name not in ("paused", "paused_until")
        }
        expert_update_profile(expert=expert, actor=self.request.user, **changes)
        until = data.get("paused_until")
        if data.get("paused") and (not expert.paused or until != expert.paused_until):
            expert_pause(expert=expert, until=until)
        elif not data.get("paused") and expert.paused:
            expert_unpause(expert=expert)
        expert_photo_secure(expert=expert, previous_photo_id=previous_photo_id)
        return expert


class ExpertDeleteView(generic.DeleteView):
    def delete_action(self):
        expert_photo_release(expert=self.object)
        super().delete_action()


class ExpertInspectView(generic.InspectView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := _invite_button(self, self.object):
            buttons.append(Button(_("Invite"), url=url, icon_name="mail", priority=30))
        if self.object.user_id and self.permission_policy.user_has_permission(
            self.request.user, "delete"
        ):
            # The right to erasure (bookings' admin view: it also clears her engagements' texts).
            url = reverse("bookings_person_erase", args=[self.object.user_id])
            buttons.append(Button(_("Erase"), url=url, icon_name="warning", priority=90))
        return buttons

    def get_user_display_value(self):
        return self.object.user.email if self.object.user_id else _("Not invited yet")


class ExpertViewSet(ModelViewSet):
    model = Expert
    icon = "user"
    menu_label = _("Experts")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = ExpertIndexView
    add_view_class = ExpertCreateView
    edit_view_class = ExpertEditView
    delete_view_class = ExpertDeleteView
    inspect_view_class = ExpertInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "public_name",
        Column("identity_mode", label=_("How they appear"), accessor="get_identity_mode_display"),
        "monthly_capacity",
        BooleanColumn("paused", label=_("Paused")),
        "paused_until",
    ]
    list_filter = ["identity_mode", "paused", "topics", "formats"]
    search_fields = ["public_name", "short_bio"]
    search_backend_name = None  # plain database filtering; no search index of private data
    inspect_view_fields = [
        "public_name",
        "slug",
        "identity_mode",
        "user",
        "show_photo",
        "photo",
        "short_bio",
        "topics",
        "no_go_topics",
        "formats",
        "audiences",
        "regions",
        "languages",
        "media_face_visible",
        "media_voice_altered",
        "media_name_on_record",
        "media_recording_allowed",
        "media_quote_review_required",
        "monthly_capacity",
        "heavy_weight",
        "rest_days_after_heavy",
        "paused",
        "paused_until",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("public_name"),
                    FieldPanel("slug"),
                    FieldPanel("identity_mode"),
                    FieldRowPanel([FieldPanel("photo"), FieldPanel("show_photo")]),
                ],
                heading=_("Identity"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("short_bio"),
                    FieldPanel("bio"),
                    FieldPanel("short_bio_en"),
                    FieldPanel("bio_en"),
                ],
                heading=_("Introduction"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("topics", widget=CheckboxSelectMultiple),
                    FieldPanel("no_go_topics", widget=CheckboxSelectMultiple),
                    FieldPanel("formats", widget=CheckboxSelectMultiple),
                    FieldPanel("audiences", widget=CheckboxSelectMultiple),
                    FieldPanel("regions"),
                    FieldPanel("languages"),
                ],
                heading=_("What and where"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("media_face_visible"),
                    FieldPanel("media_voice_altered"),
                    FieldPanel("media_name_on_record"),
                    FieldPanel("media_recording_allowed"),
                    FieldPanel("media_quote_review_required"),
                ],
                heading=_("Media preferences"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("monthly_capacity"),
                            FieldPanel("heavy_weight"),
                            FieldPanel("rest_days_after_heavy"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("paused"), FieldPanel("paused_until")]),
                ],
                heading=_("Load and pausing"),
            ),
        ],
        base_form_class=ExpertAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invite/<int:pk>/", self.invite_view, name="invite"),
        ]

    def invite_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        expert = get_object_or_404(Expert, pk=pk)
        inspect_url = reverse(self.get_url_name("inspect"), args=[expert.pk])
        if expert.user_id:
            messages.info(request, _("This expert already has an account."))
            return redirect(inspect_url)
        form = InviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                expert_invite(
                    expert=expert,
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    invited_by=request.user,
                )
            except InvitationError as exc:
                form.add_error("email", exc)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Invitation made: we are emailing the expert a link to set a password."),
                )
                return redirect(inspect_url)
        return TemplateResponse(
            request,
            "speakers/admin/invite.html",
            {"form": form, "expert": expert, "inspect_url": inspect_url},
        )


expert_viewset = ExpertViewSet("speakers_expert", url_prefix="experts")


@hooks.register("register_admin_viewset")
def register_expert_viewset():
    return expert_viewset


register_snippet(TopicViewSet)

"""Coordinators only: editors and everyone else never see requests or experts' private data."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.base import ModelPermissionPolicy

from hope.roles import COORDINATORS, is_coordinator_cached


class CoordinatorPermissionPolicy(ModelPermissionPolicy):
    """Coordinators (and superusers) may do `actions` on the model; nobody else anything."""

    def __init__(self, model, *, actions=("view", "change"), **kwargs):
        super().__init__(model, **kwargs)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_coordinator_cached(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(groups__name=COORDINATORS)
            .distinct()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class CoordinatorRequiredMixin:
    """For our own admin views: refuse anyone who is not a coordinator."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator_cached(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CoordinatorViewSetMixin:
    """For a back-office viewset only coordinators use: they may do `coordinator_actions` on
    its model, and it registers no Django permissions of its own (nobody else is given any)."""

    coordinator_actions = ("view", "change")

    @property
    def permission_policy(self):
        return CoordinatorPermissionPolicy(self.model, actions=self.coordinator_actions)

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()

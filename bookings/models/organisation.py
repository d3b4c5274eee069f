from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bookings.enums import MembershipRole, OrganisationKind


class Organisation(models.Model):
    """An organisation that asks HOPE for experts. `verified` is set by a coordinator."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind of organisation"), max_length=32, choices=OrganisationKind.choices
    )
    website = models.URLField(_("website"), blank=True)
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("A coordinator checked that this organisation is who it says it is."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationMembership(models.Model):
    """A person who may ask for experts on behalf of an organisation and follow its requests."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.CONTACT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="bookings_membership_unique_user_org"
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"

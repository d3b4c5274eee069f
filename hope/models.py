from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    """Users are identified by their (lower-cased) email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    class CoordinatorEmails(models.TextChoices):
        IMMEDIATE = "immediate", _("Each email straight away")
        DIGEST = "digest", _("One email a day with everything together")

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=Language.choices,
        default=Language.DUTCH,
        help_text=_("Emails to this person are written in this language."),
    )
    # Coordinators only; read by bookings.services.coordinator_notices (the one rule).
    coordinator_emails = models.CharField(
        _("emails about requests"),
        max_length=10,
        choices=CoordinatorEmails.choices,
        default=CoordinatorEmails.IMMEDIATE,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def greeting_name(self) -> str:
        """The name an email greets this person by: her first name, else the name she goes by
        as an expert (her public name); empty when there is neither."""
        if self.first_name:
            return self.first_name
        expert = getattr(self, "expert", None)  # speakers.Expert, reverse one-to-one
        return getattr(expert, "public_name", "") or ""


# The email outbox lives in its own module; importing it here registers it with the `hope` app.
from hope.mailtemplates.models import EmailTemplateOverride  # noqa: E402
from hope.outbox.models import OutboundEmail, OutboundEmailStatus, RecipientRole  # noqa: E402

__all__ = ["EmailTemplateOverride", "OutboundEmail", "OutboundEmailStatus", "RecipientRole", "User"]

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from hope.clientip import client_ip
from hope.emails import enqueue_rendered_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth adapter: sign-up only for organisation contacts, mail sent off the request path."""

    def is_open_for_signup(self, request):
        # Experts and coordinators are invited; the open sign-up is for organisation contacts.
        # The bookings app may close it further (e.g. only from the request form).
        return getattr(settings, "HOPE_OPEN_SIGNUP", True)

    def clean_email(self, email):
        return super().clean_email(email).strip().lower()

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = None
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        # allauth's context holds the request and the site: its emails are written now (in the
        # visitor's language) and kept encrypted in the outbox until sent.
        enqueue_rendered_email(
            to=list(message.to),
            subject=message.subject,
            text=message.body,
            html=html,
            from_email=message.from_email,
            template=f"account/{template_prefix.rsplit('/', 1)[-1]}",
            language=get_language(),
        )

    def get_login_redirect_url(self, request):
        return reverse("hope:after_login")

    # --- Rate limits (docs/decisions.md: "Login rate limits") ----------------------------------

    def get_client_ip(self, request):
        """Counted address: a forged X-Forwarded-For never chooses it (hope.clientip)."""
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The per-key failed-login limit counts an account *from one address*.

        allauth counts failures per account alone, so anyone could lock a coordinator out by
        sending five wrong passwords for her address. Per account and address, the attacker
        only locks out themselves; the per-address limit still stops one address from trying
        many accounts, and staff need their second factor anyway."""
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}|{client_ip(request)}"

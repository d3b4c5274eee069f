from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms import site_pages
        from cms.cache import clear_public_page_cache

        # The experts' profiles and the request form ask the site through hope.site_pages.
        site_pages.register()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_public_page_cache, dispatch_uid=f"cms-cache-{id(signal)}")
        post_delete.connect(_page_deleted, dispatch_uid="cms-cache-page-deleted")
        # Lazy model references: the experts app may not exist yet.
        watched = [
            "cms.SiteSettings",
            "cms.Theme",
            "speakers.Expert",
            "speakers.Topic",
            # A page made private (or public again) changes what visitors may see.
            "wagtailcore.PageViewRestriction",
        ]
        for label in watched:
            for signal in (post_save, post_delete):
                signal.connect(
                    clear_public_page_cache,
                    sender=label,
                    dispatch_uid=f"cms-cache-{label}-{signal is post_save}",
                )


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        from cms.cache import clear_public_page_cache

        clear_public_page_cache()

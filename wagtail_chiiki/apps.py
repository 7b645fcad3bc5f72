from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailChiikiConfig(AppConfig):
    name = "wagtail_chiiki"
    label = "wagtail_chiiki"
    verbose_name = _("Region management organizations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from wagtail_chiiki.roles import grant_published_series

        # The editors of an organization may edit a series as soon as it is published naming it.
        page_published.connect(grant_published_series, dispatch_uid="wagtail_chiiki_grant_series")

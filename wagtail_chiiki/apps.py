from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: Settings of other apps that the package gives its own default, unless the site sets them.
#: ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``: wagtail-localize publishes a new translation of
#: a live page at once, untranslated; the package makes it a draft that goes live when the
#: translator publishes it (docs/translation.md).
SETTING_DEFAULTS = {"WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE": False}


def apply_setting_defaults(target=settings) -> None:
    """Gives ``target`` the package's defaults for the settings it has not set itself."""
    for name, value in SETTING_DEFAULTS.items():
        if not hasattr(target, name):
            setattr(target, name, value)


class WagtailChiikiConfig(AppConfig):
    name = "wagtail_chiiki"
    label = "wagtail_chiiki"
    verbose_name = _("Region management organizations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from wagtail_chiiki import invalidation, system_checks  # noqa: F401  (registers the system checks)
        from wagtail_chiiki.roles import grant_published_series

        apply_setting_defaults()
        # The editors of an organization may edit a series as soon as it is published naming it.
        page_published.connect(grant_published_series, dispatch_uid="wagtail_chiiki_grant_series")
        # The section version and the front-end cache purges follow every change (docs/performance.md).
        invalidation.connect()

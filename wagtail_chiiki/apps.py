from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailChiikiConfig(AppConfig):
    name = "wagtail_chiiki"
    label = "wagtail_chiiki"
    verbose_name = _("Region management organizations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_chiiki import invalidation, system_checks  # noqa: F401  (registers the system checks)

        invalidation.connect()

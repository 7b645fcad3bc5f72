"""The workshop-sessions block: the sessions of one series or of all, to come, held or both."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.listings.common import active_locale

UPCOMING, PAST, ALL = "upcoming", "past", "all"


class WorkshopSessionsBlock(PlacedBlock):
    """Workshop sessions with their series' deadline and application link."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    series = blocks.PageChooserBlock(
        page_type="wagtail_chiiki.WorkshopSeriesPage",
        label=_("Series"),
        required=False,
        help_text=_("Leave empty for every series of the site."),
    )
    when = blocks.ChoiceBlock(
        label=_("Sessions"),
        choices=[(UPCOMING, _("To come")), (PAST, _("Held")), (ALL, _("All"))],
        default=UPCOMING,
    )
    show_application = blocks.BooleanBlock(
        label=_("Show the deadline and how to apply"), required=False, default=True
    )

    class Meta:
        icon = "date"
        label = _("Workshop sessions")
        template = "wagtail_chiiki/blocks/workshop_sessions.html"
        preview_value = {"heading": "", "series": None, "when": ALL, "show_application": True}
        description = _("The sessions of one workshop series or of all, with the deadline and how to apply.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Imported when rendering (docs/architecture.md: page modules import the blocks).
        from wagtail_chiiki.listings.visibility import resolve_page
        from wagtail_chiiki.listings.workshops import series_sessions

        request = (parent_context or {}).get("request")
        locale = active_locale()
        pages = None
        if value.get("series") is not None:
            chosen = resolve_page(value["series"], locale, request)
            model = apps.get_model("wagtail_chiiki", "WorkshopSeriesPage")
            pages = model.objects.filter(pk=chosen.pk if chosen else None)
        context["series_sessions"] = series_sessions(
            request, locale, timezone.localdate(), pages=pages, when=value.get("when") or UPCOMING
        )
        return context

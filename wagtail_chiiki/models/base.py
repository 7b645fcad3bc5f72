"""The base every wagtail-chiiki page shares: base template, dates and the public update history."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_chiiki.blocks import UpdateEntryBlock
from wagtail_chiiki.conf import chiiki_settings


class ChiikiPage(Page):
    """An abstract page carrying a short public update history (更新情報), as municipal pages do."""

    update_history = StreamField(
        [("update", UpdateEntryBlock())],
        blank=True,
        verbose_name=_("update history"),
        help_text=_("Public notes of what changed and when, newest first. Shown under the page dates."),
    )

    history_panels = [FieldPanel("update_history")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chiiki_base_template"] = chiiki_settings.BASE_TEMPLATE
        return context

    @property
    def sorted_update_history(self) -> list:
        return sorted((entry.value for entry in self.update_history), key=lambda v: v["date"], reverse=True)


def edit_tabs(content_panels: list, *tabs: ObjectList) -> TabbedInterface:
    """A page's edit form: its content, any tabs of its own, then the tabs every page has."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            *tabs,
            ObjectList(ChiikiPage.history_panels, heading=_("Update history")),
            ObjectList(ChiikiPage.promote_panels, heading=_("Promote")),
            ObjectList(ChiikiPage.settings_panels, heading=_("Settings")),
        ]
    )


def route_url(page, name: str) -> str:
    """The address of a named route of a routable page, e.g. its ``geojson/`` feed."""
    return page.url + page.reverse_subpage(name)

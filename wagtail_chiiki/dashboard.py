"""The dashboard panel of an organization's editors: their page, its state, their series, edit links."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from wagtail_chiiki import translation_status
from wagtail_chiiki.models import WorkshopSeriesPage
from wagtail_chiiki.roles import organizations_of

STATE_LABELS = {
    "live": _("Live"),
    "changes": _("Live, with changes saved as a draft"),
    "draft": _("Draft, not published"),
    "moderation": _("Awaiting the city's approval"),
    "rejected": _("Returned by the city for changes"),
}


@dataclass(frozen=True)
class PageState:
    """One page an organization editor looks after, and where it stands."""

    title: str
    edit_url: str
    live_url: str
    state: str
    comment: str = ""

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def page_state(page) -> PageState:
    """Where a page stands: in moderation, returned with the reviewer's comment, live or draft."""
    workflow_state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    comment = ""
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        state = "moderation"
    elif workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state = "rejected"
        task_state = workflow_state.current_task_state
        comment = task_state.get_comment() if task_state else ""
    elif page.live:
        state = "changes" if page.has_unpublished_changes else "live"
    else:
        state = "draft"
    return PageState(
        title=page.get_admin_display_title(),
        edit_url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        live_url=page.get_url() if page.live else "",
        state=state,
        comment=comment,
    )


class OrganizationPanel(Component):
    """Shown on the dashboard of anyone who edits an organization page as one of its editors."""

    name = "chiiki_organization"
    template_name = "wagtail_chiiki/admin/organization_panel.html"
    order = 50

    def __init__(self, user):
        self.organizations = organizations_of(user)

    def is_shown(self, parent_context=None) -> bool:
        return bool(self.organizations)

    def render_html(self, parent_context=None) -> str:
        return super().render_html(parent_context) if self.organizations else ""

    def get_context_data(self, parent_context=None) -> dict:
        series = WorkshopSeriesPage.objects.filter(organizer__in=self.organizations).order_by("path")
        series_by_organizer: dict[int, list] = {}
        for page in series:
            if page.locale_id == page.organizer.locale_id:
                series_by_organizer.setdefault(page.organizer_id, []).append(page_state(page))
        return {
            "organizations": [
                {
                    "panel_id": f"chiiki-organization-{page.pk}",
                    "page": page_state(page),
                    "series": series_by_organizer.get(page.pk, []),
                }
                for page in self.organizations
            ]
        }


def add_organization_panel(request, panels: list) -> None:
    """``construct_homepage_panels``: puts the organization panel first for its editors."""
    panel = OrganizationPanel(request.user)
    if panel.organizations:
        panels.append(panel)


class TranslationStatusPanel(Component):
    """The dashboard panel of a translator: what waits in each language they may translate."""

    name = "chiiki_translation_status"
    order = 110
    template_name = "wagtail_chiiki/admin/translation_status_panel.html"

    def __init__(self, languages):
        self.languages = languages

    def get_context_data(self, parent_context=None):
        return {"languages": self.languages}


def add_translation_status_panel(request, panels: list) -> None:
    languages = translation_status.language_statuses(request.user)
    if languages:
        panels.append(TranslationStatusPanel(languages))

"""The admin's one step to give an organization its editors: a button on the organization page and
the confirmation view behind it, for whoever may manage groups."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_chiiki.models import OrganizationPage
from wagtail_chiiki.roles import organization_group, setup_organization_editors

MANAGE_GROUPS = ("auth.add_group", "auth.change_group")


class OrganizationEditorsView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks, POST creates or completes the organization's editors' group and collection."""

    template_name = "wagtail_chiiki/admin/organization_editors.html"
    page_title = gettext_lazy("Organization editors")
    header_icon = "group"

    def dispatch(self, request, page_id: int):
        if not request.user.has_perms(MANAGE_GROUPS):
            raise PermissionDenied
        self.organization = get_object_or_404(OrganizationPage, pk=page_id)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self) -> str:
        return self.organization.title

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "organization": self.organization,
            "group": organization_group(self.organization),
        }

    def post(self, request, page_id: int):
        team = setup_organization_editors(self.organization)
        messages.success(
            request,
            _("“%(group)s” may now edit “%(page)s”; add its members on the group's page.")
            % {"group": team.group.name, "page": self.organization.title},
        )
        return redirect(reverse("wagtailusers_groups:edit", args=(team.group.pk,)))


class OrganizationEditorsButton(PageMenuItem):
    label = gettext_lazy("Organization editors")
    icon_name = "group"
    url_name = "chiiki_organization_editors"
    priority = 90

    def is_shown(self, user) -> bool:
        return isinstance(self.page.specific_deferred, OrganizationPage) and user.has_perms(MANAGE_GROUPS)


def organization_editors_button(page, user, view_name, next_url=None):
    """``register_page_header_buttons``: the button on an organization page's header menu."""
    yield OrganizationEditorsButton(page=page)

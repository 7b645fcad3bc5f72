"""Admin registrations: the shared snippets in one menu, the checked PO upload, and the roles' pieces
(city-fields permission, organization editors' chooser and dashboard panel)."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload
from wagtail_chiiki.choosers import limit_page_chooser
from wagtail_chiiki.dashboard import add_organization_panel
from wagtail_chiiki.models import ActivityCategory, Contact, District, SupportStage
from wagtail_chiiki.organization_editors import OrganizationEditorsView, organization_editors_button


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ActivityCategoryViewSet(SnippetViewSet):
    model = ActivityCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mail"
    list_display = ["name", "department", "phone", "email"]
    search_fields = ["name", "department"]


class SupportStageViewSet(SnippetViewSet):
    model = SupportStage
    icon = "list-ol"
    list_display = ["number", "name", "goal"]
    search_fields = ["name", "goal"]
    ordering = ["number"]


class ChiikiSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Region management")
    menu_icon = "group"
    menu_name = "wagtail_chiiki"
    items = (DistrictViewSet, ActivityCategoryViewSet, ContactViewSet, SupportStageViewSet)


register_snippet(ChiikiSnippetGroup)


@hooks.register("register_admin_urls", order=-100)
def register_po_upload_url():
    # Registered before wagtail-localize's URLs, at the address of its upload view, so that the
    # translation editor's upload button reaches this view.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="chiiki_upload_pofile",
        ),
        path(
            "chiiki/organizations/<int:page_id>/editors/",
            OrganizationEditorsView.as_view(),
            name="chiiki_organization_editors",
        ),
    ]


@hooks.register("register_permissions")
def register_city_fields_permission():
    # Listed on the group screen, so that a city can give it to a group of its own.
    return Permission.objects.filter(content_type__app_label="wagtail_chiiki", codename="decide_city_fields")


hooks.register("construct_page_chooser_queryset", limit_page_chooser)
hooks.register("construct_homepage_panels", add_organization_panel)
hooks.register("register_page_header_buttons", organization_editors_button)

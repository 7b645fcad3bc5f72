"""Admin registrations: the shared snippets, grouped in one menu, the checked PO upload and overrides."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload, translation_overrides
from wagtail_chiiki.models import ActivityCategory, Contact, District, SupportStage


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
    # Registered before wagtail-localize's URLs, at the addresses of its upload and override views,
    # so that the translation editor reaches these checked views.
    return [
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            translation_overrides.edit_override,
            name="chiiki_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="chiiki_upload_pofile",
        ),
    ]

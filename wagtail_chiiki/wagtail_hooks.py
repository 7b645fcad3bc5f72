"""Admin registrations: the shared snippets, grouped in one menu, the checked PO upload and the
translators' dashboard panel."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload, translation_status
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
    # Registered before wagtail-localize's URLs, at the address of its upload view, so that the
    # translation editor's upload button reaches this view.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="chiiki_upload_pofile",
        )
    ]


class TranslationStatusPanel(Component):
    """The dashboard panel of a translator: what waits in each language they may translate."""

    name = "chiiki_translation_status"
    order = 110
    template_name = "wagtail_chiiki/admin/translation_status_panel.html"

    def __init__(self, languages):
        self.languages = languages

    def get_context_data(self, parent_context=None):
        return {"languages": self.languages}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    languages = translation_status.language_statuses(request.user)
    if languages:
        panels.append(TranslationStatusPanel(languages))

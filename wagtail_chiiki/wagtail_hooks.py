"""Admin registrations: the shared snippets, grouped in one menu, and the checked PO upload."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload
from wagtail_chiiki.models import ActivityCategory, Contact, District, RelatedWord, SupportStage


class ChiikiSnippetViewSet(SnippetViewSet):
    """A snippet listing searched by substring (``icontains`` over ``search_fields``) in the database.

    Wagtail's database search backend answers a listing search with ``search_fields`` by a server
    error on SQLite (django-modelsearch#47) and matches whole words only, which Japanese does not
    mark; a substring finds ``湊地区`` in ``湊地区まちづくり協議会`` on SQLite and PostgreSQL alike.
    """

    search_backend_name = None


class DistrictViewSet(ChiikiSnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ActivityCategoryViewSet(ChiikiSnippetViewSet):
    model = ActivityCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ContactViewSet(ChiikiSnippetViewSet):
    model = Contact
    icon = "mail"
    list_display = ["name", "department", "phone", "email"]
    search_fields = ["name", "department"]


class SupportStageViewSet(ChiikiSnippetViewSet):
    model = SupportStage
    icon = "list-ol"
    list_display = ["number", "name", "goal"]
    search_fields = ["name", "goal"]
    ordering = ["number"]


class RelatedWordViewSet(ChiikiSnippetViewSet):
    """Related words (関連ワード): editors add them on pages; translators translate them here."""

    model = RelatedWord
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ChiikiSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Region management")
    menu_icon = "group"
    menu_name = "wagtail_chiiki"
    items = (
        DistrictViewSet,
        ActivityCategoryViewSet,
        ContactViewSet,
        SupportStageViewSet,
        RelatedWordViewSet,
    )


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

"""Admin registrations: the shared snippets, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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

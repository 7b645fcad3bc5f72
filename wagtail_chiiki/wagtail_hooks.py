"""Admin registrations: the shared snippets, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki.models import ActivityCategory, Contact, District


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


class ChiikiSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Region management")
    menu_icon = "group"
    menu_name = "wagtail_chiiki"
    items = (DistrictViewSet, ActivityCategoryViewSet, ContactViewSet)


register_snippet(ChiikiSnippetGroup)

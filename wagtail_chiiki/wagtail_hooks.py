"""Admin registrations: the shared snippets in one menu, the checked PO upload and translation
overrides, the translators' dashboard panel, the roles' pieces (city-fields permission,
organization editors' chooser and dashboard panel) and the workshop applications (menu, views,
permissions). The content checks register theirs in ``content_checks/wagtail_hooks.py``."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload, translation_overrides
from wagtail_chiiki.applications import admin_views as applications
from wagtail_chiiki.applications.permissions import VIEW
from wagtail_chiiki.choosers import limit_page_chooser
from wagtail_chiiki.dashboard import add_organization_panel, add_translation_status_panel
from wagtail_chiiki.models import ActivityCategory, Contact, District, RelatedWord, SupportStage
from wagtail_chiiki.organization_editors import OrganizationEditorsView, organization_editors_button
from wagtail_chiiki.page_cache import conditional_serve


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
def register_translation_urls():
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


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "chiiki/organizations/<int:page_id>/editors/",
            OrganizationEditorsView.as_view(),
            name="chiiki_organization_editors",
        ),
        path("chiiki/applications/", applications.index, name="chiiki_applications"),
        path("chiiki/applications/<int:pk>/", applications.series_detail, name="chiiki_applications_series"),
        path("chiiki/applications/<int:pk>/add/", applications.staff_apply, name="chiiki_applications_add"),
        path("chiiki/applications/<int:pk>/csv/", applications.csv_view, name="chiiki_applications_csv"),
        path(
            "chiiki/applications/<int:pk>/registrations/<int:registration_id>/",
            applications.registration_action,
            name="chiiki_applications_registration",
        ),
        path("chiiki/applicants/<int:pk>/", applications.applicant, name="chiiki_applicant"),
        path(
            "chiiki/applicants/<int:pk>/erase/", applications.erase_applicant, name="chiiki_applicant_erase"
        ),
    ]


@hooks.register("register_permissions")
def register_permissions():
    # Listed on the group screen, so that a city can give them to groups of its own: what only the
    # city decides on an organization page, and the workshop applications.
    return Permission.objects.filter(content_type__app_label="wagtail_chiiki").filter(
        Q(codename="decide_city_fields") | Q(codename__endswith="_application")
    )


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW)


@hooks.register("register_admin_menu_item")
def register_applications_menu_item():
    return ApplicationsMenuItem(
        _("Workshop applications"), reverse("chiiki_applications"), icon_name="form", order=290
    )


hooks.register("construct_page_chooser_queryset", limit_page_chooser)
hooks.register("construct_homepage_panels", add_organization_panel)
hooks.register("construct_homepage_panels", add_translation_status_panel)
hooks.register("register_page_header_buttons", organization_editors_button)
# After Wagtail's view-restriction check (order 0): a 304 or a cached page only for who may see it.
hooks.register("on_serve_page", conditional_serve, order=100)


# The content checks register their own hooks (userbar checker, save and publish, report).
from wagtail_chiiki.content_checks import wagtail_hooks as content_check_hooks  # noqa: E402, F401

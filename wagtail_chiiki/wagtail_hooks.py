"""Admin registrations: the shared snippets, grouped in one menu, the checked PO upload and the
workshop applications (their menu item, views and permissions)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_chiiki import po_upload
from wagtail_chiiki.applications import admin_views as applications
from wagtail_chiiki.applications.permissions import VIEW
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


@hooks.register("register_admin_urls")
def register_application_urls():
    return [
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


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW)


@hooks.register("register_admin_menu_item")
def register_applications_menu_item():
    return ApplicationsMenuItem(
        _("Workshop applications"), reverse("chiiki_applications"), icon_name="form", order=290
    )


@hooks.register("register_permissions")
def register_application_permissions():
    return Permission.objects.filter(
        content_type__app_label="wagtail_chiiki", codename__endswith="_application"
    )

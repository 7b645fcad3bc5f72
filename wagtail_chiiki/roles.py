"""The roles of a city's site, set up in one idempotent call: city administrators, city editors, each
organization's editors, translators per language, and the moderation workflow between them.

Groups are named in the site's language (``LANGUAGE_CODE``) and found again by name, except an
organization's editors, who are found by their edit permission on the organization page itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from wagtail_chiiki.city_fields import CITY_FIELDS_PERMISSION
from wagtail_chiiki.models import (
    ActivityCategory,
    CommunityIndexPage,
    Contact,
    District,
    OrganizationPage,
    SupportStage,
    WorkshopSeriesPage,
)

CITY_ADMINISTRATORS = gettext_noop("City administrators")
CITY_EDITORS = gettext_noop("City editors")
TRANSLATORS = gettext_noop("Translators: %(language)s")
ORGANIZATION_EDITORS = gettext_noop("Organization editors: %(organization)s")
ORGANIZATIONS_COLLECTION = gettext_noop("Organizations")
WORKFLOW_NAME = gettext_noop("Review of organization pages")
TASK_NAME = gettext_noop("Approval by city editors")

SHARED_SNIPPETS = (District, ActivityCategory, Contact, SupportStage)
MEDIA_MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))


@dataclass
class CityRoles:
    """The groups and the workflow that ``setup_roles`` made or found."""

    administrators: Group
    editors: Group
    workflow: Workflow
    translators: dict[str, Group] = field(default_factory=dict)


@dataclass
class OrganizationEditors:
    """An organization's editors: their group, their own collection and the pages they may edit."""

    page: OrganizationPage
    group: Group
    collection: Collection
    series: list[WorkshopSeriesPage] = field(default_factory=list)


def site_text(message: str, **values) -> str:
    """A name stored in the database (group, workflow), in the site's language."""
    with override(settings.LANGUAGE_CODE):
        text = _(message)
        return text % {key: str(value) for key, value in values.items()} if values else text


@transaction.atomic
def setup_roles() -> CityRoles:
    """Creates or completes the city's groups, translators' groups and the moderation workflow."""
    administrators = _group(site_text(CITY_ADMINISTRATORS))
    editors = _group(site_text(CITY_EDITORS))
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    _grant_pages(administrators, [root_page], ("add", "change", "publish", "bulk_delete", "lock", "unlock"))
    _grant_collections(administrators, [root_collection], ("add", "change", "delete", "choose"))
    _grant_models(administrators, SHARED_SNIPPETS, ("add", "change", "delete"))
    _grant(
        administrators,
        "wagtailadmin.access_admin",
        CITY_FIELDS_PERMISSION,
        "wagtail_localize.submit_translation",
        *(f"auth.{action}_{model}" for action in ("add", "change", "delete") for model in ("user", "group")),
        *(f"wagtailcore.{a}_{m}" for a in ("add", "change", "delete") for m in ("workflow", "task")),
    )

    indexes = list(CommunityIndexPage.objects.all())
    _grant_pages(editors, indexes, ("add", "change", "publish", "lock", "unlock"))
    _grant_collections(editors, [root_collection], ("add", "change", "delete", "choose"))
    _grant_models(editors, SHARED_SNIPPETS, ("add", "change", "delete"))
    _grant(
        editors, "wagtailadmin.access_admin", CITY_FIELDS_PERMISSION, "wagtail_localize.submit_translation"
    )

    workflow = _moderation_workflow(editors, indexes)
    translators = {
        locale.language_code: _translators(locale)
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk)
    }
    return CityRoles(
        administrators=administrators, editors=editors, workflow=workflow, translators=translators
    )


@transaction.atomic
def setup_organization_editors(page: OrganizationPage, users: Iterable = ()) -> OrganizationEditors:
    """Gives an organization its editors' group (and adds ``users`` to it): edit rights on its page
    and the workshop series it organizes, and a collection of its own for images and documents."""
    page = page.specific
    group = organization_group(page) or _group(site_text(ORGANIZATION_EDITORS, organization=page.title))
    _grant(group, "wagtailadmin.access_admin")
    _grant_pages(group, [page], ("change",))

    collection = _organization_collection(group, page)
    _grant_collections(group, [collection], ("add", "change", "choose"))
    _grant_collections(group, public_collections(), ("choose",))
    for user in users:
        user.groups.add(group)
    return OrganizationEditors(page=page, group=group, collection=collection, series=grant_series(page))


def organization_group(page: Page) -> Group | None:
    """The group of an organization's editors: the one with edit rights on exactly this page."""
    city_groups = [site_text(CITY_ADMINISTRATORS), site_text(CITY_EDITORS)]
    return (
        Group.objects.filter(
            page_permissions__page=page, page_permissions__permission__codename="change_page"
        )
        .exclude(name__in=city_groups)
        .order_by("pk")
        .first()
    )


def grant_series(organization: OrganizationPage) -> list[WorkshopSeriesPage]:
    """Lets the organization's editors edit the series it organizes (in the organization's language)."""
    group = organization_group(organization)
    series = list(WorkshopSeriesPage.objects.filter(organizer=organization, locale_id=organization.locale_id))
    if group is not None:
        _grant_pages(group, series, ("change",))
    return series


def grant_published_series(sender, instance, **kwargs) -> None:
    """``page_published`` handler: a series published with an organizer becomes its editors' to edit."""
    if isinstance(instance, WorkshopSeriesPage) and instance.organizer_id:
        organizer = OrganizationPage.objects.filter(pk=instance.organizer_id).first()
        if organizer is not None:
            grant_series(organizer)


def organizations_of(user) -> list[OrganizationPage]:
    """The organization pages a user edits as one of its editors (directly, not as city staff)."""
    if not user.is_authenticated:
        return []
    return list(
        OrganizationPage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__permission__codename="change_page",
        )
        .distinct()
        .order_by("path")
    )


def is_organization_editor(user) -> bool:
    """True for an organization's editor who is not city staff: their choosers and city fields are limited."""
    if not user.is_authenticated or user.is_superuser or user.has_perm(CITY_FIELDS_PERMISSION):
        return False
    return bool(organizations_of(user))


def public_collections() -> list[Collection]:
    """Collections every editor may choose from: the root's children other than the organizations'
    collections, unless the city made them private."""
    root = Collection.get_first_root_node()
    organizations = _organizations_collection()
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    return [
        collection
        for collection in root.get_children()
        if collection.pk != organizations.pk and not any(collection.path.startswith(p) for p in restricted)
    ]


# -- helpers ------------------------------------------------------------------------------------


def _group(name: str) -> Group:
    return Group.objects.get_or_create(name=name)[0]


def _grant(group: Group, *perms: str) -> None:
    for perm in perms:
        app_label, codename = perm.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def _grant_models(group: Group, models: Iterable, actions: Iterable[str]) -> None:
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type=content_type, codename=f"{action}_{model._meta.model_name}"
                )
            )


def _grant_pages(group: Group, pages: Iterable[Page], actions: Iterable[str]) -> None:
    content_type = ContentType.objects.get_for_model(Page)
    permissions = [Permission.objects.get(content_type=content_type, codename=f"{a}_page") for a in actions]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collections(group: Group, collections: Iterable[Collection], actions: Iterable[str]) -> None:
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for app_label, model in MEDIA_MODELS
        for action in actions
    ]
    for collection in collections:
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def _organizations_collection() -> Collection:
    root = Collection.get_first_root_node()
    name = site_text(ORGANIZATIONS_COLLECTION)
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def _organization_collection(group: Group, page: OrganizationPage) -> Collection:
    own = GroupCollectionPermission.objects.filter(group=group, permission__codename="add_image").first()
    if own is not None:
        return own.collection
    parent = _organizations_collection()
    return parent.get_children().filter(name=page.title).first() or parent.add_child(name=page.title)


def _moderation_workflow(editors: Group, indexes: list[Page]) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=site_text(WORKFLOW_NAME))
    task = GroupApprovalTask.objects.filter(name=site_text(TASK_NAME)).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=site_text(TASK_NAME))
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    for index in indexes:
        # A page the city gave another workflow keeps it.
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _translators(locale: Locale) -> Group:
    group = _group(site_text(TRANSLATORS, language=locale.get_display_name()))
    _grant(group, "wagtailadmin.access_admin", "wagtail_localize.submit_translation")
    trees = Page.objects.filter(depth=2, locale=locale)
    _grant_pages(group, trees, ("add", "change", "publish", "lock", "unlock"))
    _grant_collections(group, public_collections(), ("choose",))
    return group

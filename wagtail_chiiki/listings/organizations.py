"""The organizations of a community index: the one queryset, the index's filters, the cards, one page.

``organizations_of`` is the queryset every view of an index starts from (the list, the map, the
GeoJSON feed); ``organization_index`` narrows it by the reader's filters and returns cards;
``organization_detail`` is what one organization page shows besides its own fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Page

from wagtail_chiiki.forms import OrganizationFilterForm
from wagtail_chiiki.listings.common import first_wins, pagination
from wagtail_chiiki.listings.stages import stages_in_use, stages_page
from wagtail_chiiki.listings.visibility import localize_all, localize_one, visible, visible_parent
from wagtail_chiiki.listings.words import word_name
from wagtail_chiiki.models.snippets import ActivityCategory, Contact, District
from wagtail_chiiki.models.stages import SupportStage, latest_record

#: The community index's filters: each GET parameter and the organizations a value of it selects.
FILTERS: Mapping[str, Callable[[str], Q]] = {
    "district": lambda value: Q(districts__slug=value),
    "category": lambda value: Q(activities__category__slug=value),
    "tag": lambda value: Q(tags__slug=value),
    "stage": lambda value: Q(stage__number=value),
}


@dataclass(frozen=True)
class OrganizationCard:
    """One organization as the list of cards shows it."""

    pk: int
    title: str
    url: str
    summary: str
    thumbnail: object  # the image, for the ``image`` tag; None without one
    legal_form_display: str
    district_names: tuple[str, ...]
    stage_label: str
    stage_url: str = ""  # the stage's explanation on the stages page, when a visitor may see it


@dataclass(frozen=True)
class OrganizationIndex:
    """The community index's list under the reader's filters."""

    form: OrganizationFilterForm
    filters: dict
    organizations: tuple[OrganizationCard, ...]
    activity_index: Page | None
    #: The organizations under the filters on every page, and what includes/pagination.html shows
    #: (empty when the list is not paged).
    total: int | None = None
    pages: dict = field(default_factory=dict)

    @property
    def result_count(self) -> int:
        return len(self.organizations) if self.total is None else self.total

    active_tag_name: str = ""  # the name of that related word in the reader's language

    @property
    def active_tag(self) -> str:
        """The slug of the related word the list is filtered by, or ""."""
        return self.filters.get("tag", "")


@dataclass(frozen=True)
class ActivityEntry:
    """One activity as its organization's page shows it."""

    anchor: str
    title: str
    description: str
    category_name: str


@dataclass(frozen=True)
class OrganizationDetail:
    """What an organization page shows besides its own fields, in the reader's language."""

    activities: tuple[ActivityEntry, ...]
    district_names: tuple[str, ...]
    contact: Contact | None
    index_page: Page | None
    stage: SupportStage | None
    stage_reached: date | None
    stage_url: str


def organizations_of(index: Page) -> QuerySet:
    """The organizations of a community index a visitor may see, in the index's order, with their
    districts and stage."""
    model = apps.get_model("wagtail_chiiki", "OrganizationPage")
    return (
        visible(model.objects.child_of(index))
        .defer_streamfields()
        .select_related("stage")
        .prefetch_related("districts")
        .order_by("path")
    )


def filter_choices(organizations: QuerySet, locale: Locale) -> dict[str, list]:
    """Districts, categories and stages used by these organizations, in the reader's language."""
    districts = District.objects.filter(organizations__in=organizations).distinct()
    categories = ActivityCategory.objects.filter(activities__page__in=organizations).distinct()
    return {
        "districts": _one_per_slug(localize_all(districts, locale).values()),
        "categories": _one_per_slug(localize_all(categories, locale).values()),
        "stages": stages_in_use(organizations, locale),
    }


def organization_index(
    index: Page, request: HttpRequest, locale: Locale, *, per_page: int = 0
) -> OrganizationIndex:
    """The organizations of ``index`` under the reader's GET filters, as cards: all of them, or the
    ``?page=`` of ``per_page`` (a 404 past the last page)."""
    form = OrganizationFilterForm(request.GET or None, **filter_choices(organizations_of(index), locale))
    filters = form.valid_filters() if request.GET else {}
    organizations = filtered_organizations(index, filters)
    paged = pagination(Paginator(organizations, per_page), request) if per_page else {}
    shown = paged["page_obj"].object_list if paged else organizations
    activity_index = apps.get_model("wagtail_chiiki", "ActivityIndexPage")
    return OrganizationIndex(
        form=form,
        filters=filters,
        active_tag_name=word_name(filters.get("tag", ""), locale),
        organizations=organization_cards(shown, request, locale),
        activity_index=visible(index.get_children().type(activity_index)).first(),
        total=paged["paginator"].count if paged else None,
        pages=paged,
    )


def filtered_organizations(index: Page, filters: Mapping[str, str]) -> QuerySet:
    """The organizations of ``index`` narrowed by ``FILTERS`` values (a block's choices), with thumbnails."""
    organizations = (
        organizations_of(index).select_related("thumbnail").prefetch_related("thumbnail__renditions")
    )
    for name, value in filters.items():
        if value:
            organizations = organizations.filter(FILTERS[name](value))
    return organizations.distinct() if any(filters.values()) else organizations


def organization_cards(
    organizations: QuerySet, request: HttpRequest | None, locale: Locale
) -> tuple[OrganizationCard, ...]:
    """Cards of these organization pages in the reader's language, in a fixed number of queries."""
    pages = list(organizations)
    names = localize_all((d for page in pages for d in page.districts.all()), locale)
    stages = localize_all((page.stage for page in pages), locale)
    explained = stages_page(request, locale) if stages else None
    explained_url = (explained.get_url(request) or "") if explained else ""
    return tuple(
        OrganizationCard(
            pk=page.pk,
            title=page.title,
            url=page.get_url(request) or "",
            summary=page.summary,
            thumbnail=page.thumbnail,
            legal_form_display=page.legal_form_display,
            district_names=tuple(names[d.pk].name for d in page.districts.all()),
            stage_label=str(stages[page.stage_id]) if page.stage_id else "",
            stage_url=f"{explained_url}#{stages[page.stage_id].anchor}"
            if page.stage_id and explained_url
            else "",
        )
        for page in pages
    )


def organization_detail(page: Page, request: HttpRequest, locale: Locale) -> OrganizationDetail:
    """The activities, districts, contact and stage of one organization page, in ``locale``."""
    activities = list(page.activities.all().select_related("category"))
    categories = localize_all((activity.category for activity in activities), locale)
    districts = list(page.districts.all())
    district_names = localize_all(districts, locale)
    latest = latest_record(page.stage_history.all().select_related("stage"))
    stage = localize_one(latest.stage, locale) if latest else None
    stages = stages_page(request, locale) if stage else None
    return OrganizationDetail(
        activities=tuple(
            ActivityEntry(
                anchor=activity.anchor,
                title=activity.title,
                description=activity.description,
                category_name=categories[activity.category_id].name if activity.category_id else "",
            )
            for activity in activities
        ),
        district_names=tuple(district_names[d.pk].name for d in districts),
        contact=localize_one(page.contact, locale),
        index_page=visible_parent(page),
        stage=stage,
        stage_reached=latest.reached if latest else None,
        stage_url=f"{stages.get_url(request)}#{stage.anchor}" if stages else "",
    )


def _one_per_slug(objects) -> list:
    """One object per slug (a translation and its source may share one), in display order."""
    unique = first_wins(objects, key=lambda obj: obj.slug).values()
    return sorted(unique, key=lambda obj: (obj.sort_order, obj.name))

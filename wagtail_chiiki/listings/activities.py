"""The activity listing: one place builds its queryset, filters, facet counts, page and export rows.

Every query here is a constant number per request, whatever the number of organizations and
activities. What belongs to organizations (districts, related words, slugs) is read once as small
maps and turned into lists of page ids, so the activity queries need no joins and no DISTINCT;
facet counts are grouped by page or category in the database and added up here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter, itemgetter

from django.apps import apps
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from wagtail_chiiki.forms import ActivityFilterForm, ActivitySort, stage_choices
from wagtail_chiiki.listings.common import active_locale, first_wins, site_root
from wagtail_chiiki.listings.stages import PageLink, stages_in_use
from wagtail_chiiki.listings.visibility import localize_all, localize_pages, visible
from wagtail_chiiki.models.rows import Activity
from wagtail_chiiki.models.snippets import ActivityCategory, District
from wagtail_chiiki.text import keyword_terms, normalize

ORDERINGS = {
    ActivitySort.CATEGORY: (
        F("category__sort_order").asc(nulls_last=True),
        F("category__slug").asc(nulls_last=True),
        "page__path",
        "sort_order",
        "pk",
    ),
    ActivitySort.ORGANIZATION: ("page__path", "sort_order", "pk"),
    ActivitySort.NEWEST: ("-created_at", "-pk"),
}


@dataclass(frozen=True)
class ActivityItem:
    """One activity as a page of the list shows it."""

    id: int
    anchor: str
    title: str
    description: str
    category_name: str
    district_names: tuple[str, ...]
    page: PageLink  # its organization


@dataclass(frozen=True)
class ExportRow:
    """One activity as the exports write it: plain values, no model instances."""

    id: int
    title: str
    description: str
    category: str
    category_slug: str
    organization: str
    organization_url: str
    url: str
    districts: list[str] = field(default_factory=list)
    related_words: list[str] = field(default_factory=list)
    added: str = ""


@dataclass
class Organization:
    """What the listing needs of one organization page, read once per request."""

    pk: int
    slug: str
    title: str
    stage: str  # the number of its support stage, as the filter writes it; "" without one
    district_ids: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


#: The filters that select organizations (the category filter selects activities): for each, the
#: values one organization answers to. A filter keeps the organizations whose values hold the one
#: asked for; its facet counts add up activities by the same values.
ORGANIZATION_FILTERS = {
    "district": lambda listing, org: {listing.districts_by_pk[pk].slug for pk in org.district_ids},
    "organization": lambda listing, org: [org.slug],
    "stage": lambda listing, org: [org.stage],
    "tag": lambda listing, org: org.words,
}


def scope_page(activity_index, request) -> Page | None:
    """The page whose organizations an activity list shows: its chosen community index (in its own
    language where translated) if a visitor may see it in this site, else the community index it is
    placed under, else the site's root."""
    model = apps.get_model("wagtail_chiiki", "CommunityIndexPage")
    if activity_index.scope_id:
        chosen = model.objects.filter(pk=activity_index.scope_id)
        return localize_pages(chosen, activity_index.locale, request).get(activity_index.scope_id)
    parent_index = model.objects.ancestor_of(activity_index).order_by("-depth").first()
    if parent_index:
        return parent_index
    return site_root(request, activity_index.locale)


def scope_organizations(activity_index, request) -> QuerySet:
    """The organization pages an activity list may show: visible, in its scope, site and language."""
    model = apps.get_model("wagtail_chiiki", "OrganizationPage")
    scope = scope_page(activity_index, request)
    if scope is None:
        return model.objects.none()
    pages = model.objects.descendant_of(scope).filter(locale_id=activity_index.locale_id)
    return visible(pages, request=request)


class ActivityListing:
    """The activities of the given organization pages, narrowed by the reader's GET parameters."""

    def __init__(self, organizations: QuerySet, data, locale: Locale | None = None):
        self.organizations = organizations
        self.locale = locale or active_locale()
        #: The related words in scope, by slug, named in the reader's language (read with the organizations).
        self.word_names: dict[str, str] = {}
        self.form = ActivityFilterForm(data or None, choices=self._choices())
        self.filters = self.form.valid_filters() if data else {}
        self.sort = self.filters.pop("sort", ActivitySort.CATEGORY)
        self.keyword = self.filters.pop("q", "")
        self.terms = keyword_terms(self.keyword)

    # -- organizations, categories and districts, each read once ----------------------------------

    @cached_property
    def organization_map(self) -> dict[int, Organization]:
        """The organizations in scope, in the order of the page tree, with their districts and words."""
        rows = self.organizations.order_by("path").values_list("pk", "slug", "title", "stage__number")
        found = {
            pk: Organization(pk, slug, title, "" if stage is None else str(stage))
            for pk, slug, title, stage in rows
        }
        model = self.organizations.model
        links = model.districts.through.objects.filter(organizationpage_id__in=found)
        for page_id, district_id in links.values_list("organizationpage_id", "district_id"):
            found[page_id].district_ids.append(district_id)
        rows = list(model.tags.through.objects.filter(content_object_id__in=found).select_related("tag"))
        words = localize_all((row.tag for row in rows), self.locale)  # a query only for translations
        for row in rows:
            word = words[row.tag_id]
            found[row.content_object_id].words.append(word.slug)
            self.word_names.setdefault(word.slug, word.name)
        for organization in found.values():
            organization.words.sort()
        return found

    @cached_property
    def categories_by_pk(self) -> dict[int, ActivityCategory]:
        """The categories the listed organizations' activities use, in the reader's language: a
        category only hidden organizations use is never named, not even when asked for by slug."""
        used = ActivityCategory.objects.filter(
            pk__in=Activity.objects.filter(page_id__in=list(self.organization_map)).values("category_id")
        )
        return localize_all(used, self.locale)

    @cached_property
    def categories(self) -> dict[str, ActivityCategory]:
        return first_wins(self.categories_by_pk.values(), key=attrgetter("slug"))

    @cached_property
    def districts_by_pk(self) -> dict[int, District]:
        used = {pk for org in self.organization_map.values() for pk in org.district_ids}
        return localize_all(District.objects.filter(pk__in=used), self.locale)

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        organizations = self.organization_map.values()
        return {
            "category": [(slug, c.name) for slug, c in _ordered(self.categories)],
            "district": [
                (slug, d.name)
                for slug, d in _ordered(first_wins(self.districts_by_pk.values(), key=attrgetter("slug")))
            ],
            "organization": list(
                first_wins(((org.slug, org.title) for org in organizations), key=itemgetter(0)).values()
            ),
            "stage": stage_choices(stages_in_use(self.organizations, self.locale))[1:],
            "tag": sorted(self.word_names.items(), key=lambda item: (item[1], item[0])),
        }

    # -- the filtered queryset ------------------------------------------------------------------

    def page_ids(self, *, without: str | None = None) -> list[int]:
        """The organizations every organization filter (but ``without``) leaves."""
        organizations = list(self.organization_map.values())
        for name, values in ORGANIZATION_FILTERS.items():
            if name in self.filters and name != without:
                value = str(self.filters[name])
                organizations = [org for org in organizations if value in values(self, org)]
        return [org.pk for org in organizations]

    def _category_ids(self, slugs) -> list[int]:
        return [pk for pk, category in self.categories_by_pk.items() if category.slug in slugs]

    def _keyword_q(self) -> Q:
        """Every term must appear in the activity's text (which holds its organization's name, see
        ``Activity.save``) or in its category's name."""
        condition = Q()
        for term in self.terms:
            slugs = {slug for slug, category in self.categories.items() if term in normalize(category.name)}
            condition &= Q(search_text__contains=term) | Q(category_id__in=self._category_ids(slugs))
        return condition

    def filtered(self, *, without: str | None = None) -> QuerySet[Activity]:
        """The activities matching every filter, leaving out ``without`` (for its facet counts)."""
        activities = Activity.objects.filter(page_id__in=self.page_ids(without=without))
        if "category" in self.filters and without != "category":
            activities = activities.filter(category_id__in=self._category_ids({self.filters["category"]}))
        if self.terms:
            activities = activities.filter(self._keyword_q())
        return activities

    def results(self) -> QuerySet[Activity]:
        return self.filtered().order_by(*ORDERINGS[self.sort])

    def page_rows(self) -> QuerySet[Activity]:
        """The results with what one page of the list shows (category, organization) joined in."""
        return self.results().select_related("category", "page").defer("page__body", "page__update_history")

    @cached_property
    def _groups(self) -> list[tuple[int, int | None, int]]:
        """(page, category, number of activities) for what the keyword leaves: one grouped query that
        every count of the page is added up from."""
        activities = Activity.objects.filter(page_id__in=list(self.organization_map))
        if self.terms:
            activities = activities.filter(self._keyword_q())
        return list(activities.order_by().values_list("page_id", "category_id").annotate(n=Count("pk")))

    def _totals(self, keys, *, without: str | None = None) -> Counter:
        """Activities under every filter but ``without``, added up by ``keys(page_id, category_id)``."""
        pages = set(self.page_ids(without=without))
        categories = None
        if "category" in self.filters and without != "category":
            categories = set(self._category_ids({self.filters["category"]}))
        totals: Counter = Counter()
        for page_id, category_id, n in self._groups:
            if page_id in pages and (categories is None or category_id in categories):
                for key in keys(page_id, category_id):
                    totals[key] += n
        return totals

    def count(self) -> int:
        return self._totals(lambda page_id, category_id: [None])[None]

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """For each filter, how many activities each of its values would leave with the others applied."""
        organizations = self.organization_map

        def category(page_id, category_id):
            return [self.categories_by_pk[category_id].slug] if category_id in self.categories_by_pk else []

        counts = {"category": dict(self._totals(category, without="category"))}
        for name, values in ORGANIZATION_FILTERS.items():

            def keys(page_id, category_id, values=values):
                return values(self, organizations[page_id])

            counts[name] = dict(self._totals(keys, without=name))
        return counts

    def tag_cloud(self, counts: dict[str, int], limit: int = 30) -> list[tuple[str, str, int]]:
        """The most used related words under the current filters as (slug, name in the reader's
        language, count), alphabetically by name, for the word list."""
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        names = self.word_names
        return sorted(
            ((slug, names.get(slug, slug), n) for slug, n in top), key=lambda item: (item[1], item[0])
        )

    # -- what the page shows ----------------------------------------------------------------------

    def items(self, activities: Iterable[Activity], request) -> list[ActivityItem]:
        """One page of activities (from ``page_rows``) as the list shows them, without a query per row."""
        items = []
        for activity in activities:
            category = self.categories_by_pk.get(activity.category_id)
            items.append(
                ActivityItem(
                    id=activity.pk,
                    anchor=activity.anchor,
                    title=activity.title,
                    description=activity.description,
                    category_name=category.name if category else "",
                    district_names=tuple(self.district_names(activity.page_id)),
                    page=PageLink(activity.page.title, activity.page.get_url(request) or ""),
                )
            )
        return items

    def district_names(self, page_id: int) -> list[str]:
        districts = [self.districts_by_pk[pk] for pk in self.organization_map[page_id].district_ids]
        return [district.name for district in sorted(districts, key=_sort_key)]

    # -- exports --------------------------------------------------------------------------------

    def export_rows(self, request) -> Iterator[ExportRow]:
        """Every filtered activity, streamed from the database in chunks; organizations looked up once."""
        pages = self.organizations.defer_streamfields().only("pk", "url_path", "locale_id")
        urls = {page.pk: page.get_full_url(request) or "" for page in pages}
        fields = ("pk", "title", "description", "category_id", "page_id", "created_at")
        for pk, title, description, category_id, page_id, created_at in (
            self.results().values_list(*fields).iterator(chunk_size=1000)
        ):
            category = self.categories_by_pk.get(category_id)
            organization = self.organization_map[page_id]
            yield ExportRow(
                id=pk,
                title=title,
                description=description,
                category=category.name if category else "",
                category_slug=category.slug if category else "",
                organization=organization.title,
                organization_url=urls[page_id],
                url=f"{urls[page_id]}#activity-{pk}" if urls[page_id] else "",
                districts=self.district_names(page_id),
                related_words=sorted(self.word_names[slug] for slug in organization.words),
                added=timezone.localdate(created_at).isoformat() if created_at else "",
            )


_sort_key = attrgetter("sort_order", "name")


def _ordered(objects: dict) -> list:
    return sorted(objects.items(), key=lambda item: _sort_key(item[1]))

"""The activity listing: one place builds its queryset, filters, facet counts, page and export rows.

Every query here is a constant number per request, whatever the number of organizations and
activities. What belongs to organizations (districts, related words, slugs) is read once as small
maps and turned into lists of page ids, so the activity queries need no joins and no DISTINCT;
facet counts are grouped by page or category in the database and added up here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from wagtail_chiiki.forms import ActivityFilterForm, ActivitySort, stage_choices
from wagtail_chiiki.listings.visibility import localize_all
from wagtail_chiiki.models.organizations import OrganizationPage, OrganizationTag
from wagtail_chiiki.models.rows import Activity
from wagtail_chiiki.models.snippets import ActivityCategory, District
from wagtail_chiiki.models.stages import stages_in_use
from wagtail_chiiki.text import keyword_terms, normalize

# Filters that select organizations; the category filter selects activities.
ORGANIZATION_FILTERS = ("district", "organization", "stage", "tag")

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


@dataclass
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


class ActivityListing:
    """The activities of the given organization pages, narrowed by the reader's GET parameters."""

    def __init__(self, organizations: QuerySet[OrganizationPage], data, locale: Locale | None = None):
        self.organizations = organizations
        self.locale = locale or Locale.get_active()
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
        links = OrganizationPage.districts.through.objects.filter(organizationpage_id__in=found)
        for page_id, district_id in links.values_list("organizationpage_id", "district_id"):
            found[page_id].district_ids.append(district_id)
        tags = OrganizationTag.objects.filter(content_object_id__in=found).order_by("tag__name")
        for page_id, name in tags.values_list("content_object_id", "tag__name"):
            found[page_id].words.append(name)
        return found

    @cached_property
    def categories_by_pk(self) -> dict[int, ActivityCategory]:
        """Every category, in the reader's language where translated (a short table, read whole)."""
        return localize_all(ActivityCategory.objects.all(), self.locale)

    @cached_property
    def categories(self) -> dict[str, ActivityCategory]:
        return _by_slug(self.categories_by_pk.items())

    @cached_property
    def districts_by_pk(self) -> dict[int, District]:
        used = {pk for org in self.organization_map.values() for pk in org.district_ids}
        return localize_all(District.objects.filter(pk__in=used), self.locale)

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        organizations = self.organization_map.values()
        return {
            "category": [(slug, c.name) for slug, c in _ordered(self.categories)],
            "district": [(slug, d.name) for slug, d in _ordered(_by_slug(self.districts_by_pk.items()))],
            "organization": _first_by_value((org.slug, org.title) for org in organizations),
            "stage": stage_choices(stages_in_use(self.organizations, self.locale))[1:],
            "tag": [(word, word) for word in sorted({word for org in organizations for word in org.words})],
        }

    # -- the filtered queryset ------------------------------------------------------------------

    def _organization_matches(self, name: str, value: str) -> bool:
        return {
            "district": lambda org: any(self.districts_by_pk[pk].slug == value for pk in org.district_ids),
            "organization": lambda org: org.slug == value,
            "stage": lambda org: org.stage == str(value),
            "tag": lambda org: value in org.words,
        }[name]

    def page_ids(self, *, without: str | None = None) -> list[int]:
        """The organizations every organization filter (but ``without``) leaves."""
        organizations = list(self.organization_map.values())
        for name in ORGANIZATION_FILTERS:
            if name in self.filters and name != without:
                matches = self._organization_matches(name, self.filters[name])
                organizations = [org for org in organizations if matches(org)]
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
        keys = {
            "category": lambda page_id, category_id: (
                [self.categories_by_pk[category_id].slug] if category_id in self.categories_by_pk else []
            ),
            "district": lambda page_id, category_id: {
                self.districts_by_pk[pk].slug for pk in organizations[page_id].district_ids
            },
            "organization": lambda page_id, category_id: [organizations[page_id].slug],
            "stage": lambda page_id, category_id: [organizations[page_id].stage],
            "tag": lambda page_id, category_id: organizations[page_id].words,
        }
        return {name: dict(self._totals(key, without=name)) for name, key in keys.items()}

    def tag_cloud(self, counts: dict[str, int], limit: int = 30) -> list[tuple[str, int]]:
        """The most used related words under the current filters, alphabetically, for the word list."""
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return sorted(top)

    # -- what the page shows ----------------------------------------------------------------------

    def annotate(self, activities: list[Activity]) -> list[Activity]:
        """Give one page of activities their category and district names without a query per row."""
        for activity in activities:
            category = self.categories_by_pk.get(activity.category_id)
            activity.category_name = category.name if category else ""
            activity.district_names = self.district_names(activity.page_id)
        return activities

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
                related_words=organization.words,
                added=timezone.localdate(created_at).isoformat() if created_at else "",
            )


_sort_key = attrgetter("sort_order", "name")


def _by_slug(items) -> dict:
    """Objects keyed by slug; where two share a slug (a translation and its source), the first wins."""
    result: dict = {}
    for _pk, obj in items:
        result.setdefault(obj.slug, obj)
    return result


def _first_by_value(pairs) -> list[tuple[str, str]]:
    """Choices with one entry per value (two organizations of one scope may share a slug)."""
    found: dict[str, str] = {}
    for value, label in pairs:
        found.setdefault(value, label)
    return list(found.items())


def _ordered(objects: dict) -> list:
    return sorted(objects.items(), key=lambda item: _sort_key(item[1]))

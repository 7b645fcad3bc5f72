"""The activity listing: one place builds its queryset, filters, facet counts, page and export rows.

Every query here is a constant number per request, whatever the number of organizations and
activities: names come from small lookups made once, counts from grouped queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from wagtail_chiiki.forms import ActivityFilterForm, ActivitySort
from wagtail_chiiki.localization import localize_all
from wagtail_chiiki.models.organizations import OrganizationPage, OrganizationTag
from wagtail_chiiki.models.rows import Activity
from wagtail_chiiki.models.snippets import ActivityCategory, District
from wagtail_chiiki.text import keyword_terms, normalize

# The field each narrowing filter compares its value with.
FILTER_FIELDS = {
    "category": "category__slug",
    "district": "page__districts__slug",
    "organization": "page__slug",
    "tag": "page__tagged_items__tag__name",
}
# Filters that follow a to-many relation and so need distinct rows.
MULTI_VALUED = {"district", "tag"}

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

    # -- choices and names, each looked up once --------------------------------------------------

    @cached_property
    def categories(self) -> dict[str, ActivityCategory]:
        """The categories in use, by slug, in the reader's language where translated."""
        used = ActivityCategory.objects.filter(activities__page__in=self.organizations).distinct()
        return _by_slug(localize_all(used, self.locale).items())

    @cached_property
    def districts_by_pk(self) -> dict[int, District]:
        used = District.objects.filter(organizations__in=self.organizations).distinct()
        return localize_all(used, self.locale)

    @cached_property
    def organization_names(self) -> list[tuple[str, str]]:
        return list(self.organizations.order_by("path").values_list("slug", "title"))

    @cached_property
    def tag_names(self) -> list[str]:
        tags = OrganizationTag.objects.filter(content_object__in=self.organizations)
        return sorted(set(tags.values_list("tag__name", flat=True)))

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        districts = _by_slug(self.districts_by_pk.items())
        return {
            "category": [(slug, c.name) for slug, c in _ordered(self.categories)],
            "district": [(slug, d.name) for slug, d in _ordered(districts)],
            "organization": _unique(self.organization_names),
            "tag": [(name, name) for name in self.tag_names],
        }

    # -- the filtered queryset ------------------------------------------------------------------

    def base(self) -> QuerySet[Activity]:
        return Activity.objects.filter(page__in=self.organizations)

    def _keyword_q(self) -> Q:
        """Every term must appear in the activity's text (which holds its organization's name, see
        ``Activity.save``) or in its category's name."""
        condition = Q()
        for term in self.terms:
            slugs = [slug for slug, category in self.categories.items() if term in normalize(category.name)]
            condition &= Q(search_text__contains=term) | Q(category__slug__in=slugs)
        return condition

    def filtered(self, *, without: str | None = None) -> QuerySet[Activity]:
        """The activities matching every filter, leaving out ``without`` (for its facet counts)."""
        activities = self.base()
        distinct = False
        for name, value in self.filters.items():
            if name == without:
                continue
            activities = activities.filter(**{FILTER_FIELDS[name]: value})
            distinct |= name in MULTI_VALUED
        if self.terms:
            activities = activities.filter(self._keyword_q())
        return activities.distinct() if distinct else activities

    def results(self) -> QuerySet[Activity]:
        return self.filtered().order_by(*ORDERINGS[self.sort])

    def page_rows(self) -> QuerySet[Activity]:
        """The results with what one page of the list shows (category, organization) joined in."""
        return self.results().select_related("category", "page").defer("page__body", "page__update_history")

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """For each filter, how many activities each of its values would leave with the others applied."""
        counts: dict[str, dict[str, int]] = {}
        for name in ActivityFilterForm.FACETS:
            rows = (
                self.filtered(without=name)
                .order_by()
                .values(FILTER_FIELDS[name])
                .annotate(n=Count("pk", distinct=True))
                .values_list(FILTER_FIELDS[name], "n")
            )
            counts[name] = {value: n for value, n in rows if value}
        return counts

    def tag_cloud(self, counts: Mapping[str, int], limit: int = 30) -> list[tuple[str, int]]:
        """The most used related words under the current filters, alphabetically, for the word list."""
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return sorted(top)

    # -- what the page shows ----------------------------------------------------------------------

    def annotate(self, activities: list[Activity]) -> list[Activity]:
        """Give one page of activities their category and district names without a query per row."""
        page_ids = {activity.page_id for activity in activities}
        district_ids: dict[int, list[int]] = defaultdict(list)
        through = OrganizationPage.districts.through.objects.filter(organizationpage_id__in=page_ids)
        for page_id, district_id in through.values_list("organizationpage_id", "district_id"):
            district_ids[page_id].append(district_id)
        for activity in activities:
            category = self.categories.get(activity.category.slug) if activity.category_id else None
            activity.category_name = category.name if category else ""
            districts = [self.districts_by_pk[pk] for pk in district_ids[activity.page_id]]
            activity.district_names = [d.name for d in sorted(districts, key=_sort_key)]
        return activities

    # -- exports --------------------------------------------------------------------------------

    def export_rows(self, request) -> Iterator[ExportRow]:
        """Every filtered activity, streamed from the database in chunks; organizations looked up once."""
        organizations = {
            page.pk: page
            for page in self.organizations.defer_streamfields().prefetch_related("tagged_items__tag")
        }
        urls = {pk: page.get_full_url(request) or "" for pk, page in organizations.items()}
        words = {
            pk: sorted(item.tag.name for item in page.tagged_items.all())
            for pk, page in organizations.items()
        }
        districts: dict[int, list[str]] = defaultdict(list)
        through = OrganizationPage.districts.through.objects.filter(organizationpage_id__in=organizations)
        for page_id, district_id in through.values_list("organizationpage_id", "district_id"):
            districts[page_id].append(self.districts_by_pk[district_id])
        district_names = {pk: [d.name for d in sorted(ds, key=_sort_key)] for pk, ds in districts.items()}
        fields = ("pk", "title", "description", "category__slug", "page_id", "created_at")
        for pk, title, description, slug, page_id, created_at in (
            self.results().values_list(*fields).iterator(chunk_size=1000)
        ):
            category = self.categories.get(slug) if slug else None
            yield ExportRow(
                id=pk,
                title=title,
                description=description,
                category=category.name if category else "",
                category_slug=slug or "",
                organization=organizations[page_id].title,
                organization_url=urls[page_id],
                url=f"{urls[page_id]}#activity-{pk}" if urls[page_id] else "",
                districts=district_names.get(page_id, []),
                related_words=words[page_id],
                added=timezone.localdate(created_at).isoformat() if created_at else "",
            )


_sort_key = attrgetter("sort_order", "name")


def _by_slug(items) -> dict:
    """Objects keyed by slug; where two share a slug (a translation and its source), the first wins."""
    result: dict = {}
    for _pk, obj in items:
        result.setdefault(obj.slug, obj)
    return result


def _ordered(objects: dict) -> list:
    return sorted(objects.items(), key=lambda item: _sort_key(item[1]))


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for value, label in pairs:
        seen.setdefault(value, label)
    return list(seen.items())

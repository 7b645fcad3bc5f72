"""The support stages as residents read them: every stage in their language and who is at each."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from wagtail.models import Locale, Page

from wagtail_chiiki.listings.common import first_wins, in_site_of
from wagtail_chiiki.listings.visibility import localize_all, visible
from wagtail_chiiki.models.stages import SupportStage


@dataclass(frozen=True)
class PageLink:
    """A page a visitor may see, as a list names it."""

    title: str
    url: str


@dataclass(frozen=True)
class StageView:
    """One stage as the stages page shows it, with the organizations at it now."""

    number: int
    anchor: str
    step_label: str
    name: str
    goal: str
    work_items: tuple[str, ...]
    examples: str
    city_support: str
    current_organizations: tuple[PageLink, ...]
    #: How many organizations are at this stage (``current_organizations`` may name fewer), and the
    #: community index filtered by this stage, which lists them all.
    organization_count: int = 0
    all_organizations_url: str = ""

    @property
    def more_organizations(self) -> int:
        return self.organization_count - len(self.current_organizations)


def one_per_number(stages) -> list[SupportStage]:
    """The first of the given stages for each number, ordered by number."""
    by_number = first_wins(stages, key=lambda stage: stage.number)
    return [by_number[number] for number in sorted(by_number)]


def stages_for(locale: Locale) -> list[SupportStage]:
    """Every stage, ordered by number, in ``locale`` where translated (else the source), in one query."""
    chosen: dict = {}
    for stage in SupportStage.objects.order_by("number", "pk"):
        current = chosen.get(stage.translation_key)
        if current is None or (stage.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[stage.translation_key] = stage
    # Stages made separately in two languages may share a number: the reader's language wins.
    return one_per_number(sorted(chosen.values(), key=lambda stage: stage.locale_id != locale.pk))


def stages_in_use(organizations: QuerySet, locale: Locale) -> list[SupportStage]:
    """The stages these organization pages are at, in the reader's language: the choices of a filter."""
    stages = SupportStage.objects.filter(organizations__in=organizations).distinct()
    return one_per_number(localize_all(stages, locale).values())


def stages_page(request: HttpRequest, locale: Locale) -> Page | None:
    """The visible stages page of the request's site in ``locale``, if there is one."""
    model = apps.get_model("wagtail_chiiki", "SupportStagesPage")
    return in_site_of(request, visible(model.objects.all(), locale=locale), locale).order_by("path").first()


def organizations_by_stage(
    request: HttpRequest, locale: Locale, *, shown: int | None = None
) -> dict[int, tuple[list[PageLink], int]]:
    """Visible organizations of this site in ``locale`` with a stage, by stage number: the first
    ``shown`` of each stage (all without ``shown``) in tree order, and how many there are: two
    queries, whatever the number."""
    model = apps.get_model("wagtail_chiiki", "OrganizationPage")
    organizations = in_site_of(
        request, visible(model.objects.filter(stage__isnull=False), locale=locale), locale
    )
    counts = dict(
        organizations.order_by().values_list("stage__number").annotate(count=Count("pk")).order_by()
    )
    first = organizations.select_related("stage").defer_streamfields().order_by("path")
    if shown is not None:
        first = first.annotate(
            place=Window(RowNumber(), partition_by=[F("stage__number")], order_by=F("path").asc())
        ).filter(place__lte=shown)
    grouped: dict[int, list[PageLink]] = {}
    for organization in first:
        link = PageLink(organization.title, organization.get_url(request) or "")
        grouped.setdefault(organization.stage.number, []).append(link)
    return {number: (grouped.get(number, []), count) for number, count in counts.items()}


def community_index_url(request: HttpRequest, locale: Locale) -> str:
    """The address of the site's first visible community index in ``locale``; "" without one."""
    model = apps.get_model("wagtail_chiiki", "CommunityIndexPage")
    index = in_site_of(request, visible(model.objects.all(), locale=locale), locale).order_by("path").first()
    return (index.get_url(request) or "") if index else ""


def stage_views(request: HttpRequest, locale: Locale, *, shown: int | None = None) -> list[StageView]:
    """Every stage in the reader's language, each with (at most ``shown`` of) the organizations at it
    now and a link to the community index filtered by it."""
    grouped = organizations_by_stage(request, locale, shown=shown)
    index_url = community_index_url(request, locale)
    return [
        StageView(
            number=stage.number,
            anchor=stage.anchor,
            step_label=str(stage.step_label),
            name=stage.name,
            goal=stage.goal,
            work_items=tuple(stage.work_items),
            examples=stage.examples,
            city_support=stage.city_support,
            current_organizations=tuple(grouped.get(stage.number, ([], 0))[0]),
            organization_count=grouped.get(stage.number, ([], 0))[1],
            all_organizations_url=f"{index_url}?stage={stage.number}" if index_url else "",
        )
        for stage in stages_for(locale)
    ]

"""The organization map's data: the index's one organization queryset, read once into plain values.

The map view, the map block and the GeoJSON feed all start from ``map_organizations``; the list
shown beside the map (and instead of it, without JavaScript) is ``by_district`` of the same values,
so the map and the list always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.listings.common import active_locale, first_wins, route_url
from wagtail_chiiki.listings.organizations import organizations_of
from wagtail_chiiki.listings.visibility import localize_all
from wagtail_chiiki.models.rows import Activity
from wagtail_chiiki.models.snippets import ActivityCategory

#: Marker and area colours, given in list order. Okabe–Ito's colour-blind-safe set, darkened where
#: needed so that each stands out at 3:1 against a light map (WCAG 1.4.11).
PALETTE = ("#0072b2", "#c84f00", "#007a5a", "#b0468e", "#8a6100", "#a8232e", "#6a3d9a", "#4d4d4d")


@dataclass(frozen=True)
class MapDistrict:
    slug: str
    name: str
    sort_order: int
    area: dict | None = None


@dataclass(frozen=True)
class MapOrganization:
    """What the map, its list and the GeoJSON feed say about one organization."""

    id: int
    name: str
    url: str
    full_url: str
    districts: tuple[MapDistrict, ...]
    stage: str
    stage_number: int | None
    categories: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    area: dict | None
    colour: str

    @property
    def district_names(self) -> list[str]:
        return [district.name for district in self.districts]

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class DistrictGroup:
    """The organizations serving one district, for the list beside the map."""

    name: str
    slug: str
    organizations: tuple[MapOrganization, ...]


@dataclass(frozen=True)
class OrganizationMap:
    """Everything the map template needs: the organizations, the list by district, the tiles."""

    dom_id: str
    title: str
    organizations: tuple[MapOrganization, ...]
    groups: tuple[DistrictGroup, ...]
    districts: tuple[MapDistrict, ...]
    geojson_url: str
    map_url: str
    tile_url: str
    tile_attribution: str
    max_zoom: int

    @property
    def district_outlines(self) -> list[dict]:
        """The district outlines as GeoJSON features, for the faint background layer."""
        return [
            {"type": "Feature", "geometry": d.area, "properties": {"name": d.name}} for d in self.districts
        ]


def organization_map(index: Page, request: HttpRequest, locale: Locale) -> OrganizationMap:
    """The map of an index's organizations and the list by district that goes with it."""
    organizations = map_organizations(index, request, locale)
    return OrganizationMap(
        dom_id=f"chiiki-map-{index.pk}",
        title=index.title,
        organizations=tuple(organizations),
        groups=tuple(by_district(organizations)),
        districts=tuple(district_areas(organizations)),
        geojson_url=route_url(index, "geojson", request),
        map_url=route_url(index, "map", request),
        tile_url=chiiki_settings.MAP_TILE_URL or "",
        tile_attribution=chiiki_settings.MAP_TILE_ATTRIBUTION or "",
        max_zoom=chiiki_settings.MAP_MAX_ZOOM,
    )


def map_organizations(
    index: Page, request: HttpRequest, locale: Locale | None = None
) -> list[MapOrganization]:
    """The organizations of ``index`` a visitor may see, in its language, with names in ``locale``."""
    locale = locale or active_locale()
    pages = list(organizations_of(index))
    # Only which categories each page's activities have: pairs of ids, not activity objects.
    pairs = set(
        Activity.objects.filter(page__in=[page.pk for page in pages], category__isnull=False).values_list(
            "page_id", "category_id"
        )
    )
    used = ActivityCategory.objects.filter(pk__in={category_id for _, category_id in pairs})
    districts = localize_all((d for page in pages for d in page.districts.all()), locale)
    categories = localize_all(used, locale)
    categories_of: dict[int, list] = {}
    for page_id, category_id in pairs:
        categories_of.setdefault(page_id, []).append(categories[category_id])
    stages = localize_all((page.stage for page in pages), locale)
    organizations = []
    for position, page in enumerate(pages):
        stage = stages.get(page.stage_id)
        page_categories = categories_of.get(page.pk, [])
        organizations.append(
            MapOrganization(
                id=page.pk,
                name=page.title,
                url=page.get_url(request) or "",
                full_url=page.get_full_url(request) or "",
                districts=tuple(
                    MapDistrict(
                        slug=d.slug,
                        name=districts[d.pk].name,
                        sort_order=d.sort_order,
                        area=d.area,
                    )
                    for d in page.districts.all()
                ),
                stage=str(stage) if stage else "",
                stage_number=stage.number if stage else None,
                categories=tuple(
                    first_wins(
                        sorted(page_categories, key=lambda c: (c.sort_order, c.name)), key=lambda c: c.name
                    )
                ),
                latitude=float(page.latitude) if page.latitude is not None else None,
                longitude=float(page.longitude) if page.longitude is not None else None,
                area=page.service_area,
                colour=PALETTE[position % len(PALETTE)],
            )
        )
    return organizations


def by_district(organizations: list[MapOrganization]) -> list[DistrictGroup]:
    """The organizations grouped by district in the districts' order; one serving two is in both."""
    members: dict[str, list[MapOrganization]] = {}
    districts: dict[str, MapDistrict] = {}
    without = []
    for organization in organizations:
        if not organization.districts:
            without.append(organization)
        for district in organization.districts:
            districts.setdefault(district.slug, district)
            members.setdefault(district.slug, []).append(organization)
    groups = [
        DistrictGroup(name=district.name, slug=slug, organizations=tuple(members[slug]))
        for slug, district in sorted(districts.items(), key=lambda item: (item[1].sort_order, item[1].name))
    ]
    if without:
        groups.append(DistrictGroup(name=str(_("No district given")), slug="", organizations=tuple(without)))
    return groups


def district_areas(organizations: list[MapOrganization]) -> list[MapDistrict]:
    """The districts with an outline that these organizations serve, each once."""
    served = (district for organization in organizations for district in organization.districts)
    unique = first_wins((district for district in served if district.area), key=lambda d: d.slug)
    return sorted(unique.values(), key=lambda d: (d.sort_order, d.name))

"""The organization map's data: one query set per index, read once into plain values.

The map view, the map block and the GeoJSON feed all start from ``map_organizations``; the list
shown beside the map (and instead of it, without JavaScript) is ``by_district`` of the same values,
so the map and the list always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wagtail_chiiki.listings.visibility import localize_all

#: Marker and area colours, given in list order. Okabe–Ito's colour-blind-safe set, darkened where
#: needed so that each stands out at 3:1 against a light map (WCAG 1.4.11).
PALETTE = ("#0072b2", "#c84f00", "#007a5a", "#b0468e", "#8a6100", "#a8232e", "#6a3d9a", "#4d4d4d")


@dataclass
class MapDistrict:
    slug: str
    name: str
    sort_order: int
    area: dict | None = None


@dataclass
class MapOrganization:
    """What the map, its list and the GeoJSON feed say about one organization."""

    id: int
    name: str
    url: str
    full_url: str
    districts: list[MapDistrict]
    stage: str
    stage_number: int | None
    categories: list[str]
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


@dataclass
class DistrictGroup:
    """The organizations serving one district, for the list beside the map."""

    name: str
    slug: str
    organizations: list[MapOrganization] = field(default_factory=list)


@dataclass
class OrganizationMap:
    """Everything the map template needs: the organizations, the list by district, the tiles."""

    dom_id: str
    title: str
    organizations: list[MapOrganization]
    groups: list[DistrictGroup]
    districts: list[MapDistrict]
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


def map_organizations(index, request, locale: Locale | None = None) -> list[MapOrganization]:
    """The live, public organizations of ``index`` in its language, with names in ``locale``."""
    from wagtail_chiiki.models import Activity, ActivityCategory

    locale = locale or Locale.get_active()
    pages = list(index.live_organizations())
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
                districts=[
                    MapDistrict(
                        slug=d.slug,
                        name=districts[d.pk].name,
                        sort_order=d.sort_order,
                        area=d.area,
                    )
                    for d in page.districts.all()
                ],
                stage=str(stage) if stage else "",
                stage_number=stage.number if stage else None,
                categories=_unique(sorted(page_categories, key=lambda c: (c.sort_order, c.name))),
                latitude=float(page.latitude) if page.latitude is not None else None,
                longitude=float(page.longitude) if page.longitude is not None else None,
                area=page.service_area,
                colour=PALETTE[position % len(PALETTE)],
            )
        )
    return organizations


def by_district(organizations: list[MapOrganization]) -> list[DistrictGroup]:
    """The organizations grouped by district in the districts' order; one serving two is in both."""
    groups: dict[str, DistrictGroup] = {}
    order: dict[str, tuple] = {}
    without = DistrictGroup(name=str(_("No district given")), slug="")
    for organization in organizations:
        if not organization.districts:
            without.organizations.append(organization)
        for district in organization.districts:
            group = groups.setdefault(district.slug, DistrictGroup(name=district.name, slug=district.slug))
            order[district.slug] = (district.sort_order, district.name)
            group.organizations.append(organization)
    result = [groups[slug] for slug in sorted(groups, key=lambda slug: order[slug])]
    return [*result, without] if without.organizations else result


def district_areas(organizations: list[MapOrganization]) -> list[MapDistrict]:
    """The districts with an outline that these organizations serve, each once."""
    seen: dict[str, MapDistrict] = {}
    for organization in organizations:
        for district in organization.districts:
            if district.area:
                seen.setdefault(district.slug, district)
    return sorted(seen.values(), key=lambda d: (d.sort_order, d.name))


def _unique(objects) -> list[str]:
    names: list[str] = []
    for obj in objects:
        if obj.name not in names:
            names.append(obj.name)
    return names

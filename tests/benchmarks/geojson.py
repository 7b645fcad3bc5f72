"""Benchmark of the organization map at city scale: 500 organizations, each with a point and an area.

Run it by hand from the repository root; it is not a test (pytest does not collect this folder)::

    .venv/bin/python -m tests.benchmarks.geojson
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wagtail_chiiki_bench .venv/bin/python -m tests.benchmarks.geojson

Databases as in ``tests/benchmarks/harness.py`` (whose helpers it uses): a temporary SQLite file,
or a new PostgreSQL database that it creates and drops. It builds the city with
``tests/builders.py``, gives every organization a point and a 33-position service area, and prints
for the GeoJSON feed, the map view and the community index: the median time of a request through
Django's test client, its ratio to the plain page (a rich-text page with a body of about 3 KB, the
baseline of every benchmark), its queries, and the size of the response.
"""

from __future__ import annotations

import argparse
import math
import sys
import time

from tests.benchmarks.harness import Database, add_plain_page, print_table, time_page, with_database

ORGANIZATIONS = 500
ACTIVITIES = 2_000
AREA_POSITIONS = 32


def area_around(latitude: float, longitude: float, seed: int) -> dict:
    """A closed, irregular ring of ``AREA_POSITIONS`` + 1 positions about 1.5 km around a point."""
    ring = []
    for step in range(AREA_POSITIONS):
        angle = 2 * math.pi * step / AREA_POSITIONS
        radius = 0.012 * (1 + 0.3 * math.sin(3 * angle + seed))
        ring.append(
            [round(longitude + radius * math.sin(angle), 6), round(latitude + radius * math.cos(angle), 6)]
        )
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    return with_database(run, parser.parse_args(argv))


def run(args, database: Database) -> int:
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from tests.builders import build_city, make_site
    from wagtail_chiiki.models import OrganizationPage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        home = make_site()
        city = build_city(home, organizations=ORGANIZATIONS, activities=ACTIVITIES)
        pages = []
        for i, page in enumerate(city.organizations):
            latitude, longitude = 37.3 + (i % 25) * 0.012, 139.8 + (i // 25) * 0.012
            page.latitude, page.longitude = f"{latitude:.6f}", f"{longitude:.6f}"
            page.service_area = area_around(latitude, longitude, i)
            pages.append(page)
        OrganizationPage.objects.bulk_update(pages, ["latitude", "longitude", "service_area"], batch_size=100)
        plain = add_plain_page(home)
    built = time.perf_counter()

    client = Client()
    index = city.index.url
    print(f"\n{database.label}: {ORGANIZATIONS} organizations, each with a point and a service area")
    print(f"migrate and build {built - started:.1f} s; {args.requests} timed requests a page")
    urls = [
        ("plain page (HomePage)", plain.url),
        ("GeoJSON feed", index + "geojson/"),
        ("map view (map/)", index + "map/"),
        ("community index", index),
    ]
    timings = {label: time_page(client, url, args.requests) for label, url in urls}
    base = timings["plain page (HomePage)"]["median"]
    print_table(
        ["page", "median ms", "× plain", "queries", "SQL ms", "kB", "gzip kB"],
        [
            [
                label,
                f"{t['median'] * 1000:.1f}",
                f"{t['median'] / base:.2f}",
                t["queries"],
                f"{t['sql'] * 1000:.1f}",
                f"{len(t['body']) / 1024:.0f}",
                f"{len(_gzip(t['body'])) / 1024:.0f}",
            ]
            for label, t in timings.items()
        ],
    )
    return 0


def _gzip(content: bytes) -> bytes:
    import gzip

    return gzip.compress(content)


if __name__ == "__main__":
    sys.exit(main())

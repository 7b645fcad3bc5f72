"""What the benchmarks share: their own database, timed requests, the plain page, a table.

* ``with_database(run, args)`` runs ``run(args, database)`` in the benchmark's own database: without
  ``DATABASE_URL`` a temporary SQLite file; with it, the PostgreSQL database the URL names, which it
  creates (it must not exist) and drops at the end. Django is set up with the test settings
  (``tests/settings.py``).
* ``time_page`` times requests through Django's test client after a warm-up, with one request's
  queries and their time.
* ``add_plain_page`` adds the baseline of every benchmark: a rich-text page of the example site's
  ``HomePage`` type with a body of about 3 KB.
* ``print_table`` prints rows as aligned columns, East Asian characters counting two columns.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time

#: Untimed requests before the timed ones of ``time_page``.
WARM_UP = 3


def with_database(run, args) -> int:
    """``run(args, database)`` in the benchmark's own database, set up for Django, dropped after."""
    database = Database(os.environ.get("DATABASE_URL", ""))
    database.create()
    try:
        import django

        os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
        django.setup()
        return run(args, database)
    finally:
        database.drop()


class Database:
    """The benchmark's own database: a temporary SQLite file, or a new PostgreSQL database."""

    def __init__(self, url: str):
        self.url = url
        self.tempdir = ""
        if not url:
            self.tempdir = tempfile.mkdtemp(prefix="wagtail-chiiki-bench-")
            self.url = f"sqlite:///{self.tempdir}/bench.sqlite3"
        os.environ["DATABASE_URL"] = self.url
        import dj_database_url

        self.settings = dj_database_url.parse(self.url)
        self.vendor = "postgresql" if "postgresql" in self.settings["ENGINE"] else "sqlite"

    def _server(self):
        import psycopg

        s = self.settings
        return psycopg.connect(
            dbname="postgres",
            user=s.get("USER") or None,
            password=s.get("PASSWORD") or None,
            host=s.get("HOST") or None,
            port=s.get("PORT") or None,
            autocommit=True,
        )

    def create(self) -> None:
        if self.vendor != "postgresql":
            return
        from psycopg import sql

        with self._server() as server:
            exists = server.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.settings["NAME"]]
            ).fetchone()
            if exists:
                sys.exit(f"database {self.settings['NAME']} exists: drop it or name another in DATABASE_URL")
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.settings["NAME"])))

    def drop(self) -> None:
        if self.tempdir:
            shutil.rmtree(self.tempdir, ignore_errors=True)
            return
        from django.db import connections
        from psycopg import sql

        connections.close_all()
        with self._server() as server:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(self.settings["NAME"]))
            )

    def analyze(self) -> None:
        """Fresh planner statistics after a bulk load, as PostgreSQL's autovacuum makes soon after."""
        if self.vendor != "postgresql":
            return
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    @property
    def label(self) -> str:
        from django.db import connection

        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                return f"PostgreSQL {cursor.fetchone()[0]}"
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (file)"


def get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def time_page(client, url: str, requests: int) -> dict:
    """The median of ``requests`` timed requests after a warm-up, and one request's queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        get(client, url)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = get(client, url)
        times.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return {
        "median": statistics.median(times),
        "queries": len(queries),
        "sql": sum(float(query["time"]) for query in queries.captured_queries),
        "body": response.content,
    }


#: The body of the plain page every ratio is measured against, in bytes of HTML: a typical
#: municipal article (お知らせ) of a few headings and paragraphs.
PLAIN_BODY_BYTES = 3_000


def add_plain_page(home):
    """The baseline of every ratio: a rich-text ``HomePage`` whose body is about 3 KB of HTML."""
    from example_site.home.models import HomePage
    from tests.builders import ACTIVITY_TEXTS, add_page

    body, size, i = [], 0, 0
    while size < PLAIN_BODY_BYTES:
        title, description = ACTIVITY_TEXTS[i % len(ACTIVITY_TEXTS)]
        paragraph = f"<p>{description}</p>"
        body.append(("heading", {"text": f"{title} {i + 1}", "level": "h2"}))
        body.append(("paragraph", paragraph))
        size += len(f"<h2>{title} {i + 1}</h2>{paragraph}".encode())
        i += 1
    return add_page(home, HomePage(title="お知らせ", slug="plain", body=body))


def print_table(header: list[str], rows: list[list]) -> None:
    def width(text) -> int:  # East Asian characters take two columns
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))

    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for n, row in enumerate([header, *rows]):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            cells.append(f"{cell}{pad}" if i == 0 else f"{pad}{cell}")
        print("  ".join(cells))
        if n == 0:
            print("  ".join("-" * w for w in widths))

"""Every English page of the demo (and the community index's map), crawled: not one Japanese
character outside elements marked ``lang="ja"``, in the text or in what assistive technology reads
out (``alt``, ``title``, ``aria-label``, ``placeholder``, the page's description)."""

from __future__ import annotations

from collections import Counter

import pytest
from wagtail.models import Page

from example_site.demo.english import JAPANESE
from tests.html import Element, parse

pytestmark = [pytest.mark.django_db, pytest.mark.shared_media]

#: Attributes whose text is shown or read out.
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def marked_japanese(element: Element) -> bool:
    return (element.get("lang") or "").split("-")[0].lower() == "ja"


def skipped(element: Element) -> bool:
    """Not read: scripts, styles and templates, and text marked as Japanese."""
    return element.tag in ("script", "style", "template") or marked_japanese(element)


def count_runs(value: str, runs: Counter) -> None:
    run = ""
    for char in value + " ":
        if JAPANESE.match(char):
            run += char
        elif run:
            runs[run] += 1
            run = ""


def japanese_runs(node: Element, runs: Counter) -> None:
    """Runs of Japanese characters in the text and read-out attributes, outside ``lang="ja"``."""
    for child in node.children:
        if isinstance(child, str):
            count_runs(child, runs)
        elif not skipped(child):
            for name in READ_ATTRIBUTES:
                count_runs(child.get(name) or "", runs)
            if child.tag == "meta" and child.get("name") == "description":
                count_runs(child.get("content") or "", runs)
            japanese_runs(child, runs)


def crawl(client) -> dict[str, Counter]:
    found = {}
    pages = Page.objects.live().filter(locale__language_code="en", depth__gt=1).order_by("path").specific()
    urls = [page.url for page in pages]
    urls += [page.url + "map/" for page in pages if type(page).__name__ == "CommunityIndexPage"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        runs: Counter = Counter()
        japanese_runs(parse(response.content), runs)
        found[url] = runs
    return found


def test_english_pages_show_no_japanese_outside_lang_ja(client, demo):
    found = crawl(client)
    everything = sum(found.values(), Counter())
    characters = sum(len(run) * n for run, n in everything.items())
    shown = f'{characters} Japanese characters outside lang="ja": ' + ", ".join(
        f"{url}: {n} × {run}" for url, runs in found.items() for run, n in runs.most_common()
    )

    assert len(found) == 14, sorted(found)
    assert characters == 0, shown

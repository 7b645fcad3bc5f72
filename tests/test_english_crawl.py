"""Every English page of the demo (and the community index's map), crawled: no Japanese is left
outside ``lang``-marked text and the language switch but the titles of the demo's documents, which
have no translation entry yet (a document title is the file's own, shared by every language)."""

from __future__ import annotations

from collections import Counter

import pytest
from wagtail.models import Page

from example_site.demo import content
from example_site.demo.english import JAPANESE
from tests.html import Element, parse

pytestmark = [pytest.mark.django_db, pytest.mark.shared_media]


def skipped(element: Element) -> bool:
    """Not read: scripts and the head, text marked as another language, the language switch."""
    other_language = (element.get("lang") or "en").split("-")[0] != "en"
    switch = "chiiki-language-switch" in (element.get("class") or "").split()
    return element.tag in ("script", "style", "template", "head") or other_language or switch


def japanese_runs(node: Element, runs: Counter) -> None:
    """Runs of Japanese characters in the visible text, skipping other-language and switch parts."""
    for child in node.children:
        if isinstance(child, str):
            run = ""
            for char in child + " ":
                if JAPANESE.match(char):
                    run += char
                elif run:
                    runs[run] += 1
                    run = ""
        elif not skipped(child):
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


def test_english_pages_show_japanese_only_in_document_titles(client, demo):
    found = crawl(client)
    everything = sum(found.values(), Counter())
    characters = sum(len(run) * n for run, n in everything.items())
    shown = f"{characters} Japanese characters outside lang-marked text: " + ", ".join(
        f"{n} × {run}" for run, n in everything.most_common()
    )

    assert len(found) == 14, sorted(found)
    assert not set(everything) & set(content.RELATED_WORDS), shown
    assert set(everything) <= {document["title"] for document in content.DOCUMENTS.values()}, shown

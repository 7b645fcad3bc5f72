"""The example site's error pages speak the reader's language and keep the site's landmarks."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.html import parse, text


@pytest.mark.parametrize(
    ("path", "language", "heading", "home_link"),
    [
        ("/no-such-page/", "ja", "ページが見つかりません", "/"),
        ("/en/no-such-page/", "en", "Page not found", "/en/"),
        ("/chiiki/no-such-organization/", "ja", "ページが見つかりません", "/"),
    ],
)
def test_a_missing_page_answers_404_in_its_language_with_the_site_landmarks(
    client, home, path, language, heading, home_link
):
    response = client.get(path)

    assert response.status_code == 404
    doc = parse(response.content.decode())
    assert doc.one("html")["lang"] == language
    assert doc.one("header", class_="site-header") and doc.one("footer", class_="site-footer")
    main = doc.one("main", id="main")
    assert text(main.one("h1")) == heading
    assert heading in text(doc.one("title"))
    assert [a["href"] for a in main.find_all("a")] == [home_link]
    assert doc.one("a", class_="skip-link")["href"] == "#main"


@pytest.mark.parametrize(("language", "heading"), [("ja", "サーバーエラー"), ("en", "Server error")])
def test_the_server_error_page_stands_alone_in_its_language(language, heading):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    doc = parse(response.content.decode())
    assert doc.one("html")["lang"] == language
    assert text(doc.one("main").one("h1")) == heading
    assert doc.one("header", class_="site-header") and doc.one("footer", class_="site-footer")

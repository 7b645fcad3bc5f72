"""The activity list under bad input: hostile, unknown, repeated or random parameters give a normal
page or a clean 404, never reflected markup, and exports that hold what the page counts."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.activity_list import ALL, export_csv, export_json, get, listed
from tests.html import parse, text

# -- bad input -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?page=0",
        "?page=-1",
        "?page=abc",
        "?page=",
        "?page=1.5",
        "?page=" + "9" * 5000,
        "?category=unknown",
        "?category=%3Cscript%3Ealert(1)%3C/script%3E",
        "?tag=%3Cscript%3Ealert(1)%3C/script%3E",
        "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "?organization=' OR 1=1 --",
        "?q=' OR 1=1 --",
        "?q=" + "あ" * 10_000,
        "?q=%00%00",
        "?district=%00",
        "?sort=title",
        "?sort=-pk",
        "?category=market&category=transport&category=market",
    ],
)
def test_hostile_or_unknown_parameters_give_a_normal_page_and_are_never_reflected_as_markup(
    client, activity_index, activity_city, query
):
    response = get(client, activity_index, query)

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "あ" * 101 not in html
    assert listed(response) in (ALL, [], ["湊産農産物直売所", "おおとマルシェ"])
    for export in ("export/csv/", "export/json/"):
        assert client.get(activity_index.url + export + query).status_code == 200


@pytest.mark.django_db
def test_a_page_past_the_end_is_a_clean_404(client, activity_index, activity_city):
    assert client.get(activity_index.url + "?page=2").status_code == 404
    assert client.get(activity_index.url + "?page=99999").status_code == 404


@pytest.mark.django_db
def test_an_unknown_value_is_explained_and_the_valid_filters_still_apply(
    client, activity_index, activity_city
):
    doc = parse(get(client, activity_index, "?category=nothing&district=oto").content.decode())

    assert "分野" in text(doc.one(class_="chiiki-field-error"))
    assert len(doc.find_all("li", class_="chiiki-activity-item")) == 4


@pytest.mark.django_db
def test_repeated_parameters_use_the_last_value(client, activity_index, activity_city):
    assert listed(get(client, activity_index, "?district=oto&district=minato&category=market")) == [
        "湊産農産物直売所"
    ]


@pytest.mark.django_db
def test_a_long_keyword_is_shortened_not_refused(client, activity_index, activity_city):
    doc = parse(get(client, activity_index, "?q=" + "バス" + "あ" * 10_000).content.decode())

    assert len(doc.one("form", class_="chiiki-filters").one("input", name="q")["value"]) == 100
    assert doc.find(class_="chiiki-field-error") is None


@pytest.mark.django_db
def test_junk_after_an_export_address_is_a_404(client, activity_index, activity_city):
    for junk in ("export/csv/x/", "export/", "export/xml/", "export/csv/?page=2&junk"):
        assert client.get(activity_index.url + junk).status_code == (200 if "?" in junk else 404)


# -- property-based: any parameters at all ---------------------------------------------------------------

KNOWN_VALUES = [
    "market",
    "oto",
    "minato",
    "both",
    "野菜",
    "のりもの",
    "newest",
    "organization",
    "1",
    "2",
    "0",
    "-1",
]
parameter_values = st.one_of(
    st.sampled_from(KNOWN_VALUES),
    st.text(max_size=30),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "%_%"]),
)
parameters = st.dictionaries(
    st.one_of(
        st.sampled_from(["q", "category", "district", "organization", "stage", "tag", "sort", "page"]),
        st.text(max_size=8),
    ),
    st.one_of(parameter_values, st.lists(parameter_values, min_size=1, max_size=3)),
    max_size=6,
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=parameters)
def test_any_parameters_give_a_page_or_a_404_and_exports_hold_what_the_page_counts(
    client, activity_index, activity_city, query
):
    response = client.get(activity_index.url, query)
    assert response.status_code in (200, 404)
    rows = export_csv(client, activity_index, "?" + urlencode(query, doseq=True))
    data = export_json(client, activity_index, "?" + urlencode(query, doseq=True))

    assert [row["title"] for row in rows] == [item["title"] for item in data["activities"]]
    assert data["count"] == len(rows)
    assert {row["title"] for row in rows} <= set(ALL)
    if response.status_code == 404:
        assert int(str(query["page"][-1] if isinstance(query["page"], list) else query["page"])) > 1
        return
    html = response.content.decode()
    doc = parse(html)
    shown = doc.one("p", class_="chiiki-result-count")
    assert f"{len(rows)}件" in text(shown)
    assert len(listed(response)) == min(len(rows), activity_index.page_size)
    for value in (v for values in query.values() for v in (values if isinstance(values, list) else [values])):
        if "<" in value:
            assert value not in html

"""The example site's search page: organizations, activities and workshop series by parts of words.

Wagtail's database search backend matches whole words, which Japanese does not separate, so this page
matches substrings instead, folded as the package folds them (``wagtail_chiiki.text``): an activity's
stored folded text, and the titles and summaries of pages in hiragana and katakana. Only live,
public pages of the request's site in the current language are searched. docs/install.md describes
it for host sites.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import render
from wagtail.models import Locale

from wagtail_chiiki.listings.common import site_root
from wagtail_chiiki.models import Activity, OrganizationPage, WorkshopSeriesPage
from wagtail_chiiki.text import kana_variants, keyword_terms

RESULTS_PER_KIND = 50


def text_matches(terms: list[str], *fields: str) -> Q:
    """Every term found in one of the fields, in hiragana or katakana."""
    condition = Q()
    for term in terms:
        either = Q()
        for variant in kana_variants(term):
            for name in fields:
                either |= Q(**{f"{name}__icontains": variant})
        condition &= either
    return condition


def visible(pages: QuerySet, request, locale: Locale) -> QuerySet:
    pages = pages.live().public().filter(locale=locale)
    root = site_root(request, locale)
    return pages if root is None else pages.descendant_of(root, inclusive=True)


def search(request):
    keyword = request.GET.get("q", "")
    terms = keyword_terms(keyword)
    context = {"keyword": keyword, "searched": bool(terms)}
    if terms:
        locale = Locale.get_active()
        organizations = visible(OrganizationPage.objects.all(), request, locale)
        series = visible(WorkshopSeriesPage.objects.all(), request, locale)
        activities = Activity.objects.filter(page__in=organizations).select_related("page")
        for term in terms:
            activities = activities.filter(search_text__contains=term)
        context.update(
            organizations=list(
                organizations.filter(text_matches(terms, "title", "summary")).order_by("path")[
                    :RESULTS_PER_KIND
                ]
            ),
            activities=list(activities.order_by("page__path", "sort_order", "pk")[:RESULTS_PER_KIND]),
            series=list(
                series.filter(text_matches(terms, "title", "summary")).order_by("path")[:RESULTS_PER_KIND]
            ),
        )
    return render(request, "home/search.html", context)

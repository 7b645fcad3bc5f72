"""Related words (関連ワード) in the reader's language: a page's words, the community index they link
to, and the name of a filter's word."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest
from wagtail.models import Locale, Page

from wagtail_chiiki.listings.common import active_locale
from wagtail_chiiki.listings.visibility import localize_all, visible_ancestor, visible_parent
from wagtail_chiiki.models.words import RelatedWord


@dataclass(frozen=True)
class PageWords:
    """What a page shows under "Related words"."""

    words: tuple[RelatedWord, ...]  # in the reader's language, by name
    index_url: str  # the community index each word filters (``?tag=<slug>``); "" shows plain text


def page_words(page, locale: Locale) -> list[RelatedWord]:
    """The related words of ``page`` (saved or in a preview) in ``locale``, by name.

    A translated page points at its source's words (wagtail-localize copies the rows): each word is
    shown as its translation in ``locale`` where one exists, else as written in the source."""
    return _in_language(list(page.tags.all()), locale)


def _in_language(words: list[RelatedWord], locale: Locale) -> list[RelatedWord]:
    localized = localize_all(words, locale)
    return sorted((localized[word.pk] for word in words), key=lambda word: (word.name, word.slug))


def page_word_links(page, request: HttpRequest) -> PageWords:
    """The related words of ``page`` in the reader's language and the community index they link to.

    A page without words costs the one query that reads them: the reader's language and the index
    are looked up only when there are words."""
    words = list(page.tags.all())
    if not words:
        return PageWords(words=(), index_url="")
    index = words_index(page)
    return PageWords(
        words=tuple(_in_language(words, active_locale())),
        index_url=(index.get_url(request) or "") if index else "",
    )


def words_index(page) -> Page | None:
    """The community index a page's related words filter: the page itself when it is one, else its
    parent when that is one (an organization's own index), else the nearest above it; each only
    when a visitor may see it. The parent of a page being served costs no query (Wagtail's routing
    keeps it on the page); the search above it costs one. An index without a URL in any site is no
    index to link to (``page_word_links`` gives no URL)."""
    index_model = apps.get_model("wagtail_chiiki", "CommunityIndexPage")
    if isinstance(page, index_model):
        return page if page.live else None
    parent = visible_parent(page)
    if parent is not None and issubclass(parent.specific_class or Page, index_model):
        return parent
    return visible_ancestor(page, index_model)


def word_name(slug: str, locale: Locale) -> str:
    """The name of the word a ``?tag=`` filter names, in ``locale`` where translated; "" if unknown."""
    if not slug:
        return ""
    here = Case(When(locale=locale, then=Value(0)), default=Value(1), output_field=IntegerField())
    word = RelatedWord.objects.filter(slug=slug).order_by(here, "pk").first()
    return word.name if word else ""

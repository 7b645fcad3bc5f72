"""Related words (関連ワード) in the reader's language: a page's words and the name of a filter's word."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from wagtail.models import Locale

from wagtail_chiiki.listings.visibility import localize_all
from wagtail_chiiki.models.words import RelatedWord


def page_words(page, locale: Locale) -> list[RelatedWord]:
    """The related words of ``page`` (saved or in a preview) in ``locale``, by name.

    A translated page points at its source's words (wagtail-localize copies the rows): each word is
    shown as its translation in ``locale`` where one exists, else as written in the source."""
    words = list(page.tags.all())
    localized = localize_all(words, locale)
    return sorted((localized[word.pk] for word in words), key=lambda word: (word.name, word.slug))


def word_name(slug: str, locale: Locale) -> str:
    """The name of the word a ``?tag=`` filter names, in ``locale`` where translated; "" if unknown."""
    if not slug:
        return ""
    here = Case(When(locale=locale, then=Value(0)), default=Value(1), output_field=IntegerField())
    word = RelatedWord.objects.filter(slug=slug).order_by(here, "pk").first()
    return word.name if word else ""

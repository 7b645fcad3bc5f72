"""Related words (関連ワード): a translatable tag model and the tag manager of the package's pages.

Every page type of the package has words: a ``RelatedWordItem`` subclass naming the page type (its
rows) and a ``tags = related_words_field(ThatItem, help_text)``.

A word is a snippet in one language with a slug its translations share (``?tag=bus`` filters the same
in every language). A page's words are django-taggit rows pointing at the words of the page's own
language; wagtail-localize copies those rows to translations unchanged, so a translated page points at
the source-language words, and every view shows them in the reader's language through
``listings.visibility.localize_all``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class RelatedWord(TranslatableMixin, index.Indexed, TagBase):
    """A related word (関連ワード) residents might search for, e.g. バス, in one language."""

    # Unique per language only (see Meta): the English translation of ``バス`` keeps its slug.
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in filter links such as ?tag=bus, the same in every language."),
    )

    free_tagging = True
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("related word")
        verbose_name_plural = _("related words")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="wagtail_chiiki_relatedword_name_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="wagtail_chiiki_relatedword_slug_locale"),
        ]

    def __str__(self) -> str:
        return self.name


class RelatedWordItem(ItemBase):
    """The base of a page type's taggit rows: one related word of one page."""

    tag = models.ForeignKey(
        RelatedWord, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True


class _LocaleTagManager(_ClusterTaggableManager):
    """Looks words up, and creates new ones, in the language of the page being edited."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is not None:
            tag_kwargs = {**tag_kwargs, "locale_id": locale_id}
        return super()._to_tag_model_instances(tags, tag_kwargs)


class RelatedWordsField(ClusterTaggableManager):
    """``ClusterTaggableManager`` whose new words are made in the page's language."""

    def __get__(self, instance, model):
        return _LocaleTagManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


def related_words_field(through: type[RelatedWordItem], help_text) -> RelatedWordsField:
    """The optional ``tags`` field of a page type, its rows in ``through``; ``help_text`` gives
    examples that fit the page type."""
    return RelatedWordsField(
        through=through, blank=True, verbose_name=_("related words"), help_text=help_text
    )

"""The base every wagtail-chiiki page shares: base template, dates, the public update history and the
related words."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from wagtail_chiiki.api import TagsSerializer
from wagtail_chiiki.blocks import UpdateEntryBlock
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.listings.words import page_word_links, page_words
from wagtail_chiiki.page_forms import ChiikiPageForm
from wagtail_chiiki.text import has_line_break


class ChiikiPage(Page):
    """An abstract page carrying a short public update history (更新情報), as municipal pages do."""

    update_history = StreamField(
        [("update", UpdateEntryBlock())],
        blank=True,
        verbose_name=_("update history"),
        help_text=_("Public notes of what changed and when, newest first. Shown under the page dates."),
    )

    history_panels = [FieldPanel("update_history")]
    base_form_class = ChiikiPageForm

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if has_line_break(self.title):
            # A title is one line everywhere it is used: headings, lists, calendar names, CSV cells.
            raise ValidationError({"title": _("A title is one line: remove the line breaks.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chiiki_base_template"] = chiiki_settings.BASE_TEMPLATE
        # The related words every page type shows (includes/related_words.html) and the community
        # index they link to (listings.words.page_word_links).
        words = page_word_links(self, request) if isinstance(self, WithRelatedWords) else None
        context["tags"] = list(words.words) if words else []
        context["tags_url"] = words.index_url if words else ""
        return context

    def get_cached_paths(self) -> list[str]:
        """The page and each of its fixed routes (``map/``, feeds, exports): what a front-end cache
        purges when the page changes."""
        routes = self.get_subpage_urls() if hasattr(self, "get_subpage_urls") else []
        fixed = [str(route.pattern) for route in routes if not getattr(route.pattern, "converters", {})]
        return ["/", *(f"/{pattern}" for pattern in fixed if pattern)]

    @property
    def sorted_update_history(self) -> list:
        return sorted((entry.value for entry in self.update_history), key=lambda v: v["date"], reverse=True)


class Tab(ObjectList):
    """An admin tab whose id (``#tab-<name>``) is the same in every admin language.

    Wagtail makes a tab's id from its translated heading, once per page type, in the language of
    whoever opens the form first: a Japanese heading gives ``tab-panel``, an English one
    ``tab-content``. A fixed name keeps links and tests to a tab stable.
    """

    def __init__(self, *args, name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    def clone_kwargs(self) -> dict:
        return {**super().clone_kwargs(), "name": self.name}

    @property
    def clean_name(self) -> str:
        return self.name or super().clean_name


def edit_tabs(content_panels: list, *tabs: Tab) -> TabbedInterface:
    """A page's edit form: its content, any tabs of its own, then the tabs every page has."""
    return TabbedInterface(
        [
            Tab(content_panels, heading=_("Content"), name="content"),
            *tabs,
            Tab(ChiikiPage.history_panels, heading=_("Update history"), name="update_history"),
            Tab(ChiikiPage.promote_panels, heading=_("Promote"), name="promote"),
            Tab(ChiikiPage.settings_panels, heading=_("Settings"), name="settings"),
        ]
    )


class WithRelatedWords:
    """A page type with related words (a ``tags`` field made by ``models.words.related_words_field``).

    Its ``search_fields`` and ``api_fields`` add ``related_words_search_field`` and
    ``related_words_api_field``; ``ChiikiPage.get_context`` gives its template ``tags`` and ``tags_url``.
    """

    related_words_search_field = index.SearchField("related_words_text")
    related_words_api_field = APIField("tags", serializer=TagsSerializer(source="related_words"))

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Wagtail indexes on post_save, before modelcluster saves the rows and the words that the
        # search fields include: index again once they are stored. A draft (saved with
        # ``update_fields``) leaves the live row as it was: index that, never the draft in memory.
        live = self if kwargs.get("update_fields") is None else type(self).objects.get(pk=self.pk)
        index.insert_or_update_object(live)
        return result

    @property
    def related_words(self) -> list:
        """The page's related words in its own language (the API and the search index read them)."""
        return page_words(self, self.locale)

    def related_words_text(self) -> str:
        """The names of the page's related words in its language, for the search index."""
        return " ".join(word.name for word in self.related_words)

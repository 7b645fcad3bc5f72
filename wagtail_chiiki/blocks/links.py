"""Link blocks: one link to a page or a web address, link lists, and an organization's social links."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.preview import newest_object_preview
from wagtail_chiiki.links import LinkKind
from wagtail_chiiki.listings.visibility import localize_pages
from wagtail_chiiki.validators import validate_http_url, validate_link_kind


class HttpURLBlock(blocks.URLBlock):
    """A web address that must start with http:// or https:// (never javascript:)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Django's URLField would also take ftp:// and word every failure "Enter a valid URL."
        # (twice, once per validator): one validator and one message that says what is expected.
        self.field.validators = [validate_http_url]
        self.field.error_messages = {**self.field.error_messages, "invalid": validate_http_url.message}


def link_hrefs(links, request=None) -> list[str]:
    """The address of each link value, in one query: a page of this site as a visitor may see it (its
    live translation in the reader's language; empty, so shown as text, when hidden), else the web
    address."""
    pages = localize_pages((link.get("page") for link in links), request=request)
    hrefs = []
    for link in links:
        page = link.get("page")
        if page is None:
            hrefs.append(link.get("url") or "")
        else:
            shown = pages.get(page.pk)
            hrefs.append((shown.get_url(request) or "") if shown else "")
    return hrefs


class LinkValue(blocks.StructValue):
    """A link block's value; ``href`` is its page as a visitor may see it, or its web address."""

    @cached_property
    def href(self) -> str:
        return link_hrefs([self])[0]


def localize_links(links: Iterable[LinkValue], request=None) -> None:
    """Work out the ``href`` of every link at once: one query for the list, not one a link."""
    links = [link for link in links if link is not None]
    for link, href in zip(links, link_hrefs(links, request), strict=True):
        link.__dict__["href"] = href  # what cached_property keeps


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to a web address; other sites are marked as external.

    ``LinkBlock(required=False)`` (the details link of a notice) may be left entirely empty.
    """

    text = blocks.CharBlock(label=_("Link text"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page of this site"), required=False)
    url = HttpURLBlock(label=_("Web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "wagtail_chiiki/blocks/link.html"
        preview_value = {"text": "地域づくり課のページ", "url": "https://www.example.jp/"}
        value_class = LinkValue
        required = True

    @property
    def required(self) -> bool:
        return bool(self.meta.required)

    @staticmethod
    def is_empty(value) -> bool:
        return not value or not (value.get("text") or value.get("page") or value.get("url"))

    def get_context(self, value, parent_context=None):
        localize_links([value], (parent_context or {}).get("request"))
        return super().get_context(value, parent_context=parent_context)

    def clean(self, value):
        if not self.required and self.is_empty(value):
            return self.get_default() if value is None else value
        value = super().clean(value)
        both = bool(value.get("page")) and bool(value.get("url"))
        neither = not (value.get("page") or value.get("url"))
        # A missing link is tolerated in a draft (deferred validation), two links never are.
        if both or (neither and not self.is_deferred_validation):
            message = _("Choose either a page of this site or a web address.")
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(message)}, non_block_errors=None
            )
        return value


class LinkListBlock(PlacedBlock):
    """A titled list of links (related pages, outside resources)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "wagtail_chiiki/blocks/link_list.html"
        preview_value = {
            "heading": "関連リンク",
            "links": [
                {"text": "地域おこし協力隊のページ", "url": "https://www.example.jp/kyoryokutai/"},
                {"text": "地域内交通のページ", "url": "https://www.example.jp/bus/"},
            ],
        }
        description = _("A list of links under a heading.")

    def get_context(self, value, parent_context=None):
        localize_links(value["links"], (parent_context or {}).get("request"))
        return super().get_context(value, parent_context=parent_context)


class RelatedPagesBlock(PlacedBlock):
    """Pages of this site worth reading next, each with its description; hidden pages are left out."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1)

    class Meta:
        icon = "doc-empty-inverse"
        label = _("Related pages")
        template = "wagtail_chiiki/blocks/related_pages.html"
        description = _("Pages of this site to read next, with their descriptions.")

    def get_preview_value(self):
        return newest_object_preview(self, Page, lambda page: {"heading": "関連ページ", "pages": [page.pk]})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        shown = localize_pages(value.get("pages") or [], request=request)
        context["related_pages"] = [
            {"title": page.title, "url": page.get_url(request) or "", "description": page.search_description}
            for page in (shown.get(chosen.pk) for chosen in value.get("pages") or [] if chosen is not None)
            if page is not None
        ]
        return context


class SocialLinkBlock(blocks.StructBlock):
    """One account or site of an organization (note, Instagram, X …)."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=LinkKind.choices, default=LinkKind.WEBSITE)
    url = HttpURLBlock(label=_("Web address"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=120, help_text=_("Leave empty to use the kind.")
    )

    class Meta:
        icon = "link-external"
        label = _("Social link")

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_link_kind(value.get("kind"), value.get("url"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"url": error}, non_block_errors=None) from None
        return value


class SocialLinksBlock(blocks.StructBlock):
    """An organization's websites and social media accounts, each named for screen readers."""

    owner = blocks.CharBlock(
        label=_("Whose accounts"), max_length=120, help_text=_("E.g. the organization's name.")
    )
    links = blocks.ListBlock(SocialLinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "link-external"
        label = _("Social links")
        template = "wagtail_chiiki/blocks/social_links.html"
        preview_value = {
            "owner": "河東地域づくり委員会",
            "links": [
                {"kind": "note", "url": "https://note.com/example"},
                {"kind": "instagram", "url": "https://www.instagram.com/example/"},
            ],
        }
        description = _("Links to an organization's website and social media.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        labels = dict(LinkKind.choices)
        context["social_links"] = [
            {
                "kind": link["kind"],
                "url": link["url"],
                "label_text": link.get("label") or labels.get(link["kind"], ""),
            }
            for link in value["links"]
        ]
        return context

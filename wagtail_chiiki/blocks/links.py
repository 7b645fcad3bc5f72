"""Link blocks: one link to a page or a web address, link lists, and an organization's social links."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from wagtail_chiiki.links import LinkKind
from wagtail_chiiki.localization import localize_all
from wagtail_chiiki.validators import validate_http_url


class HttpURLBlock(blocks.URLBlock):
    """A web address that must start with http:// or https:// (never javascript:)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Django's URLField would also take ftp:// and word every failure "Enter a valid URL."
        # (twice, once per validator): one validator and one message that says what is expected.
        self.field.validators = [validate_http_url]
        self.field.error_messages = {**self.field.error_messages, "invalid": validate_http_url.message}


class LinkValue(blocks.StructValue):
    """A link block's value; ``href`` is its page in the reader's language, or its web address."""

    @cached_property
    def href(self) -> str:
        page = self.get("page")
        if page is None:
            return self.get("url") or ""
        return page.localized.url or ""


def localize_links(links: Iterable[LinkValue]) -> None:
    """Work out the ``href`` of every link to a page at once: one query for the list, not one a link."""
    to_pages = [link for link in links if link.get("page") is not None]
    pages = localize_all(link["page"] for link in to_pages)
    for link in to_pages:
        link.__dict__["href"] = pages[link["page"].pk].url or ""  # what cached_property keeps


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


class LinkListBlock(blocks.StructBlock):
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
        localize_links(value["links"])
        return super().get_context(value, parent_context=parent_context)


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

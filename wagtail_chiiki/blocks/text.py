"""Text blocks: headings with a chosen level, and rich text whose external links are marked."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

#: The rich-text features of every rich text of the package: blocks, the stages' city support and the
#: workshop purpose alike.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline right under the page title."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)")), ("h4", _("Minor (h4)"))],
        default="h2",
        help_text=_("Use h2 for a main section, h3 inside it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "wagtail_chiiki/blocks/heading.html"
        preview_value = {"text": "地域運営組織とは", "level": "h2"}
        description = _("A heading that starts a section of the page.")


class RichTextBlock(blocks.RichTextBlock):
    """Paragraphs, lists and links; links to other sites are marked as external when shown."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "wagtail_chiiki/blocks/rich_text.html"
        preview_value = "<p>地域の暮らしを守るため、住民が中心となって地域の課題に取り組む組織です。</p>"
        description = _("Paragraphs, lists and links.")

"""Images with required alternative text, and document links that show file type and size."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from wagtail_chiiki.blocks.preview import newest_object_preview


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen-reader users hear, and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_chiiki/blocks/image.html"
        description = _("An image with alternative text and a caption.")

    def get_preview_value(self):
        return newest_object_preview(
            self, get_image_model(), lambda image: {"image": image.pk, "alt_text": image.title, "caption": ""}
        )


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document followed by its type and size, as in チラシ[PDF:927KB]."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title. Type and size are added by themselves."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "wagtail_chiiki/blocks/document_link.html"
        description = _("A link to a PDF or other file, shown with its type and size.")

    def get_preview_value(self):
        return newest_object_preview(self, get_document_model(), lambda document: {"document": document.pk})

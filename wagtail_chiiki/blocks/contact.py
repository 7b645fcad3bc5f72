"""The contact block: a shared contact snippet (お問い合わせ) placed on any page."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_chiiki.blocks.placement import PlacedBlock
from wagtail_chiiki.blocks.preview import newest_object_preview
from wagtail_chiiki.listings.visibility import localize_one


class ContactBlock(PlacedBlock):
    """Shows a shared contact point: name, address, phone, fax, email and form."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, help_text=_("Leave empty for “Contact”.")
    )
    contact = SnippetChooserBlock("wagtail_chiiki.Contact", label=_("Contact"))

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "wagtail_chiiki/blocks/contact.html"
        description = _("A contact point shared by many pages.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["contact"] = localize_one(value.get("contact"))
        return context

    def get_preview_value(self):
        model = apps.get_model("wagtail_chiiki", "Contact")
        return newest_object_preview(self, model, lambda contact: {"contact": contact.pk})

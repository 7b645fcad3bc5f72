"""The example site's own home page, composed from wagtail-chiiki's reusable blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_chiiki.blocks import ContentStreamBlock


class HomePage(Page):
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

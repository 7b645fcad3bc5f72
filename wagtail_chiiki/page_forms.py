"""The admin form every package page uses: choices of translatable snippets in the page's language."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


def _chosen_pks(value) -> list:
    """The primary keys in a form's initial value: an instance or a pk, or a list or queryset of either."""
    if value is None or value == "":
        return []
    values = [value] if isinstance(value, str | int) or hasattr(value, "pk") else value
    return [getattr(item, "pk", item) for item in values]


def limit_to_locale(form: forms.BaseForm, locale_id: int) -> None:
    """Offers only the translatable snippets of ``locale_id`` in ``form``'s choice fields.

    What the instance has chosen already stays on offer, so a value set in another language (a
    translation's synchronised districts) is shown and kept rather than dropped on save.
    """
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not issubclass(queryset.model, TranslatableMixin):
            continue
        field.queryset = queryset.filter(
            Q(locale_id=locale_id) | Q(pk__in=_chosen_pks(form.initial.get(name)))
        )


SLUG_HELP = _(
    "The last part of the page's address, e.g. minato in /chiiki/minato/. Wagtail fills it in from "
    "the title; a Japanese title makes a long address of percent codes (%E6%B9%8A…) when shared, so "
    "write a short one in romaji or English instead. Translations keep this address unless their "
    "translator gives them their own."
)


class ChiikiPageForm(WagtailAdminPageForm):
    """Checkbox lists and choosers of districts, categories, stages and contacts offer the page's
    language; the Promote tab says where the page's address comes from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = SLUG_HELP
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return
        limit_to_locale(self, locale_id)
        for formset in self.formsets.values():
            for form in [*formset.forms, formset.empty_form]:
                limit_to_locale(form, locale_id)

"""Forms residents use on the public pages: the filters of the community index."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class OrganizationFilterForm(forms.Form):
    """The GET filters of the community index; unknown values are reported and ignored, never fatal."""

    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        error_messages={"invalid_choice": _("That district is not in the list; showing all districts.")},
    )
    category = forms.ChoiceField(
        label=_("Activity"),
        required=False,
        error_messages={"invalid_choice": _("That activity is not in the list; showing all activities.")},
    )
    tag = forms.CharField(label=_("Related word"), required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, data, *, districts, categories):
        super().__init__(data)
        self.fields["district"].choices = [("", _("All districts")), *[(d.slug, d.name) for d in districts]]
        self.fields["category"].choices = [("", _("All activities")), *[(c.slug, c.name) for c in categories]]

    def valid_filters(self) -> dict[str, str]:
        """The filters whose values are valid, even when others are not."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value and name not in self.errors
        }

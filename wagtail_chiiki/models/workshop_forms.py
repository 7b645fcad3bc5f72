"""The admin form of a workshop series: checks that need every session at once."""

from __future__ import annotations

from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.page_forms import ChiikiPageForm
from wagtail_chiiki.schedule import DAY, clashing_numbers, last_day, number_sessions


class WorkshopSeriesForm(ChiikiPageForm):
    """Refuses a session number used twice and a deadline after the last session; nothing is saved."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return cleaned_data
        forms = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get(DELETION_FIELD_NAME)
        ]
        forms.sort(key=lambda form: form.cleaned_data.get(ORDERING_FIELD_NAME) or 0)
        numbers = number_sessions([form.cleaned_data.get("number") for form in forms])
        clashes = clashing_numbers(numbers)
        for form, number in zip(forms, numbers, strict=True):
            if number in clashes:
                form.add_error(
                    "number",
                    _("Two sessions would both be number %(number)s: give each session its own number.")
                    % {"number": number},
                )
        deadline = cleaned_data.get("application_deadline")
        last_days = [
            last_day(form.cleaned_data["date"], form.cleaned_data.get("precision") or DAY)
            for form in forms
            if form.cleaned_data.get("date")
        ]
        if deadline and last_days and deadline > max(last_days):
            self.add_error(
                "application_deadline",
                _("The application deadline is after the last session: choose a day on or before it."),
            )
        return cleaned_data

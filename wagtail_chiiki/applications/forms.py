"""The application form of a resident, and the same form for staff taking an application by phone."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_chiiki.applications.offer import OpenSession
from wagtail_chiiki.applications.seats import Applicant
from wagtail_chiiki.conf import chiiki_settings
from wagtail_chiiki.validators import normalize_phone, validate_phone

_KANA = re.compile(r"^[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\s・ー]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """NFKC-normalized text without control or bidi-override characters (kept out of CSV and email)."""
    return _CONTROL.sub("", unicodedata.normalize("NFKC", value or "")).strip()


def phone_digits(value: str) -> str:
    """A phone number as digits only (``+81`` as ``0``), the form applications are compared in."""
    digits = re.sub(r"\D", "", normalize_phone(value))
    return "0" + digits[2:] if normalize_phone(value).startswith("+81") else digits


class ApplicationForm(forms.Form):
    """Name, kana, email and/or phone, people, sessions, waitlist, note and consent; a honeypot."""

    name = forms.CharField(label=pgettext_lazy("a person", "Name"), max_length=100)
    name_kana = forms.CharField(
        label=_("Name in kana (furigana)"),
        max_length=100,
        required=False,
        help_text=_("How your name is read, in hiragana or katakana."),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        required=False,
        help_text=_("We send your receipt and a link to cancel here."),
    )
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=_("E.g. 0242-39-1202.")
    )
    people = forms.IntegerField(label=_("Number of people"), min_value=1)  # its limit is set per site
    sessions = forms.MultipleChoiceField(
        label=_("Sessions you will attend"), widget=forms.CheckboxSelectMultiple
    )
    join_waitlist = forms.BooleanField(
        label=_("If a session is full, put me on its waitlist"), required=False, initial=True
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. support you need to take part."),
    )
    consent = forms.BooleanField(label=_("I agree to the handling of my personal data described above."))
    # Hidden from people (CSS and aria-hidden), filled by bots that fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, open_sessions: list[OpenSession], choose_sessions: bool, language: str, **kw):
        super().__init__(*args, **kw)
        self.open_sessions = {item.session.uid: item for item in open_sessions}
        self.choose_sessions = choose_sessions
        self.language = language
        limit = chiiki_settings.APPLICATION_MAX_PEOPLE
        self.fields["people"] = forms.IntegerField(
            label=_("Number of people"),
            min_value=1,
            max_value=limit,
            initial=1,
            help_text=_("Including yourself."),
        )
        self.fields["sessions"].choices = [(item.session.uid, item.text) for item in open_sessions]
        if not choose_sessions:
            # Applications are for the whole series: every session still open, no choice to make.
            self.fields["sessions"].required = False
            self.fields["sessions"].widget = forms.MultipleHiddenInput()
        self.fields["name_kana"].required = language.startswith("ja")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for field_name in ("name", "name_kana"):
            self.fields[field_name].widget.attrs.update(
                autocomplete="name" if field_name == "name" else "off"
            )
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")

    def describe_errors(self) -> None:
        """Ties each field to its help and errors (``aria-describedby``) and marks invalid ones."""
        for name, field in self.fields.items():
            ids = []
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                ids.append(f"{self[name].auto_id}-errors")
            if field.help_text:
                ids.append(f"{self[name].auto_id}-help")
            if ids and name != "sessions":
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_name(self) -> str:
        value = clean_text(self.cleaned_data["name"])
        if not value:
            raise ValidationError(_("Enter your name."), code="required")
        return value

    def clean_name_kana(self) -> str:
        value = clean_text(self.cleaned_data["name_kana"])
        if value and not _KANA.match(value):
            raise ValidationError(_("Write the reading of your name in hiragana or katakana."), code="kana")
        if not value and self.fields["name_kana"].required:
            raise ValidationError(_("Enter the reading of your name in kana."), code="required")
        return value

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"]
        if not value.strip():
            return ""
        validate_phone(value)
        return phone_digits(value)

    def clean_note(self) -> str:
        return clean_text(self.cleaned_data["note"])

    def clean_sessions(self) -> list[str]:
        chosen = self.cleaned_data["sessions"]
        if not self.choose_sessions:
            return list(self.open_sessions)
        return chosen

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned and "phone" in cleaned and not cleaned["email"] and not cleaned["phone"]:
            self.add_error(
                "email",
                ValidationError(_("Give an email address or a phone number, or both."), code="contact"),
            )
        if not self.errors.get("sessions") and not cleaned.get("sessions"):
            self.add_error(
                "sessions", ValidationError(_("No session takes applications now."), code="closed")
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def applicant(self, source: str = "web") -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            name_kana=data["name_kana"],
            email=data["email"].strip().lower(),
            phone=data["phone"],
            people=data["people"],
            note=data["note"],
            language=self.language,
            source=source,
        )

    def chosen_rows(self) -> list:
        return [self.open_sessions[uid].row for uid in self.cleaned_data["sessions"]]


class StaffApplicationForm(ApplicationForm):
    """What staff enter for a resident who applies by phone or at the counter: no consent box, no bot trap."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        del self.fields["consent"]
        del self.fields["website"]
        self.fields["name_kana"].required = False
        self.fields["sessions"].required = True
        self.fields["sessions"].widget = forms.CheckboxSelectMultiple()
        self.fields["sessions"].choices = [(uid, item.text) for uid, item in self.open_sessions.items()]
        self.choose_sessions = True

    @property
    def is_bot(self) -> bool:
        return False

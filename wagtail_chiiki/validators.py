"""Validators for values editors type into the admin: phone numbers, web links, coordinates."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.labels import join_names
from wagtail_chiiki.links import KIND_HOSTS, LinkKind, url_fits_kind

_PHONE_CHARS = re.compile(r"^\+?[0-9()\- ]+$")


def normalize_phone(value: str) -> str:
    """Full-width digits and hyphens (０２４２−３９) become their ASCII forms."""
    value = unicodedata.normalize("NFKC", value or "").strip()
    return value.replace("−", "-").replace("ー", "-").replace("‐", "-")


def validate_phone(value: str) -> None:
    """A Japanese phone or fax number: digits with hyphens or brackets, 10 or 11 digits (+81 allowed)."""
    normalized = normalize_phone(value)
    digits = re.sub(r"\D", "", normalized)
    if normalized.startswith("+81"):
        digits = "0" + digits[2:]
    if not _PHONE_CHARS.match(normalized) or not (10 <= len(digits) <= 11) or not digits.startswith("0"):
        raise ValidationError(
            _("Enter a phone number such as 0242-39-1202 (10 or 11 digits, starting with 0)."),
            code="invalid_phone",
        )


class HttpURLValidator(URLValidator):
    """Only http and https links: javascript:, data: and ftp: are refused."""

    schemes = ["http", "https"]
    message = _("Enter a web address starting with http:// or https://.")
    # Not Django's "invalid": a form field replaces the message of that code by its own
    # "Enter a valid URL.", which would hide why an ftp:// address is refused.
    code = "invalid_web_address"


validate_http_url = HttpURLValidator()


def validate_link_kind(kind: str, url: str) -> None:
    """A link of a kind with hosts of its own (``links.KIND_HOSTS``) must be on one of them: an
    Instagram link to facebook.com is refused. Raised for the address, which is what is wrong."""
    if not url or url_fits_kind(kind, url):
        return
    raise ValidationError(
        _(
            "The address is not on %(kind)s: it must be on %(hosts)s. Correct it, or choose the kind that fits it."
        ),
        code="link_kind_host",
        params={"kind": LinkKind(kind).label, "hosts": join_names(KIND_HOSTS[kind], get_language())},
    )


latitude_validators = [
    MinValueValidator(-90, message=_("Latitude must be between -90 and 90.")),
    MaxValueValidator(90, message=_("Latitude must be between -90 and 90.")),
]
longitude_validators = [
    MinValueValidator(-180, message=_("Longitude must be between -180 and 180.")),
    MaxValueValidator(180, message=_("Longitude must be between -180 and 180.")),
]

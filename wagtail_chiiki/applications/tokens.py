"""Signed links of an application: the cancel link of its email and the receipt page after applying.

A token names the application and carries its secret, so a forged or altered token is refused and
erasing an application makes its links useless.
"""

from __future__ import annotations

import secrets

from django.core import signing

from wagtail_chiiki.models.applications import Application

CANCEL_SALT = "wagtail_chiiki.applications.cancel"
RECEIPT_SALT = "wagtail_chiiki.applications.receipt"
RECEIPT_MAX_AGE = 24 * 60 * 60  # the receipt page is for the moment after applying, not for keeps


def make_token(application: Application, salt: str) -> str:
    return signing.dumps([application.pk, application.token_secret], salt=salt)


def read_token(token: str, salt: str, max_age: int | None = None) -> Application | None:
    """The application a token names, or ``None`` when it is forged, altered, expired or erased."""
    try:
        pk, secret = signing.loads(token[:500], salt=salt, max_age=max_age)
        application = Application.objects.select_related("series").get(pk=int(pk))
    except (signing.BadSignature, ValueError, TypeError, Application.DoesNotExist):
        return None
    if not secrets.compare_digest(str(secret), application.token_secret):
        return None
    return application

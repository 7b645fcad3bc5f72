"""The privacy notice of the application form: the link to the site's privacy policy page."""

from __future__ import annotations

from wagtail.models import Page

from wagtail_chiiki.conf import chiiki_settings


def privacy_policy_url(page=None) -> str:
    """The policy named by ``APPLICATION_PRIVACY_POLICY``: a page id (in the page's language) or a URL."""
    chosen = chiiki_settings.APPLICATION_PRIVACY_POLICY
    if not chosen:
        return ""
    if isinstance(chosen, int):
        policy = Page.objects.live().filter(pk=chosen).first()
        if policy is None:
            return ""
        if page is not None:
            policy = policy.get_translation_or_none(page.locale) or policy
        return policy.url or ""
    return str(chosen)

"""The demo's editor accounts and roles: a city editor, one editor per organization and an English
translator (password = user name), set up with ``wagtail_chiiki.roles`` as a city would with
``manage.py chiiki_roles``."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model

from example_site.demo import content
from wagtail_chiiki.roles import setup_organization_editors, setup_roles

CITY_EDITOR = "city"
TRANSLATOR = "translator"


def organization_editors() -> list[str]:
    """The user names of the organizations' editors, one per demo organization (its slug)."""
    return [spec["slug"] for spec in content.ORGANIZATIONS]


def accounts_text() -> str:
    """The accounts as ``make demo`` and ``load_demo`` print them."""
    return (
        f"City editor:  {CITY_EDITOR} / {CITY_EDITOR}\n"
        f"Organization editors (password = user name): {', '.join(organization_editors())}\n"
        f"English translator:  {TRANSLATOR} / {TRANSLATOR}"
    )


def ensure_accounts(pages: dict, record: Callable[[str, str, str], None]) -> None:
    """The roles, the moderation workflow, the city editor and each organization's editor."""
    roles = setup_roles()
    _user(CITY_EDITOR, record).groups.add(roles.editors)
    if "en" in roles.translators:
        _user(TRANSLATOR, record).groups.add(roles.translators["en"])
    for username in organization_editors():
        setup_organization_editors(pages[username], [_user(username, record)])


def _user(username: str, record: Callable[[str, str, str], None]):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        record("unchanged", "user", username)
        return user
    record("created", "user", username)
    return User.objects.create_user(username, f"{username}@example.jp", username)

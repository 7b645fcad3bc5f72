"""Builders shared by the application tests: a series taking applications and a resident's POST."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

FUTURE = datetime.date.today().year + 2
FUTURE_SESSIONS = [
    (datetime.date(FUTURE, 6, 21), "day", "地域づくりビジョンって?"),
    (datetime.date(FUTURE, 7, 10), "day", "地域課題の整理"),
]


@pytest.fixture
def fresh_rate_limit():
    """A test's applications count alone against the rate limit per client (kept in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_series(make_series):
    """A two-session series taking applications on the page, 30 seats a session by default."""

    def make(capacity=30, sessions=FUTURE_SESSIONS, **fields):
        fields.setdefault("application_method", "form")
        fields.setdefault("later_sessions_open", True)
        return make_series("まちづくりワークショップ", sessions=sessions, capacity=capacity, **fields)

    return make


def apply_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def session_uids(page) -> list[str]:
    return [str(session.translation_key) for session in page.sessions.all()]


def resident(page, **overrides) -> dict:
    """The POST of a resident applying for every session of ``page``."""
    data = {
        "name": "山田 花子",
        "name_kana": "やまだ はなこ",
        "email": "hanako@example.jp",
        "phone": "",
        "people": "2",
        "sessions": session_uids(page),
        "join_waitlist": "on",
        "note": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}

"""The one way tests count queries: around any action, or for a request in its steady state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.db import connection
from django.http import HttpResponseBase
from django.test.utils import CaptureQueriesContext

T = TypeVar("T")


def count_queries(action: Callable[[], T]) -> tuple[int, T]:
    """The number of database queries ``action()`` makes, and what it returns."""
    with CaptureQueriesContext(connection) as queries:
        result = action()
    return len(queries), result


@dataclass(frozen=True)
class Measured:
    queries: int
    response: HttpResponseBase
    content: bytes


def request_queries(client, url: str) -> Measured:
    """The queries of a second request for ``url`` (the first fills caches: image renditions, the
    site's root paths), with the body read to its end inside the count (streamed exports query as
    they stream). A response other than 200 fails the test."""

    def get() -> tuple[HttpResponseBase, bytes]:
        response = client.get(url)
        return response, b"".join(response.streaming_content) if response.streaming else response.content

    get()
    queries, (response, content) = count_queries(get)
    assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
    return Measured(queries, response, content)

"""Feeds and exports: plain data in, bytes out, no queries inside."""

from wagtail_chiiki.feeds.activities import (
    ACTIVITY_COLUMNS,
    activities_csv_response,
    activities_json_response,
)

__all__ = ["ACTIVITY_COLUMNS", "activities_csv_response", "activities_json_response"]

"""Feeds and exports: plain data in, bytes out, no queries inside; ``responses`` serves them over HTTP."""

from wagtail_chiiki.feeds.activities import ACTIVITY_COLUMNS

__all__ = ["ACTIVITY_COLUMNS"]

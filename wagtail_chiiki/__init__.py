"""Pages about community-based region management organizations (地域運営組織) for Wagtail sites."""

__version__ = "0.1.0"

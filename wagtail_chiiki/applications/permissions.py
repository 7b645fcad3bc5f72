"""Who sees workshop applications: the model permissions, narrowed by series through a hook.

Permissions (``wagtail_chiiki`` app, given to groups in Settings → Groups):

- ``view_application``: see the applications of the series the user may see;
- ``add_application``: enter an application taken by phone or at the counter;
- ``change_application``: mark attendance, cancel a place, fill seats from the waitlist;
- ``export_application``: download the CSV and one applicant's data;
- ``delete_application``: erase one applicant's data on request.

Which series a user may see is decided by the hook ``chiiki_application_series``: each registered
function takes ``(user, queryset)`` of workshop series pages and returns it narrowed, e.g. to the
series of the user's own organization. Superusers see every series.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail import hooks
from wagtail.models import Locale

from wagtail_chiiki.models.workshops import WorkshopSeriesPage

HOOK = "chiiki_application_series"
VIEW, ADD, CHANGE, EXPORT, DELETE = (
    f"wagtail_chiiki.{action}_application" for action in ("view", "add", "change", "export", "delete")
)


def series_for_user(user) -> QuerySet:
    """The series (in the default language, where applications are held) whose applications ``user`` sees."""
    queryset = WorkshopSeriesPage.objects.filter(locale=Locale.get_default()).order_by(
        "-first_published_at", "pk"
    )
    if not user.is_active or not user.has_perm(VIEW):
        return queryset.none()
    if user.is_superuser:
        return queryset
    for narrow in hooks.get_hooks(HOOK):
        queryset = narrow(user, queryset)
    return queryset

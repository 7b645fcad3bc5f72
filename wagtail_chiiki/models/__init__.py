"""The models of wagtail-chiiki, one module per page family plus the shared snippets and stages."""

from wagtail_chiiki.models.activities import ActivityIndexPage, ActivityIndexTag
from wagtail_chiiki.models.applications import Application, Registration, SessionTally
from wagtail_chiiki.models.base import ChiikiPage
from wagtail_chiiki.models.organizations import (
    CommunityIndexPage,
    CommunityIndexTag,
    LegalForm,
    OrganizationPage,
    OrganizationTag,
)
from wagtail_chiiki.models.rows import Activity, MemberGroup, OrganizationLink, TransportService
from wagtail_chiiki.models.sessions import Precision, SessionStatus, WorkshopSession
from wagtail_chiiki.models.snippets import ActivityCategory, Contact, District
from wagtail_chiiki.models.stages import StageRecord, SupportStage
from wagtail_chiiki.models.support import SupportStagesPage, SupportStagesTag
from wagtail_chiiki.models.words import RelatedWord
from wagtail_chiiki.models.workshop_index import WorkshopIndexPage, WorkshopIndexTag
from wagtail_chiiki.models.workshops import ApplicationMethod, WorkshopSeriesPage, WorkshopSeriesTag

__all__ = [
    "Activity",
    "Application",
    "ApplicationMethod",
    "ActivityCategory",
    "ActivityIndexPage",
    "ActivityIndexTag",
    "ChiikiPage",
    "CommunityIndexPage",
    "CommunityIndexTag",
    "Contact",
    "District",
    "LegalForm",
    "MemberGroup",
    "OrganizationLink",
    "OrganizationPage",
    "OrganizationTag",
    "Precision",
    "Registration",
    "RelatedWord",
    "SessionStatus",
    "SessionTally",
    "StageRecord",
    "SupportStage",
    "SupportStagesPage",
    "SupportStagesTag",
    "TransportService",
    "WorkshopIndexPage",
    "WorkshopIndexTag",
    "WorkshopSeriesPage",
    "WorkshopSeriesTag",
    "WorkshopSession",
]

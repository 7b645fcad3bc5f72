"""A point on the map (latitude and longitude, both or neither), shared by every model that has one."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_chiiki.geo import decimal_text
from wagtail_chiiki.validators import latitude_validators, longitude_validators


class Located(models.Model):
    """An abstract model with an optional point: latitude and longitude in degrees (WGS 84)."""

    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
    )

    class Meta:
        abstract = True

    def location_errors(self) -> dict[str, str]:
        """The form error when only one of the two is given: both or neither."""
        if (self.latitude is None) == (self.longitude is None):
            return {}
        return {
            "longitude" if self.longitude is None else "latitude": _(
                "Enter both latitude and longitude, or neither."
            )
        }

    @property
    def latitude_text(self) -> str:
        return decimal_text(self.latitude)

    @property
    def longitude_text(self) -> str:
        return decimal_text(self.longitude)

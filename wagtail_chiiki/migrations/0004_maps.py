# Service areas of organizations and districts (GeoJSON Polygon or MultiPolygon, [longitude, latitude]).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_chiiki", "0003_support_stages"),
    ]

    operations = [
        migrations.AddField(
            model_name="district",
            name="area",
            field=models.JSONField(
                blank=True,
                help_text=(
                    "The district's outline, as a GeoJSON Polygon or MultiPolygon with positions as "
                    "[longitude, latitude]. Shown faintly under the organizations on the map."
                ),
                null=True,
                verbose_name="area",
            ),
        ),
        migrations.AddField(
            model_name="organizationpage",
            name="service_area",
            field=models.JSONField(
                blank=True,
                help_text=(
                    "Where the organization works, as a GeoJSON Polygon or MultiPolygon with positions as "
                    "[longitude, latitude]. Paste it from a GIS tool; the map shows it as you edit."
                ),
                null=True,
                verbose_name="service area",
            ),
        ),
    ]

"""
Indexes of the Lotse's search (landesnetzwerke.models.spatial), on both databases: office_geo_idx and
office_land_idx hold the published offices (a partial index: the condition is written as the queries write it, so
SQLite, which cannot use an index column for a bare boolean condition, uses them too) and end with the key, so that
bounding boxes and Land lists are answered from the index alone.

On PostgreSQL two more, which need no extension (GiST and GIN over core types):

- office_service_disc_gist: the box around each mobile office's service area (its radius around its location),
  so that the offices whose area covers a place are found among as many index entries as there are such offices,
  whatever the radii (spatial.SERVICE_DISC_BOX_SQL is the same expression; a test checks the planner uses it);
- office_service_plz_gin: the listed postcode prefixes as an array (spatial.ServesPostcode).

Other databases skip them, and the setting that PostgreSQL plans no parallel scans of the offices' table. All are
plain statements that the owner of the tables may run: no extension, no server setting.
"""

from django.db import migrations, models

SERVICE_DISC_BOX = (
    "box("
    "point(longitude - degrees(service_radius_km::float8 / 6371.0088) / cos(radians(least(89.0::float8, abs(latitude)"
    " + degrees(service_radius_km::float8 / 6371.0088)))), latitude - degrees(service_radius_km::float8 / 6371.0088)), "
    "point(longitude + degrees(service_radius_km::float8 / 6371.0088) / cos(radians(least(89.0::float8, abs(latitude)"
    " + degrees(service_radius_km::float8 / 6371.0088)))), latitude + degrees(service_radius_km::float8 / 6371.0088)))"
)
PREFIX_ARRAY = (
    "string_to_array(replace(replace(replace(replace(service_plz_prefixes, ' ', ''), E'\\t', ''), E'\\n', ''), "
    "E'\\r', ''), ',')"
)
TABLE = "landesnetzwerke_beratungsstelle"
POSTGRESQL_INDEXES = {
    "office_service_disc_gist": (
        f"CREATE INDEX IF NOT EXISTS office_service_disc_gist ON {TABLE} USING gist ({SERVICE_DISC_BOX}) "
        "WHERE published AND kind = 'mobil' AND service_radius_km IS NOT NULL"
    ),
    "office_service_plz_gin": (
        f"CREATE INDEX IF NOT EXISTS office_service_plz_gin ON {TABLE} USING gin ({PREFIX_ARRAY}) "
        "WHERE published AND kind = 'mobil'"
    ),
}


# The Lotse's queries read a few thousand index entries at most: starting parallel workers for them costs more than
# it saves (measured: 8.6 ms instead of 3.8 ms for a search in Berlin among 100,000 offices on two cores).
NO_PARALLEL_SCANS = f"ALTER TABLE {TABLE} SET (parallel_workers = 0)"


def create_postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRESQL_INDEXES.values():
            schema_editor.execute(sql)
        schema_editor.execute(NO_PARALLEL_SCANS)


def drop_postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (parallel_workers)")
        for name in POSTGRESQL_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("landesnetzwerke", "0005_consultation_days_related_name"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="beratungsstelle",
            name="office_geo_idx",
        ),
        migrations.AddIndex(
            model_name="beratungsstelle",
            index=models.Index(
                condition=models.Q(published=True),
                fields=["kind", "latitude", "longitude", "id"],
                name="office_geo_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="beratungsstelle",
            index=models.Index(
                condition=models.Q(published=True),
                fields=["kind", "bundesland", "city", "name", "id"],
                name="office_land_idx",
            ),
        ),
        migrations.RunPython(create_postgresql_indexes, drop_postgresql_indexes, elidable=False),
    ]

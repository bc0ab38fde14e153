from django.db import migrations

# The vocabulary's slugs as they were when this migration was written (the labels live in the model's Term).
SLUGS = ['beratung', 'qualifizierung', 'interkulturelle-kompetenz', 'einwanderung', 'faire-integration']


def create_terms(apps, schema_editor):
    model = apps.get_model("news", "Schwerpunkt")
    for position, slug in enumerate(SLUGS):
        model.objects.update_or_create(slug=slug, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]

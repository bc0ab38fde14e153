from django.db import migrations

# The vocabulary's slugs as they were when this migration was written (the labels live in the model's Term).
SLUGS = ['zugewanderte', 'arbeitgeber', 'fachpublikum']


def create_terms(apps, schema_editor):
    model = apps.get_model("events", "Zielgruppe")
    for position, slug in enumerate(SLUGS):
        model.objects.update_or_create(slug=slug, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]

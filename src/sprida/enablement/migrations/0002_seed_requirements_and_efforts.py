from django.db import migrations

from sprida.enablement.registry import read_requirements, upsert_requirements

# Estimated hours for one region to make each section alone; the coordinator can change them.
SECTION_HOURS = {"data": 80, "legal": 120, "benefit": 40, "risk": 60, "competence": 40}


def seed(apps, schema_editor):
    upsert_requirements(apps.get_model("enablement", "Requirement"), read_requirements())
    SectionEffort = apps.get_model("enablement", "SectionEffort")
    for kind, hours in SECTION_HOURS.items():
        SectionEffort.objects.get_or_create(kind=kind, defaults={"hours": hours})


class Migration(migrations.Migration):
    dependencies = [("enablement", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

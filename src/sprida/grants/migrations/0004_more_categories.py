import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "categories.csv"
NEW = {"ai-gemensamma-underlag", "spridning-skalning"}


def seed(apps, schema_editor):
    MeasureCategory = apps.get_model("grants", "MeasureCategory")
    with DATA.open(encoding="utf-8") as handle:
        for order, row in enumerate(csv.DictReader(handle), start=1):
            if row["slug"] not in NEW:
                continue
            MeasureCategory.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "name": row["name"],
                    "name_en": row["name_en"],
                    "keywords": "\n".join(row["keywords"].split(";")),
                    "order": order * 10,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("grants", "0003_deadline_condition")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

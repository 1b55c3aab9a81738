"""Statuses, costs and qualitative effects record whose part of a measure they are.

Every existing record is the applicant's own part (for a joint application: the coordinator's),
and so are the history rows that name a measure still there."""

import django.db.models.deletion
from django.db import migrations, models

HELP = "Den organisation vars del av åtgärden posten gäller."
MODELS = ("cost", "implementationstatus", "qualitativeeffect")


def applicants_part(apps, schema_editor):
    Measure = apps.get_model("grants", "Measure")
    applicant = dict(Measure.objects.values_list("pk", "application__applicant_id"))
    for name in MODELS:
        for model_name in (name, f"historical{name}"):
            model = apps.get_model("effects", model_name)
            for measure_id in model.objects.filter(part__isnull=True).values_list(
                "measure_id", flat=True
            ).distinct():
                if measure_id in applicant:
                    model.objects.filter(measure_id=measure_id, part__isnull=True).update(
                        part_id=applicant[measure_id]
                    )


def _nullable():
    return models.ForeignKey(
        null=True,
        help_text=HELP,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="core.organisation",
        verbose_name="del",
    )


def _historical():
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        help_text=HELP,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="core.organisation",
        verbose_name="del",
    )


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("grants", "0004_more_categories"),
        ("effects", "0004_condition_fulfilment"),
    ]

    operations = (
        [migrations.AddField(model_name=name, name="part", field=_nullable()) for name in MODELS]
        + [
            migrations.AddField(model_name=f"historical{name}", name="part", field=_historical())
            for name in MODELS
        ]
        + [migrations.RunPython(applicants_part, migrations.RunPython.noop)]
    )

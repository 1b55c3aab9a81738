"""Every status, cost and qualitative effect has its part, now that the existing ones are filled in
(a separate migration: PostgreSQL will not alter a table with the fill's checks still pending)."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("cost", "implementationstatus", "qualitativeeffect")


class Migration(migrations.Migration):

    dependencies = [
        ("effects", "0005_record_parts"),
    ]

    operations = [
        migrations.AlterField(
            model_name=name,
            name="part",
            field=models.ForeignKey(
                help_text="Den organisation vars del av åtgärden posten gäller.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.organisation",
                verbose_name="del",
            ),
        )
        for name in MODELS
    ]

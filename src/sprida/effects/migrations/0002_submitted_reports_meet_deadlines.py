"""Reports submitted before deadlines learnt to be met: mark them done on the first submission."""

from django.db import migrations
from django.utils import timezone

DEADLINE_FOR = {"progress": "progress_report", "final": "final_report"}


def meet(apps, schema_editor):
    Report = apps.get_model("effects", "Report")
    Deadline = apps.get_model("grants", "Deadline")
    first: dict[tuple[int, str], object] = {}
    for decision_id, kind, submitted_at in Report.objects.filter(
        status="submitted", submitted_at__isnull=False
    ).values_list("decision_id", "kind", "submitted_at"):
        key = (decision_id, kind)
        if key not in first or submitted_at < first[key]:
            first[key] = submitted_at
    for (decision_id, kind), submitted_at in first.items():
        on = timezone.localdate(submitted_at)
        for deadline in Deadline.objects.filter(decision_id=decision_id, kind=DEADLINE_FOR[kind]):
            if deadline.done_on is None or deadline.done_on > on:
                deadline.done_on = on
                deadline.save(update_fields=["done_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("effects", "0001_initial"),
        ("grants", "0003_deadline_condition"),
    ]

    operations = [migrations.RunPython(meet, migrations.RunPython.noop)]

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command

from sprida.grants.models import ReminderSent
from sprida.grants.reminders import reminders_due, reminders_send


def test_reminders_go_to_editors_once_per_stage(people, orebro_decision) -> None:
    # Alice edits in Örebro; Bob only reads; Charlie is in another region.
    today = dt.date(2026, 11, 1)  # 29 days before the progress report
    sent = reminders_send(today=today)
    assert [r.stage for r in sent] == ["30d"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.se"]
    assert "Delredovisning" in message.subject and "2026-11-30" in message.subject
    assert reminders_send(today=today) == []  # never the same reminder twice
    assert reminders_send(today=dt.date(2026, 11, 5)) == []
    assert [r.stage for r in reminders_send(today=dt.date(2026, 11, 25))] == ["7d"]
    assert [r.stage for r in reminders_send(today=dt.date(2026, 12, 1))] == ["overdue"]
    assert len(mail.outbox) == 3
    assert ReminderSent.objects.count() == 3


def test_no_recipient_no_record(orebro_decision) -> None:
    assert reminders_send(today=dt.date(2026, 11, 1)) == []
    assert not ReminderSent.objects.exists()
    assert [r.stage for r in reminders_due(today=dt.date(2026, 11, 1))] == ["30d"]


def test_done_deadlines_are_quiet(people, orebro_decision) -> None:
    orebro_decision.deadlines.update(done_on=dt.date(2026, 10, 1))
    assert reminders_due(today=dt.date(2026, 12, 1)) == []


def test_command_lists_and_sends(people, orebro_decision) -> None:
    out = io.StringIO()
    call_command("reminders", today="2028-03-01", dry_run=True, stdout=out)
    text = out.getvalue()
    assert "Försenade: 4" in text  # implementation, progress, final report, the condition
    assert "Skulle skicka 4" in text
    assert mail.outbox == []
    call_command("reminders", today="2028-03-01", stdout=out)
    assert len(mail.outbox) == 4

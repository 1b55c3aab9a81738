"""Demo: the source documents come in through the intake pipeline and are confirmed."""

from __future__ import annotations

from importlib import resources

from sprida.core import demo
from sprida.core.access import SYSTEM
from sprida.grants.models import Decision, PayoutStatus
from sprida.grants.services import payout_mark_paid
from sprida.intake.confirm import proposal_confirm
from sprida.intake.models import DocumentStatus
from sprida.intake.services import document_receive

DOCUMENTS = (
    "regiongemensam-ansokan-orebro.txt",
    "ansokan-jamtland-harjedalen.txt",
    "beslut-region-orebro-lan.txt",
)


@demo.register(10, "källdokumenten genom dokumentinläsningen")
def load(out: demo.Output) -> None:
    from django.db import transaction

    from sprida.grants.demo.seeds import programme_load

    programme_load()  # the programme with each budget figure and its source
    folder = resources.files("sprida.intake").joinpath("demo_documents")
    for name in DOCUMENTS:
        data = folder.joinpath(name).read_bytes()
        with transaction.atomic():
            received = document_receive(by=SYSTEM, name=name, data=data, is_demo=True)
        document = received.document
        document.refresh_from_db()
        if document.status == DocumentStatus.PROPOSED:
            application = proposal_confirm(
                by=SYSTEM, document=document, data=document.proposal.data
            )
            out.write(f"  {name}: bekräftat som {application}\n")
        else:
            out.write(f"  {name}: {document.get_status_display().lower()}\n")
    # The letter says a third is paid "i anslutning till detta beslut".
    for decision in Decision.objects.filter(application__documents__is_demo=True).distinct():
        first = decision.payouts.order_by("year").first()
        if first is not None and first.status == PayoutStatus.PLANNED:
            payout_mark_paid(by=SYSTEM, payout=first, paid_on=decision.decided_on)

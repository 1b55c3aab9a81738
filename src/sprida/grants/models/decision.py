"""The delegation's decision: outcome per measure, conditions, payouts and deadlines."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import FUNDER, AccessRules
from sprida.core.versioning import Versioned
from sprida.grants.models.application import Application
from sprida.grants.models.measure import Measure


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Beviljas")
    PARTIALLY_GRANTED = "partially_granted", _("Beviljas delvis")
    REJECTED = "rejected", _("Avslås")


def _funder_rules(prefix: str) -> AccessRules:
    """Decisions and what hangs on them: the funder writes, the region and the public read."""
    return AccessRules(
        owner=f"{prefix}application__applicant",
        participants=f"{prefix}application__participants",
        public=Q(**{f"{prefix}published": True}),
        national_write=frozenset({FUNDER}),
        owner_write=False,
    )


class Decision(Versioned):
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="decision", verbose_name=_("ansökan")
    )
    decided_on = models.DateField(_("beslutsdatum"))
    meeting = models.CharField(_("sammanträde"), max_length=200, blank=True, default="")
    chair = models.CharField(_("ordförande"), max_length=200, blank=True, default="")
    rapporteur = models.CharField(_("föredragande"), max_length=200, blank=True, default="")
    case_officer = models.CharField(_("handläggare"), max_length=200, blank=True, default="")
    case_number = models.CharField(_("diarienummer"), max_length=60, blank=True, default="")
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices)
    applied_sek = models.BigIntegerField(_("sökt belopp (kr)"), null=True, blank=True)
    granted_sek = models.BigIntegerField(_("beviljat belopp (kr)"))
    rejected_sek = models.BigIntegerField(_("avslaget belopp (kr)"), null=True, blank=True)
    reasoning = models.TextField(_("skäl för beslutet"), blank=True, default="")
    appealable = models.BooleanField(
        _("får överklagas"),
        default=False,
        help_text=_("Beslut enligt 21 § förordningen får inte överklagas."),
    )
    published = models.BooleanField(
        _("publicerat"), default=True, help_text=_("Visas som öppna data och på publika sidor.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    access_rules = _funder_rules("")

    class Meta:
        ordering = ["-decided_on"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        constraints = [
            models.CheckConstraint(
                condition=Q(granted_sek__gte=0), name="decision_granted_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(rejected_sek__isnull=True) | Q(rejected_sek__gte=0),
                name="decision_rejected_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} ({self.decided_on:%Y-%m-%d})"

    @property
    def short_label(self) -> str:
        """Tells a region's decisions apart: "Beslut 2025-11-11, dnr 2025/123"."""
        text = str(_("Beslut %(date)s") % {"date": f"{self.decided_on:%Y-%m-%d}"})
        return f"{text}, {_('dnr')} {self.case_number}" if self.case_number else text

    @property
    def label(self) -> str:
        """Tells every decision apart in a list: its region, date and case number."""
        text = str(
            _("Beslut %(date)s till %(region)s")
            % {"date": f"{self.decided_on:%Y-%m-%d}", "region": self.application.applicant.name}
        )
        return f"{text}, {_('dnr')} {self.case_number}" if self.case_number else text


# Lookups for rows that hang on a decision.
_ON_DECISION = _funder_rules("decision__")


class MeasureDecision(models.Model):
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="lines", verbose_name=_("beslut")
    )
    measure = models.OneToOneField(
        Measure, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("åtgärd")
    )
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices)
    granted_sek = models.BigIntegerField(_("beviljat (kr)"), default=0)
    rejected_sek = models.BigIntegerField(_("avslaget (kr)"), null=True, blank=True)
    share_percent = models.PositiveSmallIntegerField(
        _("andel av sökt belopp (%)"), null=True, blank=True
    )
    reason = models.TextField(_("skäl"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = _ON_DECISION

    class Meta:
        ordering = ["decision", "measure__position", "pk"]
        verbose_name = _("beslut per åtgärd")
        verbose_name_plural = _("beslut per åtgärd")
        constraints = [
            models.CheckConstraint(
                condition=Q(granted_sek__gte=0), name="line_granted_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(share_percent__isnull=True) | Q(share_percent__lte=100),
                name="line_share_at_most_100",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.REJECTED) | Q(granted_sek=0),
                name="rejected_line_grants_nothing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.get_outcome_display()}"


class Condition(Versioned):
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("beslut")
    )
    line = models.ForeignKey(
        MeasureDecision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conditions",
        verbose_name=_("åtgärd"),
    )
    text = models.TextField(_("villkor"))
    due_on = models.DateField(_("ska vara uppfyllt senast"), null=True, blank=True)
    fulfilled = models.BooleanField(_("uppfyllt"), default=False)
    fulfilled_on = models.DateField(_("uppfyllt den"), null=True, blank=True)
    note = models.TextField(_("kommentar"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = _ON_DECISION

    class Meta:
        ordering = ["decision", "due_on", "pk"]
        verbose_name = _("villkor")
        verbose_name_plural = _("villkor")

    def __str__(self) -> str:
        return self.text[:80]


class PayoutStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    PAID = "paid", _("Utbetald")


class Payout(models.Model):
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="payouts", verbose_name=_("beslut")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    status = models.CharField(
        _("status"), max_length=10, choices=PayoutStatus.choices, default=PayoutStatus.PLANNED
    )
    paid_on = models.DateField(_("utbetald den"), null=True, blank=True)
    history = HistoricalRecords()

    access_rules = _ON_DECISION

    class Meta:
        ordering = ["decision", "year"]
        verbose_name = _("utbetalning")
        verbose_name_plural = _("utbetalningar")
        constraints = [
            models.UniqueConstraint(fields=["decision", "year"], name="one_payout_per_year"),
            models.CheckConstraint(condition=Q(amount_sek__gte=0), name="payout_not_negative"),
            models.CheckConstraint(
                condition=~Q(status=PayoutStatus.PAID) | Q(paid_on__isnull=False),
                name="paid_payout_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount_sek} kr"


class DeadlineKind(models.TextChoices):
    IMPLEMENTATION = "implementation", _("Åtgärderna genomförda")
    PROGRESS_REPORT = "progress_report", _("Delredovisning")
    FINAL_REPORT = "final_report", _("Slutredovisning")
    CONDITION = "condition", _("Villkor")


class Deadline(models.Model):
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("beslut")
    )
    kind = models.CharField(_("typ"), max_length=20, choices=DeadlineKind.choices)
    due_on = models.DateField(_("senast"))
    title = models.CharField(_("rubrik"), max_length=300, blank=True, default="")
    condition = models.OneToOneField(
        Condition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadline",
        verbose_name=_("villkor"),
    )
    done_on = models.DateField(_("klart den"), null=True, blank=True)
    history = HistoricalRecords()

    access_rules = _ON_DECISION

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("tidsfrist")
        verbose_name_plural = _("tidsfrister")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "kind"],
                condition=~Q(kind="condition"),
                name="one_deadline_per_kind",
            )
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class ReminderSent(models.Model):
    """Remembers each reminder sent, so the same one is never sent twice."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=20)  # e.g. "30d", "7d", "overdue"
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True, default="")

    access_rules = _funder_rules("deadline__decision__")

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "stage"], name="one_reminder_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.deadline} ({self.stage})"

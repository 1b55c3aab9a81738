"""AI Act classification (Regulation (EU) 2024/1689) as a pure function over the answers.

The questionnaire asks, in this order: prohibited practices (art. 5); products under the
harmonisation legislation of Annex I, among them medical devices under MDR and IVDR
(art. 6(1)); the areas of Annex III (art. 6(2)); the exceptions of art. 6(3), each with a
written justification; the transparency duties of art. 50. `classify` turns the answers
into a result and the reasons, in the active language; the dossier service keeps them in
Swedish beside the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AIActResult(models.TextChoices):
    PROHIBITED = "prohibited", _("Förbjuden AI-tillämpning")
    HIGH_RISK = "high_risk", _("Högrisk")
    LIMITED_RISK = "limited_risk", _("Begränsad risk (endast transparenskrav)")
    MINIMAL_RISK = "minimal_risk", _("Minimal risk")


# Art. 5(1) a–h. Keys are stable: they are stored with each answer.
PROHIBITED_PRACTICES: dict[str, str | Promise] = {
    "manipulation": _(
        "art. 5.1 a – subliminal, manipulativ eller vilseledande teknik som "
        "väsentligt snedvrider beteende och orsakar betydande skada"
    ),
    "vulnerability": _(
        "art. 5.1 b – utnyttjar sårbarhet p.g.a. ålder, funktionsnedsättning "
        "eller social eller ekonomisk situation"
    ),
    "social_scoring": _("art. 5.1 c – social poängsättning som leder till ogynnsam behandling"),
    "crime_prediction": _(
        "art. 5.1 d – bedömer risken att en person begår brott enbart utifrån profilering"
    ),
    "face_scraping": _(
        "art. 5.1 e – bygger databaser för ansiktsigenkänning genom oriktad skrapning av bilder"
    ),
    "emotion_workplace": _(
        "art. 5.1 f – känsloigenkänning på arbetsplatsen eller i "
        "utbildning (utom av medicinska skäl eller säkerhetsskäl)"
    ),
    "biometric_categorisation": _(
        "art. 5.1 g – biometrisk kategorisering som härleder t.ex. "
        "etnicitet, politisk åsikt, religion eller sexuell läggning"
    ),
    "realtime_biometric_id": _(
        "art. 5.1 h – biometrisk fjärridentifiering i realtid på allmän plats för brottsbekämpning"
    ),
}

# Annex I legislation that the questionnaire asks about; MDR and IVDR carry their classes.
ANNEX_I_NONE, ANNEX_I_MDR, ANNEX_I_IVDR, ANNEX_I_OTHER = "none", "mdr", "ivdr", "other"
ANNEX_I_LEGISLATION: dict[str, str | Promise] = {
    ANNEX_I_NONE: _("Ingen produktlagstiftning i bilaga I"),
    ANNEX_I_MDR: _("Medicintekniska produkter, MDR (EU) 2017/745"),
    ANNEX_I_IVDR: _("Medicintekniska produkter för in vitro-diagnostik, IVDR (EU) 2017/746"),
    ANNEX_I_OTHER: _("Annan lagstiftning i bilaga I (t.ex. maskiner, radioutrustning)"),
}
# Under MDR a notified body assesses class IIa and above (art. 52); class I is self-declared.
MDR_CLASSES: dict[str, str | Promise] = {
    "": _("Inte en medicinteknisk produkt"),
    "I": _("Klass I"),
    "IIa": _("Klass IIa"),
    "IIb": _("Klass IIb"),
    "III": _("Klass III"),
}
MDR_NOTIFIED_BODY = frozenset({"IIa", "IIb", "III"})
# Under IVDR a notified body assesses class B and above.
IVDR_CLASSES: dict[str, str | Promise] = {
    "": _("Inte en IVD-produkt"),
    "A": _("Klass A"),
    "B": _("Klass B"),
    "C": _("Klass C"),
    "D": _("Klass D"),
}
IVDR_NOTIFIED_BODY = frozenset({"B", "C", "D"})

# Annex III points 1–8, with the healthcare-relevant parts of point 5 spelled out.
ANNEX_III_AREAS: dict[str, str | Promise] = {
    "biometrics": _("1 – biometri (fjärridentifiering, kategorisering, känsloigenkänning)"),
    "critical_infrastructure": _("2 – kritisk infrastruktur (säkerhetskomponent)"),
    "education": _("3 – utbildning och yrkesutbildning"),
    "employment": _("4 – anställning, arbetsledning och tillgång till egenföretagande"),
    "public_services": _(
        "5 a – bedömer rätt till väsentliga offentliga förmåner och tjänster, "
        "inklusive hälso- och sjukvårdstjänster"
    ),
    "creditworthiness": _("5 b – kreditvärdighet"),
    "insurance": _("5 c – riskbedömning och prissättning av liv- och sjukförsäkring"),
    "emergency_triage": _(
        "5 d – bedömer och klassificerar nödsamtal eller prioriterar patienter i akut triage"
    ),
    "law_enforcement": _("6 – brottsbekämpning"),
    "migration": _("7 – migration, asyl och gränskontroll"),
    "justice": _("8 – rättskipning och demokratiska processer"),
}

# Art. 6(3) a–d: an Annex III system is not high-risk if it poses no significant risk and
# one of these holds. Each needs a written justification (art. 6(4) documentation duty).
EXCEPTIONS: dict[str, str | Promise] = {
    "narrow_procedural": _("art. 6.3 a – utför en snäv processuell uppgift"),
    "improves_human_result": _(
        "art. 6.3 b – förbättrar resultatet av en redan slutförd mänsklig aktivitet"
    ),
    "detects_patterns": _(
        "art. 6.3 c – upptäcker beslutsmönster eller avvikelser utan att "
        "ersätta eller påverka en mänsklig bedömning utan ordentlig mänsklig granskning"
    ),
    "preparatory": _("art. 6.3 d – utför en förberedande uppgift inför en bedömning"),
}

# Art. 50(1)–(4).
TRANSPARENCY_DUTIES: dict[str, str | Promise] = {
    "interacts_with_people": _(
        "art. 50.1 – interagerar direkt med fysiska personer, som ska "
        "informeras om att de interagerar med ett AI-system"
    ),
    "generates_content": _(
        "art. 50.2 – genererar syntetiskt ljud, bild, video eller text som ska märkas maskinläsbart"
    ),
    "emotion_or_biometric": _(
        "art. 50.3 – känsloigenkänning eller biometrisk kategorisering; "
        "de som exponeras ska informeras"
    ),
    "deep_fake_or_public_text": _(
        "art. 50.4 – deepfakes eller text som publiceras för att informera allmänheten"
    ),
}


@dataclass
class Answers:
    """One completed questionnaire. Lists hold the keys of the boxes that were ticked."""

    prohibited_practices: list[str] = field(default_factory=list)
    annex_i_legislation: str = ANNEX_I_NONE
    mdr_class: str = ""
    ivdr_class: str = ""
    other_notified_body: bool = False  # other Annex I law: third-party assessment required?
    annex_iii_areas: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    justifications: dict[str, str] = field(default_factory=dict)
    profiling: bool = False  # profiling of natural persons rules out every art. 6(3) exception
    transparency: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answers:
        """Rebuild answers stored as JSON; unknown keys are dropped, so old answers still load."""
        known = cls.__dataclass_fields__.keys()
        values = {key: data[key] for key in known if key in data}
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def validate(answers: Answers) -> list[str]:
    """The problems a person must fix before the answers can be saved."""
    errors: list[str] = []
    for name, allowed in (
        ("prohibited_practices", PROHIBITED_PRACTICES),
        ("annex_iii_areas", ANNEX_III_AREAS),
        ("exceptions", EXCEPTIONS),
        ("transparency", TRANSPARENCY_DUTIES),
    ):
        unknown = sorted(set(getattr(answers, name)) - allowed.keys())
        if unknown:
            errors.append(gettext("Okända svar: %(keys)s.") % {"keys": ", ".join(unknown)})
    if answers.annex_i_legislation not in ANNEX_I_LEGISLATION:
        errors.append(
            gettext("Okänd produktlagstiftning: %(law)s.") % {"law": answers.annex_i_legislation}
        )
    if answers.annex_i_legislation == ANNEX_I_MDR and answers.mdr_class not in MDR_CLASSES:
        errors.append(gettext("Okänd MDR-klass: %(class)s.") % {"class": answers.mdr_class})
    if answers.annex_i_legislation == ANNEX_I_MDR and not answers.mdr_class:
        errors.append(gettext("Ange riskklass enligt MDR (I, IIa, IIb eller III)."))
    if answers.annex_i_legislation == ANNEX_I_IVDR and answers.ivdr_class not in IVDR_CLASSES:
        errors.append(gettext("Okänd IVDR-klass: %(class)s.") % {"class": answers.ivdr_class})
    if answers.annex_i_legislation == ANNEX_I_IVDR and not answers.ivdr_class:
        errors.append(gettext("Ange riskklass enligt IVDR (A, B, C eller D)."))
    for key in answers.exceptions:
        if key in EXCEPTIONS and not answers.justifications.get(key, "").strip():
            errors.append(
                gettext(
                    "Undantaget %(exception)s kräver en skriftlig motivering. "
                    "Skriv varför undantaget gäller, eller kryssa ur det."
                )
                % {"exception": str(EXCEPTIONS[key]).split(" – ")[0]}
            )
    if answers.exceptions and not answers.annex_iii_areas:
        errors.append(
            gettext(
                "Undantagen i art. 6.3 gäller bara system inom ett område i bilaga III. "
                "Kryssa i området eller kryssa ur undantagen."
            )
        )
    return errors


def _annex_i_reason(answers: Answers) -> str | None:
    """Why the system is high-risk under art. 6(1), or None if it is not."""
    law = answers.annex_i_legislation
    if law == ANNEX_I_MDR and answers.mdr_class in MDR_NOTIFIED_BODY:
        return gettext(
            "Systemet är eller ingår som säkerhetskomponent i en medicinteknisk produkt i "
            "klass %(class)s enligt MDR. Produkten ska bedömas av ett anmält organ, "
            "och därför är AI-systemet högrisk enligt art. 6.1 och bilaga I."
        ) % {"class": answers.mdr_class}
    if law == ANNEX_I_IVDR and answers.ivdr_class in IVDR_NOTIFIED_BODY:
        return gettext(
            "Systemet är en IVD-produkt i klass %(class)s enligt IVDR som ska "
            "bedömas av ett anmält organ; därför högrisk enligt art. 6.1 och bilaga I."
        ) % {"class": answers.ivdr_class}
    if law == ANNEX_I_OTHER and answers.other_notified_body:
        return gettext(
            "Systemet omfattas av produktlagstiftning i bilaga I och kräver "
            "tredjepartsbedömning; därför högrisk enligt art. 6.1."
        )
    return None


def _annex_i_note(answers: Answers) -> str | None:
    """Why an Annex I product does not make the system high-risk, for the record."""
    law = answers.annex_i_legislation
    if law == ANNEX_I_MDR:
        return gettext(
            "Medicinteknisk produkt i klass %(class)s enligt MDR utan krav på "
            "anmält organ; art. 6.1 gör inte systemet till högrisk."
        ) % {"class": answers.mdr_class}
    if law == ANNEX_I_IVDR:
        return gettext(
            "IVD-produkt i klass %(class)s utan krav på anmält organ; art. 6.1 "
            "gör inte systemet till högrisk."
        ) % {"class": answers.ivdr_class}
    if law == ANNEX_I_OTHER:
        return gettext(
            "Produktlagstiftning i bilaga I utan krav på tredjepartsbedömning; inte art. 6.1."
        )
    return None


def classify(answers: Answers) -> tuple[AIActResult, list[str]]:
    """The AI Act risk class for these answers, with the reasons in the active language.

    Prohibited practices decide alone. Otherwise a system is high-risk through Annex I
    (third-party conformity assessment) or through an Annex III area unless an art. 6(3)
    exception is justified and no profiling takes place. Transparency duties under
    art. 50 are reported in every case; they decide the class only when nothing else does.
    """
    reasons: list[str] = []
    prohibited = [key for key in answers.prohibited_practices if key in PROHIBITED_PRACTICES]
    if prohibited:
        for key in prohibited:
            reasons.append(
                gettext("Förbjuden praxis: %(practice)s.") % {"practice": PROHIBITED_PRACTICES[key]}
            )
        reasons.append(
            gettext(
                "AI-system med förbjuden praxis enligt art. 5 får inte släppas ut på marknaden, "
                "tas i bruk eller användas."
            )
        )
        return AIActResult.PROHIBITED, reasons
    reasons.append(gettext("Ingen förbjuden praxis enligt art. 5 har angetts."))

    high_risk = False
    if annex_i := _annex_i_reason(answers):
        reasons.append(annex_i)
        high_risk = True
    elif note := _annex_i_note(answers):
        reasons.append(note)

    areas = [key for key in answers.annex_iii_areas if key in ANNEX_III_AREAS]
    if areas:
        names = "; ".join(str(ANNEX_III_AREAS[key]) for key in areas)
        justified = [
            key
            for key in answers.exceptions
            if key in EXCEPTIONS and answers.justifications.get(key, "").strip()
        ]
        for key in answers.exceptions:
            if key in EXCEPTIONS and key not in justified:
                reasons.append(
                    gettext("Undantaget %(exception)s saknar motivering och har inte beaktats.")
                    % {"exception": EXCEPTIONS[key]}
                )
        if answers.profiling:
            reasons.append(
                gettext(
                    "Systemet används inom bilaga III (%(areas)s) och profilerar fysiska personer. "
                    "Ett sådant system är alltid högrisk; undantagen i art. 6.3 gäller inte."
                )
                % {"areas": names}
            )
            high_risk = True
        elif justified:
            for key in justified:
                reasons.append(
                    gettext("Undantag %(exception)s. Motivering: %(justification)s")
                    % {
                        "exception": EXCEPTIONS[key],
                        "justification": answers.justifications[key].strip(),
                    }
                )
            reasons.append(
                gettext(
                    "Systemet används inom bilaga III (%(areas)s) men utgör enligt undantaget i "
                    "art. 6.3 inte en betydande risk och är därför inte högrisk på den grunden. "
                    "Bedömningen ska dokumenteras och systemet registreras (art. 6.4, art. 49.2)."
                )
                % {"areas": names}
            )
        else:
            reasons.append(
                gettext(
                    "Systemet används inom bilaga III (%(areas)s) och inget undantag i art. 6.3 "
                    "är motiverat; därför högrisk enligt art. 6.2."
                )
                % {"areas": names}
            )
            high_risk = True
    else:
        reasons.append(gettext("Systemet används inte inom något område i bilaga III."))

    duties = [key for key in answers.transparency if key in TRANSPARENCY_DUTIES]
    for key in duties:
        reasons.append(gettext("Transparenskrav: %(duty)s.") % {"duty": TRANSPARENCY_DUTIES[key]})

    if high_risk:
        reasons.append(
            gettext(
                "Resultat: högrisk. Som tillhandahållare av vård är regionen tillämpare och ska "
                "bl.a. följa bruksanvisningen, ha mänsklig tillsyn, spara loggar och göra en "
                "konsekvensbedömning avseende grundläggande rättigheter (art. 26–27)."
            )
        )
        return AIActResult.HIGH_RISK, reasons
    if duties:
        reasons.append(
            gettext(
                "Resultat: begränsad risk. Systemet är inte högrisk men omfattas av "
                "transparenskraven i art. 50."
            )
        )
        return AIActResult.LIMITED_RISK, reasons
    reasons.append(
        gettext(
            "Resultat: minimal risk. Inga särskilda krav i AI-förordningen utöver kravet på "
            "AI-kunnighet hos personalen (art. 4)."
        )
    )
    return AIActResult.MINIMAL_RISK, reasons

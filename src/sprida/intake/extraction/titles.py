"""Short noun-phrase titles for measures, cut from the sentence that introduces them."""

from __future__ import annotations

import re

from .shares import SHARE

# Funding lead-ins that say how, not what: "Delfinansiering för X", "Bidrag för X", "Hälften av
# ansökt bidrag för X", "50 procent av ansökt belopp för X".
_LEAD_INS = re.compile(
    rf"^(?:(?:den\s+andra\s+)?{SHARE}\s*,?\s*(?:för|till)\s+"
    r"|(?:del)?finansiering\s+(?:av|för|till)\s+|delfinansiera\s+"
    r"|(?:stats)?bidrag(?:et)?\s+(?:för|till)\s+|medel\s+(?:för|till)\s+|stöd\s+(?:för|till)\s+"
    r"|ansökan\s+om\s+(?:bidrag|medel)\s+(?:för|till)\s+|åtgärden\s+|insatsen\s+|satsningen\s+"
    r"|hjälpas åt att\s+|arbeta för att\s+|verka för att\s+"
    r"|(?:och\s+)?(?:inte|ej)\s+(?:heller\s+)?(?:för|till)\s+)",
    re.I,
)
# Leading verb + article: "utveckla en gemensam process" -> "gemensam process".
_VERB_ARTICLE = re.compile(
    r"^(?:utveckla|skapa|etablera|bygga upp|bygga|ta fram|införa|inrätta|genomföra|upprätta)"
    r"\s+(?:en|ett|de|det|den)\s+",
    re.I,
)
_DETERMINER = re.compile(r"^(?:den|det|de)\s+(?=\w)", re.I)
# Where the noun phrase ends and the clause about it begins.
_CUTS = re.compile(
    r"\s+(?:beviljas|avslås|beviljades|avslogs|prioriteras)\b"
    r"|,?\s+som\s+(?!krävs|behövs)\w+"
    r"|,?\s+med villkoret\b|,?\s+på villkor\b|,?\s+under förutsättning\b"
    r"|,?\s+eftersom\b|,?\s+vilket\b|,?\s+då\s|\s+\(\d|[.;:]\s|[.;:]$"
    r"|,\s+(?:både|såväl|bland annat|främst|exempelvis|t\.ex\.)\s"
    # A trailing amount: "…, 18 000 000 kronor", "… med 12,5 mnkr".
    r"|,?\s+(?:med\s+|om\s+)?\d[\d\s\u00a0\u2009\u202f]*(?:,\d+)?\s*"
    r"(?:kr\b|kronor|mnkr|mkr|tkr|miljoner|miljarder|msek|sek\b)",
    re.I,
)
_NEEDED = re.compile(r"\s+som\s+(?:krävs|behövs)\s+(?=för\b)", re.I)
# "… i enlighet med intentionerna i X" -> "… (X)": the reference kept, the phrase shortened.
_ACCORDING = re.compile(
    r"\s+(?:i enlighet med|i linje med)\s+(?:intentionerna|målen|inriktningen)?\s*(?:i\s+)?(.+)$",
    re.I,
)
_ENABLE = re.compile(
    r"\bför att (?:möjliggöra|skapa|uppnå|åstadkomma|få till|underlätta|stödja)\s+", re.I
)
# Examples of a measure named again later: "… inom exempelvis a, b och c", "… ska omfatta till
# exempel a och b", "…, såsom a och b".
_EXAMPLES = re.compile(
    r"(?:\s+[\wåäö-]+){0,3}?,?\s+(?:inom\s+|som\s+)?"
    r"(?:exempelvis|till exempel|t\.ex\.|såsom|bland annat)\s+",
    re.I,
)


def clean_title(text: str, *, max_words: int = 24) -> str:
    """A short title: lead-ins and trailing clauses removed, first letter capitalised."""
    title = re.sub(r"\s+", " ", text).strip(" -•*\t")
    for _ in range(3):
        stripped = _VERB_ARTICLE.sub("", _LEAD_INS.sub("", title))
        if stripped == title:
            break
        title = stripped
    title = _NEEDED.sub(" ", title)
    cut = _CUTS.search(title)
    if cut and cut.start() > 3:
        title = title[: cut.start()]
    title = _ENABLE.sub("för ", title)
    title = _ACCORDING.sub(lambda m: f" ({m.group(1).strip(' .')})", title)
    title = _DETERMINER.sub("", title)
    words = title.split()
    if len(words) > max_words:
        title = " ".join(words[:max_words])
    title = title.strip(" ,.;:-")
    return title[:1].upper() + title[1:] if title else title


def enrich_with_examples(title: str, sentences: list[str]) -> str:
    """'Lösa ut hinder för X' + a later '… lösa ut hinder för X inom exempelvis a, b och c …'
    or '… X ska omfatta till exempel a och b' becomes 'Lösa ut hinder för X (a, b och c)'."""
    key = title.lower()
    for sentence in sentences:
        lowered = sentence.lower()
        at = lowered.find(key)
        if at < 0:
            continue
        rest = sentence[at + len(key) :]
        match = _EXAMPLES.match(rest)
        if not match:
            continue
        examples = re.split(
            r"\s+(?:uppstår|ger|leder|kan|ska|är|blir|bidrar|innebär|medför)\b|[.;]",
            rest[match.end() :],
        )[0]
        examples = examples.strip(" ,")
        if 0 < len(examples.split()) <= 12:
            return f"{title} ({examples})"
    return title

"""Labels of letterhead and protocol fields, shared by the normaliser and the field reader."""

from __future__ import annotations

import re

# Labels that stand on their own line, their value on the next line or in the next cell.
KNOWN_LABEL = re.compile(
    r"^(?:datum|sammanträdesdatum|sammanträdets datum|sammanträde|mötesdatum|beslutsdatum|"
    r"tid|plats|"
    r"plats och tid|tid och plats|sammanträdesplats|lokal|justerat|justeringsdatum|"
    r"justeringens plats och tid|justeringens|utses att justera|justerare|justerande|"
    r"dnr|diarienummer|diarienr|ärendenummer|vår beteckning|er beteckning|handläggare|"
    r"mottagare|till|beslutande|närvarande|närvarande ledamöter|ledamöter|ersättare|"
    r"övriga deltagare|övriga närvarande|tjänstepersoner|paragrafer|organ|utfärdad|publicerad|"
    r"bidragsmottagare|kontaktperson|underskrifter|sekreterare|ordförande)$",
    re.IGNORECASE,
)

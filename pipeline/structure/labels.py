"""Printed labels that mark a plan's structure: who is responsible ("Ansvarlig:"), who shares it
("Medansvar:"), when ("Tidsramme:"). Headings use them to tell a measure from a part; measures use
them to end a measure and to read its responsibility."""

from __future__ import annotations

import re

# "Ansvarlig:", "Ansvarlige departementer:", "Ansvar:", "Hovedansvar:", "Ansvarlig for oppfølging:" ...
LABEL_RE = re.compile(
    r"^\s*(?:(?:hoved)?ansvar(?:lig(?:e)?)?(?:\s+(?:departement(?:er|et|ene)?|for\s+(?:oppfølging|gjennomføring)|"
    r"myndighet(?:er)?))?|oppfølging(?:sansvar)?|ansvarsdepartement(?:er)?)\s*[:\u2013\u2014–]\s*",
    re.IGNORECASE,
)

# Responsibility / co-responsibility / timeframe label lines that close or annotate a measure.
CO_LABEL_RE = re.compile(
    r"^\s*(?:med|del|sam)ansvar(?:lig(?:e)?)?(?:\s+departement(?:er)?)?\s*:|^\s*i\s+samarbeid\s+med\s*:", re.IGNORECASE
)
TIMEFRAME_RE = re.compile(
    r"^\s*(?:tidsramme|tidsperiode|periode|tidsplan|tidspunkt|gjennomføring|gjennomføres|oppstart|frist)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# A label in the middle of a block (the layout merged the responsibility line into the paragraph).
INLINE_LABEL_RE = re.compile(
    r"(?:(?<=[.!?»”\")])\s+)(?=(?:(?:hoved)?ansvar(?:lig(?:e)?)?(?:\s+departement(?:er)?)?|ansvarsdepartement(?:er)?)\s*:)",
    re.IGNORECASE,
)

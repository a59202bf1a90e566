"""Parse responsibility lines and cells into ministries (lead first, then co) and agencies.

Handles "Ansvarlig: JD", "Ansvar: BLD og JD", "Ansvarlig departement: Helse- og omsorgsdepartementet",
"Ansvarlig: Justis- og beredskapsdepartementet i samarbeid med Helse- og omsorgsdepartementet",
"Ansvarlig: JD (Politidirektoratet)", "Ansvarlige: KD, HOD og BLD", table cells "KD/HOD",
"Alle departementer". Ministries are resolved through the registry at the document date.

Roles: in the part before a co-operation phrase ("i samarbeid med", "sammen med", "Medansvar:"...)
the first ministry is the lead and the others are co-responsible; ministries after it are co.
"Alle departementer" (also "Alle" alone, "JD/Alle") is not a ministry: it sets ``ParsedResponsibility.all_ministries`` and produces no
Responsibility row here (see ``pipeline.measures.plan`` for how a plan records it).
Suspended compounds ("Barne-, likestillings- og inkluderingsdepartementet") are never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Sequence

from pipeline.model import Entity, Responsibility, ResponsibilitySource
from pipeline.structure.registry import (
    MinistryRegistry,
    default_registry,
    try_resolve,
    try_resolve_agency,
)
from pipeline.structure.labels import LABEL_RE
from pipeline.structure.text import normalize

# Finds named entities (MINISTRY, AGENCY ...) in a text at a date: ``pipeline.nlp.find_entities``.
EntityFinder = Callable[[str, "date | None"], Sequence[Entity]]

# Where co-responsibility starts inside a line.
_CO_SPLIT = re.compile(
    r"\s*(?:[,;.]\s*)?\b(?:(?:og\s+)?i\s+(?:tett\s+)?(?:samarbeid|samråd|dialog)\s+med|sammen\s+med|"
    r"med\s+(?:bistand|støtte|bidrag)\s+fra|bistått\s+av|"
    r"(?:med|del|sam)ansvar(?:lig(?:e)?)?(?:\s+departement(?:er)?)?\s*:)\s*",
    re.IGNORECASE,
)
_ALL_RE = re.compile(
    r"^(?:alle|samtlige)(?:\s+(?:berørte|relevante|aktuelle))?\s+departement(?:er|ene)?$|^regjeringen$"
    r"|^alle(?:\s+dep\.?)?$",  # "Alle" alone, as budget and overview tables write it ("JD/Alle")
    re.IGNORECASE,
)
_PAREN_RE = re.compile(r"\(([^()]*)\)")
# "Justis- og beredskapsdepartementet (hovedansvar), BFD": a bracket marking the ministry before it as the lead
_LEAD_MARK = re.compile(
    r"\s*\(\s*(?:hovedansvar(?:lig)?|hovudansvar(?:leg)?|koordinerende(?:\s+departement)?|koordineringsansvar)\s*\)",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"(?<!-)\s*,\s*|\s*/\s*|\s*;\s*|\s*\+\s*|(?<!-)\s+(?:og|samt|&)\s+|\s+\bv/\s*")
_AGENCY_SUFFIX = re.compile(
    r"(direktorat|tilsyn|etat|nemnd|verk|senter|sentral|enhet|kontor|institutt|råd|ombud|politi|ombudet)\w*$",
    re.IGNORECASE,
)


@dataclass
class ParsedResponsibility:
    """The result of parsing one responsibility line or cell."""

    text: str  # the content without its label ("JD og HOD")
    responsibilities: list[Responsibility] = field(default_factory=list)  # lead first
    agencies: list[str] = field(default_factory=list)  # canonical agency names (as written if not in registry)
    all_ministries: bool = False  # "Alle departementer"
    unresolved: list[str] = field(default_factory=list)  # items that are neither ministry nor agency

    @property
    def lead_id(self) -> str | None:
        for r in self.responsibilities:
            if r.role == "lead":
                return r.ministry_id
        return None


def strip_label(text: str) -> str | None:
    """If ``text`` is a responsibility line ("Ansvarlig: JD"), return its content ("JD"), else None."""
    t = normalize(text)
    m = LABEL_RE.match(t)
    if not m:
        return None
    rest = t[m.end():].strip()
    return rest or None


def _split_items(s: str) -> list[str]:
    s = re.sub(r"(\w)\s*-\s+(og|eller)\s", r"\1- \2 ", s)  # "Justis -  og" -> "Justis- og"
    items = [i.strip(" .,;:") for i in _SPLIT_RE.split(s)]
    return [i for i in items if i]


_BREAKABLE_SPACE = re.compile(r"(?<=[a-zæøå])\s(?=[a-zæøå])|(?<=\b[A-ZÆØÅ])\s(?=[a-zæøå])"  # "K unnskapsdepartementet"
                              r"|(?<=\b[A-ZÆØÅ])\s(?=[A-ZÆØÅ]{1,4}\b)|(?<=\b[A-ZÆØÅ]{2})\s(?=[A-ZÆØÅ]{1,3}\b)")
_KEEP_WORDS = {"og", "eller", "for", "i", "med", "av", "til", "samt"}
_JOINING_WORDS = {"og", "eller", "samt"}  # never part of a broken word: they join names


def _rejoined(item: str) -> list[str]:
    """Variants of ``item`` with spaces inside broken words removed (all at once, then one at a time)."""
    spots, every = [], []
    for m in _BREAKABLE_SPACE.finditer(item):
        left = item[: m.start()].split(" ")[-1].lower()
        right = item[m.end():].split(" ")[0].lower()
        if left.rstrip(",") not in _KEEP_WORDS and right not in _KEEP_WORDS:
            spots.append(m.start())
            every.append(m.start())
        elif not left.endswith(("-", ",")) and left not in _JOINING_WORDS and right not in _JOINING_WORDS:
            every.append(m.start())
    if not every or len(every) > 6:
        return []
    out = ["".join(ch for k, ch in enumerate(item) if k not in spots)] if spots else []
    if len(spots) > 1:
        out += [item[:k] + item[k + 1:] for k in spots]
    if every != spots:  # a short word may itself be a broken piece: "for valtningsdepartement" -> "forvaltnings..."
        out.append("".join(ch for k, ch in enumerate(item) if k not in every))
    return out


_ALL_SQUEEZED = re.compile(r"(?:alle|samtlige)(?:berørte|relevante|aktuelle)?departement(?:er|ene)?")


def _is_all(item: str) -> bool:
    """"Alle departementer" in its forms, also with its words broken in a narrow cell ("Alle depa rtemente r")."""
    t = item.strip()
    return bool(_ALL_RE.match(t)) or bool(_ALL_SQUEEZED.fullmatch(re.sub(r"\s+", "", t).lower()))


def parse_responsibility(
    text: str,
    on: date | None = None,
    *,
    source: ResponsibilitySource = "responsibility_line",
    registry: MinistryRegistry | None = None,
    find_entities: EntityFinder | None = None,
) -> ParsedResponsibility:
    """Parse a responsibility line or table cell.

    ``text`` may carry its label ("Ansvarlig: ...") or not. Ministries are resolved through the registry at
    ``on``; names are recorded as officially named on that date, ``as_written`` keeps the text.
    Unknown items go to ``unresolved`` (callers turn them into warnings), never an exception.
    ``find_entities`` (e.g. ``pipeline.nlp.find_entities``) looks for ministry/agency names inside items the
    registry cannot resolve as a whole ("Justisdepartementet v/Politidirektoratet ..."); without it such
    items stay unresolved.
    """
    reg = registry if registry is not None else default_registry()
    body = strip_label(text)
    body = normalize(text) if body is None else body
    body = body.strip().rstrip(".")
    result = ParsedResponsibility(text=body)
    body, marked_lead = _take_lead_mark(body)

    # Parentheticals: "(Politidirektoratet)" -> agencies; ministries inside brackets are co-responsible.
    paren_items: list[str] = []
    for m in _PAREN_RE.finditer(body):
        paren_items.extend(_split_items(m.group(1)))
    main = _PAREN_RE.sub(" ", body)
    main = re.sub(r"\s+", " ", main).strip()

    pieces = _CO_SPLIT.split(main, maxsplit=1)
    lead_part = pieces[0]
    co_part = pieces[1] if len(pieces) > 1 else ""
    if marked_lead is not None:  # the marked ministry leads; the others named with it are co-responsible
        rest = [i for i in _split_items(lead_part) + _split_items(co_part) if i != marked_lead]
        lead_part, co_part = marked_lead, ", ".join(rest)

    seen: set[str] = set()

    def add(item: str, role: str) -> str:
        """Classify one item; returns 'ministry', 'agency', 'all' or 'unknown'."""
        if _is_all(item):
            result.all_ministries = True
            return "all"
        mod = try_resolve(reg, item, on)
        if mod is None:
            for repaired in _rejoined(item):  # "inkluderingsd epartementet": a word broken in a narrow cell
                mod = try_resolve(reg, repaired, on)
                if mod is not None:
                    break
        if mod is not None:
            if mod.ministry_id not in seen:
                seen.add(mod.ministry_id)
                result.responsibilities.append(
                    Responsibility(
                        ministry_id=mod.ministry_id,
                        ministry_name=mod.name,
                        abbreviation=mod.abbreviation,
                        role=role,  # type: ignore[arg-type]
                        source=source,
                        as_written=item,
                    )
                )
            return "ministry"
        ag = try_resolve_agency(reg, item)
        if ag is not None:
            name = getattr(ag, "name", None) or item
            if name not in result.agencies:
                result.agencies.append(name)
            return "agency"
        return "unknown"

    def add_items(part: str, first_role: str, rest_role: str) -> None:
        for item in _split_items(part):
            role = first_role if not any(r.role == "lead" for r in result.responsibilities) else rest_role
            kind = add(item, role)
            if kind == "unknown":
                # Maybe several names or extra words: let the NLP entity finder look inside.
                found = _entities_in(item, on, find_entities) if find_entities is not None and " " in item.strip() else []
                if found:
                    for sub in found:
                        role = first_role if not any(r.role == "lead" for r in result.responsibilities) else rest_role
                        add(sub, role)
                elif _AGENCY_SUFFIX.search(item) and item[:1].isupper():
                    if item not in result.agencies:
                        result.agencies.append(item)
                else:
                    result.unresolved.append(item)

    add_items(lead_part, "lead", "co")
    if co_part:
        add_items(co_part, "co", "co")
    for item in paren_items:
        kind = add(item, "co")
        if kind == "unknown":
            if item[:1].isupper() and (_AGENCY_SUFFIX.search(item) or len(item) > 4):
                if item not in result.agencies:
                    result.agencies.append(item)
            else:
                result.unresolved.append(item)
    return result


def _take_lead_mark(body: str) -> tuple[str, str | None]:
    """Remove a "(hovedansvar)" bracket; return the text and the item it marks as the lead (None if none)."""
    m = _LEAD_MARK.search(body)
    if not m:
        return body, None
    before = _split_items(_CO_SPLIT.split(_PAREN_RE.sub(" ", body[: m.start()]))[-1])
    text = re.sub(r"\s+", " ", body[: m.start()] + body[m.end():]).strip()
    return text, (before[-1] if before else None)


def _entities_in(item: str, on: date | None, find_entities: EntityFinder) -> list[str]:
    """Ministry/agency surface strings that ``find_entities`` finds inside ``item`` (empty if it fails)."""
    try:
        ents = find_entities(item, on)
    except Exception:
        return []
    return [e.text for e in ents if e.label in ("MINISTRY", "AGENCY")]


# "(Ansvar: JD og KMD)" closing a paragraph or a list item; the label as in LABEL_RE, the value without brackets
_TRAILING_RESPONSIBILITY = re.compile(
    r"\s*\(\s*(?P<resp>(?:(?:hoved)?ansvar(?:lig(?:e)?)?(?:\s+departement(?:er|et|ene)?)?|ansvarsdepartement(?:er)?)"
    r"\s*[:\u2013\u2014–]\s*[^()]*?[^\s()][^()]*?)\s*\)\s*\.?\s*$",
    re.IGNORECASE,
)


def split_trailing_responsibility(text: str) -> tuple[str, str | None]:
    """"Prose. (Ansvar: JD og KMD)" -> ("Prose.", "Ansvar: JD og KMD"); (text, None) when no such tail.

    A responsibility in brackets that closes a paragraph or list item, with its label ("Ansvar:",
    "Ansvarlig:", "Ansvarlige departementer:", "Hovedansvar:" ...). The returned responsibility keeps its
    label, so :func:`parse_responsibility` reads it like a responsibility line. Nothing else is removed: a
    bracket without a label ("(HOD)") or one inside the sentence stays in the text.
    """
    m = _TRAILING_RESPONSIBILITY.search(text)
    if not m:
        return text, None
    return text[: m.start()].rstrip(), normalize(m.group("resp"))


_TITLE_PAREN = re.compile(r"\s*\(([^()]{1,80})\)\s*[.]?\s*$")


def split_title_responsibility(
    title: str, on: date | None = None, *, registry: MinistryRegistry | None = None
) -> tuple[str, str | None]:
    """"Styrke tilbudet til ofre (HOD)" -> ("Styrke tilbudet til ofre", "HOD").

    The bracket is removed only if every item in it is a ministry (or "alle departementer").
    """
    m = _TITLE_PAREN.search(title)
    if not m:
        return title, None
    reg = registry if registry is not None else default_registry()
    items = _split_items(m.group(1))
    if not items:
        return title, None
    for it in items:
        if not (_is_all(it) or try_resolve(reg, it, on) is not None):
            return title, None
    return title[: m.start()].rstrip(), m.group(1).strip()

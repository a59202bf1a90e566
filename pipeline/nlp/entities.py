"""Rule-based recognition of ministries, minister titles, agencies and organisations.

Everything is generated from the reference registry (``pipeline.reference``); no ministry
list lives here.  Three mechanisms, merged longest-first:

1. **Form matching** – every registry form (ministry names, short forms, titles, agency
   and organisation names and aliases) is turned into a sequence of token *keys* (lower-cased
   lemmas, so "Justisdepartementets", "justisdepartementet" and "Justisdepartement" share a
   key) and matched over the non-space tokens of a text.  Abbreviations ("JD", "UDI", "IOM")
   are matched case-sensitively as whole tokens, also in the genitive ("JDs", "JD's").
   Organisation names are proper names made of ordinary words ("Røde Kors", "Redd Barna"):
   each capitalised word of the form (but a leading "Den"/"Det"/"De") must be capitalised in
   the text too, so "røde kors" is not the Red Cross.
2. **Coordinated ellipsis** – a *head* token is a compound ending in the final element of
   the registry's multi-word forms ("-departementet", "-minister") or in an agency family
   ("-direktoratet", "-tilsynet", "-etaten", "-nemnda").  From each head, suspended
   conjuncts ("Barne-", ",", "likestillings-", "og") are collected backwards; the chain is
   split into the fewest groups the registry resolves, trying each group as written
   ("Barne-, likestillings- og inkluderingsdepartementet" is one ministry) and, for groups
   that end in a suspended conjunct, completed with the head's element ("Nærings- og
   fiskeri-" -> "Nærings- og fiskeridepartementet").
   A compound cut inside the element and followed by a period ("Kunnskapsdep.",
   "Helse- og omsorgsdep.") is written out and accepted only if the registry resolves it.
3. **Persons after titles** – up to four capitalised words after a minister title become
   ``person`` of the MINISTER entity ("Helse- og omsorgsminister Bent Høie").

Resolved entities carry the ``ministry_id`` of the lineage and the name valid on the
document date (``doc._.tiltak_date``), via ``Registry.resolve``.  Chains the registry
cannot resolve are kept (``ministry_id``/``agency_id`` None) when capitalised inside a
sentence, so that unknown or foreign ministries still count as mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.reference.wordforms import is_known_word, lemmatize, load_table
from pipeline.reference import Registry, default_registry

MINISTRY = "MINISTRY"
MINISTER = "MINISTER"
AGENCY = "AGENCY"
ORGANISATION = "ORGANISATION"
#: Labels of the registry's spans (``doc.spans["tiltak"]``).
REGISTRY_LABELS = frozenset({MINISTRY, MINISTER, AGENCY, ORGANISATION})
#: NorNE's entity types (MISC only from third-party NorNE pipelines: tiltak's model drops it).
NER_LABELS: tuple[str, ...] = ("PER", "ORG", "GPE_ORG", "GPE_LOC", "LOC", "PROD", "EVT", "DRV", "MISC")
#: The NorNE type of a registry span: ministries, agencies and organisations are ORG. A minister
#: title is not a name in NorNE's scheme (its person is PER, see ``entities_of``).
REGISTRY_NER_LABEL = {MINISTRY: "ORG", AGENCY: "ORG", ORGANISATION: "ORG", MINISTER: None}

#: Span group in ``doc.spans`` holding the tiltak entities.
SPAN_KEY = "tiltak"

#: Agency families recognised morphologically (definite forms, as written).
AGENCY_FAMILIES: tuple[str, ...] = ("direktoratet", "tilsynet", "etaten", "nemnda", "nemnden")

#: Tokens that join conjuncts in a coordination.
CONJUNCTIONS = frozenset({",", "og", "samt", "eller", "&", "/"})

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"})
_NAME_PARTICLES = frozenset({"van", "von", "de", "af", "di", "la", "le", "bin"})  # lower-case name parts
_MAX_PERSON_TOKENS = 4
MIN_TRUNCATION = 3  # "dep." is the shortest accepted cut of "departement"

for _attr in ("ministry_id", "ministry_name", "agency_id", "organisation_id", "person"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
if not Doc.has_extension("tiltak_date"):
    Doc.set_extension("tiltak_date", default=None)


# --------------------------------------------------------------------------- token keys


@lru_cache(maxsize=100_000)
def token_key(text: str) -> str:
    """Matching key of one token: lower-cased lemma; suspended parts ("Barne-") keep their text."""
    t = text.translate(_DASHES).lower()
    if t.endswith("-") or not any(c.isalpha() for c in t):
        return t
    return lemmatize(t)


def _is_suspended(tok: Token) -> bool:
    t = tok.text.translate(_DASHES)
    return len(t) >= 3 and t.endswith("-") and t[-2].isalpha() and t[0].isalpha()


_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_FUSED = re.compile(r"^([^\W\d_]{2,})[-\u2010\u2011\u2012\u2013\u2014](og|eller)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Conjunct:
    """Conjunct of a coordination: tokens ``start..end`` (indices into the non-space tokens).

    ``text_end`` is the character offset where its text ends when it closes a group (the
    suspended part without a fused conjunction); ``fused`` marks "Justis-og".
    """

    start: int
    end: int
    text_end: int
    fused: bool = False


def _suspended_at(toks: list[Token], j: int) -> _Conjunct | None:
    """A suspended conjunct ending at token ``j``: "Barne-" or "Barne" + a dash token."""
    if j < 0:
        return None
    t = toks[j]
    if _is_suspended(t):
        return _Conjunct(j, j, t.idx + len(t.text))
    if t.text in _DASH_CHARS and j >= 1 and toks[j - 1].is_alpha and len(toks[j - 1].text) >= 2:
        return _Conjunct(j - 1, j, t.idx + len(t.text))
    return None


def _fused_conjunct(t: Token):
    """For "Justis-og" (suspended part and conjunction in one token) a conjunct factory, else None."""
    m = _FUSED.match(t.text)
    if m is None:
        return None
    return lambda j: _Conjunct(j, j, t.idx + len(m.group(1)) + 1, fused=True)


def _final_element(word: str, nouns: frozenset[str]) -> str | None:
    """Longest proper suffix (>= 4 letters) of ``word`` that is a known noun ("departementet")."""
    w = word.lower()
    for i in range(1, len(w) - 3):
        if w[i:] in nouns:
            return w[i:]
    return None


@dataclass(frozen=True)
class _Pattern:
    keys: tuple[str, ...]
    label: str
    form: str
    ministry_id: str | None = None
    agency_id: str | None = None
    organisation_id: str | None = None
    cased: tuple[int, ...] = ()  # positions (in keys) whose token must be capitalised in the text


@dataclass
class _Hit:
    start: int  # token index (doc), inclusive
    end: int  # token index (doc), exclusive
    label: str
    ministry_id: str | None = None
    ministry_name: str | None = None
    agency_id: str | None = None
    person: str | None = None
    priority: int = 1  # lower wins on equal length
    organisation_id: str | None = None


@dataclass(frozen=True)
class _Head:
    label: str
    key_suffix: str  # suffix of the head's key ("departement")
    full: str | None = None  # a truncated head written out ("Kunnskapsdep." -> "Kunnskapsdepartement")
    extra: int = 0  # tokens after the head that belong to it (the "." of "Kunnskapsdep.")


class EntityRecognizer:
    """Finds MINISTRY, MINISTER, AGENCY and ORGANISATION spans in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, registry: Registry | None = None):
        self.registry = registry or default_registry()
        table = load_table()
        self._patterns: dict[str, list[_Pattern]] = {}
        self._abbreviations: dict[str, _Pattern] = {}
        heads: dict[str, str] = {}  # key suffix -> label
        for sf in self.registry.surface_forms():
            label = MINISTER if sf.kind == "title" else MINISTRY
            if sf.kind == "abbreviation":
                self._add_abbreviation(_Pattern((sf.text,), label, sf.text, ministry_id=sf.ministry_id))
                continue
            self._add_form(nlp, _Pattern((), label, sf.text, ministry_id=sf.ministry_id))
            last = sf.text.split()[-1]
            element = _final_element(last, table.nouns)
            if element and (len(sf.text.split()) > 1 or "-" in sf.text or sf.kind == "title" or element != last):
                heads.setdefault(token_key(element), label)
        for form, agency_id in self.registry.agency_forms():
            pat = _Pattern((), AGENCY, form, agency_id=agency_id)
            if _looks_like_abbreviation(form):
                self._add_abbreviation(pat)
            else:
                self._add_form(nlp, pat)
        for form, organisation_id in self.registry.organisation_forms():
            pat = _Pattern((), ORGANISATION, form, organisation_id=organisation_id)
            if _looks_like_abbreviation(form):
                self._add_abbreviation(pat)
            else:
                self._add_form(nlp, pat, proper_name=True)
        for family in AGENCY_FAMILIES:
            heads.setdefault(token_key(family), AGENCY)
        # longest suffix first so "...departement" is not mistaken for a shorter element
        self._heads = [_Head(label, suffix) for suffix, label in sorted(heads.items(), key=lambda kv: -len(kv[0]))]

    # ------------------------------------------------------------------ construction

    def _add_form(self, nlp: Language, pat: _Pattern, *, proper_name: bool = False) -> None:
        toks = [t for t in nlp.make_doc(pat.form) if not t.is_space]
        keys = tuple(token_key(t.text) for t in toks)
        if not keys:
            return
        cased = tuple(i for i, t in enumerate(toks) if t.text[:1].isupper() and t.lower_ not in _DETERMINERS) if proper_name else ()
        pat = replace(pat, keys=keys, cased=cased)
        bucket = self._patterns.setdefault(keys[0], [])
        if all(p.keys != keys or p.label != pat.label or p.cased != cased for p in bucket):
            bucket.append(pat)
            bucket.sort(key=lambda p: -len(p.keys))

    def _add_abbreviation(self, pat: _Pattern) -> None:
        form = pat.form
        for variant in (form, form + "s", form + "'s", form + "’s"):
            self._abbreviations.setdefault(variant, pat)

    # ------------------------------------------------------------------ resolution

    def _resolve(self, text: str, label: str, on: date | None) -> tuple[str | None, str | None, str | None]:
        """(ministry_id, ministry_name, agency_id) for ``text`` read as ``label``; Nones if unknown.

        An ORGANISATION resolves to its organisation_id in the third place."""
        reg = self.registry
        if label == ORGANISATION:
            o = reg.resolve_organisation(text)
            return (None, None, o.organisation_id) if o is not None else (None, None, None)
        if label == MINISTRY:
            m = reg.try_resolve(text, on)
            return (m.ministry_id, m.name, None) if m else (None, None, None)
        if label == MINISTER:
            m = reg.try_resolve_title(text, on)
            return (m.ministry_id, m.name, None) if m else (None, None, None)
        a = reg.resolve_agency(text)
        # an agency entity names the agency, not its parent ministry (see registry.agency())
        return (None, None, a.agency_id) if a is not None else (None, None, None)

    # ------------------------------------------------------------------ matching

    def __call__(self, doc: Doc, on: date | None = None) -> list[_Hit]:
        if on is None:
            on = doc._.tiltak_date
        toks = [t for t in doc if not t.is_space]
        keys = [token_key(t.text) for t in toks]
        hits: list[_Hit] = []
        hits.extend(self._match_forms(doc, toks, keys, on))
        hits.extend(self._match_abbreviations(toks, on))
        hits.extend(self._match_chains(doc, toks, keys, on, doc.text))
        chosen = _select(hits)
        for h in chosen:
            if h.label == MINISTER:
                self._attach_person(doc, h)
        return chosen

    def _match_forms(self, doc: Doc, toks: list[Token], keys: list[str], on: date | None) -> list[_Hit]:
        out = []
        n = len(toks)
        for i, k in enumerate(keys):
            for pat in self._patterns.get(k, ()):
                m = len(pat.keys)
                if i + m <= n and tuple(keys[i : i + m]) == pat.keys:
                    if any(not toks[i + c].text[:1].isupper() for c in pat.cased):
                        continue  # "røde kors" is not "Røde Kors"
                    start, end = toks[i].i, toks[i + m - 1].i + 1
                    text = doc[start:end].text
                    mid, name, aid = self._resolve(text, pat.label, on)
                    if mid is None and aid is None:
                        mid, name, aid = self._resolve(pat.form, pat.label, on)
                    if pat.label == ORGANISATION:
                        out.append(_Hit(start, end, ORGANISATION, priority=1, organisation_id=aid or pat.organisation_id))
                        break
                    if pat.agency_id and aid is None:
                        aid = pat.agency_id
                    out.append(_Hit(start, end, pat.label, mid, name, aid, priority=1))
                    break  # patterns are sorted longest first
        return out

    def _in_caps_text(self, toks: list[Token], k: int) -> bool:
        """True if token ``k`` sits among upper-case words that are not abbreviations ("NOE OM PLANEN")."""
        for j in (k - 1, k + 1):
            if 0 <= j < len(toks):
                t = toks[j]
                if t.is_alpha and len(t.text) >= 3 and t.text.isupper() and t.text not in self._abbreviations:
                    return True
        return False

    def _match_abbreviations(self, toks: list[Token], on: date | None) -> list[_Hit]:
        out = []
        for k, t in enumerate(toks):
            pat = self._abbreviations.get(t.text)
            if pat is None:
                continue
            if is_known_word(t.text) and self._in_caps_text(toks, k):
                continue  # an ordinary word in an upper-case heading ("DA", "NOE"), not an abbreviation
            if pat.label == ORGANISATION:
                out.append(_Hit(t.i, t.i + 1, ORGANISATION, priority=1, organisation_id=pat.organisation_id))
            elif pat.label == AGENCY:
                _, _, aid = self._resolve(pat.form, AGENCY, on)
                out.append(_Hit(t.i, t.i + 1, AGENCY, None, None, aid or pat.agency_id, priority=1))
            else:
                mid, name, _ = self._resolve(pat.form, pat.label, on)
                if mid is None:
                    mid = pat.ministry_id
                out.append(_Hit(t.i, t.i + 1, pat.label, mid, name, None, priority=1))
        return out

    def _head_of(self, tok: Token, key: str) -> _Head | None:
        if _is_suspended(tok) or not any(c.isalpha() for c in tok.text):
            return None
        for h in self._heads:
            if key.endswith(h.key_suffix) and len(key) > len(h.key_suffix):
                return h
        return None

    def _truncated_head(self, toks: list[Token], k: int) -> _Head | None:
        """ "Kunnskapsdep." / "Justisdept.": a compound cut inside a ministry element, then a period."""
        tok = toks[k]
        if k + 1 >= len(toks) or toks[k + 1].text != "." or not tok.is_alpha or toks[k].whitespace_:
            return None
        low = tok.lower_
        for h in self._heads:
            if h.label != MINISTRY:
                continue
            el = h.key_suffix
            for n in range(len(el) - 1, MIN_TRUNCATION - 1, -1):
                if low.endswith(el[:n]) and len(low) > n + 2:
                    return replace(h, full=tok.text[:-n] + el, extra=1)
        return None

    def _match_chains(self, doc: Doc, toks: list[Token], keys: list[str], on: date | None, text: str) -> list[_Hit]:
        """Coordinated chains ending in a head; ``text`` is ``doc.text`` (built once: spaCy joins it per call)."""
        out: list[_Hit] = []
        for k, tok in enumerate(toks):
            head = self._head_of(tok, keys[k]) or self._truncated_head(toks, k)
            if head is None:
                continue
            # collect conjuncts backwards: head <- [sep] <- suspended <- [sep] <- suspended ...
            conj: list[_Conjunct] = [_Conjunct(k, k, tok.idx + len(tok.text))]
            j = k - 1
            while j >= 0:
                fused = _fused_conjunct(toks[j])
                if fused is not None:  # "Justis-og"
                    conj.append(fused(j))
                    j -= 1
                    continue
                if toks[j].lower_ in CONJUNCTIONS and j >= 1:
                    c = _suspended_at(toks, j - 1)
                    if c is not None:
                        conj.append(c)
                        j = c.start - 1
                        continue
                c = _suspended_at(toks, j)
                if c is None:
                    break
                conj.append(c)
                j = c.start - 1
            conj.reverse()
            out.extend(self._split_chain(doc, toks, conj, head, on, text))
        return out

    def _split_chain(
        self, doc: Doc, toks: list[Token], conj: list[_Conjunct], head: _Head, on: date | None, doc_text: str
    ) -> list[_Hit]:
        """Partition the conjuncts into the fewest registry-resolvable groups (DP)."""
        m = len(conj)
        head_tok = toks[conj[-1].end]
        head_end = toks[conj[-1].end + head.extra].i + 1
        written = head_tok.text.lower()
        pos = written.rfind(head.key_suffix)
        element = written[pos:] if pos > 0 else head.key_suffix

        def group_text(i: int, j: int) -> str:
            text = doc_text[toks[conj[i].start].idx : conj[j].text_end]
            if j == m - 1 and head.full:
                text = doc_text[toks[conj[i].start].idx : head_tok.idx] + head.full
            elif j < m - 1:  # ends in a suspended conjunct: complete with the head's element
                text = text.rstrip(" -\u2010\u2011\u2012\u2013\u2014") + element
            return " ".join(text.split())

        resolved: dict[tuple[int, int], tuple[str | None, str | None, str | None]] = {}
        for i in range(m):
            for j in range(i, m):
                r = self._resolve(group_text(i, j), head.label, on)
                if r[0] is not None or r[2] is not None:
                    resolved[(i, j)] = r
        # best[i] = (cost, groups) for conjuncts i..m-1; an unresolved conjunct costs 10, a group 1
        best: list[tuple[int, list[tuple[int, int]]]] = [(0, [])] * (m + 1)
        for i in range(m - 1, -1, -1):
            cand = (best[i + 1][0] + 10, best[i + 1][1])
            for j in range(m - 1, i - 1, -1):  # longest group first wins ties
                if (i, j) in resolved and best[j + 1][0] + 1 < cand[0]:
                    cand = (best[j + 1][0] + 1, [(i, j), *best[j + 1][1]])
            best[i] = cand
        groups = best[0][1]
        first = toks[conj[0].start]
        if groups and head.label == MINISTRY and _foreign(toks, conj[0].start):
            # "Det amerikanske utenriksdepartementet", "Sveriges justisdepartement": a ministry, not ours
            return [_Hit(first.i, head_end, MINISTRY, None, None, None, priority=0)]
        if groups:
            hits: list[_Hit] = []
            for i, j in groups:
                mid, name, aid = resolved[(i, j)]
                start = toks[conj[i].start].i
                end = head_end if j == m - 1 else toks[conj[j].end].i + 1  # a fused "Justis-og" keeps its token
                hits.append(_Hit(start, end, head.label, mid, name, aid, priority=0))
            return hits
        # nothing resolvable: keep the whole chain as an unresolved mention if it reads as a name
        if head.label == MINISTER or head.full:
            return []  # an unknown "-minister" word or an unresolved truncation is not attributable
        if not first.text[:1].isupper():
            return []
        if first.is_sent_start and m == 1:
            return []  # "Fagdepartementet skal ..." : a capitalised common noun
        return [_Hit(first.i, head_end, head.label, None, None, None, priority=2)]

    # ------------------------------------------------------------------ persons

    def _attach_person(self, doc: Doc, hit: _Hit) -> None:
        i = hit.end
        names: list[Token] = []
        while i < len(doc) and len(names) < _MAX_PERSON_TOKENS:
            t = doc[i]
            if t.is_space or not t.text[:1].isupper() or not _name_like(t.text):
                if t.lower_ in _NAME_PARTICLES and names and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
                    names.append(t)
                    i += 1
                    continue
                break
            names.append(t)
            if t.whitespace_ != " ":
                i += 1
                break
            i += 1
        while names and names[-1].lower_ in _NAME_PARTICLES:
            names.pop()
        if names:
            hit.person = doc[names[0].i : names[-1].i + 1].text
            hit.end = names[-1].i + 1


def _name_like(text: str) -> bool:
    """A capitalised word that can be part of a person's name ("Høie", "Anne-Grethe", "O'Neill")."""
    if len(text) > 1 and text.isupper():
        return False  # "FrP", "NAV" are not names; upper-case words end the name
    parts = text.replace("’", "'").split("-")
    return all(p and p.replace("'", "").isalpha() for p in parts)


#: Leading words of an organisation's name that need not be capitalised ("den europeiske union").
_DETERMINERS = frozenset({"den", "det", "de"})

#: Country adjectives/genitives before a ministry that make it foreign are allowed for Norway.
_DOMESTIC = frozenset({"norske", "norsk", "norges", "kongelige", "kgl."})


def _foreign(toks: list[Token], first: int) -> bool:
    """True if the word before a ministry marks it as foreign: "amerikanske", "svenske", "USAs"."""
    if first == 0:
        return False
    t = toks[first - 1]
    low = t.lower_
    if low in _DOMESTIC or not t.is_alpha and not low.endswith(("'s", "’s")):
        return False
    if t.text.islower() and low.endswith("ske") and (lemmatize(low).endswith("sk") or is_known_word(low[:-1])):
        return True  # nationality adjective, definite form ("svenske" <- "svensk")
    if not (t.text[:1].isupper() and low.endswith("s")):
        return False
    stem = low[:-1].rstrip("'’")
    # the genitive of a proper name ("Sveriges", "USAs"), not of a common noun ("Regjeringens")
    # (the lemma table keeps proper nouns capitalised: "sverige" -> "Sverige")
    return len(stem) >= 2 and (not is_known_word(stem) or lemmatize(stem)[:1].isupper())


def _looks_like_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return " " not in form and len(form) <= 8 and bool(letters) and all(c.isupper() for c in letters)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longest first, then by priority; returned in text order."""
    taken: set[int] = set()
    chosen: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.priority, h.start)):
        span = range(h.start, h.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


# --------------------------------------------------------------------------- spaCy component


class TiltakEntities:
    """spaCy component: writes the hits to ``doc.spans["tiltak"]`` and to ``doc.ents``, where they win
    over a trained recogniser's entities that overlap them (those are dropped; the others are kept)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.recognizer = EntityRecognizer(nlp)

    def __call__(self, doc: Doc) -> Doc:
        hits = self.recognizer(doc)
        spans = []
        for h in hits:
            span = Span(doc, h.start, h.end, label=h.label)
            span._.ministry_id = h.ministry_id
            span._.ministry_name = h.ministry_name
            span._.agency_id = h.agency_id
            span._.organisation_id = h.organisation_id
            span._.person = h.person
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        ours = {(s.start, s.end) for s in spans}
        occupied = {i for s in spans for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if (e.start, e.end) not in ours and not any(i in occupied for i in range(e.start, e.end))]
        doc.ents = sorted([*kept, *spans], key=lambda s: s.start)
        return doc


@Language.factory("tiltak_entities")
def make_tiltak_entities(nlp: Language, name: str) -> TiltakEntities:
    return TiltakEntities(nlp, name)

"""What a press release (or a plan's landing page) states about its plan.

``extract_press_release`` reads, from an :class:`~pipeline.model.Article`:

* the publishing ministry and the ministers quoted or listed, each title resolved to its ministry
  *as it was on the publication date* through ``pipeline.reference`` (a title is a word ending in
  "minister"/"ministeren", possibly with a suspended compound such as "justis- og
  beredskapsminister"; only titles the registry knows are kept, so "minister" in other senses
  is ignored). A surname alone ("sier Anundsen") is the same person as the full name.
* stated counts: measures ("26 tiltak", "tjueseks tiltak"), parts ("fire hoveddeler"),
  ministers and ministries ("Seks statsråder i fem departementer");
* the parts: the list right after the sentence announcing them ("... innen fire hoveddeler:");
* key points per part from a FAKTA box that repeats the part titles as subheadings (matched
  fuzzily with rapidfuzz, so small wording differences do not matter);
* whether minors are emphasised across the plan, and the sentence(s) saying so;
* the link to the plan ("... (PDF, 1 mb)"), with its URL when the page has one.

Nothing here is specific to one press release: all rules are about the site's conventions and
Norwegian wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from rapidfuzz import fuzz

from pipeline.errors import UnknownMinistryError
from pipeline.reference import default_registry
from pipeline.model import Article, Attachment, DocumentInfo, Minister, MinistryOnDate, Part, PressReleaseFacts
from pipeline.sources.dates import find_dates
from pipeline.sources.encoding import decode_bytes, declared_charset
from pipeline.sources.numbers import COUNT_PATTERN, parse_count
from pipeline.sources.regjeringen_html import article_root, find_attachments, make_soup

__all__ = [
    "extract_press_release",
    "extract_landing_page",
    "find_ministers",
    "find_title_mentions",
    "stated_counts",
    "find_parts",
    "find_minor_emphasis",
    "publication_date",
    "naming_date",
    "find_plan_pdf_links",
    "rank_plan_links",
    "StatedCounts",
    "TitleMention",
]

_LOOKUP_ERRORS = (UnknownMinistryError, LookupError, ValueError)

# --------------------------------------------------------------------------- registry access


def _registry(registry: Any | None) -> Any:
    if registry is not None:
        return registry
    return default_registry()


def _lookup(resolve: Any, text: str | None, on: date | None) -> MinistryOnDate | None:
    """``resolve(text, on)``, else ``resolve(text, None)`` (today); None if the registry does not know it."""
    if not text:
        return None
    for when in ((on, None) if on is not None else (None,)):
        try:
            res = resolve(text, when)
        except _LOOKUP_ERRORS:
            continue
        if res is not None:
            return res
    return None


def _resolve_title(reg: Any, title: str, on: date | None) -> MinistryOnDate | None:
    """The ministry a minister title belonged to on ``on``; None if the registry does not know it."""
    return _lookup(reg.resolve_title, title, on)


def _resolve_ministry(reg: Any, name: str | None, on: date | None) -> MinistryOnDate | None:
    return _lookup(reg.resolve, name, on)


# --------------------------------------------------------------------------- text helpers


def _blocks(body: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]


def _is_list(block: str) -> bool:
    return all(line.startswith("• ") for line in block.split("\n"))


def _items(block: str) -> list[str]:
    return [line[2:].strip() for line in block.split("\n") if line.startswith("• ")]


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\s\u00a0]+(?=[–\-\"«]?\s*[A-ZÆØÅ0-9])")


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for block in _blocks(text):
        if _is_list(block):
            continue
        for s in _SENT_SPLIT.split(block.replace("\n", " ")):
            s = s.strip()
            if s:
                out.append(s)
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", s.casefold())).strip()


# --------------------------------------------------------------------------- dates


def publication_date(article: Article, on: date | None = None) -> date | None:
    """``on`` if given, else the article's date, else the first date written in its text."""
    if on is not None:
        return on
    if article.published is not None:
        return article.published
    for text in (article.ingress or "", article.body):
        m = re.search(r"Dato\s*:\s*([^\n|]+)", text)
        if m:
            found = find_dates(m.group(1))
            if found:
                return found[0]
    found = find_dates(" ".join(filter(None, [article.ingress, article.body])))
    return found[0] if found else None


def _year_from_url(url: str | None) -> int | None:
    """The year segment of an archive address (``.../pressemeldinger/2016/...``), if any."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d\d)/", url)
    if not m:
        return None
    y = int(m.group(1))
    return y if 1990 <= y <= date.today().year else None


def naming_date(published: date | None, *urls: str | None) -> date | None:
    """The date used to resolve ministry names: the publication date, or else (approximately) the
    middle of the year in the page's archive address. Never reported as the publication date."""
    if published is not None:
        return published
    for u in urls:
        y = _year_from_url(u)
        if y:
            return date(y, 7, 1)
    return None


# --------------------------------------------------------------------------- ministers

# A name token: capitalised word with lower-case letters (so "FN", "NAV" end a name), hyphenated
# parts ("Strøm-Erichsen"), or an initial ("G.").
_NAME_TOKEN = r"(?:[A-ZÆØÅÉÜÖÄ](?:[a-zæøåéüöäß'’]+(?:-[A-ZÆØÅÉÜÖÄa-zæøå][a-zæøåéüöäß'’]+)*|\.))"
_PARTICLE = r"(?:de|van|von|af|la|le|da|di)"
_NAME = rf"{_NAME_TOKEN}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_TOKEN}){{0,3}}"
_TITLE_WORD = re.compile(r"(?<![\w-])([\w-]*\w(?:minister|ministar))(en|ane|eren)?(?![\w-])", re.IGNORECASE)
_SUSPENDED = re.compile(r"((?:[\w]+-(?:\s*,\s*[\w]+-)*)\s+(?:og|eller)\s+)(\w+\s+)?$", re.IGNORECASE)
_NAME_AFTER = re.compile(rf"^[ \u00a0]+({_NAME})(?:[ \u00a0]*\(([^)]{{1,12}})\))?")
_NAME_BEFORE = re.compile(rf"({_NAME})(?:[ \u00a0]*\([^)]{{1,12}}\))?\s*,\s*$")


@dataclass
class TitleMention:
    """A minister title found in text, validated against the registry."""

    title: str  # as written, e.g. "justis- og beredskapsminister"
    start: int
    end: int
    ministry: MinistryOnDate
    person: str | None  # the name right after (or right before) the title, if any
    in_list: bool  # the title opens a bullet list item


def _title_candidates(text: str, m: re.Match) -> list[tuple[int, str]]:
    """Possible title spans ending at the matched word, longest first: (start, title)."""
    word_start = m.start(1)
    word = m.group(1)
    before = text[max(0, word_start - 80):word_start]
    cands: list[tuple[int, str]] = []
    sm = _SUSPENDED.search(before)
    if sm:
        start_full = word_start - len(before) + sm.start()
        if sm.group(2):  # "forsknings- og høyere utdanningsminister"
            cands.append((start_full, text[start_full:word_start] + word))
            start_short = start_full
            cands.append((start_short, sm.group(1) + word))
        else:
            cands.append((start_full, text[start_full:word_start] + word))
    cands.append((word_start, word))
    # de-duplicate, keep order
    seen: set[str] = set()
    out = []
    for s, t in cands:
        t = re.sub(r"\s+", " ", t)
        if t not in seen:
            seen.add(t)
            out.append((s, t))
    return out


def find_title_mentions(text: str, on: date | None, registry: Any | None = None) -> list[TitleMention]:
    """Every minister title in ``text`` that the registry resolves on ``on``, with the person named."""
    reg = _registry(registry)
    out: list[TitleMention] = []
    for m in _TITLE_WORD.finditer(text):
        resolved = None
        start, title = m.start(1), m.group(1)
        for s, cand in _title_candidates(text, m):
            res = _resolve_title(reg, cand, on)
            if res is None and m.group(2):
                res = _resolve_title(reg, cand + m.group(2), on)
            if res is not None:
                resolved, start, title = res, s, cand
                break
        if resolved is None:
            continue
        end = m.end()
        person = None
        after = _NAME_AFTER.match(text[end:end + 120])
        if after:
            person = after.group(1)
        else:
            before = _NAME_BEFORE.search(text[max(0, start - 80):start])
            if before:
                person = before.group(1)
        line_start = text.rfind("\n", 0, start) + 1
        in_list = text[line_start:start] == "• "  # the title opens a bullet item
        out.append(TitleMention(title=title, start=start, end=end, ministry=resolved, person=person, in_list=in_list))
    return out


def _same_person(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # "Anundsen" ~ "Anders Anundsen"; "Jonas G. Støre" ~ "Jonas Gahr Støre" (same first and last)
    if len(short) == 1:
        return short[0] == long_[-1]
    return short[-1] == long_[-1] and short[0] == long_[0]


def find_ministers(text: str, on: date | None, registry: Any | None = None) -> list[Minister]:
    """Ministers named with a title, merged by person, in order of first mention.

    The title shown is the one from a bullet list if the person appears in one (the site's list
    of ministers behind a plan), else the first one in running text. Surname-only mentions merge
    into the full name.
    """
    groups: list[list[TitleMention]] = []
    for tm in find_title_mentions(text, on, registry):
        if not tm.person:
            continue
        for g in groups:
            if _same_person(g[0].person or "", tm.person) and g[0].ministry.ministry_id == tm.ministry.ministry_id:
                g.append(tm)
                break
        else:
            groups.append([tm])
    ministers: list[Minister] = []
    for g in groups:
        name = max((t.person or "" for t in g), key=lambda n: len(n.split()))
        rep = next((t for t in g if t.in_list), g[0])
        title = rep.title[0].upper() + rep.title[1:]
        ministers.append(
            Minister(
                name=name,
                title=title,
                ministry_id=rep.ministry.ministry_id,
                ministry_name=rep.ministry.name,
                abbreviation=rep.ministry.abbreviation,
            )
        )
    return ministers


# --------------------------------------------------------------------------- counts


@dataclass
class StatedCounts:
    measures: int | None = None
    parts: int | None = None
    ministers: int | None = None
    ministries: int | None = None


_C = COUNT_PATTERN
_MEASURES_RE = re.compile(rf"(?<![\w-])({_C})\s+(?:nye\s+|konkrete\s+|ulike\s+)?tiltak(?![\w-])", re.IGNORECASE)
_PART_NOUN = r"(?:hoveddeler|hovuddelar|deler|delar|hovedområder|innsatsområder|satsingsområder|satsingsområde|" \
             r"hovedtemaer|temaer|områder|område|hovedmål|innsatsområde|kapitler)"
# an adjective may come between ("fire ulike hoveddeler"), a genitive may not ("seks statsråders områder")
_PARTS_RE = re.compile(rf"(?<![\w-])({_C})\s+(?:(?!\w+s\s)\w+\s+)?{_PART_NOUN}(?![\w-])", re.IGNORECASE)
_MINISTERS_RE = re.compile(rf"(?<![\w-])({_C})\s+(?:statsråder|statsrådar|ministre|ministere)(?![\w-])",
                           re.IGNORECASE)
_MINISTRIES_RE = re.compile(rf"(?<![\w-])({_C})\s+(?:ulike\s+)?departement(?:er)?(?![\w-])", re.IGNORECASE)
_PLAN_CONTEXT = re.compile(r"tiltak|handlingsplan|planen|strategi", re.IGNORECASE)


def _most_common(values: list[int]) -> int | None:
    if not values:
        return None
    best = max(values, key=lambda v: (values.count(v), -values.index(v)))
    return best


def stated_counts(text: str) -> StatedCounts:
    """Counts the text states. For several different statements, the most frequent (then the first) wins."""
    # sentences, plus short headings such as "26 tiltak" (which do not end like a sentence)
    sents = _sentences(text) + [b for b in _blocks(text)
                                if "\n" not in b and len(b) < 80 and not b.rstrip().endswith((".", ":", "!", "?"))]
    measures = [parse_count(m.group(1)) for s in sents for m in _MEASURES_RE.finditer(s)]
    parts = [parse_count(m.group(1)) for s in sents if _PLAN_CONTEXT.search(s) for m in _PARTS_RE.finditer(s)]
    ministers = [parse_count(m.group(1)) for s in sents for m in _MINISTERS_RE.finditer(s)]
    ministries = [parse_count(m.group(1)) for s in sents for m in _MINISTRIES_RE.finditer(s)]
    clean = lambda xs: [x for x in xs if x is not None and x > 0]  # noqa: E731
    return StatedCounts(
        measures=_most_common(clean(measures)),
        parts=_most_common(clean(parts)),
        ministers=_most_common(clean(ministers)),
        ministries=_most_common(clean(ministries)),
    )


# --------------------------------------------------------------------------- parts and FAKTA

_PARTS_INTRO = re.compile(rf"{_PART_NOUN}\s*(?:\([^)]*\)\s*)?:\s*$", re.IGNORECASE)
_FAKTA = re.compile(r"^(?:fakta|faktaboks|hovedpunkter(?: i [\w ]+)?|dette er hovedpunktene[\w ]*)\s*:?$",
                    re.IGNORECASE)
_PART_MATCH_THRESHOLD = 85.0
_TRAILER = re.compile(
    r"^(?:kontakt\w*|pressekontakt\w*|relatert\w*|se også|les også|les mer|lenker|last ned\b.*|"
    r"les (?:hele )?(?:handlings)?planen\b.*|.*\(\s*pdf\b[^)]*\))\s*:?$",
    re.IGNORECASE,
)


def _match_part(text: str, parts: list[Part]) -> Part | None:
    """The part whose title ``text`` repeats (a FAKTA subheading), fuzzily; None for other text.

    Plain similarity (``fuzz.ratio`` >= 85) accepts small rewordings; a subheading that adds or drops
    a few words ("Identifisering av ofre" / "... for menneskehandel") is accepted by
    ``token_set_ratio`` >= 90 when it does not end like a sentence and the lengths are comparable.
    """
    if "\n" in text or len(text) > 200 or not parts:
        return None
    nt = _norm(text)
    heading_like = not text.rstrip().endswith((".", "!", "?", ":"))
    best, score = None, 0.0
    for p in parts:
        npt = _norm(p.title)
        s = fuzz.ratio(nt, npt)
        if heading_like and min(len(nt), len(npt)) >= 0.5 * max(len(nt), len(npt)) and len(npt.split()) >= 2:
            s = max(s, fuzz.token_set_ratio(nt, npt) - 5)  # -5: prefer an exact-ish title on ties
        if s > score:
            best, score = p, s
    return best if score >= _PART_MATCH_THRESHOLD else None


def find_parts(body: str) -> tuple[list[Part], int | None]:
    """Parts listed after a sentence ending in "... <count> hoveddeler:" (or deler/innsatsområder ...).

    Returns the parts (with FAKTA key points filled in) and the index of the list block, or
    ``([], None)`` when the text does not list its parts.
    """
    blocks = _blocks(body)
    list_idx = None
    for i, b in enumerate(blocks[:-1]):
        if not _is_list(b) and _PARTS_INTRO.search(b.split("\n")[-1]) and _is_list(blocks[i + 1]):
            list_idx = i + 1
            break
    if list_idx is None:
        return [], None
    parts = [Part(number=n, title=t) for n, t in enumerate(_items(blocks[list_idx]), start=1)]
    # FAKTA: after a "FAKTA"/"Hovedpunkter" marker if present, else after the parts list
    start = list_idx + 1
    for j in range(list_idx + 1, len(blocks)):
        if _FAKTA.match(blocks[j]):
            start = j + 1
            while start < len(blocks) and _FAKTA.match(blocks[start]):
                start += 1
            break
    current: Part | None = None
    for b in blocks[start:]:
        if current is not None and _TRAILER.match(b):
            break  # contact details, related links, downloads: the FAKTA box is over
        hit = _match_part(b, parts) if not _is_list(b) else None
        if hit is not None:
            current = hit
            continue
        if current is None:
            continue
        if _is_list(b):
            current.key_points.extend(_items(b))
        else:
            current.key_points.append(re.sub(r"\s*\n\s*", " ", b))
    return parts, list_idx


# --------------------------------------------------------------------------- minors

_MINORS = re.compile(r"\b(mindreårig\w*|barn|barna|barns|barnet|born|borna|unge|ungdom\w*|under 18 år)\b",
                     re.IGNORECASE)
_EMPHASIS = re.compile(
    r"\b(?:spesiell|særlig|særskilt|stor|egen)\s+(?:vekt|fokus|oppmerksomhet|prioritet|innsats)"
    r"|\bvekt\s+(?:er\s+|blir\s+)?lagt\s+på|\blegge[rs]?\s+(?:\w+\s+)?vekt\s+på|\bprioriter\w*"
    r"|\bgjennomgående\s+(?:perspektiv|tema)|\bsatse[rs]?\s+(?:særlig|spesielt)",
    re.IGNORECASE,
)
_ALL_PARTS = re.compile(rf"\balle\s+(?:de\s+)?(?:{_C}\s+)?(?:hoveddelene|delene|hovudelane|innsatsområdene|områdene|"
                        r"kapitlene|satsingsområdene|hovedområdene|temaene)\b", re.IGNORECASE)


def find_minor_emphasis(body: str) -> str | None:
    """The sentence(s) stating that minors get special weight (across all parts), or None."""
    sents = _sentences(body)
    for i, s in enumerate(sents):
        if not _MINORS.search(s):
            continue
        follows = sents[i + 1] if i + 1 < len(sents) else ""
        follows_all = bool(_ALL_PARTS.search(follows)) and bool(re.match(r"^(dette|det|dei|de|disse)\b", follows,
                                                                          re.IGNORECASE))
        if _EMPHASIS.search(s) or _ALL_PARTS.search(s) or follows_all:
            return f"{s} {follows}" if follows_all else s
    return None


# --------------------------------------------------------------------------- plan link

_PDF_LABEL = re.compile(r"\(\s*pdf\b[^)]*\)", re.IGNORECASE)
_PLAN_WORDS = re.compile(r"handlingsplan|plan|strategi|tiltak", re.IGNORECASE)


def rank_plan_links(attachments: Iterable[Attachment], title: str | None = None) -> list[Attachment]:
    """PDF attachments, most plan-like first: "(PDF, ...)" label, /contentassets/, plan words, title match."""
    scored = []
    for i, a in enumerate(attachments):
        if not a.is_pdf:
            continue
        score = 0.0
        score += 2 if _PDF_LABEL.search(a.text) else 0
        score += 1 if "/contentassets/" in a.url.lower() else 0
        score += 1 if _PLAN_WORDS.search(a.text) else 0
        if title:
            score += fuzz.token_set_ratio(_norm(title), _norm(_PDF_LABEL.sub("", a.text))) / 100.0
        scored.append((-score, i, a))
    return [a for _, _, a in sorted(scored, key=lambda t: (t[0], t[1]))]


def _text_plan_link(body: str) -> str | None:
    """A line such as "Regjeringens handlingsplan mot menneskehandel (PDF, 1 mb)" in text form."""
    for line in body.split("\n"):
        line = line.strip().removeprefix("• ")
        if _PDF_LABEL.search(line) and len(line) < 300:
            return line
    return None


# --------------------------------------------------------------------------- public API


def extract_press_release(
    article: Article,
    document_id: str,
    *,
    on: date | None = None,
    sha256: str | None = None,
    source_url: str | None = None,
    plan_url: str | None = None,
    registry: Any | None = None,
) -> PressReleaseFacts:
    """Facts a press release states about its plan (see module docstring).

    ``on``: the publication date if known from elsewhere (manifest); otherwise the article's date
    or a date written in the text. ``plan_url``: the plan's address from the manifest, used when the
    article (e.g. saved as text) carries the link text but no URL.
    """
    reg = _registry(registry)
    when = publication_date(article, on)
    names_on = naming_date(when, source_url, article.source_url)
    text = "\n\n".join(filter(None, [article.ingress, article.body]))
    publisher = _resolve_ministry(reg, article.publisher_name, names_on)
    counts = stated_counts(text)
    parts, list_idx = find_parts(article.body)
    if list_idx is not None:  # the sentence introducing the parts list states their number best
        intro = _blocks(article.body)[list_idx - 1].split("\n")[-1]
        m = _PARTS_RE.search(intro)
        if m and parse_count(m.group(1)):
            counts.parts = parse_count(m.group(1))
    emphasis = find_minor_emphasis(text)
    links = rank_plan_links(article.attachments, article.title)
    link_text = links[0].text if links else _text_plan_link(text)
    found_url = links[0].url if links else None
    info = DocumentInfo(
        document_id=document_id,
        kind="press_release",
        title=article.title,
        publisher_ministry_id=publisher.ministry_id if publisher else None,
        publisher_name=publisher.name if publisher else article.publisher_name,
        government=article.government or _government_on(reg, names_on),
        published=when,
        source_url=source_url or article.source_url,
        sha256=sha256,
        stated_measure_count=counts.measures,
        stated_part_count=counts.parts,
        plan_url=plan_url or found_url,
        naming_date=names_on,
    )
    return PressReleaseFacts(
        document=info,
        ministers=find_ministers(text, names_on, reg),
        stated_minister_count=counts.ministers,
        stated_ministry_count=counts.ministries,
        parts=parts,
        emphasises_minors=emphasis is not None,
        emphasis_text=emphasis,
        plan_link_text=link_text,
        body=text,
    )


def _government_on(reg: Any, when: date | None) -> str | None:
    """The government in office on ``when``, if the registry offers that lookup."""
    fn = getattr(reg, "government_on", None)
    if fn is None or when is None:
        return None
    try:
        g = fn(when)
    except _LOOKUP_ERRORS:
        return None
    if g is None:
        return None
    return g if isinstance(g, str) else getattr(g, "name", None)


def extract_landing_page(
    article: Article,
    document_id: str | None = None,
    *,
    on: date | None = None,
    sha256: str | None = None,
    registry: Any | None = None,
) -> tuple[DocumentInfo, list[Attachment]]:
    """Document row for a plan's landing page and its PDF links, most plan-like first.

    The plan's address is taken from these links (label "(PDF, ...)", ``.pdf`` address or
    ``/contentassets/``), never hard-coded. ``document_id`` defaults to the page's regjeringen.no
    id ("id2522342") or, failing that, a slug of the title.
    """
    reg = _registry(registry)
    when = publication_date(article, on)
    names_on = naming_date(when, article.source_url)
    if document_id is None:
        m = re.search(r"/(id\d+)/?", article.source_url or "")
        document_id = m.group(1) if m else re.sub(r"[^a-z0-9]+", "-", _norm(article.title)).strip("-")[:80]
    links = rank_plan_links(article.attachments, article.title)
    publisher = _resolve_ministry(reg, article.publisher_name, names_on)
    counts = stated_counts("\n\n".join(filter(None, [article.ingress, article.body])))
    info = DocumentInfo(
        document_id=document_id,
        kind="landing_page",
        title=article.title,
        publisher_ministry_id=publisher.ministry_id if publisher else None,
        publisher_name=publisher.name if publisher else article.publisher_name,
        government=article.government or _government_on(reg, names_on),
        published=when,
        source_url=article.source_url,
        sha256=sha256,
        stated_measure_count=counts.measures,
        stated_part_count=counts.parts,
        plan_url=links[0].url if links else None,
        naming_date=names_on,
    )
    return info, links


def find_plan_pdf_links(html: str | bytes, base_url: str) -> list[Attachment]:
    """PDF links of a landing page, absolute, most plan-like first (see ``rank_plan_links``).

    Looks inside the article when the page uses the regjeringen.no template, else in the whole page.
    """
    if isinstance(html, bytes):
        html = decode_bytes(html, declared=declared_charset(html), name=base_url).text
    soup = make_soup(html)
    root = article_root(soup) or soup.body or soup
    links = find_attachments(root, base_url)
    h1 = soup.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else None
    return rank_plan_links(links, title)

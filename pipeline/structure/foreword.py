"""Signatories of the foreword ("Forord"): pairs of person name and minister title -> ``Minister``.

Signatures are lines that are only a name ("Anders Anundsen") or only a minister title
("Justis- og beredskapsminister"), or both on one line. Names and titles are paired in reading order
(works for name-over-title stacks and for grids read row by row). Titles are resolved to ministries through
the registry at the document date.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.model import Block, LaidOutDocument, Minister
from pipeline.layout.hyphenation import default_is_word, join_two
from pipeline.structure.registry import MinistryRegistry, try_resolve_title
from pipeline.structure.text import normalize

_W = r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]"
TITLE_RE = re.compile(
    rf"(?:{_W}+-,?\s+)*(?:(?:og|eller)\s+)?{_W}*minister(?:en)?\b(?:\s+(?:for|i|med\s+ansvar\s+for)\s+{_W}+(?:\s+og\s+{_W}+)?)?",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäA-ZÆØÅ'’.-]+"
NAME_RE = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?:van|von|de|af|du|la)))" + r"{1,3}$")
_NOT_NAME = re.compile(r"departement|regjering|handlingsplan|forord|innhold|oslo|januar|februar|mars|april|mai|juni|juli|august|"
                       r"september|oktober|november|desember|tiltak|del\b|kapittel|statsråd", re.IGNORECASE)


_OPEN_END = re.compile(r"(?:-,?|\s(?:og|eller))$")


def _lines(b: Block) -> list[str]:
    """The block's lines; a line ending open ("Barne-, likestillings- og") is joined with the next (a wrapped title)."""
    lines = [normalize(x) for x in (b.lines or []) if x.strip()]
    out: list[str] = []
    for x in lines:
        if out and _OPEN_END.search(out[-1]):
            out[-1] = join_two(out[-1], x, default_is_word())  # "moderniseringsminis-" + "ter", "Barne-," + "og ..."
        else:
            out.append(x)
    return out or [normalize(b.text)]


def _titles_covering(line: str) -> list[str] | None:
    """All minister titles in ``line`` if together they make up the whole line, else None."""
    found = [m for m in TITLE_RE.finditer(line)]
    if not found:
        return None
    rest = line
    for m in reversed(found):
        rest = rest[: m.start()] + " " + rest[m.end():]
    if rest.strip(" ,;/–-"):
        return None
    return [m.group(0).strip() for m in found]


def _name_words(line: str) -> list[str] | None:
    """Words of a line made only of capitalised name words (one or several names side by side)."""
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 12 or _NOT_NAME.search(line) or "minister" in line.lower():
        return None
    for w in words:
        if not re.fullmatch(_NAME_WORD + "|van|von|de|af|du|la", w):
            return None
    return words


def _split_names(words: list[str], k: int) -> list[str]:
    """Split the words of ``k`` side-by-side names: two words each when that fits, else as evenly as possible."""
    if k <= 1:
        return [" ".join(words)]
    n = len(words)
    if n == 2 * k:
        return [" ".join(words[i : i + 2]) for i in range(0, n, 2)]
    base, extra = divmod(n, k)
    out, i = [], 0
    for j in range(k):
        size = base + (1 if j >= k - extra else 0)
        out.append(" ".join(words[i : i + size]))
        i += size
    return [x for x in out if x]


def _classify(line: str) -> list[tuple[str, str]]:
    """[(kind, text)] for a signature line; empty list if it is not one."""
    line = line.strip().strip(",")
    if not line or len(line) > 160:
        return []
    titles = _titles_covering(line)
    if titles:
        return [("title", t) for t in titles]
    if NAME_RE.match(line) and not _NOT_NAME.search(line) and "minister" not in line.lower():
        return [("name", line)]
    # "Anders Anundsen, justis- og beredskapsminister" / "Justis- og beredskapsminister Anders Anundsen"
    for m in TITLE_RE.finditer(line):
        before = line[: m.start()].strip(" ,–-")
        after = line[m.end():].strip(" ,–-")
        if before and not after and NAME_RE.match(before) and not _NOT_NAME.search(before):
            return [("name", before), ("title", m.group(0))]
        if after and not before and NAME_RE.match(after) and not _NOT_NAME.search(after):
            return [("title", m.group(0)), ("name", after)]
    return []


def _signature_items(lines: list[str]) -> list[tuple[str, str]]:
    """Names and titles in reading order; a line of several names is split using the title count next to it."""
    kinds: list[list[tuple[str, str]]] = [_classify(x) for x in lines]
    out: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        words = _name_words(line)
        if words is not None and len(words) > 2:
            neighbours = [kinds[j] for j in (i + 1, i - 1) if 0 <= j < len(lines)]
            k = next((len(n) for n in neighbours if n and all(kind == "title" for kind, _ in n)), 0)
            if k > 1:
                out.extend(("name", n) for n in _split_names(words, k))
                continue
        out.extend(kinds[i])
    return out


def _foreword_span(doc: LaidOutDocument) -> tuple[int, int] | None:
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.role == "toc":
            continue
        t = normalize(b.text).lower()
        if t in ("forord", "forord.", "forord:") or (t.startswith("forord") and len(t) < 40 and b.role == "heading"):
            level = b.heading_level
            for j in range(i + 1, len(blocks)):
                nb = blocks[j]
                if nb.role == "heading" and (level is None or nb.heading_level is None or nb.heading_level <= level):
                    if _classify(normalize(nb.text)):
                        continue  # a name or title set in heading style
                    return i + 1, j
            return i + 1, len(blocks)
    return None


def find_signatories(
    doc: LaidOutDocument, on: date | None, registry: MinistryRegistry
) -> tuple[list[Minister], list[str]]:
    """Ministers who sign the foreword, and warnings (titles the registry does not know)."""
    span = _foreword_span(doc)
    if span is None:
        return [], []
    lines = [line for b in doc.blocks[span[0] : span[1]] for line in _lines(b)]
    items = _signature_items(lines)
    # Keep the trailing signature area: drop names before the first title-bearing group.
    names = [t for k, t in items if k == "name"]
    titles = [t for k, t in items if k == "title"]
    pairs: list[tuple[str, str]] = []
    if names and len(names) == len(titles):
        pairs = list(zip(names, titles))
    else:
        # adjacent pairing: a title takes the nearest unpaired name before it, else after it
        used: set[int] = set()
        for i, (k, t) in enumerate(items):
            if k != "title":
                continue
            j = next((j for j in range(i - 1, -1, -1) if items[j][0] == "name" and j not in used), None)
            if j is None:
                j = next((j for j in range(i + 1, len(items)) if items[j][0] == "name" and j not in used), None)
            if j is not None:
                used.add(j)
                pairs.append((items[j][1], t))
    out: list[Minister] = []
    warnings: list[str] = []
    for name, title in pairs:
        mod = try_resolve_title(registry, title, on)
        if mod is None:
            warnings.append(f"foreword: minister title {title!r} not in the registry")
        title_out = title[:1].upper() + title[1:]
        out.append(
            Minister(
                name=name,
                title=title_out,
                ministry_id=mod.ministry_id if mod else None,
                ministry_name=mod.name if mod else None,
                abbreviation=mod.abbreviation if mod else None,
            )
        )
    return out, warnings

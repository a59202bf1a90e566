"""Running headers, footers and printed page numbers.

A line in the top or bottom margin zone of a page is *furniture* when a similar line
(digits normalised, fuzzy match) sits in the same zone on enough other pages — unless its number
changes as content numbers do, or the same line is printed inside the text area on as many pages
(measure labels opening a column) — or when it is a page number ("12", "Side 12", "12 av 40",
"- 12 -", roman numerals) set as the document's other page numbers are (not much larger, not in the
other zone of a page that has one where most pages have theirs). Page numbers become page labels.
Furniture lines are marked ``role = "furniture"`` and dropped from the flow.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from rapidfuzz import fuzz

from pipeline.layout.lines import TextLine

_PAGENUM = re.compile(
    r"^[-–—|\s]*(?:side|page|s\.)?\s*(?P<n>\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:av|/|of)\s*\d{1,4})?[-–—|\s]*$",
    re.IGNORECASE,
)
_EDGE_NUM = re.compile(r"^(?P<n>\d{1,4})\s*[|•·–—-]?\s+\S.*$|^.*\S\s+[|•·–—-]?\s*(?P<m>\d{1,4})$")
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)


def page_number_label(text: str) -> str | None:
    """The printed page number if ``text`` is nothing but a page number, else None."""
    m = _PAGENUM.match(text.strip())
    if not m:
        return None
    n = m.group("n")
    if _ROMAN.match(n) and not _valid_roman(n):
        return None
    return n.lower() if _ROMAN.match(n) else n


def _valid_roman(s: str) -> bool:
    return bool(re.fullmatch(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", s.lower())) and bool(s)


def _norm(text: str) -> str:
    t = re.sub(r"\d+", "#", text.lower())
    return re.sub(r"\s+", " ", t).strip()


def _numbers(text: str) -> tuple[tuple[int, ...], ...]:
    """The numbers printed in ``text``, each whole with its levels: "Tiltak 3.1" -> ((3, 1),), "Kapittel 3 – 12"
    -> ((3,), (12,))."""
    return tuple(tuple(int(d) for d in re.split(r"[.,]", m)) for m in re.findall(r"\d+(?:[.,]\d+)*", text))


def _numbered_sequence(found: list[tuple[int, str]]) -> bool:
    """Lines alike but for a number that differs on every page without following the page ("Tiltak 4", "Tiltak
    10", "Tiltak 17" heading the columns of a plan on a fixed baseline grid): content, not a running head. A
    running head's number stays the same over several pages (a chapter) or moves with the page ("Side 7",
    "Kapittel 3 – 12" whose last number is the page's).

    A number is the whole printed number: "Tiltak 3.1" and "Tiltak 1.1" differ although both end in 1, and a
    number of several levels ("Tiltak 1.6" on page 5, "Tiltak 2.7" on page 6) is no page number, so it does not
    follow the page. Two different numbers on one page at the same height (both columns opening with a label)
    make no running head."""
    nums: dict[int, set[tuple[tuple[int, ...], ...]]] = {}
    for page, text in found:
        number = _numbers(text)
        if not number:
            return False
        nums.setdefault(page, set()).add(number)
    if len(nums) < 2:
        return False
    if any(len(v) > 1 for v in nums.values()):
        return True
    per_page = {page: next(iter(v)) for page, v in nums.items()}
    if len(set(per_page.values())) < len(per_page):
        return False
    follows = (all(len(n[-1]) == 1 for n in per_page.values())
               and len({n[-1][0] - page for page, n in per_page.items()}) == 1)
    return not follows


def _zone(line: TextLine, height: float, frac: float) -> str | None:
    if line.bottom <= height * frac:
        return "top"
    if line.top >= height * (1 - frac):
        return "bottom"
    return None


def mark_furniture(
    pages: dict[int, list[TextLine]],
    heights: dict[int, float],
    *,
    zone_frac: float = 0.12,
    min_share: float = 0.3,
    similarity: float = 85.0,
) -> dict[int, str]:
    """Mark headers/footers/page numbers in place; return ``{physical page: printed label}``."""
    labels: dict[int, str] = {}
    cands: list[tuple[int, str, TextLine]] = []
    inside: dict[str, set[int]] = {}  # lines outside the margin zones: pages per digit-normalised text
    for p, lines in pages.items():
        for ln in lines:
            z = _zone(ln, heights[p], zone_frac)
            if z:
                cands.append((p, z, ln))
            else:
                inside.setdefault(_norm(ln.text), set()).add(p)
    n_pages = len(pages)
    need = max(2, int(round(min_share * n_pages))) if n_pages > 1 else 10**9
    # repeated lines: a similar line (digits normalised) at the same height on enough pages
    groups: dict[tuple[str, str], list[tuple[int, float, str]]] = {}
    for p, z, ln in cands:
        groups.setdefault((z, _norm(ln.text)), []).append((p, ln.top, ln.text))
    keys = list(groups)
    similar: dict[tuple[str, str], list[tuple[str, str]]] = {k: [k] for k in keys}
    if len(keys) <= 400:  # fuzzy only when affordable; otherwise exact (digit-normalised) matches
        for a in range(len(keys)):
            for b in range(a + 1, len(keys)):
                ka, kb = keys[a], keys[b]
                if ka[0] == kb[0] and fuzz.ratio(ka[1], kb[1]) >= similarity:
                    similar[ka].append(kb)
                    similar[kb].append(ka)
    edge_labels: dict[int, str] = {}
    if n_pages >= 2:
        for p, z, ln in cands:
            if page_number_label(ln.text) is not None:
                continue
            tol = max(2.5, 0.3 * ln.size)
            found = [(q, text) for k in similar[(z, _norm(ln.text))] for q, top, text in groups[k]
                     if abs(top - ln.top) <= tol]
            hits = {q for q, _t in found}
            # the same line (digits aside) inside the text area on as many pages: content that happens to open
            # a page or column ("Tiltak 7" labels), where a running head is printed in its zone alone
            content = len(inside.get(_norm(ln.text), ())) >= max(2, len(hits))
            if len(hits) >= need and not content and not _numbered_sequence(found):
                ln.role = "furniture"
                m = _EDGE_NUM.match(ln.text)
                if m:
                    edge_labels.setdefault(p, m.group("n") or m.group("m"))
    if len(set(edge_labels.values())) > 1:  # a number that changes from page to page
        labels.update(edge_labels)
    # page numbers: only the outermost printed row of a margin zone (furniture aside)
    nums: list[tuple[int, str, TextLine, str]] = []
    for p, z, ln in cands:
        if ln.role == "furniture":
            continue
        label = page_number_label(ln.text)
        if label is None:
            continue
        outward = [
            o for o in pages[p]
            if o.role != "furniture" and o.row != ln.row and ((o.row < ln.row) if z == "top" else (o.row > ln.row))
        ]
        if not outward:
            nums.append((p, z, ln, label))
    for p, _z, ln, label in _page_numbers(nums):
        ln.role = "furniture"
        labels[p] = label
    return labels


def _page_numbers(nums: list[tuple[int, str, TextLine, str]]) -> list[tuple[int, str, TextLine, str]]:
    """The page-number candidates (page, zone, line, label) that are printed page numbers. A heading's number set
    alone on the top line of a page ("3" over the part title, in the top zone once the running head is furniture)
    looks like one; it is not when it is set much larger than the document's page numbers (at least three
    candidates tell their size), nor where the page has a page number in the zone that holds the page numbers of
    more pages (one printed page number a page)."""
    if len(nums) >= 3:
        usual = statistics.median(ln.size for _p, _z, ln, _l in nums)
        nums = [c for c in nums if c[2].size <= 1.25 * usual + 0.5]
    pages_in_zone = Counter(z for _p, z in {(p, z) for p, z, _ln, _l in nums})
    zones_of_page: dict[int, set[str]] = {}
    for p, z, _ln, _l in nums:
        zones_of_page.setdefault(p, set()).add(z)
    out = []
    for c in nums:
        zones = zones_of_page[c[0]]
        best = max(pages_in_zone[z] for z in zones)
        if len(zones) > 1 and pages_in_zone[c[1]] < best:
            continue
        out.append(c)
    return out
    return labels

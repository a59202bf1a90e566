"""Find where the producer put things: physical pages of headings, measures and table rows, from the PDF text.

Neither LibreOffice nor Chromium reports page positions, so the truth pages come from the rendered PDF:
pdfplumber's words per page, in reading order (a page whose body has no word across the middle and words on
both sides of it is read left column first), concatenated without whitespace and hyphens (line-end
hyphenation and soft hyphens vanish) into one stream with page offsets. The composer's probes are then
searched in order, each after the previous one, starting on the first page after the table of contents.
A probe that cannot be found gives ``None`` (the truth then says null and the evaluator skips it).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from .document import Probe

_DROP = re.compile(r"[\s\-\u00ad\u2010\u2011\u2012\u200b]+")
_ENTRY_END = re.compile(r"(?:(?:\s?\.){3,}|\s)\s*(\d+)\s*$")  # "Forord ........ 4" or, without leader text, "Forord 4"
MARGIN_PT = 48  # header/footer band excluded from the column test (about 17 mm)


def compact(s: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", s))


@dataclass
class PageText:
    number: int
    lines: list[str]  # reading-order text lines
    two_columns: bool
    width: float
    height: float

    def content_lines(self, header: str | None = None) -> list[str]:
        """Lines without the page number and the running header."""
        return [ln.strip() for ln in self.lines if ln.strip() and not ln.strip().isdigit() and ln.strip() != header]

    def looks_like_toc(self, header: str | None = None) -> bool:
        lines = self.content_lines(header)
        ends = sum(1 for ln in lines if _ENTRY_END.search(ln))
        return ends >= 3 and ends >= 0.5 * len(lines)


def toc_run(pages: list[PageText], header: str | None = None) -> list[PageText]:
    """The contents pages: the run of TOC-like pages that starts on page 2."""
    out = []
    for p in pages[1:]:
        if not p.looks_like_toc(header):
            break
        out.append(p)
    return out


def _lines(words: list[dict]) -> list[str]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [" ".join(x["text"] for x in sorted(r, key=lambda w: w["x0"])) for r in rows]


def read_pages(pdf_path) -> list[PageText]:
    import pdfplumber

    out: list[PageText] = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
            mid = page.width / 2
            body = [w for w in words if MARGIN_PT < w["top"] < page.height - MARGIN_PT]
            crossing = any(w["x0"] < mid - 1 and w["x1"] > mid + 1 for w in body)
            left = sum(1 for w in body if w["x1"] <= mid)
            right = sum(1 for w in body if w["x0"] >= mid)
            two = not crossing and min(left, right) >= 30
            if two:
                top = [w for w in words if w["top"] <= MARGIN_PT]
                bottom = [w for w in words if w["top"] >= page.height - MARGIN_PT]
                lines = (_lines(top) + _lines([w for w in body if w["x1"] <= mid])
                         + _lines([w for w in body if w["x0"] >= mid]) + _lines(bottom))
            else:
                lines = _lines(words)
            out.append(PageText(i, lines, two, float(page.width), float(page.height)))
    return out


@dataclass
class Located:
    pages: dict[tuple[str, str], int | None] = field(default_factory=dict)  # (kind, ref) -> page
    missing: list[Probe] = field(default_factory=list)
    body_start: int = 1
    toc_pages: list[int] = field(default_factory=list)


def locate(pages: list[PageText], probes: list[Probe], header: str | None = None) -> Located:
    res = Located()
    res.toc_pages = [p.number for p in toc_run(pages, header)]
    res.body_start = max(res.toc_pages, default=1) + 1
    stream_parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for p in pages:
        starts.append(pos)
        s = compact("".join(p.lines))
        stream_parts.append(s)
        pos += len(s)
    stream = "".join(stream_parts)

    def page_at(offset: int) -> int:
        return bisect_right(starts, offset)  # 1-based page number

    cursor = starts[res.body_start - 1] if res.body_start - 1 < len(starts) else len(stream)
    last_start: dict[str, int] = {}
    for pr in probes:
        needle = compact(pr.needle)
        tail = pr.kind in ("m_end", "t_end")
        frm = last_start.get(pr.ref, cursor) if tail else cursor
        at = stream.find(needle, frm)
        end_at = at + len(needle) - 1 if at >= 0 else -1
        if at < 0 and tail:  # split over a page break: the end is where its tail is
            for k in range(len(needle) - 1, 5, -1):
                tail_at = stream.find(needle[-k:], frm)
                if tail_at >= 0 and page_at(tail_at) == page_at(frm) + 1:
                    at, end_at = frm, tail_at + k - 1
                    break
        if at < 0:
            res.pages[(pr.kind, pr.ref)] = None
            res.missing.append(pr)
            continue
        res.pages[(pr.kind, pr.ref)] = page_at(end_at if tail else at)
        if pr.kind == "m_start":
            last_start[pr.ref] = at + len(needle)
        cursor = max(cursor, end_at + 1) if tail else at + len(needle)
    return res


def toc_split(pages: list[PageText], header: str | None = None) -> dict | None:
    """If a TOC entry is broken across a page break: {"page": first page, "first_line", "second_line"}."""
    toc = toc_run(pages, header)
    for a, b in zip(toc, toc[1:]):
        la, lb = a.content_lines(header), b.content_lines(header)
        if la and lb and not _ENTRY_END.search(la[-1]) and _ENTRY_END.search(lb[0]):
            return {"page": a.number, "first_line": la[-1], "second_line": lb[0]}
    return None


def toc_entries(pages: list[PageText], header: str | None = None) -> list[tuple[str, str]]:
    """(entry text, printed page number) of the printed TOC, wrapped entries joined."""
    out: list[tuple[str, str]] = []
    buf = ""
    for p in toc_run(pages, header):
        for s in p.content_lines(header):
            if s == "Innhold":
                continue
            m = _ENTRY_END.search(s)
            if m:
                out.append(((buf + " " + s[: m.start()]).strip(), m.group(1)))
                buf = ""
            else:
                buf = (buf + " " + s).strip()
    return out

"""Reading regjeringen.no articles saved as plain text (copied from the page).

The format, as in ``corpus/pressemelding-2016-styrket-samarbeid-mot-menneskehandel.txt``::

    Historisk arkiv                      (optional label, may repeat)
    <title>
    Publisert under: Regjeringen Solberg (optional)
    Utgiver: Justis- og beredskapsdepartementet
    Dato: 20.10.2016                     (optional; also "Pressemelding | Dato: ... | ...")
    <body: paragraphs separated by blank lines, "  • " bullets>

The body is returned normalised: paragraphs separated by one blank line, list items as lines
starting with "• " (any of • · ▪ * as the bullet, or an indented - / –). Text copied without the header lines
(title, ingress and text only) is read too, with a ``SourceWarning`` that publisher and date are unknown; text
without a title line or without body text is not taken for an article.
"""

from __future__ import annotations

import re
import warnings

from pipeline.errors import NotAnArticleError
from pipeline.model import Article
from pipeline.sources.dates import parse_date
from pipeline.sources.encoding import SourceWarning
from pipeline.sources.regjeringen_html import government_from_url

__all__ = ["parse_text_article", "normalise_body"]

# "– " at the start of an unindented line is the Norwegian quotation dash, not a bullet;
# dashes count as bullets only when indented.
_BULLET = re.compile(r"^(?:\s*[•·▪◦‣●○■□➢►]|\s*\*(?=\s)|[ \t\u00a0]+[-–](?=\s))\s*")
_LABEL = re.compile(r"^\s*(Publisert under|Utgiver|Utgjevar|Dato|Sist oppdatert|Nr\.?)\s*:\s*(.*?)\s*$",
                    re.IGNORECASE)
_HIST = re.compile(r"^\s*historisk arkiv\s*$", re.IGNORECASE)
_TYPE_WORDS = {"pressemelding", "nyhet", "tale/artikkel", "artikkel", "høring", "rapport", "plan", "strategi",
               "handlingsplan", "dokument"}
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")


def normalise_body(text: str) -> str:
    """Paragraphs separated by one blank line; bullets as "• item" lines; trailing blanks removed."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _WS.sub(" ", raw.replace("\u00ad", "")).strip()
        if not line:
            if cur:
                blocks.append(cur)
                cur = []
            continue
        m = _BULLET.match(raw)
        if m and raw[m.end():].strip():
            item = "• " + _WS.sub(" ", raw[m.end():]).strip()
            # a bullet after a non-bullet line starts a new block; consecutive bullets share one
            if cur and not cur[-1].startswith("• "):
                blocks.append(cur)
                cur = []
            cur.append(item)
        else:
            if cur and cur[-1].startswith("• "):
                blocks.append(cur)
                cur = []
            cur.append(line)
    if cur:
        blocks.append(cur)
    return "\n\n".join("\n".join(b) for b in blocks)


def parse_text_article(text: str, *, path: str | None = None, url: str | None = None) -> Article:
    """Parse a press release / landing page saved as text. Raises :class:`NotAnArticleError`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    historical = False
    title: str | None = None
    fields: dict[str, str] = {}
    doc_type: str | None = None
    # header zone: labels, "Historisk arkiv", the title, blank lines
    while i < len(lines):
        line = lines[i].strip().lstrip("\ufeff")
        if not line:
            i += 1
            continue
        if _HIST.match(line):
            historical = True
            i += 1
            continue
        segments = [s.strip() for s in line.split("|")] if "|" in line else [line]
        labelled = [_LABEL.match(s) for s in segments]
        if any(labelled):
            for seg, m in zip(segments, labelled):
                if m:
                    key = m.group(1).lower().rstrip(".").replace("utgjevar", "utgiver")  # Nynorsk label
                    fields.setdefault(key, m.group(2))
                elif seg.lower() in _TYPE_WORDS:
                    doc_type = seg
            i += 1
            continue
        if line.lower() in _TYPE_WORDS and doc_type is None:  # "Pressemelding" above or below the title
            doc_type = line
            i += 1
            continue
        if title is None:
            title = line
            i += 1
            continue
        break
    if not title:
        raise NotAnArticleError("text file has no title line", path=path,
                                hint="the first line must be the article title, as copied from regjeringen.no")
    body = normalise_body("\n".join(lines[i:]))
    if not body:
        raise NotAnArticleError("article has a title but no body text", path=path,
                                hint="copy the article text below the title (and header lines) as well")
    if not any(k in fields for k in ("publisert under", "utgiver", "dato")):
        # text copied from the page body only (title, ingress, text): read it, and say what is missing
        warnings.warn(SourceWarning(
            f"{path or 'text'}: no 'Utgiver:' or 'Dato:' line below the title, so publisher and date are unknown "
            "(copy the page's header lines too, or give the date with --date / `published` in the manifest)"
        ), stacklevel=2)
    published = parse_date(fields.get("dato"))
    return Article(
        title=title,
        body=body,
        ingress=None,
        doc_type=doc_type,
        publisher_name=fields.get("utgiver") or None,
        government=fields.get("publisert under") or government_from_url(url) or None,
        published=published,
        attachments=[],
        source_url=url,
        historical=historical or "publisert under" in fields,
    )

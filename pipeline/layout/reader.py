"""``read_pdf``: a PDF file -> :class:`pipeline.model.LaidOutDocument`.

Steps: check the file -> open with a character engine -> per page: glyphs, candidate tables,
printed line segments -> running headers/footers and page labels -> body size -> table of
contents -> per page: columns and reading order -> paragraphs -> roles and heading levels ->
paragraphs rejoined across column/page breaks -> tables merged across pages.
"""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.errors import NoTextLayerError, PdfError, ResourceLimitError, TiltakError
from pipeline.model import Block, LaidOutDocument, Table, TocEntry
from pipeline.layout import columns, furniture, headings, paragraphs, tables, toc
from pipeline.layout.engines import EngineDocument, EngineError, get_engine, glyphs_of
from pipeline.layout.guard import FileFacts, Limits, check_file, page_range_text
from pipeline.layout.hyphenation import IsWord, default_is_word, join_lines, join_two
from pipeline.layout.lines import TextLine, build_lines_from_glyphs
from pipeline.layout.text import ends_sentence
from pipeline.layout.words import SpaceModel

DEFAULT_ENGINE = "pdfium"
OCR_HINT = "needs OCR: tiltak extract --ocr, needs tesseract with Norwegian data"
_UNSET = object()


def _open(path: str, engine: str, facts: FileFacts, warnings: list[str]) -> tuple[EngineDocument, str]:
    """Open with the requested engine; fall back to the other engine for damaged files."""
    names = [DEFAULT_ENGINE, "pdfplumber"] if engine == "auto" else [engine]
    if engine == "pdfium":
        names.append("pdfplumber")  # pdfminer sometimes recovers what PDFium rejects
    elif engine == "pdfplumber":
        names.append("pdfium")  # and PDFium rebuilds many broken cross-reference tables
    names = list(dict.fromkeys(names))
    last: EngineError | None = None
    for i, name in enumerate(names):
        try:
            eng = get_engine(name)
        except ImportError:
            continue
        try:
            doc = eng.open(path, None)
        except EngineError as exc:
            last = exc
            continue
        except Exception as exc:  # an engine bug must not become a traceback
            last = EngineError("corrupt", f"{type(exc).__name__}: {exc}")
            continue
        if i > 0:
            warnings.append(
                f"damaged PDF: {names[0]} could not open it ({_one_line(str(last))}); recovered with {name}, check the output"
            )
        if facts.encrypted:
            warnings.append("encrypted PDF opened with the empty user password")
        if not facts.has_eof:
            warnings.append("PDF looks truncated (no %%EOF at the end); read what could be recovered")
        elif not facts.xref_ok:
            warnings.append("damaged cross-reference table; the PDF was reconstructed, check the output")
        return doc, name
    if facts.encrypted:
        raise PdfError(
            "encrypted: opening with the empty password failed",
            path=path,
            hint="remove the password (e.g. qpdf --decrypt --password=... in.pdf out.pdf) and rerun",
        )
    what = "truncated PDF (no %%EOF at the end)" if not facts.has_eof else "corrupt or unreadable PDF"
    detail = f" ({_one_line(last.detail)})" if last and last.detail else ""
    raise PdfError(
        f"{what}{detail}"[:300],
        path=path,
        hint="download it again or repair it (e.g. qpdf in.pdf out.pdf)",
    )


def read_pdf(
    path: str | Path,
    engine: str = "auto",
    *,
    is_word: IsWord | None | object = _UNSET,
    max_pages: int = 2000,
    max_chars_per_page: int = 200_000,
    deadline: float | None = None,
    time_budget: float | None = None,
) -> LaidOutDocument:
    """Lay out a PDF: blocks in reading order with roles, page labels, TOC and tables.

    engine: "auto" (PDFium, falling back to pdfplumber), "pdfium" or "pdfplumber".
    is_word: vocabulary for ambiguous line-end hyphens; default ``pipeline.reference.wordforms.is_known_word``
    if importable; ``None`` disables it.
    deadline: absolute ``time.monotonic()`` value; time_budget: seconds from now. Exceeding
    either (checked between pages) raises :class:`ResourceLimitError`.
    Raises :class:`PdfError` (or :class:`NoTextLayerError`) with a one-line message for bad input.
    """
    path = str(path)
    if engine not in ("auto", "pdfium", "pdfplumber"):
        raise ValueError(f"unknown engine {engine!r}: use auto, pdfium or pdfplumber")
    if time_budget is not None:
        end = time.monotonic() + time_budget
        deadline = end if deadline is None else min(deadline, end)
    limits = Limits(max_pages=max_pages, max_chars_per_page=max_chars_per_page, deadline=deadline)
    vocab: IsWord | None = default_is_word() if is_word is _UNSET else is_word  # type: ignore[assignment]
    facts = check_file(path, limits)
    warnings: list[str] = []
    doc, used = _open(path, engine, facts, warnings)
    try:
        return _layout(doc, path, limits, vocab, warnings)
    except TiltakError:
        raise
    except RecursionError:
        raise ResourceLimitError("document structure too deeply nested", path=path, hint="repair or simplify the PDF") from None
    except MemoryError:
        raise ResourceLimitError("out of memory while reading", path=path, hint="split the document") from None
    except Exception as exc:
        raise PdfError(
            f"failed to read ({type(exc).__name__}: {_one_line(str(exc))})",
            path=path,
            hint=f"try --engine {'pdfplumber' if used == 'pdfium' else 'pdfium'} or repair the file (qpdf in.pdf out.pdf)",
        ) from None
    finally:
        try:
            doc.close()
        except Exception:
            pass


def _layout(doc: EngineDocument, path: str, limits: Limits, vocab: IsWord | None, warnings: list[str]) -> LaidOutDocument:
    """Read every page into lines and table pieces, then put the document together (reading order, paragraphs,
    tables merged across pages, blocks, bookmarks)."""
    n = doc.page_count
    if n == 0:
        raise PdfError("has no pages", path=path, hint="download the PDF again")
    if n > limits.max_pages:
        raise ResourceLimitError(
            f"{n} pages, above the limit of {limits.max_pages}", path=path, hint="raise max_pages or split the document"
        )
    pages = _Pages()
    for p in range(1, n + 1):
        _read_page(doc, p, path, limits, vocab, warnings, pages)
    if len(pages.no_text) == n:
        raise NoTextLayerError(f"no text layer on {_pages(pages.no_text)}", path=path, hint=OCR_HINT)
    if pages.no_text:
        warnings.append(f"no text layer on {_pages(pages.no_text)} ({OCR_HINT})")
    warnings.extend(x for x in (getattr(doc, "warnings", []) or []) if x not in warnings)
    return _assemble(doc, path, n, pages, vocab, warnings)


class _Pages:
    """What the page loop collects: lines per page (table pieces as placeholder lines), page heights, the table
    pieces, and the pages without text."""

    def __init__(self) -> None:
        self.lines: dict[int, list[TextLine]] = {}
        self.heights: dict[int, float] = {}
        self.pieces: list[tables.TablePiece] = []
        self.no_text: list[int] = []


def _check_char_count(doc: EngineDocument, p: int, path: str, limits: Limits) -> None:
    """The page's character count against the limit, before extraction (decompression bombs)."""
    count = getattr(doc, "char_count", None)
    if count is None:
        return
    try:
        n_chars = count(p)
    except Exception:
        n_chars = 0
    if n_chars > limits.max_chars_per_page:
        raise ResourceLimitError(
            f"page {p} has {n_chars} characters, above the limit of {limits.max_chars_per_page}",
            path=path,
            hint="this is not a normal text page; raise max_chars_per_page if it is genuine",
        )


def _read_page(doc: EngineDocument, p: int, path: str, limits: Limits, vocab: IsWord | None, warnings: list[str],
               pages: _Pages) -> None:
    """One page: glyphs, ruled and aligned tables, and the lines outside them."""
    limits.check_time(path, p)
    _check_char_count(doc, p, path, limits)
    try:
        glyphs = doc.glyphs(p) if hasattr(doc, "glyphs") else glyphs_of(doc.chars(p))
        _w, h = doc.page_size(p)
    except TiltakError:
        raise
    except Exception as exc:
        warnings.append(f"page {p} could not be read ({type(exc).__name__}: {_one_line(str(exc), 120)}); skipped")
        pages.lines[p] = []
        pages.heights[p] = 842.0
        pages.no_text.append(p)
        return
    pages.heights[p] = h
    if len(glyphs) > limits.max_chars_per_page:
        raise ResourceLimitError(
            f"page {p} has {len(glyphs)} characters, above the limit of {limits.max_chars_per_page}",
            path=path,
            hint="this is not a normal text page; raise max_chars_per_page if it is genuine",
        )
    if all(g[8] for g in glyphs):  # nothing but spaces
        pages.no_text.append(p)
        pages.lines[p] = []
        _release(doc, p)
        return
    pieces = pages.pieces
    boxes: list[tuple[float, float, float, float]] = []
    spaces = SpaceModel.learn(glyphs)
    try:
        rulings = doc.rulings(p)
        if tables.page_needs_tables(rulings):
            for raw in doc.find_tables(p):
                pc = tables.clean_table(raw, vocab, glyphs, spaces)
                if pc is not None:
                    pieces.append(pc)
                    boxes.append(pc.bbox)
    except Exception as exc:
        warnings.append(f"table search failed on page {p} ({type(exc).__name__}); its text is kept as paragraphs")
    lines = build_lines_from_glyphs(tables.glyphs_outside(glyphs, boxes), p, spaces=spaces)
    for pc, consumed in tables.find_aligned_tables(lines, p, vocab):
        gone = {id(ln) for ln in consumed}
        lines = [ln for ln in lines if id(ln) not in gone]
        pieces.append(pc)
    for k, pc in enumerate(pieces):
        if pc.page == p:
            x0, top, x1, bottom = pc.bbox
            lines.append(TextLine("", p, x0, top, x1, bottom, 0.0, False, row=-1, role="table", extra={"piece": k}))
    pages.lines[p] = lines
    _release(doc, p)


def _assemble(doc: EngineDocument, path: str, n: int, pages: _Pages, vocab: IsWord | None,
              warnings: list[str]) -> LaidOutDocument:
    """Running heads and page labels, TOC, reading order, paragraphs, tables merged across pages, blocks."""
    page_lines, pieces = pages.lines, pages.pieces
    text_pages = {p: [ln for ln in lines if ln.role != "table"] for p, lines in page_lines.items()}
    labels = furniture.mark_furniture(text_pages, pages.heights)
    body = headings.body_size([ln for ls in text_pages.values() for ln in ls if ln.role is None])
    toc_entries = toc.find_toc(text_pages, is_word=vocab)

    groups = _paragraph_groups(page_lines, pieces, body)
    merged = tables.merge_pieces(pieces, vocab)
    piece_table: dict[int, tuple[Table, bool]] = {}
    for table, used in merged:
        for k, pc in enumerate(used):
            piece_table[id(pc)] = (table, k == 0)

    blocks = _blocks(groups, pieces, piece_table, toc_entries, body, vocab)
    blocks = _rejoin(blocks, vocab)
    _title_tables(blocks, body)
    return LaidOutDocument(
        path=path,
        page_count=n,
        blocks=blocks,
        page_labels=labels,
        toc=toc_entries,
        tables=[t for t, _ in merged],
        body_size=body,
        pages_without_text=pages.no_text,
        warnings=warnings,
        metadata=dict(getattr(doc, "metadata", {}) or {}),
        outline=_bookmarks(doc, labels),
    )


def _paragraph_groups(page_lines: dict[int, list[TextLine]], pieces: list[tables.TablePiece],
                      body: float) -> list[paragraphs.Group]:
    """Content lines in reading order (columns from each page's gutter, or the document's usual one), grouped into
    paragraphs; a table piece learns whether it opens or closes its page."""
    ordered: dict[int, list[TextLine]] = {}
    content = {p: [ln for ln in lines if ln.role != "furniture"] for p, lines in page_lines.items()}
    gutters = {p: columns.page_gutter(lines) for p, lines in content.items()}
    usual = columns.document_gutter(list(gutters.values()))
    for p, lines in content.items():
        ordered[p] = columns.reading_order(lines, hint=usual if gutters[p] is None else None)
    gap0 = paragraphs.typical_gap(ordered, body)
    groups: list[paragraphs.Group] = []
    for p in sorted(ordered):
        page_groups = paragraphs.group_lines(ordered[p], gap0, body)
        for gi, g in enumerate(page_groups):
            if g.kind == "table":
                pc = pieces[g.lines[0].extra["piece"]]
                pc.first_on_page = gi == 0
                pc.last_on_page = gi == len(page_groups) - 1
        groups.extend(page_groups)
    return groups


def _bookmarks(doc: EngineDocument, labels: dict[int, str]) -> list[TocEntry]:
    """The PDF's outline as TOC entries (page labels as printed); optional: none when it cannot be read."""
    bookmarks: list[TocEntry] = []
    try:
        for bm in (doc.outline() if hasattr(doc, "outline") else []):
            label = (labels.get(bm.page) or str(bm.page)) if bm.page else ""
            bookmarks.append(TocEntry(title=_one_line(bm.title), page_label=label, level=bm.level))
    except Exception:  # bookmarks are optional
        bookmarks = []
    return bookmarks


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pages(pages: list[int]) -> str:
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {page_range_text(pages)}"


def _release(doc: EngineDocument, page: int) -> None:
    rel = getattr(doc, "release", None)
    if rel is not None:
        rel(page)


def _bbox(lines: list[TextLine]) -> tuple[float, float, float, float]:
    return (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))


def _blocks(groups, pieces, piece_table, toc_entries, body: float, vocab: IsWord | None) -> list[Block]:
    blocks: list[Block] = []
    flags: list[tuple[bool, bool]] = []
    toc_done: set[int | None] = set()
    for g in groups:
        first = g.lines[0]
        if g.kind == "table":
            pc = pieces[first.extra["piece"]]
            table, is_first = piece_table[id(pc)]
            if not is_first:
                continue
            x0, top, x1, bottom = pc.bbox
            blocks.append(
                Block(
                    text=" | ".join(table.header),
                    page=table.page_start,
                    page_end=table.page_end,
                    x0=x0, top=top, x1=x1, bottom=bottom,
                    size=body, bold=False, role="table", column=first.column, table=table,
                )
            )
            flags.append((False, False))
            continue
        x0, top, x1, bottom = _bbox(g.lines)
        n_chars = sum(ln.n_chars for ln in g.lines) or 1
        size = max({ln.size for ln in g.lines}, key=lambda s: sum(ln.n_chars for ln in g.lines if ln.size == s))
        bold = sum(ln.n_chars for ln in g.lines if ln.bold) * 2 > n_chars
        if g.kind == "toc":
            entry = first.extra.get("toc_entry")
            if entry is not None and entry in toc_done:
                continue  # the rest of an entry wrapped onto the next page: one block per entry
            toc_done.add(entry)
            text = toc_entries[entry].title if entry is not None else " ".join(g.texts)
            role = "toc"
        else:
            text = join_lines(g.texts, vocab)
            role = headings.classify(text, size, bold, len(g.lines), g.marker is not None, body)
        blocks.append(
            Block(
                text=text, page=first.page, page_end=g.lines[-1].page,
                x0=x0, top=top, x1=x1, bottom=bottom, size=size, bold=bold, role=role,
                column=first.column, lines=[ln.text for ln in g.lines],
                run_in=_run_in(g, vocab) if g.kind is None else None,
            )
        )
        flags.append((g.first_in_col, g.last_in_col))
    levels = headings.heading_levels([(b.size, b.bold) for b in blocks if b.role == "heading"], body)
    for b, (f, l) in zip(blocks, flags):
        if b.role == "heading":
            b.heading_level = levels[(b.size, b.bold)]
        b.__dict__["_first_in_col"] = f
        b.__dict__["_last_in_col"] = l
    return blocks


def _run_in(g: paragraphs.Group, vocab: IsWord | None) -> str | None:
    """The bold opening of a paragraph that goes on in regular type: bold lines, then a line turning regular."""
    lead: list[str] = []
    for ln, text in zip(g.lines, g.texts):
        if "bold_lead" in ln.extra:
            cut = len(ln.text) - len(text)  # a list marker stripped from the first line
            lead.append(ln.extra["bold_lead"][cut:] if ln.extra["bold_lead"].startswith(ln.text[:cut]) else ln.extra["bold_lead"])
            return join_lines(lead, vocab).strip() or None
        if not ln.bold:
            return None
        lead.append(text)
    return None


def _rejoin(blocks: list[Block], vocab: IsWord | None) -> list[Block]:
    """Join a paragraph broken across a column or page break."""
    out: list[Block] = []
    for b in blocks:
        if out:
            a = out[-1]
            cont = (
                a.role in ("body", "list_item")
                and b.role == "body"
                and a.__dict__.get("_last_in_col")
                and b.__dict__.get("_first_in_col")
                and not ends_sentence(a.text)
                and b.text[:1].islower()
                and abs(a.size - b.size) < 0.6
            )
            if cont:
                a.text = join_two(a.text, b.text, vocab)
                a.lines.extend(b.lines)
                a.page_end = max(a.page_end, b.page_end)
                a.__dict__["_last_in_col"] = b.__dict__.get("_last_in_col")
                continue
        out.append(b)
    for b in out:
        b.__dict__.pop("_first_in_col", None)
        b.__dict__.pop("_last_in_col", None)
    return out


def _title_tables(blocks: list[Block], body: float) -> None:
    """A heading or short caption right above a table becomes its title."""
    for i, b in enumerate(blocks):
        if b.role != "table" or b.table is None or i == 0:
            continue
        a = blocks[i - 1]
        if a.page_end != b.page or a.role not in ("heading", "caption", "body"):
            continue
        if b.top - a.bottom > 4 * max(a.size, body):
            continue
        if a.role == "body" and (len(a.text) > 120 or len(a.lines) > 2):
            continue
        b.table.title = a.text
        if a.role == "body":
            a.role = "caption"

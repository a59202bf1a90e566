"""Do the two character engines give the same words? Word agreement of PDFium and pdfplumber per PDF.

    python benchmarks/engine_parity.py [PDF_OR_DIR ...] [--plangen] [--random N --seed S] [--verbose]

Without arguments: every committed producer fixture (``tests/data/producers``, plans and pairs) and the
synthetic PDFs in ``tests/data/http``; ``--plangen`` adds the plangen standard set (generated into
``benchmarks/work/plangen``), ``--random N`` adds N random plangen layouts.

The words of a laid-out document are the whitespace-separated tokens of every text path the layout
produces, in reading order: blocks (body, headings, lists, captions), the cells of every table (header and
rows), the table of contents. Agreement is the Indel similarity of the two token sequences
(2·LCS / (len a + len b)): 1.0 when both engines give the same words in the same order. Reported, not
asserted (``tests/test_pdf_parity.py`` asserts a floor on the committed fixtures).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Indel  # noqa: E402

ENGINES = ("pdfium", "pdfplumber")


def layout_words(doc) -> list[str]:
    """Tokens of every text path of a :class:`pipeline.model.LaidOutDocument`, in reading order."""
    words: list[str] = []
    for b in doc.blocks:
        if b.role == "table" and b.table is not None:
            continue
        words.extend(b.text.split())
    for t in doc.tables:
        for row in [t.header, *t.rows]:
            for cell in row:
                words.extend(cell.split())
    for e in doc.toc:
        words.extend(e.title.split())
    return words


def agreement(a: list[str], b: list[str]) -> float:
    """2·LCS / (len a + len b) over the token sequences (1.0 for two empty sequences)."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def differences(a: list[str], b: list[str], limit: int = 8) -> list[str]:
    """The first few differing stretches, "pdfium words | pdfplumber words"."""
    import difflib

    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(f"{' '.join(a[i1:i2])[:70]!r} | {' '.join(b[j1:j2])[:70]!r}")
            if len(out) >= limit:
                break
    return out


def compare_pdf(pdf: Path) -> dict:
    from pipeline.layout import read_pdf

    words: dict[str, list[str]] = {}
    secs: dict[str, float] = {}
    for engine in ENGINES:
        t0 = time.perf_counter()
        words[engine] = layout_words(read_pdf(pdf, engine, is_word=None))
        secs[engine] = round(time.perf_counter() - t0, 3)
    a, b = words["pdfium"], words["pdfplumber"]
    return {"pdf": str(pdf), "words_pdfium": len(a), "words_pdfplumber": len(b), "agreement": agreement(a, b),
            "differences": differences(a, b), "seconds": secs}


def default_pdfs() -> list[Path]:
    out = sorted((ROOT / "tests" / "data" / "producers").rglob("*.pdf"))
    out += sorted((ROOT / "tests" / "data" / "http").glob("*.pdf"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--plangen", action="store_true", help="add the plangen standard set")
    ap.add_argument("--random", type=int, default=0, help="add N random plangen layouts")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args(argv)
    pdfs: list[Path] = []
    for p in a.paths:
        pdfs += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    if not a.paths:
        pdfs = default_pdfs()
    work = ROOT / "benchmarks" / "work"
    if a.plangen:
        from tests.plangen.standard import cached_standard_set

        cached_standard_set(work / "plangen")
        pdfs += sorted((work / "plangen").rglob("*.pdf"))
    if a.random:
        from tests.plangen.randomset import generate_random_set

        out = work / f"plangen_random_{a.seed}"
        generate_random_set(out, a.random, a.seed)
        pdfs += sorted(out.glob("*.pdf"))
    rows = []
    for pdf in pdfs:
        r = compare_pdf(pdf)
        rows.append(r)
        print(f"{r['agreement']:.4f}  {r['words_pdfium']:6d} {r['words_pdfplumber']:6d}  {pdf.name}")
        if a.verbose and r["agreement"] < 1.0:
            for d in r["differences"]:
                print(f"     {d}")
    if rows:
        total_a = sum(r["words_pdfium"] for r in rows)
        total_b = sum(r["words_pdfplumber"] for r in rows)
        weighted = sum(r["agreement"] * (r["words_pdfium"] + r["words_pdfplumber"]) for r in rows) / max(1, total_a + total_b)
        print(f"overall word agreement {weighted:.4f} over {len(rows)} PDFs; minimum {min(r['agreement'] for r in rows):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

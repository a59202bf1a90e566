"""Generators of hostile and broken input files for the robustness suite.

Each builder writes ``path`` (creating parent directories) and returns it. PDFs are made with
reportlab or by byte manipulation of a small valid PDF; nothing needs pypdf or pikepdf. Every
document with prose says it is synthetic ("Eksempelplan – syntetisk testdokument"): no text
here is the Norwegian government's.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6
from reportlab.pdfgen import canvas

import pdfs_small as P
from pdfs_small import assemble_pdf

SYNTH = P.SYNTH
W, H = A4


def _out(path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def warm_pipeline() -> None:
    """Import the PDF, structure and NLP layers and load the NLP pipeline once in this process,
    so every worker that ``run_with_budget`` forks from it starts warm (instead of loading
    spaCy again for each document)."""
    import pipeline.layout  # noqa: F401
    import pipeline.sources  # noqa: F401
    import pipeline.structure  # noqa: F401
    from pipeline.nlp import find_entities
    from pipeline.layout.hyphenation import default_is_word

    default_is_word()
    find_entities("Justis- og beredskapsdepartementet og Politidirektoratet samarbeider.")


# --------------------------------------------------------------------------- raw PDF assembly


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length " + str(len(data)).encode() + extra + b" >>\nstream\n" + data + b"\nendstream"


def one_page_pdf(path: str | Path, text: str = "Eksempelplan syntetisk testdokument.") -> Path:
    """A minimal valid one-page PDF with a Helvetica text line (hand-assembled, no reportlab)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    p = _out(path)
    p.write_bytes(assemble_pdf(objs))
    return p


# --------------------------------------------------------------------------- damaged PDFs


def truncated(path: str | Path, source: bytes, fraction: float = 0.5) -> Path:
    """The first ``fraction`` of a valid PDF's bytes (a download cut off)."""
    p = _out(path)
    p.write_bytes(source[: max(16, int(len(source) * fraction))])
    return p


def corrupt_xref(path: str | Path, source: bytes) -> Path:
    """Every offset in the cross-reference table shifted to garbage, startxref pointing nowhere."""
    start = int(source[source.rindex(b"startxref") + 9:].split()[0])  # the table's offset
    head, tail = source[:start], source[start:]
    lines = tail.split(b"\n")
    bad = []
    for ln in lines:
        if len(ln.strip()) == 18 and ln.strip()[10:11] == b" ":  # "0000000123 00000 n"
            bad.append(b"9999999999 00000 n ")
        else:
            bad.append(ln)
    tail = b"\n".join(bad)
    sx = tail.rindex(b"startxref")
    tail = tail[:sx] + b"startxref\n123456789\n%%EOF\n"
    p = _out(path)
    p.write_bytes(head + tail)
    return p


def encrypted(path: str | Path, user_password: str) -> Path:
    """RC4/AES-encrypted with reportlab; ``""`` opens without a password."""
    return P.encrypted(_out(path), user_password)


def zero_pages(path: str | Path) -> Path:
    return P.zero_pages(_out(path))


def image_only(path: str | Path, pages: int = 3) -> Path:
    """Pages with only drawn shapes and an embedded raster image: no text layer (a scan)."""
    from reportlab.lib.utils import ImageReader
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.plot([0, 1, 2], [2, 0, 1])
    ax.axis("off")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    buf.seek(0)
    img = ImageReader(buf)
    p = _out(path)
    c = canvas.Canvas(str(p), pagesize=A4)
    for _ in range(pages):
        c.drawImage(img, 100, 400, width=300, height=300)
        c.rect(80, 80, 400, 200, fill=0)
        c.showPage()
    c.save()
    return p


def many_pages(path: str | Path, pages: int = 600) -> Path:
    """A long synthetic document of short A6 pages: a heading every 50 pages, one sentence per page."""
    P.fonts()
    p = _out(path)
    c = canvas.Canvas(str(p), pagesize=A6)
    c.setTitle(f"{SYNTH}: {pages} sider")
    w, h = A6
    for i in range(1, pages + 1):
        if i % 50 == 1:
            c.setFont("DejaVu-Bold", 14)
            c.drawString(20, h - 40, f"Del {i // 50 + 1} Syntetisk kapittel")
        c.setFont("DejaVu", 9)
        c.drawString(20, h - 70, f"Side {i}: syntetisk tekst for en lang testplan.")
        c.drawCentredString(w / 2, 15, str(i))
        c.showPage()
    c.save()
    return p


def _deflate_zeros(total: int, chunk: int = 16 << 20) -> bytes:
    """zlib stream of ``total`` zero bytes, built without materialising them.

    After a full flush the compressor's output for an identical chunk is identical, so one
    chunk's output is repeated; the Adler-32 trailer is computed in closed form.
    """
    assert total % chunk == 0
    zeros = bytes(chunk)
    co = zlib.compressobj(9)
    first = co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH)
    end = co.flush(zlib.Z_FINISH)
    n = total // chunk
    body = first + again * (n - 1)
    # replace the trailer: Adler-32 of ``total`` zeros (a stays 1, b adds 1 per byte)
    adler = ((total % 65521) << 16) | 1
    final = end[:-4] + adler.to_bytes(4, "big")
    return body + final


def decompression_bomb(path: str | Path, inflated_bytes: int = 4 << 30) -> Path:
    """A tiny PDF whose page content stream inflates to ``inflated_bytes`` (default 4 GiB).

    The stream is deflated twice (``/Filter [/FlateDecode /FlateDecode]``) so the file stays a
    few kilobytes. The inflated content is zeros: not valid operators, but a reader must
    decompress it to find that out.
    """
    once = _deflate_zeros(inflated_bytes)
    twice = zlib.compress(once, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(twice, b" /Filter [/FlateDecode /FlateDecode]"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    p = _out(path)
    p.write_bytes(assemble_pdf(objs))
    return p


# --------------------------------------------------------------------------- wrong types


def html_page(title: str = "Eksempelside", body: str = "<p>Syntetisk tekst.</p>", *, charset: str = "utf-8",
              template: bool = True, head_extra: str = "", body_extra: str = "") -> str:
    """A regjeringen.no-style article page (synthetic) or, with ``template=False``, any page."""
    if not template:
        return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{head_extra}</head>'
                f"<body>{body_extra}<h1>{title}</h1>{body}</body></html>")
    return (
        f'<!DOCTYPE html><html lang="no"><head><meta charset="{charset}"><title>{title}</title>{head_extra}</head>'
        f"<body>{body_extra}<div class=\"article\">"
        f'<header class="article-header"><h1>{title}</h1></header>'
        f'<div class="article-info"><span class="type">Pressemelding</span> | <span class="date">Dato: 14.12.2016</span>'
        f' | <span class="owner"><a href="/no/dep/jd/">Justis- og beredskapsdepartementet</a></span></div>'
        f'<div class="article-ingress"><p>{SYNTH}: ingress.</p></div>'
        f'<div class="article-body">{body}</div></div></body></html>'
    )


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    p = _out(path)
    p.write_bytes(text.encode(encoding))
    return p


def broken_encoding_html(path: str | Path) -> Path:
    """Declared UTF-8, but the body's Norwegian letters are latin-1 bytes."""
    page = html_page(
        "Styrket samarbeid (syntetisk)",
        "<p>Regjeringen legger fram en plan med 26 tiltak. Justisministeren sier at samarbeidet "
        "mellom etatene skal styrkes, og at ofre skal få bedre bistand i hele landet.</p>",
        charset="utf-8",
    )
    p = _out(path)
    p.write_bytes(page.replace("\u2013", "-").encode("latin-1"))
    return p


def mixed_encoding_html(path: str | Path) -> Path:
    """Declared UTF-8 and mostly valid UTF-8, but one paragraph pasted in as latin-1 bytes."""
    good = "<p>Regjeringen legger fram en plan med 26 tiltak. Justisministeren sier at både politiet og kommunene skal bidra.</p>"
    bad = "<p>Ofre skal få bedre bistand, og arbeidet skal følges opp årlig.</p>"
    page = html_page("Blandet koding (syntetisk)", good + "@@BAD@@")
    p = _out(path)
    data = page.encode("utf-8").replace(b"@@BAD@@", bad.encode("latin-1"))
    p.write_bytes(data)
    return p


def enormous_html(path: str | Path, size: int) -> Path:
    """A page larger than ``size`` bytes (a comment filled with padding, written in one go)."""
    page = html_page("Stor side (syntetisk)", "<p>Syntetisk.</p>")
    pad = b"<!-- " + b"x" * size + b" -->"
    p = _out(path)
    data = page.encode()
    cut = data.index(b"</body>")
    p.write_bytes(data[:cut] + pad + data[cut:])
    return p


# --------------------------------------------------------------------------- output directory checks


def leftovers(out: str | Path) -> list[str]:
    """Partial-write debris in an output directory: temp files, staging dirs, a commit record."""
    out = Path(out)
    found = []
    for p in out.rglob("*"):
        name = p.name
        if name.endswith(".tmp") or name.startswith(".staging-") or name == ".tiltak-datasets-commit.json":
            found.append(str(p.relative_to(out)))
    return sorted(found)


def check_outputs(out: str | Path) -> dict:
    """What a reader of ``out`` sees, checked for consistency; raises AssertionError if inconsistent.

    The reader first completes an interrupted dataset commit (as ``pipeline.datasets.load_outputs``
    does). Then: datapackage.json lists every table with the sha256 and size of its CSV, every CSV
    and Parquet file parses and they hold the same rows, and run_summary.json parses. Returns
    ``{"tables": set of document ids, "summary": set of document ids or None,
    "summary_current": whether the summary was written with these tables}``.
    """
    import hashlib
    import json

    import pandas as pd

    from pipeline.datasets.transaction import recover

    out = Path(out)
    recover(out)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    doc_ids: set[str] | None = None
    for res in package["resources"]:
        csv_path = out / res["path"]
        data = csv_path.read_bytes()
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), f"{csv_path.name} does not match datapackage.json"
        assert res["bytes"] == len(data), csv_path.name
        df_csv = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        df_pq = pd.read_parquet(csv_path.with_suffix(".parquet"))
        assert len(df_csv) == len(df_pq), f"{csv_path.name} and its Parquet twin differ"
        if res["name"] == "documents":
            doc_ids = set(df_csv["document_id"])
            assert doc_ids == set(df_pq["document_id"])
    assert doc_ids is not None, "no documents table"
    summary_ids = None
    current = False
    summary_path = out / "run_summary.json"
    if summary_path.exists():
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        summary_ids = {d["document_id"] for d in summary["documents"]}
        digest = hashlib.sha256((out / "datapackage.json").read_bytes()).hexdigest()
        current = summary.get("datapackage_sha256") == digest
        if current:
            assert summary_ids == doc_ids, "run_summary.json claims to match the tables but lists other documents"
        assert (out / "run_report.md").read_text(encoding="utf-8").startswith("# tiltak run report")
    return {"tables": doc_ids, "summary": summary_ids, "summary_current": current}

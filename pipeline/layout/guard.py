"""Cheap checks on a file before any PDF library sees it, and limits while reading."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PdfError, ResourceLimitError


@dataclass
class Limits:
    """Resource limits for one document."""

    max_pages: int = 2000
    max_chars_per_page: int = 200_000
    max_file_bytes: int = 2_000_000_000
    deadline: float | None = None  # absolute time.monotonic() value

    def check_time(self, path: str, page: int) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ResourceLimitError(
                f"time budget exceeded while reading page {page}",
                path=path,
                hint="raise the time budget or split the document",
            )


@dataclass
class FileFacts:
    size: int
    encrypted: bool  # an /Encrypt entry is present
    has_eof: bool  # "%%EOF" near the end (absent: truncated)
    xref_ok: bool = True  # startxref points at a cross-reference table or stream


def check_file(path: str | Path, limits: Limits) -> FileFacts:
    """Raise :class:`PdfError` for a missing, empty, oversized or non-PDF file."""
    p = Path(path)
    if not p.exists():
        raise PdfError("file not found", path=p, hint="check the path")
    if p.is_dir():
        raise PdfError("is a directory, not a PDF file", path=p, hint="pass a .pdf file")
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(1024)
            tail_len = min(size, 4096)
            fh.seek(size - tail_len)
            tail = fh.read(tail_len)
    except OSError as exc:
        raise PdfError(f"cannot read file ({exc.strerror or exc})", path=p, hint="check permissions") from None
    if size == 0:
        raise PdfError("empty file (0 bytes)", path=p, hint="download the PDF again")
    if b"%PDF-" not in head:
        kind = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        what = "an HTML page, not a PDF" if kind == "HTML" else "not a PDF (no %PDF- header)"
        raise PdfError(what, path=p, hint="download the PDF file itself, not the page that links to it")
    if size > limits.max_file_bytes:
        raise ResourceLimitError(
            f"file is {size / 1e6:.0f} MB, above the {limits.max_file_bytes / 1e6:.0f} MB limit",
            path=p,
            hint="split the document or raise the limit",
        )
    encrypted = False
    try:
        with open(p, "rb") as fh:
            # /Encrypt sits in the trailer or an xref stream dictionary: scan in chunks
            prev = b""
            while chunk := fh.read(1 << 20):
                if b"/Encrypt" in prev[-16:] + chunk:
                    encrypted = True
                    break
                prev = chunk
    except OSError:
        pass
    return FileFacts(size=size, encrypted=encrypted, has_eof=b"%%EOF" in tail, xref_ok=_xref_ok(p, tail, size))


def _xref_ok(p: Path, tail: bytes, size: int) -> bool:
    found = re.findall(rb"startxref\s+(\d+)", tail)
    if not found:
        return False
    off = int(found[-1])
    if off >= size:
        return False
    try:
        with open(p, "rb") as fh:
            fh.seek(off)
            head = fh.read(32)
    except OSError:
        return False
    return head.lstrip().startswith(b"xref") or re.match(rb"\s*\d+\s+\d+\s+obj", head) is not None


def page_range_text(pages: list[int]) -> str:
    """Compact page list: [1,2,3,7] -> "1–3, 7"."""
    out: list[str] = []
    start = prev = None
    for p in sorted(pages):
        if start is None:
            start = prev = p
        elif p == prev + 1:
            prev = p
        else:
            out.append(f"{start}–{prev}" if prev != start else str(start))
            start = prev = p
    if start is not None:
        out.append(f"{start}–{prev}" if prev != start else str(start))
    return ", ".join(out)


def env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default

"""Make a producer's PDF byte-reproducible by fixing the fields that carry the time of printing.

LibreOffice writes ``/CreationDate``, a random ``/ID`` and a ``/DocChecksum`` (an MD5 over content that
includes the date); Chromium (Skia) writes ``/CreationDate`` and ``/ModDate``. Everything else both producers
write is deterministic for the same input, fonts and producer version (checked by rendering twice).

The fix is done *in place* with same-length replacements, so every byte offset (xref table, startxref)
stays valid and the file remains exactly what the producer wrote apart from those values: dates become the
plan's date at 12:00 UTC; ``/ID`` and ``/DocChecksum`` become an MD5 of the file with those fields blanked.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})")


def normalise_pdf(path: str | Path, on: date) -> dict[str, int]:
    """Fix dates, /ID and /DocChecksum of ``path`` in place; returns how many of each were replaced."""
    path = Path(path)
    data = bytearray(path.read_bytes())
    n0 = len(data)
    stamp = f"{on:%Y%m%d}120000".encode()
    counts = {"dates": 0, "ids": 0, "checksums": 0}

    def sub(rx: re.Pattern, fn) -> int:
        nonlocal data
        k = 0
        for m in list(rx.finditer(data)):
            new = fn(m)
            assert len(new) == m.end() - m.start()
            data[m.start():m.end()] = new
            k += 1
        return k

    counts["dates"] = sub(_DATE, lambda m: m.group(1) + stamp)
    counts["dates"] += sub(_XMP_DATE, lambda m: m.group(1) + f"{on:%Y-%m-%d}T12:00:00".encode())
    blank = _ID.sub(lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5),
                    bytes(data))
    blank = _CHECKSUM.sub(lambda m: m.group(1) + b"0" * 32, blank)
    digest = hashlib.md5(blank).hexdigest().upper().encode()

    def fit(orig: bytes) -> bytes:
        d = (digest * (len(orig) // len(digest) + 1))[: len(orig)]
        return d.lower() if orig.islower() else d

    counts["ids"] = sub(_ID, lambda m: m.group(1) + fit(m.group(2)) + m.group(3) + fit(m.group(4)) + m.group(5))
    counts["checksums"] = sub(_CHECKSUM, lambda m: m.group(1) + fit(m.group(2)))
    assert len(data) == n0
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(bytes(data))
    tmp.replace(path)
    return counts

"""Turning the bytes of a saved page or text file into ``str``.

Order of evidence: a byte-order mark; the charset the page or server declares (tried strictly);
strict UTF-8; then a judgement. Bytes that are mostly valid UTF-8 with some damage are decoded as
UTF-8 with U+FFFD replacement characters and a :class:`SourceWarning`; bytes with no valid
multi-byte UTF-8 sequence at all are a legacy single-byte encoding (Norwegian pages: windows-1252,
a superset of ISO-8859-1 for printable text). Deterministic: no statistical guessing.
"""

from __future__ import annotations

import codecs
import re
import warnings
from dataclasses import dataclass

__all__ = ["SourceWarning", "Decoded", "decode_bytes", "declared_charset"]


class SourceWarning(UserWarning):
    """A source file could be read, but not perfectly (e.g. damaged encoding)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # number of U+FFFD characters introduced by decoding
    warning: str | None = None


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>`` / http-equiv)."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, name: str = "input", warn: bool = True) -> Decoded:
    """Decode ``data``; ``declared`` is a charset from HTTP headers or the page itself."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return _finish(text, enc, name, warn, text.count("\ufffd"))
    candidates: list[str] = []
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return Decoded(data.decode(enc), enc, 0)
        except (UnicodeDecodeError, LookupError):
            continue
    # Not valid in any declared encoding. Is it damaged UTF-8 or a legacy encoding?
    loose = data.decode("utf-8", errors="replace")
    multibyte_ok = sum(1 for ch in loose if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte_ok > 0:
        return _finish(loose, "utf-8", name, warn, loose.count("\ufffd"))
    text = data.decode("cp1252", errors="replace")
    return _finish(text, "cp1252", name, warn, text.count("\ufffd"))


def _finish(text: str, enc: str, name: str, warn: bool, replaced: int) -> Decoded:
    msg = None
    if replaced:
        msg = f"{name}: {replaced} byte sequence(s) could not be decoded as {enc} and were replaced by U+FFFD"
        if warn:
            warnings.warn(msg, SourceWarning, stacklevel=3)
    return Decoded(text, enc, replaced, msg)

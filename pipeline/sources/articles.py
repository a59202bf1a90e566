"""``read_article(path)``: one entry point for articles saved as HTML or as text.

The format is decided by content, not by file name: a file that starts (after a byte-order mark
and whitespace) with markup such as ``<!DOCTYPE html>``, ``<html``, ``<head`` or ``<body`` is HTML;
a PDF (``%PDF-``) is refused with a hint; anything else is read as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputFileError, NotAnArticleError
from pipeline.model import Article
from pipeline.sources.encoding import decode_bytes, declared_charset
from pipeline.sources.regjeringen_html import parse_html_article
from pipeline.sources.text_article import parse_text_article

__all__ = ["read_article", "parse_article_bytes", "looks_like_html", "MAX_ARTICLE_BYTES"]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # a saved article page is well under 1 MB; 20 MB means something is wrong

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    return bool(_HTML_START.match(head)) or (head.lstrip().startswith(b"<") and b"<div" in data[:65536].lower())


def parse_article_bytes(data: bytes, *, path: str | None = None, url: str | None = None,
                        charset: str | None = None) -> Article:
    """Parse an article from bytes (``charset``: from an HTTP Content-Type header, if any)."""
    name = path or "article"
    if data.lstrip()[:5] == b"%PDF-":
        raise NotAnArticleError("this is a PDF, not an article page", path=path,
                                hint="list it in the manifest with kind = \"plan\"")
    if not data.strip():
        raise NotAnArticleError("file is empty", path=path, hint="save the article again")
    if looks_like_html(data):
        decoded = decode_bytes(data, declared=charset or declared_charset(data), name=name)
        return parse_html_article(decoded.text, path=path, url=url)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAnArticleError("file is binary, not an article", path=path,
                                hint="save the page as HTML or copy its text into a .txt file")
    decoded = decode_bytes(data, declared=charset, name=name)
    return parse_text_article(decoded.text, path=path, url=url)


def read_article(path: str | Path, *, url: str | None = None, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read a regjeringen.no article (press release, landing page) saved as HTML or text.

    ``url``: the page's address (from the manifest); used to make links absolute and as
    ``Article.source_url`` when the page does not state its own address.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputFileError("file not found", path=p, hint="check the 'file' entry in corpus/manifest.toml") from None
    except OSError as exc:
        raise InputFileError(f"cannot read file ({exc.strerror})", path=p, hint="check permissions") from None
    if not p.is_file():
        raise InputFileError("not a regular file", path=p, hint="point the manifest at a file")
    if size > max_bytes:
        raise InputFileError(
            f"file is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit for article pages",
            path=p,
            hint="this is not a single saved article; save only the article page",
        )
    data = p.read_bytes()
    return parse_article_bytes(data, path=str(p), url=url)

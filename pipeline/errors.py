"""Errors a user can act on.

Every error names the file it concerns (when there is one) and says what to do.
``str(err)`` is a single line suitable for a CLI message or a run summary.
"""

from __future__ import annotations

from pathlib import Path


class TiltakError(Exception):
    """Base class. ``path``: the file concerned; ``hint``: what the user can do."""

    def __init__(self, message: str, *, path: str | Path | None = None, hint: str | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:  # one line
        parts = []
        if self.path:
            parts.append(f"{self.path}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f" ({self.hint})")
        return "".join(parts)


class InputFileError(TiltakError):
    """A corpus file is missing, unreadable or of the wrong type."""


class ManifestError(TiltakError):
    """The corpus manifest is invalid."""


class NotAnArticleError(InputFileError):
    """An HTML page is not a regjeringen.no article."""


class PdfError(InputFileError):
    """A PDF cannot be read: corrupt, encrypted, empty, too large, or not a PDF."""


class NoTextLayerError(PdfError):
    """A PDF has no extractable text (scanned): needs OCR."""


class ResourceLimitError(TiltakError):
    """A document exceeded its time or memory budget."""


class FetchError(TiltakError):
    """A download failed; ``hint`` says how to obtain the file by hand."""


class UnknownMinistryError(TiltakError, LookupError):
    """A ministry name, abbreviation or minister title is not in the registry."""

    def __init__(self, text: str, candidates: list[str] | None = None, *, path: str | Path | None = None):
        self.text = text
        self.candidates = list(candidates or [])
        hint = (
            "closest: " + ", ".join(self.candidates)
            if self.candidates
            else "add it to pipeline/reference/data if it is a real ministry"
        )
        super().__init__(f"unknown ministry {text!r}", path=path, hint=hint)


class OutputLockedError(TiltakError):
    """Another tiltak run holds the output directory."""

"""Documents named on the command line.

``tiltak extract`` takes files and folders: a PDF, a saved article (.html/.txt), a folder of a regjeringen.no web
document's saved pages, or those pages named one by one — pages are grouped into documents by the document id
in them (:func:`jobs_for_paths`), so a folder and its files given as a list give the same document.

``tiltak diff`` takes each version as ``tiltak extract`` does (a PDF, a folder of saved pages) or as the folder a
``tiltak extract`` run wrote (its tables are read back, ``pipeline.datasets.readback``): :func:`load_plan`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.datasets.readback import plan_from_outputs
from pipeline.documents.extract import ExtractionResult, SourceJob, document_id_for, extract_job
from pipeline.errors import InputFileError
from pipeline.model import DocumentKind
from pipeline.sources.webdoc import WEB_SUFFIXES, page_identity, web_page_files

# Files a `tiltak extract` run writes into its output folder (any one of them marks such a folder).
_OUTPUT_MARKERS = ("datapackage.json", "documents.csv", "documents.parquet")


def is_extract_output(folder: Path) -> bool:
    return any((folder / name).is_file() for name in _OUTPUT_MARKERS)


def web_document_id(pages: list[Path]) -> str | None:
    """The regjeringen.no id ("id3103576") of the web document the pages belong to (first page that states it)."""
    for p in pages:
        ref = page_identity(p)
        if ref is not None:
            return ref.document_id
    return None


def jobs_for_paths(paths: list[Path], *, kind: DocumentKind | None = None, on: date | None = None,
                   document_id: str | None = None) -> list[SourceJob]:
    """One job per document: each file, each folder of saved pages, and the saved pages among the files grouped by
    their document id (a group needs a chapter page; a front page alone is read as a landing page)."""
    jobs: list[tuple[int, SourceJob]] = []
    groups: dict[str, list[tuple[int, Path, bool]]] = {}
    for k, path in enumerate(paths):
        path = Path(path)
        if path.is_dir():
            pages = web_page_files(path) if not is_extract_output(path) else []
            doc_id = document_id or web_document_id(pages) or document_id_for(path)
            jobs.append((k, SourceJob(path=path, document_id=doc_id, kind=kind or "plan", on=on)))
            continue
        ref = page_identity(path) if path.suffix.lower() in WEB_SUFFIXES and path.is_file() else None
        if ref is not None and kind in (None, "plan"):
            groups.setdefault(ref.document_id, []).append((k, path, ref.chapter is not None))
            continue
        jobs.append((k, SourceJob(path=path, document_id=document_id or document_id_for(path), kind=kind, on=on)))
    for doc_id, members in groups.items():
        if any(is_chapter for _, _, is_chapter in members):
            pages = tuple(p for _, p, _ in members)
            parents = {p.parent for p in pages}
            folder = parents.pop() if len(parents) == 1 else pages[0].parent
            jobs.append((members[0][0], SourceJob(path=folder, document_id=document_id or doc_id, kind="plan", on=on,
                                                  pages=pages)))
        else:  # only the front page: a landing page, as before
            jobs += [(k, SourceJob(path=p, document_id=document_id or document_id_for(p), kind=kind, on=on))
                     for k, p, _ in members]
    return [j for _, j in sorted(jobs, key=lambda kj: kj[0])]


def load_plan(path: str | Path, *, on: date | None = None, engine: str = "auto", document_id: str | None = None) -> ExtractionResult:
    """A plan for comparison: a PDF or web document (extracted now), or an extract output folder (read back)."""
    path = Path(path)
    if path.is_dir():
        if is_extract_output(path):
            return plan_from_outputs(path, document_id=document_id)
        pages = web_page_files(path)
        if not pages:
            raise InputFileError("holds no extracted plan and no saved web-document pages (.html)", path=path,
                                 hint="name a plan PDF or the folder of a web document's saved pages, or run "
                                      "`tiltak extract PLAN --out DIR` first and name DIR")
        doc_id = document_id or web_document_id(pages) or document_id_for(path)
        return extract_job(SourceJob(path=path, document_id=doc_id, kind="plan", on=on), engine=engine)
    result = extract_job(SourceJob(path=path, document_id=document_id or document_id_for(path), kind="plan", on=on), engine=engine)
    return result

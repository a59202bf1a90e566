"""Extract one document, whatever its kind: the library entry point behind
``tiltak extract`` and the Prefect ``extract_document`` flow.

A ``SourceJob`` says what to read (path, id, kind if known, date, URL); ``extract_job``
returns an ``ExtractionResult`` holding press-release facts, a landing page's info,
or a plan's measures. Kind is taken from the job (the manifest), else from the file:
a PDF is a plan; a folder of saved regjeringen.no web-document pages (front page and chapter
pages), or such pages named one by one (``SourceJob.pages``), is a plan read from HTML; an HTML
or text article is a press release unless it looks like a plan's landing page (a document page
whose body only links the PDF).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pipeline.errors import InputFileError, NoTextLayerError, PdfError
from pipeline.layout import read_pdf
from pipeline.layout.ocr import ocr_pdf
from pipeline.layout.webdoc import layout_web_document
from pipeline.measures import extract_plan
from pipeline.model import Article, DocumentInfo, DocumentKind, LaidOutDocument, PlanExtraction, PressReleaseFacts
from pipeline import nlp  # lazy: spaCy is imported when a function of it is first used
from pipeline.sources import SourceWarning, extract_landing_page, extract_press_release, find_ministers, read_article
from pipeline.sources.articles import looks_like_html
from pipeline.sources.press_release import naming_date
from pipeline.sources.webdoc import page_identity, read_web_document
from pipeline.storage.files import sha256_file
from pipeline.structure.dating import infer_naming_date

PDF_MAGIC = b"%PDF-"
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml"}


@dataclass
class SourceJob:
    path: Path
    document_id: str
    kind: DocumentKind | None = None
    on: date | None = None  # document date if known (CLI --date, manifest)
    source_url: str | None = None
    title: str | None = None
    plan_url: str | None = None  # a press release's plan, when the manifest knows it
    local_name: str | None = None  # path recorded in the datasets (relative to the corpus); default: file name
    pages: tuple[Path, ...] = ()  # the saved pages of one web document, when named one by one (else ``path`` is
    # their folder)

    @property
    def recorded_path(self) -> str:
        return self.local_name or Path(self.path).name

    @property
    def is_web_document(self) -> bool:
        """A folder of saved pages or a list of pages: a regjeringen.no web document."""
        return bool(self.pages) or Path(self.path).is_dir()


@dataclass
class ExtractionResult:
    document_id: str
    kind: DocumentKind
    path: str
    sha256: str
    press: PressReleaseFacts | None = None
    landing: DocumentInfo | None = None
    plan_links: list = field(default_factory=list)  # landing page: PDF attachments
    plan: PlanExtraction | None = None
    mentions: list = field(default_factory=list)  # entities found outside plans (press release text)
    warnings: list[str] = field(default_factory=list)
    landing_ministers: list = field(default_factory=list)  # landing page: ministers it lists

    @property
    def ministers(self) -> list:
        """The ministers the document names: a press release's or landing page's list, a plan's signatories."""
        if self.press is not None:
            return self.press.ministers
        if self.plan is not None:
            return self.plan.ministers
        return self.landing_ministers

    def retag(self, new_id: str) -> None:
        retag(self, new_id)

    @property
    def document(self) -> DocumentInfo:
        if self.press is not None:
            return self.press.document
        if self.plan is not None:
            return self.plan.document
        assert self.landing is not None
        return self.landing


def document_id_for(path: str | Path) -> str:
    """A stable id from a file name: lower-case ASCII slug of the stem."""
    stem = Path(path).stem.lower()
    stem = stem.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug or "document"


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputFileError("file not found", path=path, hint="check the path, or the manifest's `file` entry")
    if path.is_dir():
        raise InputFileError("is a directory, not a document", path=path, hint="name a .pdf, .html or .txt file")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputFileError(f"cannot be read ({exc.strerror})", path=path, hint="check the file's permissions") from None
    if path.stat().st_size == 0:
        raise InputFileError("the file is empty", path=path, hint="download it again")


def sniff_kind(path: Path) -> str:
    """'pdf' or 'article', from the file's first bytes and its suffix."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if head.lstrip()[:5] == PDF_MAGIC or path.suffix.lower() == ".pdf":
        return "pdf"
    if path.suffix.lower() in ARTICLE_SUFFIXES or head.lstrip()[:1] == b"<":
        return "article"
    try:
        head.decode("utf-8")
        return "article"
    except UnicodeDecodeError:
        raise InputFileError(
            f"unrecognised file type {path.suffix or '(no suffix)'}",
            path=path,
            hint="tiltak reads plan PDFs and regjeringen.no pages saved as .html or .txt",
        ) from None


def _not_a_pdf(head: bytes) -> str:
    if looks_like_html(head):
        return "an HTML page, not a PDF"
    return "not a PDF (no %PDF- header; it is " + ("binary data)" if b"\x00" in head else "text)")


def check_input(path: str | Path, kind: DocumentKind | None = None) -> str:
    """Whether ``path`` is a file tiltak can read (as ``kind``, if given): 'pdf' or 'article'.

    Cheap (it reads the first KB), so commands call it for every input before doing any work. Raises
    :class:`InputFileError` for a missing, unreadable or empty file, and for the wrong type (a
    :class:`PdfError` when a file named or declared a plan is not a PDF, e.g. a saved web page called
    ``.pdf``; a PDF declared as a page; a binary file that is neither).
    """
    path = Path(path)
    _check_readable(path)
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if PDF_MAGIC in head:
        if kind in ("press_release", "landing_page"):
            raise InputFileError(f"declared as {kind} but is a PDF", path=path, hint="fix the manifest's `kind` (or --kind)")
        return "pdf"
    if kind == "plan":
        raise PdfError(f"declared as a plan but is {_not_a_pdf(head)}", path=path,
                       hint="point the manifest's `file` (or the command) at the plan PDF itself")
    if path.suffix.lower() == ".pdf":
        if kind is None:
            raise PdfError(_not_a_pdf(head), path=path,
                           hint="download the PDF file itself, not the page that links to it; a saved regjeringen.no "
                                "page is read with --kind press_release or landing_page (or name it .html / .txt)")
        return "article"  # a page saved under a .pdf name, declared as a page
    return sniff_kind(path)


_LANDING_TYPES = ("handlingsplan", "plan", "strategi", "rapport", "dokument", "veileder", "melding")


def looks_like_landing_page(article: Article) -> bool:
    """A plan's landing page: a document page (not a press release) that links a PDF."""
    doc_type = (article.doc_type or "").lower()
    if "pressemelding" in doc_type or "nyhet" in doc_type:
        return False
    has_pdf = any(a.is_pdf for a in article.attachments)
    if doc_type and any(t in doc_type for t in _LANDING_TYPES):
        return True
    says = re.search(r"\bsier\b|\bstatsråd|minister\b", article.body, flags=re.IGNORECASE)
    return has_pdf and not says and len(article.body) < 3000


def extract_job(job: SourceJob, *, engine: str = "auto", ocr: bool = False) -> ExtractionResult:
    """Extract one document. Raises a ``TiltakError`` subclass with an actionable message."""
    path = Path(job.path)
    if job.is_web_document:
        if job.kind not in (None, "plan"):
            raise InputFileError(f"saved web-document pages cannot be a {job.kind}", path=path,
                                 hint="list the folder with kind = \"plan\"")
        return _extract_web_plan(job)
    kind = job.kind
    if kind in (None, "plan") and _is_chapter_page(path):
        return _extract_web_plan(job)  # one chapter page of a web document
    sniffed = check_input(path, kind)
    digest = sha256_file(path)
    if sniffed == "pdf":
        return _extract_plan(job, path, digest, engine=engine, ocr=ocr)
    return _extract_article(job, path, digest, kind)


def _is_chapter_page(path: Path) -> bool:
    """A saved chapter page of a regjeringen.no web document (``?ch=N`` or ``/secN`` in its own address)."""
    ref = page_identity(path) if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file() else None
    return ref is not None and ref.chapter is not None


def _extract_web_plan(job: SourceJob) -> ExtractionResult:
    """A regjeringen.no web document (front page + chapter pages) through layout, structure, measures, enrichment."""
    source = list(job.pages) if job.pages else Path(job.path)
    web = read_web_document(source)
    laid_out = layout_web_document(web)
    article = web.article()
    on = job.on
    info = DocumentInfo(document_id=job.document_id, kind="plan", title=job.title or web.title)
    if article is not None:
        facts, _links = extract_landing_page(article, document_id=job.document_id, on=job.on)
        info = replace(facts, kind="plan", title=job.title or web.title or facts.title,
                       stated_measure_count=None, stated_part_count=None)  # counts: from the chapters' text
        on = on or info.published
    info.source_url = job.source_url or web.url
    info.sha256 = web.sha256
    info.local_path = job.recorded_path
    info.page_count = None  # chapters, not pages
    info.source_format = "html"
    notes: list[str] = []
    if on is None:
        inferred = infer_naming_date(laid_out)
        on = inferred.on if inferred is not None else None
        notes.append("no date on the front page or given: ministries are named as "
                     + (f"on {on.isoformat()} (from {inferred.basis})" if inferred else "they are today")
                     + " (pass --date or `published` in the manifest)")
    plan = plan_from_layout(laid_out, info, on=on)
    plan.warnings = list(laid_out.warnings) + notes + [w for w in plan.warnings if w not in laid_out.warnings]
    return ExtractionResult(job.document_id, "plan", laid_out.path, web.sha256, plan=plan, warnings=list(plan.warnings))


def _extract_article(job: SourceJob, path: Path, digest: str, kind: DocumentKind | None) -> ExtractionResult:
    """Read an article; ``SourceWarning``s (damaged encoding, no body text) become the result's warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        result = _extract_article_quietly(job, path, digest, kind)
    for w in caught:
        if issubclass(w.category, SourceWarning):
            msg = " ".join(str(w.message).split())
            if msg not in result.warnings:
                result.warnings.append(msg)
        else:  # not ours to swallow
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    return result


def _extract_article_quietly(job: SourceJob, path: Path, digest: str, kind: DocumentKind | None) -> ExtractionResult:
    article = read_article(path, url=job.source_url)
    if job.source_url and not article.source_url:
        article.source_url = job.source_url
    with open(path, "rb") as fh:
        source_format = "html" if looks_like_html(fh.read(65536)) else "text"
    if kind is None:
        kind = "landing_page" if looks_like_landing_page(article) else "press_release"
    if kind == "landing_page":
        info, links = extract_landing_page(article, document_id=job.document_id, on=job.on)
        info.sha256 = digest
        info.local_path = job.recorded_path
        info.source_format = source_format
        if job.source_url:
            info.source_url = job.source_url
        # a landing page lists the ministers behind the plan as a press release does
        ministers = find_ministers("\n\n".join(filter(None, [article.ingress, article.body])), info.naming_date)
        return ExtractionResult(job.document_id, "landing_page", str(path), digest, landing=info,
                                plan_links=list(links), landing_ministers=ministers)
    facts = extract_press_release(article, job.document_id, on=job.on, sha256=digest, source_url=job.source_url)
    facts.document.local_path = job.recorded_path
    facts.document.source_format = source_format
    if job.plan_url and not facts.document.plan_url:
        facts.document.plan_url = job.plan_url
    on = naming_date(job.on or facts.document.published, job.source_url, article.source_url)
    mentions = article_mentions(job.document_id, facts.body or article.body, on=on)
    warnings = []
    if on is None:
        warnings.append(
            f"{path}: no date in the text, the manifest or --date: ministries are named as they are today; "
            "pass --date YYYY-MM-DD (or `published` in the manifest) for the names of the time"
        )
    return ExtractionResult(
        job.document_id, "press_release", str(path), digest, press=facts, mentions=mentions, warnings=warnings
    )


def article_mentions(document_id: str, text: str, *, on: date | None) -> list:
    """Every entity in an article's text, as ``mentions`` rows (offsets into that text)."""
    return [nlp.enrich.entity_mention(e, document_id, "press_release") for e in nlp.find_entities(text, on=on)]


def _extract_plan(job: SourceJob, path: Path, digest: str, *, engine: str, ocr: bool = False) -> ExtractionResult:
    try:
        laid_out = read_pdf(path, engine=engine)
    except NoTextLayerError:
        if not ocr:
            raise
        laid_out = None
    if ocr and (laid_out is None or laid_out.pages_without_text):
        laid_out = read_pdf(ocr_pdf(path), engine=engine)  # a searchable copy; sha256 stays the original's
        laid_out.warnings.append(f"{path}: text from OCR (tesseract, Norwegian); check titles and numbers")
    title = job.title or laid_out.metadata.get("Title") or _first_heading(laid_out) or path.stem
    info = DocumentInfo(
        document_id=job.document_id,
        kind="plan",
        title=title,
        published=job.on,
        source_url=job.source_url,
        sha256=digest,
        local_path=job.recorded_path,
        page_count=laid_out.page_count,
        source_format="pdf",
    )
    on = job.on
    notes: list[str] = []
    if on is None:
        inferred = infer_naming_date(laid_out)
        if inferred is not None:
            on = inferred.on
            notes.append(
                f"no date given: ministries are named as on {on.isoformat()}, from {inferred.basis} "
                "(pass --date or `published` in the manifest to set it)"
            )
        else:
            notes.append(
                "no date given or found in the plan: ministries are named as they are today "
                "(pass --date or `published` in the manifest)"
            )
    info.naming_date = on
    plan = plan_from_layout(laid_out, info, on=on)
    plan.warnings = list(laid_out.warnings) + notes + [w for w in plan.warnings if w not in laid_out.warnings]
    return ExtractionResult(job.document_id, "plan", str(path), digest, plan=plan, warnings=list(plan.warnings))


def plan_from_layout(
    doc: LaidOutDocument, info: DocumentInfo, on: date | None = None, *, registry=None, enrich: bool = True
) -> PlanExtraction:
    """A laid-out plan through structure, measures and (unless ``enrich=False``) the NLP enrichment.

    ``enrich=False`` skips the NLP layer: no entity look-up inside unresolved responsibility items,
    no agencies from the text, target groups or mentions.
    """
    on = on or info.published
    plan = extract_plan(doc, info, on, registry=registry, find_entities=nlp.find_registry_entities if enrich else None)
    if enrich:
        nlp.enrich_plan(plan, on, registry)
    return plan


def _first_heading(laid_out) -> str | None:
    for block in laid_out.blocks[:40]:
        if block.role == "heading":
            return block.text
    return None


def retag(result: ExtractionResult, new_id: str) -> None:
    """Give a result another document id (e.g. two versions saved under one file name)."""
    old_id = result.document_id
    result.document_id = new_id
    doc = result.document
    doc.document_id = new_id
    if result.plan is not None:
        for m in result.plan.measures:
            m.document_id = new_id
            if m.measure_id.startswith(old_id):
                m.measure_id = new_id + m.measure_id[len(old_id):]
        for mention in result.plan.mentions:
            object.__setattr__(mention, "document_id", new_id)

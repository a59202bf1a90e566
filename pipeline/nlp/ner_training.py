"""Training tiltak's Norwegian (Bokmål) named-entity recogniser on NorNE.

One job: NorNE (``../shared/data/norne``) → spaCy ``DocBin`` → a trained ``tok2vec`` + ``ner``
pipeline → the shipped model under ``pipeline/nlp/models/<name>/`` with its meta (data sha256s,
date, versions, dev figures). ``make model`` runs :func:`train_ner`; so does
``python -m pipeline.nlp.ner_training train``. Loading the shipped model is
:mod:`pipeline.nlp.ner_model`'s job.

Data. ``norne-nob-train.conll`` trains, ``no_bokmaal-ud-dev.conllu`` selects the model and gives
the reported figures. Labels: PER, ORG, GPE_ORG, GPE_LOC, LOC, PROD, EVT, DRV. NorNE's MISC
(8 training examples) is dropped: its tokens are trained as outside any entity.

Detokenising. The training file has no SpaceAfter information, but at run time the model reads
prose ("i Oslo, Bergen og Trondheim."). :func:`detokenise_spaces` decides where Norwegian prose
puts no space (before ``, . : ; ! ? ) »``, after ``( «``, inside straight quotes), so the
reference text is prose-like; during training spaCy re-tokenises that text with the ``nb``
tokenizer and aligns the gold entities to its tokens, as it will see them at run time.

Scoring. :func:`evaluate_ner` scores exact span + type (character offsets), micro-averaged and
per type, on the model's own tokenisation of the real dev text (``"prose"``), on the gold tokens
(``"gold-tokens"``) or on the tokens joined by single spaces (``"space-joined"``).

NorNE texts are never written into the repository: the DocBins go to the work directory
(``build/ner/``, git-ignored) and only figures and counts are kept.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from pipeline.errors import InputFileError, TiltakError
from pipeline.storage.files import atomic_write_bytes, sha256_file

#: The entity types the model predicts (NorNE's scheme less MISC).
LABELS: tuple[str, ...] = ("PER", "ORG", "GPE_ORG", "GPE_LOC", "LOC", "PROD", "EVT", "DRV")
#: NorNE types trained as "outside": too rare to learn (MISC: 8 training examples).
DROPPED_LABELS: tuple[str, ...] = ("MISC",)

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFIG_PATH = Path(__file__).with_name("ner.cfg")
TRAIN_FILE = Path("data/norne/norne-nob-train.conll")
DEV_FILE = Path("data/norne/no_bokmaal-ud-dev.conllu")
DEFAULT_WORK_DIR = REPO_ROOT / "build" / "ner"

#: Spaceless punctuation in Norwegian prose: no space before these ...
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "}", "»", "”", "…", "...", "%"})
#: ... and none after these.
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "«", "“"})
#: NDT marks headline ends with a "|" token that is not in the text.
_HEADLINE_MARK = "|"


def default_shared_dir() -> Path:
    """``../shared`` next to the repository (read-only inputs)."""
    return REPO_ROOT.parent / "shared"


# --------------------------------------------------------------------------- reading NorNE


@dataclass
class Sentence:
    """One NorNE sentence: tokens, NDT part of speech, trailing spaces and entity token spans."""

    sent_id: str
    words: list[str]
    pos: list[str]
    spaces: list[bool]
    ents: list[tuple[int, int, str]]  # token spans [start, end) with a label
    text: str | None = None  # the ``# text =`` line when the file has one

    def char_spans(self, spaces: Sequence[bool] | None = None) -> tuple[str, list[tuple[int, int, str]]]:
        """The text (words joined by ``spaces``) and the entities as character spans in it."""
        spaces = self.spaces if spaces is None else spaces
        starts, pos = [], 0
        parts = []
        for w, sp in zip(self.words, spaces):
            starts.append(pos)
            parts.append(w + (" " if sp else ""))
            pos += len(w) + (1 if sp else 0)
        text = "".join(parts)
        return text, [(starts[s], starts[e - 1] + len(self.words[e - 1]), lab) for s, e, lab in self.ents]


def _name_tag(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("name="):
            return item[5:]
    return "O"


def _bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans from BIO tags; dropped labels become outside, a stray I- opens an entity."""
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if label in DROPPED_LABELS or prefix not in ("B", "I") or not label:
            prefix, label = "O", ""
        if prefix == "I" and cur is not None and cur[2] == label:
            cur[1] = i + 1
            continue
        if cur is not None:
            spans.append(tuple(cur))  # type: ignore[arg-type]
            cur = None
        if prefix in ("B", "I"):
            cur = [i, i + 1, label]
    if cur is not None:
        spans.append(tuple(cur))  # type: ignore[arg-type]
    return spans


def read_norne(path: str | Path) -> list[Sentence]:
    """Sentences of a NorNE file: the NDT ``.conll`` (training) or the UD ``.conllu`` (dev).

    Entity tags come from ``name=`` in the tenth column; ``SpaceAfter=No`` sets the spaces where
    the file has it (the ``.conll`` has none: every token is followed by a space). Multi-word
    token ranges and empty nodes are skipped, and so is NDT's headline mark ``|``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFileError("NorNE file not found", path=path, hint="put NorNE under ../shared/data/norne (see its README)")
    out: list[Sentence] = []
    sent_id, text = "", None
    rows: list[tuple[str, str, bool, str]] = []

    def flush() -> None:
        nonlocal sent_id, text, rows
        if rows:
            words = [r[0] for r in rows]
            spaces = [r[2] for r in rows]
            spaces[-1] = False
            out.append(Sentence(sent_id, words, [r[1] for r in rows], spaces, _bio_spans([r[3] for r in rows]), text))
        sent_id, text, rows = "", None, []

    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    flush()
                elif line.startswith("#"):
                    if line.startswith("# sent_id ="):
                        sent_id = line.split("=", 1)[1].strip()
                    elif line.startswith("# text ="):
                        text = line.split("=", 1)[1].strip()
                else:
                    cols = line.split("\t")
                    if len(cols) != 10:
                        raise InputFileError(f"line {n}: expected 10 tab-separated columns, got {len(cols)}", path=path, hint="restore the NorNE file from its source")
                    if "-" in cols[0] or "." in cols[0]:
                        continue
                    if cols[1] == _HEADLINE_MARK and cols[3] == "clb":
                        continue
                    misc = cols[9]
                    rows.append((cols[1], cols[3], "SpaceAfter=No" not in misc, _name_tag(misc)))
    except UnicodeDecodeError as exc:
        raise InputFileError(f"not UTF-8 text ({exc.reason})", path=path, hint="restore the NorNE file from its source") from exc
    flush()
    return out


def detokenise_spaces(words: Sequence[str]) -> list[bool]:
    """Whether each token is followed by a space in Norwegian prose (last token: no)."""
    spaces = [True] * len(words)
    quote_open = False
    for i, w in enumerate(words):
        if w == '"':
            if quote_open:  # closing quote: attach to the word before
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            quote_open = not quote_open
        elif w in _NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and w in _NO_SPACE_BEFORE:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def detokenise(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Copies whose spaces follow :func:`detokenise_spaces` (the ``# text`` line is dropped)."""
    return [Sentence(s.sent_id, s.words, s.pos, detokenise_spaces(s.words), s.ents, None) for s in sentences]


def detokeniser_agreement(sentences: Iterable[Sentence]) -> float:
    """Share of tokens whose detokenised space matches the file's SpaceAfter (a ``.conllu``)."""
    same = total = 0
    for s in sentences:
        for a, b in zip(detokenise_spaces(s.words), s.spaces):
            same += a == b
            total += 1
    return same / total if total else 1.0


# --------------------------------------------------------------------------- spaCy docs


def to_docs(sentences: Iterable[Sentence], vocab=None, *, with_pos: bool = False) -> list:
    """spaCy ``Doc`` objects with the gold tokens, spaces and entities (and NDT POS as ``tag_``)."""
    import spacy
    from spacy.tokens import Doc, Span

    vocab = vocab if vocab is not None else spacy.blank("nb").vocab
    docs = []
    for s in sentences:
        doc = Doc(vocab, words=s.words, spaces=s.spaces, tags=s.pos if with_pos else None)
        doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in s.ents]
        docs.append(doc)
    return docs


def gazetteer_names(reference_dir: str | Path | None = None) -> list[str]:
    """Organisation names from the registry (ministries' names and short forms, agencies)."""
    from pipeline.reference.loader import load

    data = load(reference_dir)
    names = {n.name for n in data.names}
    names |= {a.alias for a in data.aliases if a.kind == "short"}
    names |= {a.name for a in data.agencies}
    return sorted(names)


def gazetteer_docs(vocab=None, reference_dir: str | Path | None = None) -> list:
    """One ``Doc`` per registry organisation name, the whole name an ORG entity."""
    import spacy
    from spacy.tokens import Span

    make = spacy.blank("nb", vocab=vocab if vocab is not None else True).make_doc
    docs = []
    for name in gazetteer_names(reference_dir):
        doc = make(name)
        doc.ents = [Span(doc, 0, len(doc), label="ORG")]
        docs.append(doc)
    return docs


def write_docbin(docs: Iterable, path: str | Path) -> int:
    """Write docs to a ``.spacy`` file atomically; returns the number of docs."""
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "TAG", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    atomic_write_bytes(path, db.to_bytes())
    return n


# --------------------------------------------------------------------------- scoring


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class NerScores:
    """Exact span + type scores: ``micro`` over all types and ``per_type``."""

    mode: str
    sentences: int
    words: int
    micro: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)  # (kind, label) counts, no text

    def as_dict(self) -> dict:
        return {
            "mode": self.mode,
            "sentences": self.sentences,
            "words": self.words,
            "micro": self.micro.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
        }


def score_spans(gold: Iterable[Iterable[tuple[int, int, str]]], pred: Iterable[Iterable[tuple[int, int, str]]], mode: str = "", words: int = 0) -> NerScores:
    """Exact-match scores of predicted against gold (start, end, label) spans, per sentence."""
    scores = NerScores(mode=mode, sentences=0, words=words)
    for g, p in zip(gold, pred, strict=True):
        scores.sentences += 1
        gs, ps = set(g), set(p)
        for span in gs | ps:
            label = span[2]
            prf = scores.per_type.setdefault(label, PRF())
            if span in gs and span in ps:
                prf.tp += 1
                scores.micro.tp += 1
            elif span in ps:
                prf.fp += 1
                scores.micro.fp += 1
                scores.errors["fp", label] += 1
            else:
                prf.fn += 1
                scores.micro.fn += 1
                scores.errors["fn", label] += 1
    for label in LABELS:
        scores.per_type.setdefault(label, PRF())
    return scores


#: Evaluation modes: how the model's input is tokenised.
MODES = ("prose", "gold-tokens", "space-joined")


def predict_spans(nlp, sentences: Sequence[Sentence], mode: str = "prose", batch_size: int = 256, spans_of=None) -> tuple[list[list[tuple[int, int, str]]], list[list[tuple[int, int, str]]], int]:
    """Gold and predicted character spans per sentence, and the number of words processed.

    ``spans_of(doc)`` gives a Doc's predicted (start, end, label) spans (default: ``doc.ents``), e.g. the
    NorNE-typed entities of tiltak's whole pipeline (:func:`pipeline.nlp.analysis.entities_of`)."""
    from spacy.tokens import Doc

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    gold, inputs = [], []
    for s in sentences:
        spaces = [True] * (len(s.words) - 1) + [False] if mode == "space-joined" else s.spaces
        text, spans = s.char_spans(spaces)
        gold.append(spans)
        inputs.append(Doc(nlp.vocab, words=s.words, spaces=spaces) if mode == "gold-tokens" else text)
    pred, words = [], 0
    for doc in nlp.pipe(inputs, batch_size=batch_size):
        words += len(doc)
        pred.append(list(spans_of(doc)) if spans_of else [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    return gold, pred, words


def evaluate_ner(nlp, sentences: Sequence[Sentence], mode: str = "prose", spans_of=None) -> NerScores:
    """Exact span + type scores of ``nlp`` on ``sentences`` (see :data:`MODES`; ``spans_of``: see :func:`predict_spans`)."""
    gold, pred, words = predict_spans(nlp, sentences, mode, spans_of=spans_of)
    return score_spans(gold, pred, mode=mode, words=words)


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class TrainingOptions:
    """Choices measured in benchmarks/results_ner.md; the defaults are what ``make model`` ships."""

    detokenise: bool = True  # train on prose-like text (else tokens joined by single spaces)
    gazetteer: bool = True  # registry organisation names as extra ORG examples
    pos_multitask: bool = False  # also train a tagger on NDT POS sharing the tok2vec (not shipped)
    seed: int = 0
    max_epochs: int | None = None  # None: the config's
    overrides: tuple[tuple[str, object], ...] = ()  # spaCy config overrides, e.g. ("components.tok2vec.model.encode.width", 128)


def norne_paths(shared_dir: str | Path | None = None) -> tuple[Path, Path]:
    """The NorNE train and dev files; a missing one raises an error naming it."""
    shared = Path(shared_dir) if shared_dir is not None else default_shared_dir()
    paths = (shared / TRAIN_FILE, shared / DEV_FILE)
    for p in paths:
        if not p.is_file():
            raise InputFileError("NorNE file not found", path=p, hint="NorNE is read from ../shared/data/norne (see its README)")
    return paths


def _config(options: TrainingOptions, train_path: Path, dev_path: Path, config_path: Path):
    from spacy import util

    overrides: dict[str, object] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "system.seed": options.seed,
    }
    if options.max_epochs is not None:
        overrides["training.max_epochs"] = options.max_epochs
    overrides.update(dict(options.overrides))
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    if options.pos_multitask:
        config["nlp"]["pipeline"] = ["tok2vec", "tagger", "ner"]
        width = "${components.tok2vec.model.encode.width}"
        config["components"]["tagger"] = {
            "factory": "tagger",
            "neg_prefix": "!",
            "overwrite": False,
            "scorer": {"@scorers": "spacy.tagger_scorer.v1"},
            "model": {
                "@architectures": "spacy.Tagger.v2",
                "nO": None,
                "normalize": False,
                "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "*"},
            },
        }
        config["training"]["score_weights"]["tag_acc"] = 0.0
    return config


def prepare_data(shared_dir: str | Path | None, work_dir: Path, options: TrainingOptions) -> dict:
    """Convert NorNE to DocBins in ``work_dir``; returns counts and the data sha256s."""
    import spacy

    train_src, dev_src = norne_paths(shared_dir)
    train = read_norne(train_src)
    dev = read_norne(dev_src)
    if options.detokenise:
        train = detokenise(train)
    vocab = spacy.blank("nb").vocab
    docs = to_docs(train, vocab, with_pos=options.pos_multitask)
    n_gaz = 0
    if options.gazetteer:
        gaz = gazetteer_docs(vocab)
        n_gaz = len(gaz)
        docs.extend(gaz)
    n_train = write_docbin(docs, work_dir / "train.spacy")
    n_dev = write_docbin(to_docs(dev, vocab, with_pos=options.pos_multitask), work_dir / "dev.spacy")
    labels = Counter(lab for s in train for _, _, lab in s.ents)
    return {
        "train_file": {"name": train_src.name, "sha256": sha256_file(train_src), "sentences": len(train), "entities": dict(sorted(labels.items()))},
        "dev_file": {"name": dev_src.name, "sha256": sha256_file(dev_src), "sentences": len(dev)},
        "train_docs": n_train,
        "dev_docs": n_dev,
        "gazetteer_docs": n_gaz,
        "detokeniser_agreement_dev": round(detokeniser_agreement(dev), 4),
    }


def train_ner(
    shared_dir: str | Path | None = None,
    output_dir: str | Path | None = None,
    *,
    work_dir: str | Path | None = None,
    options: TrainingOptions = TrainingOptions(),
    config_path: str | Path = CONFIG_PATH,
    log=print,
) -> Path:
    """Train on NorNE and package the model into ``output_dir`` (default: the shipped model).

    Reads ``<shared_dir>/data/norne`` (default ``../shared``), writes DocBins and spaCy's
    checkpoints to ``work_dir`` (default ``build/ner``), and replaces ``output_dir`` atomically
    with the best checkpoint (``tok2vec`` + ``ner`` only) and its meta. Returns ``output_dir``.
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    from pipeline.nlp.ner_model import default_model_dir

    output_dir = Path(output_dir) if output_dir is not None else default_model_dir()
    work = Path(work_dir) if work_dir is not None else DEFAULT_WORK_DIR
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    data = prepare_data(shared_dir, work, options)
    log(f"data: {data['train_docs']} training docs ({data['gazetteer_docs']} registry names), {data['dev_docs']} dev docs")
    config = _config(options, work / "train.spacy", work / "dev.spacy", Path(config_path))
    nlp = init_nlp(config)
    checkpoints = work / "checkpoints"
    if checkpoints.exists():
        shutil.rmtree(checkpoints)
    checkpoints.mkdir(parents=True)
    train_loop(nlp, checkpoints, stdout=sys.stdout, stderr=sys.stderr)
    seconds = time.perf_counter() - t0
    best = spacy.load(checkpoints / "model-best")
    package_model(best, output_dir, shared_dir=shared_dir, options=options, data=data, training_seconds=seconds)
    log(f"model: {output_dir} ({seconds / 60:.1f} min)")
    return output_dir


def package_model(nlp, output_dir: str | Path, *, shared_dir=None, options: TrainingOptions, data: dict, training_seconds: float) -> dict:
    """Keep ``tok2vec`` + ``ner``, score on dev, write meta and checksums, swap ``output_dir`` in."""
    import spacy
    import thinc

    from pipeline.nlp.ner_model import MODEL_NAME

    for name in list(nlp.pipe_names):
        if name not in ("tok2vec", "ner"):
            nlp.remove_pipe(name)
    _, dev_src = norne_paths(shared_dir)
    dev = read_norne(dev_src)
    figures = {mode: evaluate_ner(nlp, dev, mode).as_dict() for mode in MODES}
    settings = {k: v for k, v in vars(options).items() if k != "overrides"}
    settings["overrides"] = {k: v for k, v in options.overrides}
    nlp.meta.update(
        {
            "name": MODEL_NAME.removeprefix("nb_"),
            "lang": "nb",
            "version": "1.0.0",
            "description": "tiltak's Bokmål named-entity recogniser (tok2vec CNN + ner), trained on NorNE; tokenizer: spaCy nb.",
            "author": "tiltak",
            "license": "CC0 annotations (NorNE); model weights MIT as tiltak",
            "sources": [{"name": "NorNE (Bokmål)", "url": "https://github.com/ltgoslo/norne", "license": "CC0 (annotations)"}],
            "labels": {"ner": list(LABELS)},
            "performance": {
                "ents_p": figures["prose"]["micro"]["p"],
                "ents_r": figures["prose"]["micro"]["r"],
                "ents_f": figures["prose"]["micro"]["f"],
                "ents_per_type": {k: {"p": v["p"], "r": v["r"], "f": v["f"]} for k, v in figures["prose"]["per_type"].items()},
            },
            "tiltak": {
                "trained": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "training_seconds": round(training_seconds, 1),
                "spacy_version": spacy.__version__,
                "thinc_version": thinc.__version__,
                "python": sys.version.split()[0],
                "options": settings,
                "data": data,
                "dropped_labels": list(DROPPED_LABELS),
                "dev_scores": figures,  # exact span + type; "prose" is what the model meets at run time
            },
        }
    )
    save_model(nlp, output_dir)
    return nlp.meta


def save_model(nlp, output_dir: str | Path) -> None:
    """Write ``nlp`` to ``output_dir`` with file checksums in its meta, replacing it atomically.

    The corpus paths are cleared from the saved config: they name this machine's work directory.
    """
    from pipeline.nlp.ner_model import write_checksums

    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
    output_dir = Path(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.", dir=output_dir.parent))
    try:
        nlp.to_disk(tmp)
        write_checksums(tmp)
        tmp.chmod(0o755)
        (tmp / "meta.json").chmod(0o644)
        old = None
        if output_dir.exists():
            old = output_dir.with_name(f".{output_dir.name}.old")
            if old.exists():
                shutil.rmtree(old)
            output_dir.rename(old)
        tmp.rename(output_dir)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# --------------------------------------------------------------------------- command line


def _parse_override(text: str) -> tuple[str, object]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.nlp.ner_training", description="Train tiltak's NER on NorNE.")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train and package the model (make model)")
    t.add_argument("--shared", type=Path, default=None, help="shared directory (default: ../shared)")
    t.add_argument("--out", type=Path, default=None, help="model directory (default: the shipped model)")
    t.add_argument("--work", type=Path, default=None, help="work directory (default: build/ner)")
    t.add_argument("--config", type=Path, default=CONFIG_PATH)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--max-epochs", type=int, default=None)
    t.add_argument("--space-joined", action="store_true", help="train on tokens joined by single spaces")
    t.add_argument("--no-gazetteer", action="store_true", help="no registry names as extra examples")
    t.add_argument("--pos-multitask", action="store_true", help="also train a POS tagger on the shared tok2vec")
    t.add_argument("--set", dest="overrides", action="append", type=_parse_override, default=[], metavar="KEY=VALUE", help="spaCy config override (JSON value)")
    args = parser.parse_args(argv)
    options = TrainingOptions(
        detokenise=not args.space_joined,
        gazetteer=not args.no_gazetteer,
        pos_multitask=args.pos_multitask,
        seed=args.seed,
        max_epochs=args.max_epochs,
        overrides=tuple(args.overrides),
    )
    try:
        train_ner(args.shared, args.out, work_dir=args.work, options=options, config_path=args.config)
    except TiltakError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

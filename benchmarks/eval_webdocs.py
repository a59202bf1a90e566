"""Evaluate web-document extraction and comparison against tests/webgen ground truth.

    python benchmarks/eval_webdocs.py [DIR] [--random K --seed S --pairs P] [--out summary.json] [-v]

DIR (default ``tests/data/webdocs``) holds ``manifest.json`` (the standard set) and/or ``manifest_random.json``
(``python -m tests.webgen OUT --random K --seed S --pairs P``). ``--random K`` generates K fresh random documents
(and P pairs) with seed S into a temporary directory first (held-out scoring: the seed is printed). Every
document is extracted the way ``tiltak extract FOLDER`` does it (``extract_job`` on the folder of saved pages).

Figures (per document and overall, micro-averaged):

* **measure precision / recall / F1**: predicted and true measures are paired one to one — same printed number
  (numbered measures), else best title similarity (rapidfuzz ratio ≥ 80; list items have no number) — by a
  global assignment; pairs are counted regardless of part, so a measure in the wrong part is matched and costs
  part accuracy instead;
* **exact titles**: matched measures whose title equals the truth (whitespace-normalised);
* **part accuracy**: matched measures whose part number *and* part title equal the truth; **part list**
  precision/recall: (number, title) of the document's parts;
* **ministry F1**: items (measure, ministry_id, role) over all measures (unmatched ones count as misses / false
  alarms), true names resolved through the registry at the document date;
* **version pairs**: each measure of both versions is mapped to its truth key by the same matcher; alignment
  accuracy = share of measures whose predicted counterpart set equals the true one, change-type accuracy = share
  whose change type equals the truth (``tests/test_compare_eval.py``'s definitions, in key space);
* **PDF ↔ web**: the PDF twin printed by Chromium and the web document compared (PDF as old): rows that are
  ``unchanged`` out of the truth's rows (all of them), and the rows of any other type;
* **reading time**: a 10-chapter document, ``read_web_document`` + ``layout_web_document`` (the pages into
  blocks) and + ``plan_from_layout(enrich=False)`` (parts, measures, ministries), best of 5, wall clock.

Writes a JSON summary (``--out``, default ``benchmarks/work/eval_webdocs.json``) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402

from pipeline.model import Measure, PlanExtraction  # noqa: E402
from pipeline.storage.files import atomic_write_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "tests" / "data" / "webdocs"
TITLE_MATCH = 80.0


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _num(n) -> str:
    return re.sub(r"\s+", "", str(n)).rstrip(".").lower() if n else ""


def _date(v) -> date | None:
    return date.fromisoformat(str(v)[:10]) if v else None


# --------------------------------------------------------------------------- matching


def match_measures(pred: list[Measure], truth: list[dict]) -> dict[int, int]:
    """{index in pred: index in truth}: numbered measures by number (title as tie-break), the rest by title."""
    if not pred or not truth:
        return {}
    score = np.zeros((len(pred), len(truth)))
    for i, p in enumerate(pred):
        for j, t in enumerate(truth):
            sim = fuzz.ratio(_ws(p.title).lower(), _ws(t.get("title")).lower())
            pn, tn = _num(p.number), _num(t.get("number"))
            if pn and tn:
                score[i, j] = 1000 + sim if pn == tn else 0
            elif not pn and not tn:
                score[i, j] = sim if sim >= TITLE_MATCH else 0
            else:
                score[i, j] = sim if sim >= 95 else 0  # a number read only on one side: titles must agree
    rows, cols = linear_sum_assignment(score, maximize=True)
    return {int(i): int(j) for i, j in zip(rows, cols) if score[i, j] > 0}


def _true_ministries(m: dict, on: date | None, reg) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()

    def res(name: str) -> str:
        mod = reg.try_resolve(name, on)
        return mod.ministry_id if mod is not None else f"?{name}"

    if m.get("all_ministries"):
        out.add(("*all*", "all"))
    if m.get("lead"):
        out.add((res(m["lead"]), "lead"))
    for c in m.get("co") or []:
        out.add((res(c), "co"))
    return out


def _pred_ministries(m: Measure) -> set[tuple[str, str]]:
    return {("*all*", "all") if r.role == "all" else (r.ministry_id, r.role) for r in m.responsibilities}


@dataclass
class DocScore:
    name: str
    split: str = ""
    n_true: int = 0
    n_pred: int = 0
    matched: int = 0
    title_exact: int = 0
    part_ok: int = 0
    min_tp: int = 0
    min_fp: int = 0
    min_fn: int = 0
    parts_true: int = 0
    parts_pred: int = 0
    parts_ok: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | None]:
        def div(a, b):
            return a / b if b else None

        p, r = div(self.matched, self.n_pred), div(self.matched, self.n_true)
        mp, mr = div(self.min_tp, self.min_tp + self.min_fp), div(self.min_tp, self.min_tp + self.min_fn)
        return {
            "precision": p, "recall": r, "f1": (2 * p * r / (p + r)) if p and r else (0.0 if p is not None else None),
            "title_exact": div(self.title_exact, self.matched), "part_accuracy": div(self.part_ok, self.matched),
            "ministry_f1": (2 * mp * mr / (mp + mr)) if mp and mr else (0.0 if mp is not None else None),
            "part_precision": div(self.parts_ok, self.parts_pred), "part_recall": div(self.parts_ok, self.parts_true),
        }


_SUMMED = ("n_true", "n_pred", "matched", "title_exact", "part_ok", "min_tp", "min_fp", "min_fn", "parts_true",
           "parts_pred", "parts_ok", "seconds")


def score_plan(name: str, plan: PlanExtraction, truth: dict, reg, split: str = "") -> DocScore:
    on = _date(truth["document"].get("date"))
    tms = truth["measures"]
    s = DocScore(name, split, n_true=len(tms), n_pred=len(plan.measures), warnings=list(plan.warnings))
    pairs = match_measures(plan.measures, tms)
    used = set(pairs.values())
    for i, pm in enumerate(plan.measures):
        pmin = _pred_ministries(pm)
        if i not in pairs:
            s.errors.append(f"extra: {pm.number or '-'} (part {pm.part_number}) {pm.title[:60]}")
            s.min_fp += len(pmin)
            continue
        tm = tms[pairs[i]]
        s.matched += 1
        if _ws(pm.title) == _ws(tm["title"]):
            s.title_exact += 1
        else:
            s.errors.append(f"title {tm.get('number') or '-'}: {pm.title!r} != {tm['title']!r}")
        if pm.part_number == tm.get("part_number") and _ws(pm.part_title) == _ws(tm.get("part_title")):
            s.part_ok += 1
        else:
            s.errors.append(f"part {tm.get('number') or tm['title'][:30]}: ({pm.part_number}, {pm.part_title!r}) != "
                            f"({tm.get('part_number')}, {tm.get('part_title')!r})")
        tmin = _true_ministries(tm, on, reg)
        s.min_tp += len(pmin & tmin)
        s.min_fp += len(pmin - tmin)
        s.min_fn += len(tmin - pmin)
        if pmin != tmin:
            s.errors.append(f"ministries {tm.get('number') or tm['title'][:30]}: {sorted(pmin)} != {sorted(tmin)} "
                            f"[{pm.responsibility_text}]")
    for j, tm in enumerate(tms):
        if j not in used:
            s.errors.append(f"missed: {tm.get('number') or '-'} (part {tm.get('part_number')}) {tm['title'][:60]}")
            s.min_fn += len(_true_ministries(tm, on, reg))
    tparts = {(p["number"], _ws(p["title"])) for p in truth.get("parts", [])}
    pparts = {(p.number, _ws(p.title)) for p in plan.parts}
    s.parts_true, s.parts_pred, s.parts_ok = len(tparts), len(pparts), len(tparts & pparts)
    return s


def total(scores: list[DocScore]) -> dict:
    t = DocScore("ALL")
    for s in scores:
        for f in _SUMMED:
            setattr(t, f, getattr(t, f) + getattr(s, f))
    return {**t.figures(), "documents": len(scores), "measures_true": t.n_true, "measures_pred": t.n_pred,
            "seconds": round(t.seconds, 3)}


# --------------------------------------------------------------------------- extraction


def extract_folder(folder: Path, document_id: str, *, enrich: bool = True) -> PlanExtraction:
    from pipeline.documents.extract import SourceJob, extract_job, plan_from_layout

    if enrich:
        return extract_job(SourceJob(path=folder, document_id=document_id)).plan
    from pipeline.layout.webdoc import layout_web_document
    from pipeline.model import DocumentInfo
    from pipeline.sources.webdoc import read_web_document

    web = read_web_document(folder)
    info = DocumentInfo(document_id, "plan", web.title)
    return plan_from_layout(layout_web_document(web), info, enrich=False)


def evaluate_documents(base: Path, entries: list[dict], reg, verbose: bool = False) -> list[DocScore]:
    scores = []
    for e in entries:
        truth = json.loads((base / e["truth"]).read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            plan = extract_folder(base / e["folder"], e["name"])
        except Exception as exc:  # one broken document must not hide the others
            s = DocScore(e["name"], e.get("split", ""), n_true=len(truth["measures"]))
            s.errors.append(f"ERROR {type(exc).__name__}: {exc}")
            scores.append(s)
            continue
        s = score_plan(e["name"], plan, truth, reg, e.get("split", ""))
        s.seconds = time.perf_counter() - t0
        scores.append(s)
    return scores


# --------------------------------------------------------------------------- pairs


def _keys(plan: PlanExtraction, truth: dict) -> dict[str, str]:
    """measure_id -> truth key."""
    pairs = match_measures(plan.measures, truth["measures"])
    return {plan.measures[i].measure_id: truth["measures"][j]["key"] for i, j in pairs.items()}


def score_pair(comparison, old_plan, new_plan, old_truth, new_truth, changes: dict) -> dict:
    ok_, nk_ = _keys(old_plan, old_truth), _keys(new_plan, new_truth)
    truth_rows = changes["changes"]
    out = {"measures": 0, "aligned_ok": 0, "type_ok": 0, "errors": []}
    for side, other, keymap, okeymap in (("old", "new", ok_, nk_), ("new", "old", nk_, ok_)):
        tc: dict[str, set] = {}
        tt: dict[str, str] = {}
        for r in truth_rows:
            k = r[f"{side}_key"]
            if k is None:
                continue
            tc.setdefault(k, set())
            if r[f"{other}_key"] is not None:
                tc[k].add(r[f"{other}_key"])
            tt.setdefault(k, r["change_type"])
        pc: dict[str, set] = {}
        pt: dict[str, str] = {}
        for c in comparison.changes:
            mid = getattr(c, f"{side}_measure_id")
            if mid is None:
                continue
            k = keymap.get(mid, f"?{mid}")
            pc.setdefault(k, set())
            omid = getattr(c, f"{other}_measure_id")
            if omid is not None:
                pc[k].add(okeymap.get(omid, f"?{omid}"))
            pt.setdefault(k, c.change_type)
        for k in tc:
            out["measures"] += 1
            out["aligned_ok"] += pc.get(k) == tc[k]
            out["type_ok"] += pt.get(k) == tt[k]
            if pc.get(k) != tc[k] or pt.get(k) != tt[k]:
                out["errors"].append(f"{side} {k}: {pt.get(k)} {sorted(pc.get(k, []))} != {tt[k]} {sorted(tc[k])}")
    return out


def evaluate_pairs(base: Path, pairs: list[dict]) -> list[dict]:
    from pipeline.compare import compare_plans

    results = []
    for p in pairs:
        changes = json.loads((base / p["changes"]).read_text(encoding="utf-8"))
        pdir = (base / p["changes"]).parent
        old_t, new_t = (json.loads((pdir / changes[side].get("truth", f"{changes[side]['name']}.truth.json"))
                                   .read_text(encoding="utf-8")) for side in ("old", "new"))
        old_dir, new_dir = (pdir / changes[side].get("folder", changes[side]["name"]) for side in ("old", "new"))
        old_plan = extract_folder(old_dir, "old")
        new_plan = extract_folder(new_dir, "new")
        comp = compare_plans(old_plan, new_plan)
        r = score_pair(comp, old_plan, new_plan, old_t, new_t, changes)
        r["name"] = p["name"]
        results.append(r)
    return results


def evaluate_pdf_twin(base: Path, entry: dict) -> dict:
    """The PDF twin vs the web document: every measure should be aligned as unchanged."""
    from pipeline.compare import compare_plans
    from pipeline.documents.extract import SourceJob, extract_job

    changes = json.loads((base / entry["changes"]).read_text(encoding="utf-8"))
    pdf = extract_job(SourceJob(path=base / entry["pdf"], document_id="pdf", kind="plan",
                                on=_date(changes.get("old", {}).get("date")) if isinstance(changes.get("old"), dict)
                                else None)).plan
    web = extract_folder(base / entry["web_document"], "web")
    comp = compare_plans(pdf, web)
    counts: dict[str, int] = {}
    for c in comp.changes:
        counts[c.change_type] = counts.get(c.change_type, 0) + 1
    return {"name": entry["name"], "truth_rows": len(changes["changes"]), "unchanged": counts.get("unchanged", 0),
            "counts": counts, "pdf_measures": len(pdf.measures), "web_measures": len(web.measures),
            "other": [f"{c.change_type}: {c.old_title or ''} | {c.new_title or ''}" for c in comp.changes
                      if c.change_type != "unchanged"]}


def time_reading(folder: Path, repeats: int = 5) -> dict:
    from pipeline.documents.extract import plan_from_layout
    from pipeline.layout.webdoc import layout_web_document
    from pipeline.model import DocumentInfo
    from pipeline.sources.webdoc import read_web_document

    read, struct = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        web = read_web_document(folder)
        laid = layout_web_document(web)
        t1 = time.perf_counter()
        plan_from_layout(laid, DocumentInfo("t", "plan", web.title), enrich=False)
        t2 = time.perf_counter()
        read.append(t1 - t0)
        struct.append(t2 - t0)
    return {"document": folder.name, "chapters": len(web.chapters), "read_s": round(min(read), 3),
            "read_and_measures_s": round(min(struct), 3), "target_s": 2.0}


# --------------------------------------------------------------------------- main


def evaluate(base: Path, *, manifest: str = "manifest.json", verbose: bool = False, timing: bool = True) -> dict:
    from pipeline.reference import default_registry

    reg = default_registry()
    m = json.loads((base / manifest).read_text(encoding="utf-8"))
    docs = evaluate_documents(base, m.get("documents", []), reg, verbose)
    out: dict = {"directory": str(base), "manifest": manifest, "seed": m.get("seed"),
                 "documents": [{**asdict(s), **s.figures()} for s in docs]}
    for split in sorted({s.split for s in docs}):
        out[f"overall_{split or 'all'}"] = total([s for s in docs if s.split == split])
    out["overall"] = total(docs)
    pair_entries = []
    for p in m.get("pairs", []):
        pair_entries.append({"name": p["name"], "changes": p["changes"], "old": p["old"], "new": p["new"]})
    if pair_entries:
        pairs = evaluate_pairs(base, pair_entries)
        meas = sum(p["measures"] for p in pairs)
        out["pairs"] = pairs
        out["pairs_overall"] = {"pairs": len(pairs), "measures": meas,
                                "alignment_accuracy": sum(p["aligned_ok"] for p in pairs) / max(1, meas),
                                "change_type_accuracy": sum(p["type_ok"] for p in pairs) / max(1, meas)}
    if m.get("pdf"):
        out["pdf_twins"] = [evaluate_pdf_twin(base, e) for e in m["pdf"]]
    if timing:
        ten = next((base / e["folder"] for e in m.get("documents", []) if e.get("chapters") == 10), None)
        if ten is not None:
            out["timing"] = time_reading(ten)
    return out


def _fmt(v) -> str:
    return "  n/a" if v is None else f"{v:5.3f}"


def print_summary(out: dict, verbose: bool = False) -> None:
    cols = ("precision", "recall", "f1", "title_exact", "part_accuracy", "ministry_f1")
    print(f"{'document':34} {'split':9} {'true':>4} {'pred':>4} " + " ".join(f"{c[:9]:>9}" for c in cols) + "   secs")
    for d in out["documents"]:
        print(f"{d['name'][:34]:34} {d['split'][:9]:9} {d['n_true']:4d} {d['n_pred']:4d} "
              + " ".join(f"{_fmt(d[c]):>9}" for c in cols) + f" {d['seconds']:6.2f}")
        if verbose:
            for e in d["errors"][:20]:
                print("    ", e)
    for k in sorted(k for k in out if k.startswith("overall")):
        o = out[k]
        print(f"{k:34} {'':9} {o['measures_true']:4d} {o['measures_pred']:4d} "
              + " ".join(f"{_fmt(o[c]):>9}" for c in cols) + f" {o['seconds']:6.2f}"
              + f"   parts P/R {_fmt(o['part_precision'])}/{_fmt(o['part_recall'])}")
    if "pairs_overall" in out:
        po = out["pairs_overall"]
        print(f"version pairs: {po['pairs']} pairs, {po['measures']} measures, alignment {po['alignment_accuracy']:.3f}, "
              f"change type {po['change_type_accuracy']:.3f}")
        if verbose:
            for p in out["pairs"]:
                for e in p["errors"]:
                    print(f"    {p['name']}: {e}")
    for t in out.get("pdf_twins", []):
        print(f"PDF <-> web {t['name']}: {t['unchanged']} of {t['truth_rows']} unchanged, rows {t['counts']} "
              f"(PDF {t['pdf_measures']} measures, web {t['web_measures']})")
        if verbose:
            for e in t["other"]:
                print("    ", e)
    if "timing" in out:
        t = out["timing"]
        print(f"reading {t['document']} ({t['chapters']} chapters): pages -> blocks {t['read_s']:.3f} s, + parts and "
              f"measures {t['read_and_measures_s']:.3f} s (target ≤ {t['target_s']} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--random", type=int, default=0, metavar="K", help="score K fresh random documents instead")
    ap.add_argument("--pairs", type=int, default=0, metavar="P", help="with --random: also P random version pairs")
    ap.add_argument("--seed", type=int, default=None, help="seed of the random set (default: from the clock, printed)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args(argv)
    if a.random or a.pairs:
        sys.path.insert(0, str(ROOT))
        from tests.webgen import generate_random_set

        seed = a.seed if a.seed is not None else int(time.time()) % 100000
        print(f"random set: {a.random} documents, {a.pairs} pairs, seed {seed}")
        with tempfile.TemporaryDirectory(prefix="webdocs-random-") as tmp:
            generate_random_set(Path(tmp), a.random, seed, a.pairs)
            out = evaluate(Path(tmp), manifest="manifest_random.json", verbose=a.verbose, timing=False)
        out["seed"] = seed
    else:
        out = evaluate(Path(a.directory), verbose=a.verbose)
    print_summary(out, a.verbose)
    dest = Path(a.out) if a.out else ROOT / "benchmarks" / "work" / "eval_webdocs.json"
    atomic_write_text(dest, json.dumps(out, ensure_ascii=False, indent=2, default=str))
    print(f"summary: {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Evaluate measure extraction against plangen ground truth.

    python benchmarks/eval_plans.py DIR [--out summary.json] [--engine auto] [--verbose]

For every ``*.pdf`` in DIR with a ``<stem>.truth.json`` beside it (plangen format, see tests/plangen/README.md):
``read_pdf`` + ``plan_from_layout``, then per plan and overall:

* measure precision / recall (strict): a predicted measure matches a true one with the same number and part number;
* found precision / recall (honest): a predicted measure with the true number, whatever its part; the part is
  scored apart (part accuracy) and only where the PDF states one (truth ``part_stated``);
* exact title match rate (whitespace-normalised equality) over matched measures;
* text similarity: mean rapidfuzz ratio (0..1) of whitespace-normalised texts over matched measures with a true text;
* page accuracy: share of matched measures whose page_start and page_end both agree;
* ministry F1: micro-averaged over measures, items = (ministry_id, role) with the true names resolved through the
  registry at the plan date (unmatched measures count as misses / false alarms).

Prints a table and writes a JSON summary (``--out``; default ``DIR/eval_summary.json``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz  # noqa: E402

from pipeline.storage.files import atomic_write_text  # noqa: E402
from pipeline.model import DocumentInfo, Measure  # noqa: E402


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _num(n) -> str:
    return re.sub(r"\s+", "", str(n)).rstrip(".").lower() if n is not None else ""


def _date(v) -> date | None:
    if not v:
        return None
    return date.fromisoformat(str(v)[:10])


@dataclass
class PlanScore:
    name: str
    n_true: int = 0
    n_pred: int = 0
    matched: int = 0
    title_exact: int = 0
    text_sim_sum: float = 0.0
    text_n: int = 0
    pages_ok: int = 0
    pages_n: int = 0  # matched measures whose truth has pages (HTML-printed plans have null pages)
    min_tp: int = 0
    min_fp: int = 0
    min_fn: int = 0
    children_ok: int = 0
    children_n: int = 0
    xref_ok: int = 0
    timeframe_ok: int = 0
    timeframe_n: int = 0
    agency_tp: int = 0
    agency_fp: int = 0
    agency_fn: int = 0
    parts_ok: int = 0
    parts_true: int = 0
    parts_pred: int = 0
    ministers_ok: int = 0
    ministers_true: int = 0
    ministers_pred: int = 0
    seconds: float = 0.0
    warnings: int = 0
    # honest view: a measure is found when a predicted measure has its number; its part is scored apart
    found: int = 0
    found_title_exact: int = 0
    part_n: int = 0  # found measures whose PDF states a part (truth ``part_stated``, default true)
    part_ok: int = 0
    part_invented: int = 0  # a part predicted for a measure whose PDF states none
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    title_errors: list[str] = field(default_factory=list)
    ministry_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    error: str | None = None

    def figures(self) -> dict[str, float | None]:
        def div(a: float, b: float) -> float | None:
            return a / b if b else None

        p = div(self.min_tp, self.min_tp + self.min_fp)
        r = div(self.min_tp, self.min_tp + self.min_fn)
        f1 = (2 * p * r / (p + r)) if p is not None and r is not None and (p + r) else None
        ap = div(self.agency_tp, self.agency_tp + self.agency_fp)
        ar = div(self.agency_tp, self.agency_tp + self.agency_fn)
        return {
            "precision": div(self.matched, self.n_pred) if self.n_pred else (1.0 if not self.n_true else 0.0),
            "recall": div(self.matched, self.n_true),
            "found_precision": div(self.found, self.n_pred) if self.n_pred else (1.0 if not self.n_true else 0.0),
            "found_recall": div(self.found, self.n_true),
            "found_title_exact": div(self.found_title_exact, self.found),
            "part_accuracy": div(self.part_ok, self.part_n),
            "title_exact": div(self.title_exact, self.matched),
            "text_similarity": div(self.text_sim_sum, self.text_n),
            "page_accuracy": div(self.pages_ok, self.pages_n),
            "ministry_f1": f1,
            "children_accuracy": div(self.children_ok, self.children_n),
            "crossref_accuracy": div(self.xref_ok, self.matched),
            "timeframe_accuracy": div(self.timeframe_ok, self.timeframe_n),
            "agency_precision": ap,
            "agency_recall": ar,
            "part_precision": div(self.parts_ok, self.parts_pred),
            "part_recall": div(self.parts_ok, self.parts_true),
            "minister_precision": div(self.ministers_ok, self.ministers_pred),
            "minister_recall": div(self.ministers_ok, self.ministers_true),
        }


def _truth_info(truth: dict, stem: str) -> tuple[DocumentInfo, date | None]:
    doc = truth.get("document", truth)
    on = _date(doc.get("date") or doc.get("published") or doc.get("plan_date"))
    publisher = doc.get("publisher") or doc.get("publisher_name")
    info = DocumentInfo(document_id=stem, kind="plan", title=doc.get("title", stem), publisher_name=publisher, published=on)
    return info, on


def _true_ministries(m: dict, on: date | None, reg) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()

    def res(name: str) -> str:
        mod = reg.try_resolve(name, on)
        return mod.ministry_id if mod is not None else f"?{name}"

    lead = m.get("lead")
    if m.get("all_ministries"):
        out.add(("*all*", "all"))
    if isinstance(lead, str) and lead:
        if lead.lower().startswith("alle departement"):
            out.add(("*all*", "all"))
        else:
            out.add((res(lead), "lead"))
    for c in m.get("co") or []:
        out.add((res(c), "co"))
    return out


def _agency_key(name: str, reg) -> str:
    ag = reg.resolve_agency(name) if reg is not None else None
    return getattr(ag, "agency_id", None) or _ws(name).lower()


def _ministry_id(name: str | None, on, reg) -> str | None:
    if not name:
        return None
    mod = reg.try_resolve(name, on)
    return mod.ministry_id if mod else f"?{name}"


def _pred_ministries(m: Measure) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for r in m.responsibilities:
        out.add(("*all*", "all") if r.role == "all" else (r.ministry_id, r.role))
    return out


def evaluate_plan(pdf: Path, truth_path: Path, reg, engine: str = "auto", enrich: bool = True, doc=None) -> PlanScore:
    """Score one plan; ``doc`` (a ``LaidOutDocument`` of ``pdf``) skips reading the PDF again."""
    from pipeline.layout import read_pdf
    from pipeline.documents.extract import plan_from_layout

    score = PlanScore(pdf.stem)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    info, on = _truth_info(truth, pdf.stem)
    if reg is not None and info.publisher_name:
        pub = reg.try_resolve(info.publisher_name, on)
        info.publisher_ministry_id = pub.ministry_id if pub else None
    t0 = time.perf_counter()
    try:
        if doc is None:
            doc = read_pdf(str(pdf), engine=engine) if engine != "auto" else read_pdf(str(pdf))
        res = plan_from_layout(doc, info, on, enrich=enrich)
    except Exception as e:  # reported, not raised: one bad plan must not hide the others
        score.error = f"{type(e).__name__}: {e}"
        score.n_true = len(truth.get("measures", []))
        score.min_fn = sum(len(_true_ministries(m, on, reg)) for m in truth.get("measures", []))
        return score
    score.seconds = time.perf_counter() - t0
    score.warnings = len(res.warnings)
    tms = truth.get("measures", [])
    score.n_true, score.n_pred = len(tms), len(res.measures)
    pred_by_key: dict[tuple[str, int | None], list[Measure]] = {}
    for pm in res.measures:
        pred_by_key.setdefault((_num(pm.number), pm.part_number), []).append(pm)
    used: set[int] = set()
    for tm in tms:
        key = (_num(tm.get("number")), tm.get("part_number"))
        cands = [p for p in pred_by_key.get(key, []) if id(p) not in used]
        tmin = _true_ministries(tm, on, reg)
        if not cands:
            score.misses.append(f"{key[0]} (part {key[1]}): {tm.get('title', '')[:60]}")
            score.min_fn += len(tmin)
            continue
        pm = cands[0]
        used.add(id(pm))
        score.matched += 1
        if _ws(pm.title) == _ws(tm.get("title")):
            score.title_exact += 1
        else:
            score.title_errors.append(f"{key[0]}: {pm.title!r} != {tm.get('title')!r}")
        ttext = _ws(tm.get("text"))
        if ttext:
            score.text_sim_sum += fuzz.ratio(_ws(pm.text), ttext) / 100.0
            score.text_n += 1
        if tm.get("page_start") is None and tm.get("page_end") is None:
            pass  # pages unknown in the truth (e.g. browser-printed HTML): not scored
        elif pm.page_start == tm.get("page_start") and pm.page_end == tm.get("page_end"):
            score.pages_ok += 1
            score.pages_n += 1
        else:
            score.pages_n += 1
            score.page_errors.append(f"{key[0]}: {pm.page_start}-{pm.page_end} != {tm.get('page_start')}-{tm.get('page_end')}")
        if enrich:
            score.children_n += 1
            score.children_ok += int(bool(pm.mentions_children) == bool(tm.get("mentions_children")))
            if tm.get("style") != "table":  # truth agencies of table-only measures come from unprinted prose
                tag = {_agency_key(a, reg) for a in (tm.get("agencies") or [])
                       + ([tm["responsibility_agency"]] if tm.get("responsibility_agency") else [])}
                pag = {_agency_key(a, reg) for a in pm.agencies}
                score.agency_tp += len(tag & pag)
                score.agency_fp += len(pag - tag)
                score.agency_fn += len(tag - pag)
        if [_num(x) for x in pm.cross_references] == [_num(x) for x in tm.get("cross_references") or []]:
            score.xref_ok += 1
        if tm.get("timeframe"):
            score.timeframe_n += 1
            score.timeframe_ok += int(_ws(pm.timeframe) == _ws(tm["timeframe"]))
        pmin = _pred_ministries(pm)
        score.min_tp += len(pmin & tmin)
        score.min_fp += len(pmin - tmin)
        score.min_fn += len(tmin - pmin)
        if pmin != tmin:
            score.ministry_errors.append(f"{key[0]}: {sorted(pmin)} != {sorted(tmin)} [{pm.responsibility_text}]")
    tparts = {(p["number"], _ws(p["title"])) for p in truth.get("parts", []) if p.get("kind", "measures") != "chapter"}
    pparts = {(p.number, _ws(p.title)) for p in res.parts if p.kind != "chapter"}  # chapters without measures
    score.parts_true, score.parts_pred, score.parts_ok = len(tparts), len(pparts), len(tparts & pparts)
    tmins = {(_ws(m["name"]), _ministry_id(m.get("ministry"), on, reg)) for m in truth.get("document", {}).get("ministers", [])}
    pmins = {(_ws(m.name), m.ministry_id) for m in res.ministers}
    score.ministers_true, score.ministers_pred, score.ministers_ok = len(tmins), len(pmins), len(tmins & pmins)
    for pm in res.measures:
        if id(pm) not in used:
            score.extras.append(f"{pm.number} (part {pm.part_number}): {pm.title[:60]}")
            score.min_fp += len(_pred_ministries(pm))
    _score_found(score, tms, res.measures)
    return score


def _score_found(score: PlanScore, tms: list[dict], pred: list[Measure]) -> None:
    """The honest view: found = a predicted measure with the true number (title counted apart); the part is
    right when its title (and, where the PDF prints one, its number) matches; scored only where the PDF states
    a part, and a part predicted where it states none is counted as invented."""
    by_num: dict[str, list[Measure]] = {}
    for pm in pred:
        by_num.setdefault(_num(pm.number), []).append(pm)
    used: set[int] = set()
    for tm in tms:
        cands = [p for p in by_num.get(_num(tm.get("number")), []) if id(p) not in used]
        if not cands:
            continue
        pm = cands[0]
        used.add(id(pm))
        score.found += 1
        score.found_title_exact += int(_ws(pm.title) == _ws(tm.get("title")))
        if tm.get("part_stated", True):
            score.part_n += 1
            score.part_ok += int(_ws(pm.part_title) == _ws(tm.get("part_title"))
                                 and (tm.get("part_number") is None or pm.part_number == tm.get("part_number")))
        elif pm.part_number is not None or pm.part_title:
            score.part_invented += 1


def evaluate_dir(directory: str | Path, engine: str = "auto", enrich: bool = True) -> dict:
    """Evaluate every plan in ``directory``; returns the summary dict (also what the CLI writes)."""
    from pipeline.reference import default_registry

    reg = default_registry()
    directory = Path(directory)
    scores: list[PlanScore] = []
    for truth_path in sorted(directory.glob("*.truth.json")):
        pdf = truth_path.with_name(truth_path.name[: -len(".truth.json")] + ".pdf")
        if pdf.exists():
            scores.append(evaluate_plan(pdf, truth_path, reg, engine, enrich))
    total = PlanScore("ALL")
    for s in scores:
        for f in ("n_true", "n_pred", "matched", "title_exact", "text_sim_sum", "text_n", "pages_ok", "pages_n", "min_tp", "min_fp",
                  "min_fn", "seconds", "warnings", "children_ok", "children_n", "xref_ok", "timeframe_ok", "timeframe_n", "agency_tp",
                  "agency_fp", "agency_fn", "parts_ok", "parts_true", "parts_pred", "ministers_ok", "ministers_true",
                  "ministers_pred", "found", "found_title_exact", "part_n", "part_ok", "part_invented"):
            setattr(total, f, getattr(total, f) + getattr(s, f))
    return {
        "directory": str(directory),
        "plans": [{**asdict(s), **s.figures()} for s in scores],
        "overall": {**total.figures(), "plans": len(scores), "measures_true": total.n_true, "measures_pred": total.n_pred,
                    "parts_invented": total.part_invented,
                    "seconds": round(total.seconds, 3), "errors": [s.name for s in scores if s.error]},
    }


# The floors a random plangen set must meet (tests/test_eval_honest.py; benchmarks/sweep_random.py reports them).
RANDOM_FLOORS = {"found_recall": 0.97, "found_precision": 0.97, "found_title_exact": 0.95, "part_accuracy": 0.95,
                 "ministry_f1": 0.95, "plan_found_recall": 0.9}


def floor_failures(summary: dict) -> list[str]:
    """What an ``evaluate_dir`` summary misses of ``RANDOM_FLOORS`` (empty when every floor holds): errors, the
    overall found recall / precision, exact titles, part accuracy (where a part is stated), invented parts
    (none allowed), ministry F1, and every plan's own found recall."""
    o, f = summary["overall"], RANDOM_FLOORS
    out = [f"error: {name}" for name in o["errors"]]
    for key in ("found_recall", "found_precision", "found_title_exact", "ministry_f1"):
        if o[key] is None or o[key] < f[key]:
            out.append(f"overall {key} {_fmt(o[key]).strip()} < {f[key]}")
    if o["part_accuracy"] is not None and o["part_accuracy"] < f["part_accuracy"]:
        out.append(f"overall part_accuracy {o['part_accuracy']:.3f} < {f['part_accuracy']}")
    if o["parts_invented"]:
        out.append(f"overall parts_invented {o['parts_invented']} > 0")
    for p in summary["plans"]:
        if p["found_recall"] is None or p["found_recall"] < f["plan_found_recall"]:
            out.append(f"{p['name']} found_recall {_fmt(p['found_recall']).strip()} < {f['plan_found_recall']}: "
                       + "; ".join(p["misses"]))
    return out


def _fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:5.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--out", default=None)
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--no-enrich", action="store_true", help="skip the NLP layer (agencies, target groups, mentions)")
    a = ap.parse_args(argv)
    summary = evaluate_dir(a.directory, a.engine, enrich=not a.no_enrich)
    cols = ("found_recall", "found_precision", "part_accuracy", "precision", "recall", "title_exact", "text_similarity",
            "page_accuracy", "ministry_f1")
    print(f"{'plan':40} {'true':>4} {'pred':>4} " + " ".join(f"{c[:9]:>9}" for c in cols) + "   secs")
    for p in summary["plans"] + [{"name": "ALL", "n_true": summary["overall"]["measures_true"],
                                   "n_pred": summary["overall"]["measures_pred"], "seconds": summary["overall"]["seconds"],
                                   **summary["overall"]}]:
        print(f"{p['name'][:40]:40} {p['n_true']:4d} {p['n_pred']:4d} " + " ".join(f"{_fmt(p[c]):>9}" for c in cols)
              + f" {p['seconds']:6.2f}")
        if a.verbose and p["name"] != "ALL":
            if p.get("error"):
                print("   ERROR", p["error"])
            for k in ("misses", "extras", "title_errors", "page_errors", "ministry_errors"):
                for line in p.get(k, [])[:15]:
                    print(f"   {k}: {line}")
    extra = ("children_accuracy", "crossref_accuracy", "timeframe_accuracy", "agency_precision", "agency_recall",
             "part_precision", "part_recall", "minister_precision", "minister_recall")
    print("overall: " + ", ".join(f"{k} {_fmt(summary['overall'][k]).strip()}" for k in extra))
    out = Path(a.out) if a.out else Path(a.directory) / "eval_summary.json"
    atomic_write_text(out, json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    print(f"summary: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

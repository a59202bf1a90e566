"""Two versions of one web document, with every kind of change, and the expected change report.

``make_web_pair(doc, seed, new_date=..., new_id=...)`` edits a copy of ``doc``: an insertion early in the
first part (renumbers what follows), a removal, two light rewordings, a modification (title extension +
body rewrite), a move to another part printed the same way, a split, a merge and an added co-responsible
ministry (the move goes from a later part to the end of the first one, so that together with the
insertion most numbers change). A later ``new_date`` gives every ministry its official name on that date (a rename is not a
responsibility change). The change rows are computed by ``tests.plangen.versions._change_truth`` - the same
code and format as the PDF version pairs - with titles as printed; rows also carry ``old_url``/``new_url``
once both versions are rendered (see :func:`add_locators`).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date
from typing import Any

from tests.plangen import ministries as mins
from tests.plangen.build import agencies_in, era_text, sentence_valid
from tests.plangen.versions import _change_truth, _rename_all

from . import textbank as tb
from .build import measure_from_seed
from .spec import SYNTHETIC_NOTICE, WebDoc, WebMeasure, printed_title

EDIT_KINDS = ("insert", "remove", "reword", "modify", "move", "split", "merge", "add_co")


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s and not s[:2].isupper() else s


def _refs(m: WebMeasure) -> set[str]:
    return set(re.findall(r"\{ref:([^}]+)\}", " ".join(m.sentences)))


def _reword_sentences(sentences: list[str], rng: random.Random) -> list[str]:
    out = list(sentences)
    subs = [(a, b) for a, b in tb.REWORDS if any(a in s for s in out)]
    rng.shuffle(subs)
    done = 0
    for a, b in subs[:2]:
        for i, s in enumerate(out):
            if a in s:
                out[i] = s.replace(a, b, 1)
                done += 1
                break
    if not done:
        out[0] = out[0].replace(" skal ", " skal også ", 1) if " skal " in out[0] else "I tillegg: " + _lower_first(out[0])
    return out


def _reword_title(title: str) -> str:
    for a, b in tb.TITLE_REWORDS:
        if a in title:
            return title.replace(a, b, 1)
    return title + " over hele landet"


def _lineages(m: WebMeasure) -> list[str]:
    return [mins.lineage_of(n) for n in [m.lead] + m.co]


def make_web_pair(doc: WebDoc, seed: int, *, new_date: date, new_id: int, new_name: str | None = None
                  ) -> tuple[WebDoc, WebDoc, dict[str, Any]]:
    """Edit a copy of ``doc`` (one edit of every kind); returns (old, new, change truth)."""
    rng = random.Random(f"webpair-{doc.name}-{seed}")
    t = tb.TOPICS[doc.topic]
    old, new = doc, doc.copy()
    new.name = new_name or doc.name.replace("_old", "") + "_new"
    new.doc_id = new_id
    new.date = new_date
    new.government = mins.government(new_date)
    _rename_all(new, new_date)
    y0 = new_date.year
    new.period = f"{y0}–{y0 + (int(doc.period[-4:]) - int(doc.period[:4]))}" if doc.period else ""
    if doc.period and doc.period in doc.title:
        new.title = doc.title.replace(doc.period, new.period)
        new.slug = doc.slug.replace(doc.period.replace("–", "-"), new.period.replace("–", "-"))
        new.pdf_file = new.slug + ".pdf" if doc.pdf_file else None
    used = {s for m in doc.measures() for s in m.sentences}
    pool = [s for s in (era_text(x, new_date) for x in t.pool) if s not in used and sentence_valid(s, new_date)]
    rng.shuffle(pool)

    referenced = set().union(*(_refs(m) for m in doc.measures()))
    free = [m.key for m in doc.measures() if m.key not in referenced and not _refs(m)]
    parts = new.parts

    def locate(key: str):
        for p in new.parts:
            for i, m in enumerate(p.measures):
                if m.key == key:
                    return p, i
        raise KeyError(key)

    def take(*candidates: list[str]) -> str | None:
        """A free measure from the first candidate list that has one (None when none has)."""
        for cands in candidates:
            pool_ = [k for k in cands if k in free]
            if pool_:
                k = rng.choice(sorted(pool_))
                free.remove(k)
                return k
        return None

    kind: dict[str, str] = {}
    splits: dict[str, list[str]] = {}
    merges: dict[str, list[str]] = {}
    added: list[str] = []
    removed: list[str] = []
    edits: list[dict[str, Any]] = []
    keys_of = lambda p: [m.key for m in p.measures]  # noqa: E731
    all_keys = [m.key for m in doc.measures()]
    body_parts = [p for p in parts if p.look.style == "body"]

    # merge two neighbours of one style, in the last part that has such a pair
    for part in reversed(parts):
        pairs = [(a.key, b.key) for a, b in zip(part.measures, part.measures[1:]) if a.key in free and b.key in free
                 and a.style == b.style]
        if pairs:
            a, b = pairs[rng.randrange(len(pairs))]
            free.remove(a)
            free.remove(b)
            p, i = locate(a)
            m = p.measures[i]
            p2, j = locate(b)
            m2 = p2.measures.pop(j)
            m.title = m.title + " og " + _lower_first(m2.title)
            m.sentences = m.sentences + m2.sentences
            for c in [m2.lead] + m2.co:
                if c != m.lead and c not in m.co:
                    m.co.append(c)
            merges[a] = [a, b]
            edits.append({"kind": "merge", "key": a, "key2": b})
            break
    # modify a body measure (title extension + body rewrite): first, so that one is left for it
    k = take([m.key for m in new.measures() if m.style == "body"])
    if k:
        p, i = locate(k)
        m = p.measures[i]
        m.title = m.title + rng.choice(tb.MODIFY_TITLE_TAILS)
        fresh = [pool.pop() for _ in range(min(2, len(pool)))]
        m.sentences = _reword_sentences(m.sentences[:1], rng) + fresh + list(tb.MODIFY_SENTENCES)
        kind[k] = "modified"
        edits.append({"kind": "modify", "key": k})
    # remove one, from the end
    k = take(keys_of(parts[-1]), all_keys[::-1])
    if k:
        p, i = locate(k)
        p.measures.pop(i)
        removed.append(k)
        edits.append({"kind": "remove", "key": k})
    # split one in the second part (an inner one when possible)
    second = parts[1] if len(parts) > 1 else parts[0]
    k = take(keys_of(second)[1:-1], keys_of(second), all_keys)
    if k:
        p, i = locate(k)
        m = p.measures.pop(i)
        half = max(1, len(m.sentences) // 2)
        a = replace(m, key=k + "a", sentences=(m.sentences[:half] + [tb.SPLIT_SENTENCES[0]]) if m.sentences else [],
                    co=list(m.co), xrefs=[], footnote=None)
        b = replace(m, key=k + "b", title="Evaluere arbeidet med å " + _lower_first(m.title),
                    sentences=([tb.SPLIT_SENTENCES[1]] + m.sentences[half:]) if m.sentences else [], co=list(m.co),
                    xrefs=[], agency_in_resp=None, footnote=None)
        p.measures[i:i] = [a, b]
        splits[k] = [a.key, b.key]
        edits.append({"kind": "split", "key": k})
    # move a body measure forward: from a later body part (the last-but-one when there are three) to the end of the
    # first one (with the insertion, this renumbers most measures in between)
    if len(body_parts) >= 2:
        dst = body_parts[0]
        srcs = ([body_parts[-2]] if len(body_parts) >= 3 else []) + body_parts[1:][::-1]
        k = take(*[keys_of(x)[1:-1] for x in srcs], *[keys_of(x) for x in srcs])
        if k:
            p, i = locate(k)
            dst.measures.append(p.measures.pop(i))
            edits.append({"kind": "move", "key": k, "part": dst.number})
    # two light rewordings
    for _ in range(2):
        k = take([m.key for m in new.measures()])
        if not k:
            break
        p, i = locate(k)
        m = p.measures[i]
        if m.style == "body":
            m.sentences = _reword_sentences(m.sentences, rng)
        else:
            m.title = _reword_title(m.title)
        kind[k] = "reworded"
        edits.append({"kind": "reword", "key": k})
    # an added co-responsible ministry
    k = take([m.key for m in new.measures()])
    if k:
        p, i = locate(k)
        m = p.measures[i]
        cand = [lin for lin in ("HOD", "KD", "UD", "BLD", "JD", "AD", "FIN")
                if lin not in _lineages(m) and mins.exists(lin, new_date)]
        m.co.append(mins.ministry(cand[0], new_date).name)
        edits.append({"kind": "add_co", "key": k, "lineage": cand[0]})
    # an insertion early in the first part (renumbers everything after it)
    first = parts[0]
    seed_m = t.extras[seed % len(t.extras)]
    nm = measure_from_seed(seed_m, "n01", new_date, rng, pool, first.look.style, (y0, y0 + 4))
    nm.in_summary = any(x.in_summary for x in new.measures())
    first.measures.insert(min(1, len(first.measures)), nm)
    added.append(nm.key)
    edits.insert(0, {"kind": "insert", "key": None, "part": first.number, "position": 1})

    numbers = new.numbers()
    for m in new.measures():
        m.agencies = agencies_in(m.title + " " + m.text({x: (v or "0") for x, v in numbers.items()}, new_date), new_date)
    truth = _change_truth(old, new, kind, splits, merges, added, removed)
    printed_old = {m.key: printed_title(m) for m in old.measures()}
    printed_new = {m.key: printed_title(m) for m in new.measures()}
    for row in truth["changes"]:
        if row["old_key"]:
            row["old_title"] = printed_old[row["old_key"]]
        if row["new_key"]:
            row["new_title"] = printed_new[row["new_key"]]
    truth["edits"] = edits
    return old, new, {"generator": "tests.webgen", "synthetic": True, "notice": SYNTHETIC_NOTICE, **truth}


def add_locators(truth: dict[str, Any], old_truth: dict[str, Any], new_truth: dict[str, Any]) -> None:
    """``old_url``/``new_url``: where each side of a change row is printed (from the two documents' truths)."""
    ou = {m["key"]: m["url"] for m in old_truth["measures"]}
    nu = {m["key"]: m["url"] for m in new_truth["measures"]}
    for row in truth["changes"]:
        row["old_url"] = ou.get(row["old_key"])
        row["new_url"] = nu.get(row["new_key"])

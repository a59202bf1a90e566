"""Word-level diffs of measure titles and texts (difflib on words as written)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from pipeline.compare.tokens import Tokenizer, display_words

Op = Literal["equal", "insert", "delete", "rename"]

_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    """A run of words. ``rename``: ``old`` words became ``text`` because a ministry was renamed between
    the versions (not a wording edit)."""

    op: Op
    text: str
    old: str = ""


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """Diff two texts word by word; consecutive words with the same operation form one segment.

    A replaced run gives a ``delete`` segment followed by an ``insert`` segment.
    """
    a = display_words(old or "")
    b = display_words(new or "")
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(Segment("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("insert", " ".join(b[j1:j2])))
    return out


def _replacements(segments: list[Segment], window: int):
    """(index of a delete followed by an insert, words before, deleted, inserted, words after)."""
    for k in range(len(segments) - 1):
        a, b = segments[k], segments[k + 1]
        if a.op == "delete" and b.op == "insert":
            before = segments[k - 1].text.split()[-window:] if k > 0 and segments[k - 1].op == "equal" else []
            after = segments[k + 2].text.split()[:window] if k + 2 < len(segments) and segments[k + 2].op == "equal" else []
            yield k, " ".join(before), a.text, b.text, " ".join(after)


def rename_runs(old: str | None, new: str | None, tokenize: Tokenizer, window: int = 3) -> set[tuple[str, str]]:
    """(old words, new words) of the replaced runs in ``word_diff(old, new)`` that only rename a ministry.

    A run counts when, with ``window`` shared words each side, both sides give the same tokens, those
    contain a ministry (``min:<id>``), and the replaced words are absorbed into the ministry mention (their
    own tokens are not among the window's other tokens: "politidepartementet" / "beredskapsdepartementet"
    inside "Justis- og ...", but not "tiltak" / "tiltaket" next to a ministry).
    """
    found: set[tuple[str, str]] = set()
    for _, before, deleted, inserted, after in _replacements(word_diff(old, new), window):
        ta = tokenize(f"{before} {deleted} {after}".strip())
        tb = tokenize(f"{before} {inserted} {after}".strip())
        if ta != tb or not any(t.startswith("min:") for t in ta):
            continue
        plain = {t for t in ta if not t.startswith("min:")}
        own = {t for t in tokenize(deleted) + tokenize(inserted) if not t.startswith("min:")}
        if not own & plain:
            found.add((deleted, inserted))
    return found


def mark_renames(segments: list[Segment], renamed: set[tuple[str, str]]) -> list[Segment]:
    """``segments`` with each delete + insert that is a known ministry rename as one ``rename`` segment."""
    if not renamed:
        return segments
    out: list[Segment] = []
    skip = False
    for k, seg in enumerate(segments):
        if skip:
            skip = False
            continue
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if seg.op == "delete" and nxt is not None and nxt.op == "insert" and (seg.text, nxt.text) in renamed:
            out.append(Segment("rename", nxt.text, old=seg.text))
            skip = True
        else:
            out.append(seg)
    return out


_INNER_HYPHEN = re.compile(r"(?<=\w)[-\u00ad\u2010\u2011](?=\w)")


def _norm_word(w: str) -> str:
    """Lower case, no punctuation at the edges, no hyphen inside ("Politi-direktoratet" = "Politidirektoratet")."""
    return _INNER_HYPHEN.sub("", _EDGE_PUNCT.sub("", w.lower().replace("\u00ad", "")))


_DIGITS = re.compile(r"\d")


def changed_windows(
    old: str | None,
    new: str | None,
    window: int = 3,
    number_map: dict[str, str] | None = None,
) -> list[tuple[str, str]] | None:
    """The differing stretches of words, with ``window`` words of shared context each side, as text pairs.

    Changes closer than ``2 * window`` words form one stretch (difflib's grouped opcodes), so a name
    that changed length ("Barne-, likestillings- og inkluderingsdepartementet" → "Barne- og
    likestillingsdepartementet") is one stretch.  ``None`` when the words are the same up to
    whitespace, punctuation and case.  Stretches whose only changes are measure numbers that
    ``number_map`` (old number → new number of aligned measures) maps onto the new ones are left out:
    a cross-reference ("jf. tiltak 7" → "jf. tiltak 8") that follows renumbering.
    """
    a_raw = display_words(old or "")
    b_raw = display_words(new or "")
    a_idx = [i for i, w in enumerate(a_raw) if _norm_word(w)]
    b_idx = [j for j, w in enumerate(b_raw) if _norm_word(w)]
    a = [_norm_word(a_raw[i]) for i in a_idx]
    b = [_norm_word(b_raw[j]) for j in b_idx]
    if a == b:
        return None
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in sm.get_grouped_opcodes(window):
        changes = [op for op in group if op[0] != "equal"]
        if number_map and all(
            i2 - i1 == j2 - j1 and all(number_map.get(x) == y for x, y in zip(a[i1:i2], b[j1:j2]))
            for _, i1, i2, j1, j2 in changes
        ):
            continue
        lo_a, hi_a, lo_b, hi_b = group[0][1], group[-1][2], group[0][3], group[-1][4]
        out.append((" ".join(a_raw[a_idx[k]] for k in range(lo_a, hi_a)), " ".join(b_raw[b_idx[k]] for k in range(lo_b, hi_b))))
    return out


def _numbers(text: str) -> list[str]:
    return [_norm_word(w) for w in text.split() if _DIGITS.search(w)]


def _same_numbers(a: str, b: str, number_map: dict[str, str] | None) -> bool:
    """Numbers in a and b are equal, or b's is a's measure number after renumbering."""
    na, nb = _numbers(a), _numbers(b)
    m = number_map or {}
    return len(na) == len(nb) and all(x == y or m.get(x) == y for x, y in zip(na, nb))


def wording_changed(
    old: str | None,
    new: str | None,
    tokenize: Tokenizer,
    window: int = 3,
    number_map: dict[str, str] | None = None,
) -> bool:
    """True when the words as written differ beyond whitespace, punctuation, letter case and hyphens inside words.

    Two kinds of differing runs do not count (see :func:`changed_windows`):

    * a run that, together with ``window`` words of shared context on each side, yields the same
      tokens on both sides *and* those tokens contain a ministry (``min:<id>``): a renamed ministry
      ("Justis- og politidepartementet" → "Justis- og beredskapsdepartementet");
    * a run of measure numbers that ``number_map`` maps onto the new run (cross-references after
      renumbering).
    """
    runs = changed_windows(old, new, window, number_map)
    if runs is None:
        return False
    for seg_a, seg_b in runs:
        ta, tb = tokenize(seg_a), tokenize(seg_b)
        if ta == tb and any(t.startswith("min:") for t in ta) and _same_numbers(seg_a, seg_b, number_map):
            continue
        return True
    return False

"""Lookup of named bodies (agencies, organisations) by any written form.

One job: an index from every written form of a body (name, abbreviation, aliases, their genitive;
any case) to its record. :mod:`pipeline.reference.agencies` and
:mod:`pipeline.reference.organisations` build their indexes with it.
"""

from __future__ import annotations

from typing import Callable, Generic, Iterable, TypeVar

from pipeline.reference.normalize import iter_key_variants, normalize_key

T = TypeVar("T")


def written_forms(name: str, abbreviation: str | None, aliases: Iterable[str]) -> tuple[str, ...]:
    """Every written form: name, abbreviation, aliases (in that order, no duplicates)."""
    out: list[str] = []
    for f in (name, abbreviation, *aliases):
        if f and f not in out:
            out.append(f)
    return tuple(out)


class FormIndex(Generic[T]):
    """Case-insensitive lookup of records by any of their ``forms``; first record wins on a clash."""

    def __init__(self, items: Iterable[T], id_of: Callable[[T], str]):
        self._id_of = id_of
        self._items: list[T] = []
        self._by_key: dict[str, T] = {}
        self._by_id: dict[str, T] = {}
        for item in items:
            self._items.append(item)
            self._by_id[id_of(item)] = item
            for form in item.forms:  # type: ignore[attr-defined]
                self._by_key.setdefault(normalize_key(form), item)

    def resolve(self, text: str) -> T | None:
        """The record written as ``text`` (any case, genitive -s), or None."""
        key = normalize_key(text)
        for k in iter_key_variants(key):
            item = self._by_key.get(k)
            if item is not None:
                return item
        return None

    def get(self, item_id: str) -> T | None:
        return self._by_id.get(item_id)

    def items(self) -> list[T]:
        return list(self._items)

    def forms(self) -> list[tuple[str, str]]:
        """(form, id) for every written form, in data order."""
        return [(f, self._id_of(i)) for i in self._items for f in i.forms]  # type: ignore[attr-defined]

    def clashes(self) -> list[tuple[str, str, str]]:
        """(form, id, other id) where two records share a normalised form."""
        seen: dict[str, str] = {}
        out = []
        for item in self._items:
            for f in item.forms:  # type: ignore[attr-defined]
                k = normalize_key(f)
                iid = self._id_of(item)
                if k in seen and seen[k] != iid:
                    out.append((f, iid, seen[k]))
                seen.setdefault(k, iid)
        return out

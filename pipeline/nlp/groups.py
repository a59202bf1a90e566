"""Target groups named in a measure's text, from lemmas.

A group is recognised when a word's lemma is one of the group's *heads* or a compound
ending in one ("menneskehandelsofre" -> "menneskehandelsoffer" -> victims,
"fosterbarn" -> children), or starts with one of its compound *modifiers*
("barnehandel", suspended "barne-" in "barne- og ungdomstiltak" -> children).  Words
inside ministry/agency names ("Barne- og likestillingsdepartementet") do not count.
Multi-word groups ("enslige mindreårige (asylsøkere)") are matched as lemma sequences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.nlp.analysis import analyse
from pipeline.nlp.entities import SPAN_KEY


@dataclass(frozen=True)
class GroupRule:
    group: str
    heads: frozenset[str]  # lemmas (or compound heads) naming the group
    modifiers: frozenset[str] = field(default_factory=frozenset)  # compound first parts ("barne")
    forms: frozenset[str] = field(default_factory=frozenset)  # exact lower-case word forms
    sequences: tuple[tuple[str, ...], ...] = ()  # lemma sequences (adjacent words)
    children: bool = False  # counts for mentions_children


#: Output order of :func:`target_groups` is the order of this tuple.
GROUP_RULES: tuple[GroupRule, ...] = (
    GroupRule("children", frozenset({"barn"}), modifiers=frozenset({"barne"}), children=True),
    GroupRule("minors", frozenset({"mindreårig"}), children=True),
    GroupRule(
        "unaccompanied_minors",
        frozenset(),
        forms=frozenset({"ema"}),
        sequences=(("enslig", "mindreårig"),),
        children=True,
    ),
    GroupRule("youth", frozenset({"ungdom", "unge"}), modifiers=frozenset({"ungdoms"})),
    GroupRule("girls", frozenset({"jente"})),
    GroupRule("boys", frozenset({"gutt"})),
    GroupRule("victims", frozenset({"offer"}), forms=frozenset({"ofre", "ofrene", "ofres", "ofrenes"})),
    GroupRule("women", frozenset({"kvinne"})),
    GroupRule("asylum_seekers", frozenset({"asylsøker"})),
    GroupRule("refugees", frozenset({"flyktning"})),
    GroupRule("immigrants", frozenset({"innvandrer", "migrant", "utlending"})),
    GroupRule("persons_in_prostitution", frozenset({"prostituert"}), forms=frozenset({"prostituerte", "prostituert"})),
    GroupRule("sex_buyers", frozenset({"sexkjøper", "horekunde"})),
    GroupRule("workers", frozenset({"arbeidstaker", "arbeidsinnvandrer", "sesongarbeider"})),
    GroupRule("perpetrators", frozenset({"gjerningsperson", "gjerningsmann", "bakmann", "menneskehandler", "overgriper"})),
    GroupRule("parents", frozenset({"forelder", "foresatt"})),
    GroupRule("persons_with_disabilities", frozenset({"funksjonshemmet", "funksjonsnedsettelse", "utviklingshemmet"})),
)

_MIN_COMPOUND_MODIFIER = 3  # a compound head needs at least this much in front of it


def _word_matches(rule: GroupRule, lemma: str, form: str, suspended: bool) -> bool:
    if form in rule.forms or lemma in rule.forms:
        return True
    if suspended:
        stem = form.rstrip("-")
        return stem in rule.modifiers or stem in rule.heads
    if lemma in rule.heads:
        return True
    for head in rule.heads:
        if lemma.endswith(head) and len(lemma) - len(head) >= _MIN_COMPOUND_MODIFIER:
            return True
    return any(lemma.startswith(m) and len(lemma) > len(m) + 2 for m in rule.modifiers)


@lru_cache(maxsize=262_144)
def _word_groups(lemma: str, form: str) -> frozenset[str]:
    """The groups one word names (cached: plans repeat their vocabulary)."""
    suspended = form.endswith("-")
    return frozenset(rule.group for rule in GROUP_RULES if _word_matches(rule, lemma, form, suspended))


def groups_of(doc: Doc) -> list[str]:
    """Target groups named in an analysed Doc (order of :data:`GROUP_RULES`)."""
    inside = {i for span in doc.spans.get(SPAN_KEY, []) for i in range(span.start, span.end)}
    words = [t for t in doc if not t.is_space and not t.is_punct and t.i not in inside and any(c.isalpha() for c in t.text)]
    lemmas = [(t.lemma_ or t.lower_).lower() for t in words]
    forms = [t.lower_ for t in words]
    found: set[str] = set()
    for pair in set(zip(lemmas, forms)):
        found |= _word_groups(*pair)
    for rule in GROUP_RULES:
        if rule.group in found:
            continue
        for seq in rule.sequences:
            n = len(seq)
            if any(tuple(lemmas[k : k + n]) == seq for k in range(len(lemmas) - n + 1)):
                found.add(rule.group)
                break
    return [r.group for r in GROUP_RULES if r.group in found]


def children_groups() -> frozenset[str]:
    return frozenset(r.group for r in GROUP_RULES if r.children)


def target_groups(text: str) -> list[str]:
    """Target groups named in ``text``, e.g. ``["children", "unaccompanied_minors", "victims"]``."""
    return groups_of(next(analyse([text])))


def mentions_children(text: str) -> bool:
    """True if ``text`` names children or minors (any group with ``children=True``)."""
    return bool(children_groups() & set(target_groups(text)))

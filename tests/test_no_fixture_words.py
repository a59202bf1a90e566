"""Product code never knows a word that only a test generator prints.

``pipeline/`` must work on plans nobody here wrote, so its string literals and regular expressions (docstrings
aside) may not contain:

* the synthetic-document notice's own words ("Eksempelplan", "testdokument") or the invented people of the
  generators (minister names of tests/plangen, tests/producers, tests/webgen);
* any word of the generators' text banks that is neither a Bokmål word form (compounds included,
  ``pipeline.reference.wordforms``) nor in the reference data nor in the public seed press release in
  ``corpus/``: such a word exists only in the fixtures.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pipeline.reference.wordforms import is_known_word

ROOT = Path(__file__).resolve().parents[1]
TEXTBANKS = [ROOT / "tests" / "plangen" / "textbank.py", ROOT / "tests" / "producers" / "textbank.py",
             ROOT / "tests" / "webgen" / "textbank.py"]
_WORD = re.compile(r"[a-zæøåéü]{5,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _literals(path: Path, *, docstrings: bool) -> str:
    """The string constants of a module (format placeholders removed), with or without its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs: set[int] = set()
    if not docstrings:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docs.add(id(first.value))
    return " ".join(_PLACEHOLDER.sub(" ", n.value) for n in ast.walk(tree)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs)


def _product_words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in sorted((ROOT / "pipeline").rglob("*.py")):
        for w in set(_WORD.findall(_literals(f, docstrings=False).lower())):
            out.setdefault(w, []).append(str(f.relative_to(ROOT)))
    return out


def _generated_people() -> set[str]:
    from tests.plangen import build as plangen_build
    from tests.producers import textbank as producers_bank
    from tests.webgen import textbank as webgen_bank

    names = set(plangen_build._FIRST) | set(plangen_build._LAST)
    for bank in (producers_bank, webgen_bank):
        names |= set(bank.FIRST_NAMES) | set(bank.LAST_NAMES)
    return {n.lower() for n in names}


def test_no_notice_words_or_invented_people_in_product_code():
    from tests.plangen.spec import SYNTHETIC_NOTICE

    notice = {w for w in _WORD.findall(SYNTHETIC_NOTICE.lower()) if not is_known_word(w, compounds=False)}
    assert {"eksempelplan", "testdokument"} <= notice
    words = _product_words()
    found = {w: words[w] for w in (notice | _generated_people()) if w in words}
    assert found == {}, f"product code knows words only the generators print: {found}"


def test_no_word_only_the_generators_text_banks_print():
    bank: set[str] = set()
    for f in TEXTBANKS:
        bank |= set(_WORD.findall(_literals(f, docstrings=False).lower()))
    real = set(_WORD.findall(next((ROOT / "corpus").glob("*.txt")).read_text(encoding="utf-8").lower()))
    for f in (ROOT / "pipeline" / "reference" / "data").glob("*.csv"):
        real |= set(_WORD.findall(f.read_text(encoding="utf-8").lower()))
    fixture_only = {w for w in bank - real if not is_known_word(w, compounds=True)}
    assert len(fixture_only) > 20  # the check sees the text banks
    words = _product_words()
    found = {w: words[w] for w in fixture_only if w in words}
    assert found == {}, f"product code knows words only the generators print: {found}"

"""The trained recogniser inside tiltak's pipeline: registry spans win, the model adds the rest, one
sentence at a time; `--nlp rules`; a missing or corrupt model; the organisations registry; measure
entities; `tiltak entities` on awkward input; `tiltak train-ner`.

Every sentence here is written for these tests (no NorNE text, no government text).
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.model import DocumentInfo, Measure, PlanExtraction
from pipeline.nlp import find_entities, language, mode, ner_model
from pipeline.nlp.enrich import enrich_plan, measure_entities

MODEL = ner_model.default_model_dir()
TEXT = "Regjeringen vil at Utlendingsdirektoratet skal samarbeide med Kirkens Bymisjon, Røde Kors og politiet i Oslo og Bergen."


@pytest.fixture
def nlp_mode(monkeypatch):
    """Set TILTAK_NLP for one test (a command's --nlp sets it too: monkeypatch restores it afterwards)."""
    monkeypatch.setenv(mode.ENV_VAR, mode.MODEL)

    def use(value: str) -> None:
        monkeypatch.setenv(mode.ENV_VAR, value)

    return use


@pytest.fixture
def no_model(tmp_path, monkeypatch):
    """The shipped model replaced by ``tmp_path/model`` (absent until a test copies something there)."""
    target = tmp_path / "model"
    monkeypatch.setattr(ner_model, "default_model_dir", lambda: target)
    monkeypatch.setenv(mode.ENV_VAR, mode.MODEL)
    language.clear_cache()
    yield target
    language.clear_cache()


def _by_text(ents) -> dict[str, tuple[str, str | None, str]]:
    return {e.text: (e.label, e.ner_label, e.source) for e in ents}


# --------------------------------------------------------------------------- registry + model


def test_registry_spans_win_and_the_model_adds_the_rest(nlp_mode) -> None:
    ents = find_entities(TEXT)
    got = _by_text(ents)
    assert got["Utlendingsdirektoratet"] == ("AGENCY", "ORG", "registry")
    assert got["Kirkens Bymisjon"] == ("ORGANISATION", "ORG", "registry")  # the model alone says PROD
    assert got["Røde Kors"] == ("ORGANISATION", "ORG", "registry")
    assert got["politiet"] == ("AGENCY", "ORG", "registry")
    assert got["Oslo"] == ("GPE_LOC", "GPE_LOC", "model") and got["Bergen"] == ("GPE_LOC", "GPE_LOC", "model")
    assert next(e for e in ents if e.text == "Kirkens Bymisjon").organisation_id == "kirkens-bymisjon"
    for e in ents:
        assert TEXT[e.start : e.end] == e.text
    # the model's own reading of the organisation is overridden, not kept beside it
    assert [e.text for e in ents].count("Kirkens Bymisjon") == 1


def test_rules_mode_has_no_model_entities(nlp_mode) -> None:
    nlp_mode(mode.RULES)
    got = _by_text(find_entities(TEXT))
    assert "Oslo" not in got and got["Kirkens Bymisjon"] == ("ORGANISATION", "ORG", "registry")
    assert {source for _, _, source in got.values()} == {"registry"}


def test_minister_person_is_a_per_entity_and_the_title_has_no_ner_label(nlp_mode) -> None:
    text = "Justisminister Kari Nordmann besøkte Tromsø."
    ents = find_entities(text)
    minister = next(e for e in ents if e.label == "MINISTER")
    assert minister.ner_label is None and minister.person == "Kari Nordmann" and minister.ministry_id
    person = [e for e in ents if e.label == "PER"]
    assert [(p.text, p.ner_label, p.source) for p in person] == [("Kari Nordmann", "PER", "registry")]
    assert text[person[0].start : person[0].end] == "Kari Nordmann"


def test_the_model_reads_one_sentence_at_a_time(nlp_mode) -> None:
    # trained on single sentences, the model is given each sentence as a Doc of its own: a paragraph gives the
    # entities of its sentences, at their offsets in the paragraph (whatever the model makes of each sentence)
    sentences = ["Tiltaket gjelder Tromsø og Bodø.", "Arbeidet ledes fra Stavanger.", "Resultatene legges fram i Bergen."]
    paragraph = " ".join(sentences)
    model = ner_model.load_ner_model()
    expected, offset = [], 0
    for s in sentences:
        expected += [(offset + e.start_char, offset + e.end_char, e.label_) for e in model(s).ents]
        offset += len(s) + 1
    doc = language.load_nlp()(paragraph)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == expected
    assert {paragraph[a:b] for a, b, _ in expected} >= {"Tromsø", "Bodø", "Stavanger", "Bergen"}


def test_comparison_tokens_do_not_depend_on_the_mode(nlp_mode) -> None:
    from pipeline.nlp import comparison_tokens

    with_model = comparison_tokens(TEXT)
    nlp_mode(mode.RULES)
    assert comparison_tokens(TEXT) == with_model


def test_fingerprint_names_the_pipeline(nlp_mode, no_model) -> None:
    assert mode.nlp_fingerprint() == "rules-no-model"
    shutil.copytree(MODEL, no_model)
    assert mode.nlp_fingerprint().startswith("nb_tiltak_ner:")
    nlp_mode(mode.RULES)
    assert mode.nlp_fingerprint() == "rules"


# --------------------------------------------------------------------------- missing or corrupt model


def test_missing_model_falls_back_to_rules_with_one_line(no_model, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="pipeline.nlp.language"):
        got = _by_text(find_entities(TEXT))
    assert got["Kirkens Bymisjon"][2] == "registry" and "Oslo" not in got
    warning = language.nlp_warning()
    assert warning is not None and "\n" not in warning
    assert str(no_model / "meta.json") in warning and "make model" in warning
    assert sum(warning in r.getMessage() for r in caplog.records) == 1  # logged once


def test_corrupt_model_on_the_cli(no_model, monkeypatch) -> None:
    from flows.cli import app

    shutil.copytree(MODEL, no_model)
    weights = no_model / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[:100])
    result = CliRunner().invoke(app, ["entities", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["source"] for r in rows} == {"registry"} and len(rows) == 4
    warning = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and str(weights) in warning[0] and "make model" in warning[0]


def test_missing_model_is_a_plan_warning(no_model) -> None:
    plan = _plan([("Samarbeid med IOM", "Tiltaket gjennomføres i Bergen.")])
    enrich_plan(plan, None)
    assert any("make model" in w and "named-entity model not used" in w for w in plan.warnings)
    assert [(e.text, e.source) for e in plan.measures[0].entities] == [("IOM", "registry")]


def _model_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "make model" in line]


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_extract_says_once_that_the_model_is_not_used(no_model, plangen_plans, tmp_path, damage) -> None:
    # every plan would carry the same warning: the command says it once, before any work, naming the file
    from flows.cli import app

    if damage == "corrupt":
        shutil.copytree(MODEL, no_model)
        bad = no_model / "tok2vec" / "model"
        bad.write_bytes(b"not a model")
    else:
        bad = no_model / "meta.json"
    pdfs = [str(p["pdf"]) for p in plangen_plans[:2]]
    result = CliRunner().invoke(app, ["extract", *pdfs, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (line,) = _model_lines(result.stderr)
    assert str(bad) in line and "warning" in line and "rules only" in line and "Traceback" not in result.output
    import pandas as pd

    ents = pd.read_csv(tmp_path / "out" / "measure_entities.csv")
    assert len(ents) and set(ents["source"]) == {"registry"}  # the rule-only pipeline did the work
    quiet = CliRunner().invoke(app, ["extract", pdfs[0], "--out", str(tmp_path / "q"), "-q"])
    assert quiet.exit_code == 0 and _model_lines(quiet.stderr) == []


def test_no_model_warning_with_rules_or_an_intact_model(nlp_mode, plangen_plans, tmp_path) -> None:
    from flows.cli import app

    pdf = str(plangen_plans[0]["pdf"])
    for args in (["--nlp", "rules"], []):
        result = CliRunner().invoke(app, ["extract", pdf, "--out", str(tmp_path / f"out{len(args)}"), *args])
        assert result.exit_code == 0 and _model_lines(result.stderr) == [], result.stderr
    assert mode.model_problem() is None


# --------------------------------------------------------------------------- organisations registry


def test_organisation_names_are_proper_names(nlp_mode) -> None:
    nlp_mode(mode.RULES)
    labels = lambda text: [(e.text, e.label, e.organisation_id) for e in find_entities(text)]  # noqa: E731
    assert labels("Vi samarbeider med Redd Barna og Norges Røde Kors.") == [
        ("Redd Barna", "ORGANISATION", "save-the-children"), ("Norges Røde Kors", "ORGANISATION", "red-cross")]
    assert labels("De var redd barna skulle se røde kors på kartet.") == []  # ordinary words
    assert labels("Rapporten fra FNs høykommissær for flyktninger og FNs barnefond.") == [
        ("FNs høykommissær for flyktninger", "ORGANISATION", "unhcr"), ("FNs barnefond", "ORGANISATION", "unicef")]
    assert labels("Både OSSE, OSCE og den europeiske union.") == [
        ("OSSE", "ORGANISATION", "osce"), ("OSCE", "ORGANISATION", "osce"), ("den europeiske union", "ORGANISATION", "eu")]


def test_organisations_data_is_clean() -> None:
    from pipeline.reference import default_registry
    from pipeline.reference.loader import ORGANISATION_KINDS

    reg = default_registry()
    orgs = reg.organisations()
    assert len(orgs) >= 30 and {o.kind for o in orgs} == set(ORGANISATION_KINDS)
    assert len({o.organisation_id for o in orgs}) == len(orgs)
    for o in orgs:
        assert reg.resolve_organisation(o.name) is o
        assert reg.resolve_agency(o.name) is None and reg.try_resolve(o.name) is None


# --------------------------------------------------------------------------- measure entities


def _plan(measures: list[tuple[str, str]]) -> PlanExtraction:
    info = DocumentInfo(document_id="p", kind="plan", title="Eksempelplan (syntetisk testdokument)")
    ms = [Measure("p", f"p-{i}", str(i), title, text, 1, "Del 1", 1, 1) for i, (title, text) in enumerate(measures, 1)]
    return PlanExtraction(document=info, parts=[], measures=ms)


def test_measure_entities_are_counted_per_text_and_type(nlp_mode) -> None:
    plan = _plan([("Samarbeid med IOM og Kirkens Bymisjon",
                   "IOM og Kirkens Bymisjon skal arbeide sammen med Utlendingsdirektoratet (UDI) i Oslo. "
                   "UDI rapporterer til Justis- og beredskapsdepartementet.")])
    enrich_plan(plan, None)
    rows = {(e.text, e.ner_label): e for e in plan.measures[0].entities}
    assert rows[("IOM", "ORG")].mentions == 2 and rows[("IOM", "ORG")].organisation_id == "iom"
    assert rows[("IOM", "ORG")].name == "Den internasjonale organisasjonen for migrasjon"
    assert rows[("Kirkens Bymisjon", "ORG")].mentions == 2
    assert rows[("UDI", "ORG")].mentions == 2 and rows[("UDI", "ORG")].name == "Utlendingsdirektoratet"
    assert rows[("Justis- og beredskapsdepartementet", "ORG")].ministry_id
    assert rows[("Oslo", "GPE_LOC")].source == "model" and rows[("Oslo", "GPE_LOC")].name == "Oslo"
    # mentions carry offsets into the text (not the title) and the NorNE type
    text = plan.measures[0].text
    assert all(text[m.start : m.end] == m.text for m in plan.mentions)
    assert {m.ner_label for m in plan.mentions} >= {"ORG", "GPE_LOC"}


def test_measure_entities_registry_wins_for_a_text(nlp_mode) -> None:
    from pipeline.model import Entity

    ents = [Entity("Frontex", "ORG", 0, 7, ner_label="ORG", source="model"),
            Entity("Frontex", "ORGANISATION", 20, 27, ner_label="ORG", organisation_id="frontex", source="registry"),
            Entity("Frontex", "ORG", 40, 47, ner_label="ORG", source="model"),
            Entity("justisministeren", "MINISTER", 50, 66, ministry_id="justice", ministry_name="J")]
    (row,) = measure_entities(ents)
    assert (row.source, row.organisation_id, row.mentions, row.name) == ("registry", "frontex", 3, "Frontex")


def test_measure_entities_table(tmp_path, nlp_mode) -> None:
    from pipeline.datasets import build_tables, load_outputs, write_tables

    plan = _plan([("Tiltak med Europarådet", "Europarådet og Redd Barna i Trondheim."), ("Uten navn", "Ingen her.")])
    enrich_plan(plan, None)
    write_tables(build_tables(plans=[plan]), tmp_path)
    t = load_outputs(tmp_path).measure_entities
    assert set(t["measure_id"]) == {"p-1"}
    assert set(zip(t["text"], t["ner_label"], t["source"])) >= {
        ("Europarådet", "ORG", "registry"), ("Redd Barna", "ORG", "registry"), ("Trondheim", "GPE_LOC", "model")}
    assert int(t.loc[t["text"] == "Europarådet", "mentions"].iloc[0]) == 2
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert "measure_entities" in {r["name"] for r in package["resources"]}


# --------------------------------------------------------------------------- tiltak entities


@pytest.fixture
def cli():
    from flows.cli import app

    runner = CliRunner()
    return lambda args, **kw: runner.invoke(app, args, **kw)


def _rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_entities_offsets_are_exact_in_multiline_input(cli, tmp_path, nlp_mode) -> None:
    text = "Første linje nevner\r\nKirkens Bymisjon.\r\n\r\n\ufeffOg så Oslo,\tBergen og UDI\nog justisminister Kari Nordmann."
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8"))
    result = cli(["entities", str(path)])
    assert result.exit_code == 0, result.output
    rows = _rows(result)
    assert {r["text"] for r in rows} >= {"Kirkens Bymisjon", "Oslo", "Bergen", "UDI", "Kari Nordmann"}
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["ner_label"] in (None, "PER", "ORG", "GPE_ORG", "GPE_LOC", "LOC", "PROD", "EVT", "DRV")
    assert [r["ner_label"] for r in rows if r["label"] == "MINISTER"] == [None]


def test_entities_bad_input(cli, tmp_path, nlp_mode) -> None:
    empty = cli(["entities", "-"], input="")
    assert empty.exit_code == 0 and empty.stdout == "" and "no text" in empty.stderr
    blank = cli(["entities", "-"], input="  \n\n ")
    assert blank.exit_code == 0 and blank.stdout == ""
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x7fELF\x02\x01\x00\x00" + bytes(range(256)))
    for args, name in ((["entities", str(binary)], str(binary)), (["entities", "-"], "standard input")):
        result = cli(args, input=binary.read_bytes() if args[-1] == "-" else None)
        assert result.exit_code == 2 and "Traceback" not in result.output
        (line,) = result.stderr.strip().splitlines()
        assert name in line and "binary" in line
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Tiltak for barn i Tromsø".encode("latin-1"))
    result = cli(["entities", str(latin)])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr and "iconv" in result.stderr
    assert cli(["entities", str(tmp_path / "nope.txt")]).exit_code == 2
    assert cli(["entities", "-", "--nlp", "neural"], input=TEXT).exit_code == 2


def test_entities_very_long_line(cli, nlp_mode) -> None:
    sentence = "Kirkens Bymisjon samarbeider med politiet i Oslo om tiltak for ofre, "
    text = sentence * 1500 + "x" * 60_000  # ~165,000 characters on one line, ending in one very long "word"
    result = cli(["entities", "-"], input=text)
    assert result.exit_code == 0, result.output
    rows = _rows(result)
    assert sum(r["text"] == "Kirkens Bymisjon" for r in rows) == 1500
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_entities_rules_option(cli, nlp_mode) -> None:
    rows = _rows(cli(["entities", "-", "--nlp", "rules"], input=TEXT))
    assert rows and {r["source"] for r in rows} == {"registry"}
    rows = _rows(cli(["entities", "-", "--nlp", "model"], input=TEXT))
    assert {r["source"] for r in rows} == {"registry", "model"}


def test_extract_key_depends_on_the_nlp_mode(nlp_mode, tmp_path) -> None:
    from flows.tasks import extract_key
    from pipeline.documents.extract import SourceJob

    doc = tmp_path / "a.txt"
    doc.write_text("Pressemelding.", encoding="utf-8")
    job = SourceJob(path=doc, document_id="a")
    with_model = extract_key(job)
    nlp_mode(mode.RULES)
    assert extract_key(job) != with_model


# --------------------------------------------------------------------------- tiltak train-ner


def _norne_like(path: Path, rows: list[tuple[str, str, str]], n: int, text: str | None = None) -> None:
    lines: list[str] = []
    for k in range(n):
        lines.append(f"# sent_id = {k}")
        if text:
            lines.append(f"# text = {text}")
        lines += ["\t".join([str(i), f, f, p, p, "_", "0", "dep", "_", m]) for i, (f, p, m) in enumerate(rows, 1)] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_train_ner_command(cli, tmp_path) -> None:
    # a tiny model on a tiny NorNE-format corpus written here: the command trains, packages and verifies
    norne = tmp_path / "shared" / "data" / "norne"
    norne.mkdir(parents=True)
    rows = [("Kari", "subst", "name=B-PER"), ("Nordmann", "subst", "name=I-PER"), ("bor", "verb", "name=O"),
            ("i", "prep", "name=O"), ("Tromsø", "subst", "name=B-GPE_LOC"), (".", "<punkt>", "name=O")]
    _norne_like(norne / "norne-nob-train.conll", rows, 20)
    _norne_like(norne / "no_bokmaal-ud-dev.conllu", rows, 4, text="Kari Nordmann bor i Tromsø .")
    cfg = (Path(ner_model.__file__).with_name("ner.cfg")).read_text(encoding="utf-8")
    for a, b in (("rows = [20000,2000,5000,2500]", "rows = [200,50,50,50]"), ("width = 128", "width = 8"),
                 ("depth = 4", "depth = 1"), ("hidden_width = 96", "hidden_width = 8"), ("eval_frequency = 400", "eval_frequency = 10")):
        assert a in cfg
        cfg = cfg.replace(a, b)
    (tmp_path / "tiny.cfg").write_text(cfg, encoding="utf-8")
    out = tmp_path / "model"
    result = cli(["train-ner", "--shared", str(tmp_path / "shared"), "--out", str(out), "--work", str(tmp_path / "work"),
                  "--config", str(tmp_path / "tiny.cfg"), "--max-epochs", "1"])
    assert result.exit_code == 0, result.output
    meta = ner_model.verify_ner_model(out)
    assert meta["tiltak"]["data"]["train_file"]["sentences"] == 20 and "prose" in meta["tiltak"]["dev_scores"]
    assert ner_model.load_ner_model(out, cache=False).pipe_names == ["tok2vec", "ner"]

    missing = cli(["train-ner", "--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m2")])
    assert missing.exit_code == 2
    (line,) = missing.stderr.strip().splitlines()
    assert "norne-nob-train.conll" in line and not (tmp_path / "m2").exists()

# tiltak — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

# Prefect: embedded ephemeral API, no telemetry (machines may be offline), slow-start tolerant.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90

.PHONY: run test install clean-cache bench fixtures model notebooks

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $@

install: $(BIN)/.installed

## Run the main job: every document in corpus/manifest.toml -> outputs/
run: install
	$(BIN)/tiltak run --corpus corpus --out outputs

## Run the test suite
test: install
	$(BIN)/python -m pytest -q

## Open the analyst notebooks in JupyterLab (run `make run` first; they read outputs/)
notebooks: install
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

clean-cache: install
	$(BIN)/tiltak cache clear

bench: install
	$(BIN)/python benchmarks/run.py

## Rebuild the producer fixtures (LibreOffice and Chromium PDFs + truth) in tests/data/producers/;
## needs soffice, chromium and their fonts (says what is missing otherwise; the committed files stay valid)
fixtures: install
	$(BIN)/python -m tests.producers build

## Train tiltak's NER model on NorNE (../shared/data/norne) -> pipeline/nlp/models/nb_tiltak_ner
model: install
	OMP_NUM_THREADS=1 PYTHONUNBUFFERED=1 $(BIN)/python -m pipeline.nlp.ner_training train

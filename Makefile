# 돌봄이음: `make run` starts the bot, `make test` runs the tests; both set up .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-growth heldout danger-model lint check-knowledge clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dolbom serve

# one test process per core (pytest-xdist): the suite is mostly CPU-bound
test: $(STAMP)
	$(BIN)/python -m pytest -n auto

bench: $(STAMP)
	$(BIN)/python -m bench

# a million cases and ten million messages on SQLite and PostgreSQL (about 7 minutes; bench/growth.py)
bench-growth: $(STAMP)
	$(BIN)/python -m bench.growth

# understanding scored on labelled parent messages written apart from the code (bench/heldout_data)
heldout: $(STAMP)
	@for f in bench/heldout_data/*.jsonl bench/heldout_pending/*.jsonl; do echo "== $$f"; $(BIN)/python -m bench.heldout $$f | tail -n 4; done

# retrain the learned danger reader on every labelled message (needs scikit-learn; bench/danger_train.py)
danger-model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m bench.danger_train

lint: $(STAMP)
	$(BIN)/ruff check .

check-knowledge: $(STAMP)
	$(BIN)/dolbom check-knowledge

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache

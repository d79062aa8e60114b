# The two commands of the README: `make run` and `make test`. Both set up a fresh machine first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: setup run data test test-fast score bench requirements clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

data: $(STAMP)
	$(PY) -m sitrep build seeds --out data --if-stale

run: data
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT)

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser"

score: $(STAMP)
	$(PY) -m sitrep build seeds --out data --if-stale
	$(PY) ../shared/eval/score.py seeds ../shared/gold data

bench: $(STAMP)
	$(PY) bench/build.py
	$(PY) bench/dashboard.py

requirements: $(STAMP)
	$(PY) -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; open('requirements.txt', 'w').write('# Generated from pyproject.toml by make requirements: what Streamlit Community Cloud installs.\n' + '\n'.join(deps) + '\n')"

clean:
	rm -rf $(VENV) .pytest_cache data/.cache

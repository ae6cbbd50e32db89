# One command to set up and run the demo, one to run the tests (see README).
PY := .venv/bin/python

.PHONY: setup demo test lint bench package clean translations

setup:
	bash scripts/setup

demo: setup
	$(PY) scripts/demo.py

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint:
	$(PY) -m ruff check .

bench: setup
	bash scripts/bench --quick

package:
	bash scripts/package

clean:
	rm -rf build dist out .pytest_cache

# i18n/*.ts from the sources (pylupdate5), then i18n/*.qm (lrelease): see scripts/translations.py.
translations:
	$(PY) scripts/translations.py

# One command to set up and run the demo, one to run the tests (see README).
PY := .venv/bin/python

.PHONY: setup demo test test-matrix lint bench package clean translations

setup:
	bash scripts/setup

demo: setup
	$(PY) scripts/demo.py

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The suite on the host's QGIS, then in Debian roots on QGIS 3.40 LTR (trixie) and 3.44 (sid),
# built once by scripts/debian_root (needs root or sudo). Runs all three, reports each, fails if any failed.
MATRIX_SUITES := trixie sid
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

test-matrix:
	@failed=""; report=""; \
	qgis=$$(dpkg-query -W -f '$${Version}' qgis 2>/dev/null || echo '?'); \
	if $(MAKE) --no-print-directory test; then r=passed; else r="FAILED ($$?)"; failed="$$failed host"; fi; \
	report="$$report$$(printf '  %-7s QGIS %s: %s' host "$$qgis" "$$r")\n"; \
	for s in $(MATRIX_SUITES); do \
	  if $(SUDO) bash scripts/debian_root build $$s && $(SUDO) bash scripts/debian_root test $$s; then r=passed; \
	  else r="FAILED ($$?)"; failed="$$failed $$s"; fi; \
	  qgis=$$($(SUDO) bash scripts/debian_root run $$s -- dpkg-query -W -f '$${Version}' qgis 2>/dev/null || echo '?'); \
	  report="$$report$$(printf '  %-7s QGIS %s: %s' $$s "$$qgis" "$$r")\n"; \
	done; \
	printf "test-matrix:\n$$report"; \
	[ -z "$$failed" ]

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

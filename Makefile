# The two commands of the README. Each installs what it needs first (see build_scripts/setup.sh).
VENV ?= .venv

.PHONY: site test serve

site:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/mkdocs build --strict

test:
	VENV=$(VENV) build_scripts/setup.sh test
	$(VENV)/bin/python -m pytest

serve:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/mkdocs serve

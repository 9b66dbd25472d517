# The two commands of the README. Each installs what it needs first (see build_scripts/setup.sh).
VENV ?= .venv

.PHONY: site report test serve

site:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/mkdocs build --strict
	$(VENV)/bin/python -m build_scripts.commands.reports

# One area's PDF report into the built site, e.g. `make report AREA=mjoelnerparken`.
report:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/python -m build_scripts.commands.reports --area $(AREA)

test:
	VENV=$(VENV) build_scripts/setup.sh test
	$(VENV)/bin/python -m pytest

serve:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/mkdocs serve

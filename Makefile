# The two commands of the README. Each installs what it needs first (see build_scripts/setup.sh).
VENV ?= .venv

.PHONY: site report test serve check

# Quiet: only problems and one Danish line at the end (Material's end-of-life notice is said in the README).
site:
	@VENV=$(VENV) build_scripts/setup.sh site
	@NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet
	@$(VENV)/bin/python -m build_scripts.commands.reports
	@echo "Sitet er bygget i $(CURDIR)/site. Se det i browseren med: make serve"

# One area's PDF report into the built site, e.g. `make report AREA=mjoelnerparken`.
report:
	VENV=$(VENV) build_scripts/setup.sh site
	$(VENV)/bin/python -m build_scripts.commands.reports --area $(AREA)

test:
	VENV=$(VENV) build_scripts/setup.sh test
	$(VENV)/bin/python -m pytest

serve:
	VENV=$(VENV) build_scripts/setup.sh site
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve

# Check every data package and content page without building (what the build checks first), in Danish.
check:
	@VENV=$(VENV) build_scripts/setup.sh check
	@$(VENV)/bin/python -m build_scripts.commands.check

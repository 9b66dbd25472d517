#!/usr/bin/env bash
# Install what `make site` (site) or `make test` (test) needs, idempotently.
#   build_scripts/setup.sh site   virtual environment in .venv with the project and its dependencies, and
#                                 Debian's chromium (the PDF engine of build_scripts/commands/reports.py)
#   build_scripts/setup.sh test   the same plus the test extra and the npm test tools
#   build_scripts/setup.sh check  only the virtual environment (`make check` needs no browser)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-site}"
venv="${VENV:-.venv}"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
extra=""
[ "$what" = "test" ] && extra="[test]"
kind="$what"; [ "$what" = "check" ] && kind="site"
hash="$(cat pyproject.toml | sha256sum | cut -c1-16)"
stamp="$venv/.installed-${kind}-${hash}"
# the test installation holds everything the site needs
[ "$kind" = "site" ] && [ -f "$venv/.installed-test-${hash}" ] && stamp="$venv/.installed-test-${hash}"
if [ ! -f "$stamp" ]; then
  # pip's and setuptools' own notices go to a log; shown only if the installation fails
  log="$venv/install.log"
  echo "Installerer det, sitet skal bruge, i $venv (første gang tager det et par minutter) ..."
  if ! { "$venv/bin/python" -m pip install --quiet --upgrade pip && "$venv/bin/python" -m pip install --quiet -e ".${extra}"; } >"$log" 2>&1; then
    cat "$log"
    echo "Installationen mislykkedes; se meddelelserne ovenfor." >&2
    exit 1
  fi
  touch "$stamp"
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}
[ "$what" = "check" ] && exit 0
# Debian's chromium, driven by Playwright through executable_path; never Playwright's own download.
command -v chromium >/dev/null 2>&1 || apt_install chromium

if [ "$what" = "test" ]; then
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  lock_stamp="tests/tools/node_modules/.installed-$(sha256sum tests/tools/package-lock.json | cut -c1-16)"
  if [ ! -f "$lock_stamp" ]; then
    (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
    touch "$lock_stamp"
  fi
fi

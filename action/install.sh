#!/usr/bin/env bash
# Install ds-migrate into a virtual environment of its own, under the
# runner's temporary folder. The job's Python, its packages and PATH stay as
# they were: nothing is installed into them, and nothing is added to
# GITHUB_PATH or GITHUB_ENV. The step's output `ds-migrate` is the program.
#
# Environment: DS_MIGRATE_PYTHON (an interpreter, default python3, then
# python), DS_MIGRATE_VERSION (a pip requirement; default: the action's own
# checkout, ACTION_PATH), RUNNER_TEMP, GITHUB_OUTPUT.
set -euo pipefail

python="${DS_MIGRATE_PYTHON:-}"
if [ -z "$python" ]; then
  if command -v python3 >/dev/null 2>&1; then python=python3; else python=python; fi
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "::error title=ds-migrate::ds-migrate needs Python 3.10 or newer to install; '$python' is $("$python" -V 2>&1 || echo missing). Set the action's python input."
  exit 2
fi

venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ds-migrate-venv"
"$python" -m venv "$venv"
bin="$venv/bin"
[ -d "$bin" ] || bin="$venv/Scripts"  # Windows runners

requirement="${DS_MIGRATE_VERSION:-}"
if [ -z "$requirement" ]; then
  # the fast extra brings ripgrep, which spares reading clean files
  requirement="${ACTION_PATH:?ACTION_PATH is not set}[fast]"
fi
"$bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"

exe="$bin/ds-migrate"
[ -x "$exe" ] || exe="$bin/ds-migrate.exe"
"$exe" --version
echo "ds-migrate=$exe" >> "$GITHUB_OUTPUT"

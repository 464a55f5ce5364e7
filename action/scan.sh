#!/usr/bin/env bash
# One scan, three reports: annotations (or the chosen format) on standard
# output, the Markdown summary appended to the job summary (every finding,
# info included: GitHub shows only about ten annotations per step), and
# SARIF for code scanning when asked. Info findings are not annotated.
#
# Environment: DS_MIGRATE (the program, from install.sh), PATHS, ARGS,
# FORMAT, UPLOAD_SARIF, SARIF_FILE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
# Outputs: exit-code, and sarif-file when one was written by a run that did
# not fail (exit 0 or 1).
set -uo pipefail

# the runner's temporary folder, not the checkout: a later step that checks
# that the work tree is clean (git status --porcelain) must not see it
if [ -z "${SARIF_FILE:-}" ] && [ -n "${RUNNER_TEMP:-}" ]; then
  mkdir -p "$RUNNER_TEMP"
fi
sarif="${SARIF_FILE:-${RUNNER_TEMP:+$RUNNER_TEMP/}ds-migrate.sarif}"
reports=()
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  reports+=(--summary-file "$GITHUB_STEP_SUMMARY")
fi
if [ "${UPLOAD_SARIF:-false}" = "true" ]; then
  rm -f "$sarif"  # a file from an earlier run must not be uploaded as this one's
  reports+=(--sarif-file "$sarif")
fi

# PATHS: one path per line when it has several lines (a path may hold
# spaces), else words
paths=()
if [[ "${PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    [ -n "$line" ] && paths+=("$line")
  done <<< "$PATHS"
else
  read -r -a paths <<< "${PATHS:-.}"
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)

# ARGS: split as a shell splits a command line (quotes kept together), but
# never glob-expanded: `--extend-exclude "tests/*"` reaches ds-migrate as
# the pattern, as it does typed in a terminal. Python's shlex does the
# splitting (the venv's python beside ds-migrate, else python3); without
# one, plain words with globbing off.
args=()
if [ -n "${ARGS:-}" ]; then
  python="$(dirname "${DS_MIGRATE:-ds-migrate}")/python"
  [ -x "$python" ] || python="$(command -v python3 || true)"
  if [ -n "$python" ]; then
    split="$("$python" -c 'import shlex, sys; print("\n".join(shlex.split(sys.argv[1])))' "$ARGS")" || {
      echo "ds-migrate action: cannot split args: $ARGS" >&2
      echo "exit-code=2" >> "$GITHUB_OUTPUT"
      exit 2
    }
    if [ -n "$split" ]; then
      while IFS= read -r word; do
        args+=("$word")
      done <<< "$split"
    fi
  else
    set -f
    read -r -a args <<< "$ARGS"
    set +f
  fi
fi
"${DS_MIGRATE:-ds-migrate}" scan --output-format "${FORMAT:-github}" ${reports[@]+"${reports[@]}"} ${args[@]+"${args[@]}"} "${paths[@]}"
status=$?

echo "exit-code=$status" >> "$GITHUB_OUTPUT"
if [ "$status" -ge 2 ]; then
  # the run failed (a path that does not exist, a bad option): its SARIF has
  # no results, and uploading it would close every open code-scanning alert
  rm -f "$sarif"
elif [ "${UPLOAD_SARIF:-false}" = "true" ] && [ -s "$sarif" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
exit $status

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
# spaces), else words; ARGS is a word list on purpose (several flags)
paths=()
if [[ "${PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    [ -n "$line" ] && paths+=("$line")
  done <<< "$PATHS"
else
  read -r -a paths <<< "${PATHS:-.}"
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)
# shellcheck disable=SC2086
"${DS_MIGRATE:-ds-migrate}" scan --output-format "${FORMAT:-github}" ${reports[@]+"${reports[@]}"} ${ARGS:-} "${paths[@]}"
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

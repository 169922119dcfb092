#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), one sub-command each, configured by FACTLINT_* variables:
#   install  pip install factlint (FACTLINT_INSTALL, else this checkout with the office extra)
#   run      lint FACTLINT_PATHS as annotations or SARIF (FACTLINT_MODE), optionally an HTML report;
#            writes exit-code and sarif-file to $GITHUB_OUTPUT and never fails itself, so the SARIF
#            upload runs before the job fails
#   finish   exit with factlint's exit code (FACTLINT_EXIT_CODE)
# Runnable outside GitHub too (tests/test_action.py runs each step as action.yml does).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${FACTLINT_PYTHON:-python}"
output="${GITHUB_OUTPUT:-/dev/null}"

case "${1:-}" in
install)
    spec="${FACTLINT_INSTALL:-}"
    if [ -z "$spec" ]; then
        spec="${FACTLINT_ACTION_PATH:-$here}[office]"
    fi
    "$python" -m pip install --disable-pip-version-check --quiet "$spec"
    ;;
run)
    read -r -a paths <<< "${FACTLINT_PATHS:-.}"
    read -r -a extra <<< "${FACTLINT_ARGS:-}"
    mode="${FACTLINT_MODE:-annotations}"
    status=0
    case "$mode" in
    annotations)
        "$python" -m checker -f github --no-progress "${extra[@]}" -- "${paths[@]}" || status=$?
        echo "sarif-file=" >> "$output"
        ;;
    sarif)
        sarif="${FACTLINT_SARIF_FILE:-factlint.sarif}"
        "$python" -m checker -f sarif -o "$sarif" --no-progress "${extra[@]}" -- "${paths[@]}" || status=$?
        if [ -s "$sarif" ]; then
            echo "sarif-file=$sarif" >> "$output"
        else
            echo "sarif-file=" >> "$output"
        fi
        ;;
    *)
        echo "::error title=factlint action::mode must be 'annotations' or 'sarif', not '$mode'"
        status=2
        ;;
    esac
    if [ -n "${FACTLINT_HTML_REPORT:-}" ] && [ "$status" -ne 2 ]; then
        # The second run reads its documents from the cache the first one left.
        "$python" -m checker -f html -o "$FACTLINT_HTML_REPORT" --no-progress --exit-zero "${extra[@]}" -- "${paths[@]}" || true
    fi
    echo "exit-code=$status" >> "$output"
    ;;
finish)
    code="${FACTLINT_EXIT_CODE:-2}"
    if [ "$code" != "0" ]; then
        echo "factlint exited $code (1: findings at or above fail-on; 2: an error, see the log above)" >&2
    fi
    exit "$code"
    ;;
*)
    echo "usage: $0 install|run|finish" >&2
    exit 2
    ;;
esac

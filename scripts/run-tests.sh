#!/usr/bin/env bash
# Runs the test suite with the services it needs. Used by `make test` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
exec "$BIN/python" -m pytest "$@"

#!/usr/bin/env bash
# Runs the test suite with the services it needs. Used by `make test` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

# ---- PostgreSQL (store) ----------------------------------------------------------------------
# Tests marked `postgres` read SITREP_TEST_PG_URL. When it is unset and we are root, run a
# throw-away PostgreSQL 15 cluster in a temp dir (installing the Debian package if missing),
# listening on 127.0.0.1 on a free port, and stop and delete it when the script exits.
PG_BIN=${SITREP_PG_BIN:-/usr/lib/postgresql/15/bin}

newest_pg_bin() {  # Debian's layout: /usr/lib/postgresql/<major>/bin
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

add_exit_hook() {  # chain exit hooks so every section can clean up after itself
  local previous
  previous=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  trap "$1${previous:+; $previous}" EXIT
}

stop_test_postgres() {
  if [ -n "${SITREP_PG_TMP:-}" ] && [ -d "$SITREP_PG_TMP" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$SITREP_PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$SITREP_PG_TMP"
  fi
}

start_test_postgres() {
  if [ -n "${SITREP_TEST_PG_URL:-}" ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "run-tests: not root and SITREP_TEST_PG_URL unset: PostgreSQL tests skip" >&2
    return 0
  fi
  if [ ! -x "$PG_BIN/pg_ctl" ] && [ -n "$(newest_pg_bin)" ]; then PG_BIN=$(newest_pg_bin); fi
  if [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "run-tests: installing PostgreSQL (apt-get)" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      echo "run-tests: could not install PostgreSQL: PostgreSQL tests skip (fail under CI=true)" >&2
      return 0
    fi
    PG_BIN=$(newest_pg_bin)
  fi
  SITREP_PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX")
  chown postgres "$SITREP_PG_TMP"
  add_exit_hook stop_test_postgres
  local port
  port=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if runuser -u postgres -- "$PG_BIN/initdb" -D "$SITREP_PG_TMP/data" -A trust -U postgres -E UTF8 --no-sync >"$SITREP_PG_TMP/initdb.log" 2>&1 \
    && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$SITREP_PG_TMP/data" -l "$SITREP_PG_TMP/server.log" -w \
         -o "-h 127.0.0.1 -p $port -k $SITREP_PG_TMP -F" start >/dev/null \
    && runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres sitrep_test; then
    export SITREP_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/sitrep_test"
    echo "run-tests: throw-away PostgreSQL on 127.0.0.1:$port" >&2
  else
    echo "run-tests: could not start PostgreSQL (see $SITREP_PG_TMP/*.log): PostgreSQL tests skip" >&2
    cat "$SITREP_PG_TMP"/*.log >&2 || true
  fi
}

start_test_postgres
# ---- end PostgreSQL --------------------------------------------------------------------------

# ---- Chromium (serve) -------------------------------------------------------------------------
# Tests marked `browser` drive Debian's /usr/bin/chromium through Playwright (never
# `playwright install`: no browser download). Install it when root and missing; without it the
# browser tests skip, except under CI=true where they fail.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "run-tests: not root and /usr/bin/chromium missing: browser tests skip (fail under CI=true)" >&2
    return 0
  fi
  echo "run-tests: installing chromium (apt-get)" >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "run-tests: could not install chromium: browser tests skip (fail under CI=true)" >&2
  fi
}

ensure_chromium
# ---- end Chromium -----------------------------------------------------------------------------

# No exec: the exit hooks above must run after the tests.
"$BIN/python" -m pytest "$@"

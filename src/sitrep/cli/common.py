"""Helpers shared by the CLI commands: option parsing, error lines, progress bars."""

from __future__ import annotations

import sys
from datetime import date
from typing import NoReturn

import typer

from sitrep.records import IngestProblem
from sitrep.settings import Settings


def parse_day(value: str | None, option: str) -> date | None:
    """Parse a YYYY-MM-DD option value, or exit with a one-line error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date in YYYY-MM-DD form")


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(code)


def report_problem(problem: IngestProblem) -> None:
    typer.echo(f"sitrep: skipped {problem}", err=True)


def show_progress() -> bool:
    """Progress bars only on an interactive terminal: quiet in pipes, logs and CI."""
    return sys.stderr.isatty()


def check_user_actor_files(settings: Settings | None = None) -> None:
    """A malformed user actor file (SITREP_ACTORS) is a one-line error before any work starts."""
    from sitrep.extract.actors import ActorKB

    try:
        ActorKB.load((settings or Settings()).actor_files)
    except ValueError as exc:
        fail(str(exc))

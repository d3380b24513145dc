"""Commands of this group are registered here once their stage lands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass

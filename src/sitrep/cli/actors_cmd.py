"""`sitrep actors`: look names up in the actor knowledge base and check user actor files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import fail, parse_day

actors_app = typer.Typer(
    help="The actor knowledge base: resolve names the ACLED way, check user actor files.", no_args_is_help=True
)

FilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="Extra actor YAML file merged over the shipped one (repeatable; SITREP_ACTORS also works)."
    ),
]


def _load(files: list[Path] | None):
    from sitrep.extract.actors import ActorKB
    from sitrep.settings import Settings

    try:
        return ActorKB.load([*Settings().actor_files, *(files or [])])
    except ValueError as exc:
        fail(str(exc))


@actors_app.command("resolve")
def resolve(
    names: Annotated[
        list[str], typer.Argument(help="Names or aliases as written in news, e.g. ISIS 'Hashd al-Shaabi'.")
    ],
    country: Annotated[str | None, typer.Option(help="Country of the event (ACLED spelling), e.g. Iraq.")] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Event date YYYY-MM-DD: picks the government period.")
    ] = None,
    files: FilesOption = None,
) -> None:
    """Print the ACLED actor each name resolves to, one JSON object a line (exit 1 if one is unknown)."""
    kb = _load(files)
    day = parse_day(on, "--date")
    unknown = False
    for name in names:
        ref = kb.resolve(name, country, day)
        if ref is None:
            unknown = True
            typer.echo(json.dumps({"query": name, "name": None}))
            continue
        typer.echo(
            json.dumps(
                {
                    "query": name,
                    "name": ref.name,
                    "inter": ref.inter,
                    "country": ref.country,
                    "actor_type": ref.actor_type,
                }
            )
        )
    if unknown:
        raise typer.Exit(1)


@actors_app.command("check")
def check(files: Annotated[list[Path], typer.Argument(help="User actor YAML files to validate.")]) -> None:
    """Validate actor files and print how many entries each adds; exit 2 with the problem if one is malformed."""
    from sitrep.extract.actors import ActorKB

    shipped = len(ActorKB.load().entries)
    for path in files:
        try:
            kb = ActorKB.load([path])
        except ValueError as exc:
            fail(str(exc))
        typer.echo(f"{path}: ok ({len(kb.entries) - shipped:+d} entries over the shipped {shipped})")


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")

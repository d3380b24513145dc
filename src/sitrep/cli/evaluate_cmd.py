"""`sitrep evaluate`: score the extractor on a gold set (ACLED export, CASE-2021, MUC-4, geoparsing XML)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import fail

# --format -> module under sitrep.evaluate that has `evaluate(gold: Path, limit: int | None) -> dict`
# and `render(report: dict) -> str`.
EVALUATORS = {
    "acled": "acled", "case2021": "case2021", "muc4": "muc4", "geo-xml": "geo_xml", "claims": "claims", "hrdsattack": "hrdsattack",
}


def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="The gold file (e.g. ../shared/datasets/acled/acled-2020-05-dev.csv).")],
    fmt: Annotated[str, typer.Option("--format", help="acled | case2021 | muc4 | geo-xml | claims | hrdsattack")],
    report: Annotated[Path | None, typer.Option("--report", help="Also write the full scores as JSON here.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents (quick checks).")] = None,
    gold_spans: Annotated[bool, typer.Option("--gold-spans/--no-gold-spans", help="geo-xml: resolve the gold toponym spans (else detect them too).")] = True,
) -> None:
    """Run the extractor over a gold set and print per-field scores with counts."""
    if fmt not in EVALUATORS:
        fail(f"--format: unknown format {fmt!r}; choose one of {', '.join(EVALUATORS)}")
    if not gold.is_file():
        fail(f"{gold}: no such file")
    module = importlib.import_module(f"sitrep.evaluate.{EVALUATORS[fmt]}")
    options = {"limit": limit}
    if fmt == "geo-xml":
        options["gold_spans"] = gold_spans
    try:
        scores = module.evaluate(gold, **options)
    except ValueError as exc:  # malformed gold file: one line naming it
        fail(f"{gold}: {exc}")
    typer.echo(module.render(scores))
    if report:
        report.write_text(json.dumps(scores, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)

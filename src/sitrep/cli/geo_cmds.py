"""`sitrep geoparse` and `sitrep gazetteer build|import|info`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import fail, parse_day, report_problem
from sitrep.records import Article, IngestProblem, Toponym
from sitrep.settings import Settings

gazetteer_app = typer.Typer(help="Build, extend and inspect the embedded gazetteer.", no_args_is_help=True)


def geoparse(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders of articles; - or nothing reads stdin.")] = None,
    jsonl_input: Annotated[bool, typer.Option("--jsonl-input", help="Inputs are JSONL, one article a line "
                           "(text, id, dateline, published; an optional \"spans\" list of start-end offset pairs resolves only those).")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
) -> None:
    """Print one JSON line per place name: where in the text, and which GeoNames place it resolved to."""
    from sitrep.geo.detect import given_mentions
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.resolve import resolve_mentions, resolve_toponyms
    from sitrep.nlp.pipeline import ModelNotInstalled, load_pipeline

    day = parse_day(published, "--published")
    settings = Settings()
    try:
        nlp = load_pipeline(settings)
    except ModelNotInstalled as exc:
        fail(str(exc))
    gazetteer = Gazetteer.open(settings)
    sources = _jsonl_articles(paths or ["-"], day) if jsonl_input else _plain_articles(paths or ["-"], day)
    for item in sources:
        if isinstance(item, IngestProblem):
            report_problem(item)
            continue
        article, spans = item
        doc = nlp(article.text)
        if spans is None:
            toponyms = resolve_toponyms(doc, article, gazetteer)
        else:
            toponyms = resolve_mentions(article.text, given_mentions(article.text, spans), article, gazetteer, doc=doc)
        for toponym in toponyms:
            typer.echo(json.dumps(toponym_json(article.id, toponym), ensure_ascii=False))


def toponym_json(doc_id: str | None, toponym: Toponym) -> dict:
    """The `sitrep geoparse` output record (a stable contract: add fields, never rename)."""
    place = toponym.place
    return {
        "doc_id": doc_id,
        "start": toponym.start,
        "end": toponym.end,
        "text": toponym.text,
        "name": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "feature_class": place.feature_class if place else None,
        "feature_code": place.feature_code if place else None,
        "score": toponym.score,
        "relation": toponym.relation,
    }


def _plain_articles(paths: list[str], day) -> Iterator[tuple[Article, None] | IngestProblem]:
    from sitrep.ingest import read_inputs

    for item in read_inputs(paths, published=day, jsonl_input=False):
        yield item if isinstance(item, IngestProblem) else (item, None)


def _jsonl_articles(paths: list[str], day) -> Iterator[tuple[Article, list[tuple[int, int]] | None] | IngestProblem]:
    """JSONL read here (not by ingest) because a line may carry `spans` to resolve."""
    from datetime import date

    for raw in paths:
        if raw == "-":
            handle, label = sys.stdin, "<stdin>"
        else:
            path = Path(raw)
            if not path.is_file():
                yield IngestProblem(raw, "no such file")
                continue
            handle, label = open(path, encoding="utf-8"), raw
        with handle if raw != "-" else _no_close(handle):
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                source = f"{label}:{line_no}"
                try:
                    obj = json.loads(line)
                    text = obj.get("text")
                    if not isinstance(text, str) or not text.strip():
                        raise ValueError("no \"text\" field")
                    spans = obj.get("spans")
                    if spans is not None:
                        spans = [(int(s), int(e)) for s, e in spans]
                        if any(not 0 <= s < e <= len(text) for s, e in spans):
                            raise ValueError("a span lies outside the text")
                    when = obj.get("published")
                    article = Article(text=text, id=obj.get("id") and str(obj["id"]), title=obj.get("title"),
                                      dateline=obj.get("dateline"), published=date.fromisoformat(when[:10]) if when else day,
                                      source_path=source)
                except (ValueError, TypeError, AttributeError) as exc:
                    yield IngestProblem(source, f"not a usable JSONL article: {exc}")
                    continue
                yield article, spans


class _no_close:
    def __init__(self, handle) -> None:
        self.handle = handle

    def __enter__(self):
        return self.handle

    def __exit__(self, *exc) -> None:
        return None


@gazetteer_app.command("build")
def gazetteer_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if a current gazetteer exists (drops imported GeoNames data).")] = False,
) -> None:
    """Build the gazetteer from the packaged GeoNames data (about 20 s; also done on first use)."""
    from sitrep.geo.build import build_gazetteer
    from sitrep.geo.gazetteer import _is_current

    path = Settings().gazetteer_path
    if _is_current(path) and not force:
        typer.echo(f"{path}: already built (use --force to rebuild)")
        return
    counts = build_gazetteer(path)
    typer.echo(f"{path}: built {counts['places']} places, {counts['names']} names in {counts['seconds']} s")


@gazetteer_app.command("import")
def gazetteer_import(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files: allCountries.zip/.txt, a country file "
                                                "(IQ.zip, IQ.txt), and optionally alternateNamesV2.zip/.txt.")],
) -> None:
    """Add a full GeoNames dump (villages, rivers, deserts, mountains) to the gazetteer. Safe to re-run."""
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.geonames_import import GeoNamesFormatError, import_geonames

    settings = Settings()
    Gazetteer.open(settings)  # builds the base gazetteer first if there is none
    try:
        counts = import_geonames(settings.gazetteer_path, files)
    except GeoNamesFormatError as exc:
        fail(str(exc))
    typer.echo(f"{settings.gazetteer_path}: imported {counts['places']} places, {counts['names']} names, "
               f"{counts['alternate_names']} alternate names; {counts['seats']} admin seats set")


@gazetteer_app.command("info")
def gazetteer_info(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Say what the gazetteer holds: path, build date, counts by source and feature class."""
    from sitrep.geo.gazetteer import Gazetteer, GazetteerMissing

    try:
        info = Gazetteer.open(Settings(), build=False).info()
    except GazetteerMissing as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    typer.echo(f"path: {info['path']} ({info['size_bytes'] / 1e6:.0f} MB)")
    typer.echo(f"built: {info.get('built_at')} in {info.get('build_seconds')} s (builder {info.get('builder_version')})")
    typer.echo(f"sources: {info.get('sources')}")
    typer.echo(f"names: {info['names']}")
    typer.echo("places by source: " + ", ".join(f"{k} {v}" for k, v in info["places_by_source"].items()))
    typer.echo("places by feature class: " + ", ".join(f"{k} {v}" for k, v in info["places_by_feature_class"].items()))


def register(app: typer.Typer) -> None:
    app.command("geoparse")(geoparse)
    app.add_typer(gazetteer_app, name="gazetteer")

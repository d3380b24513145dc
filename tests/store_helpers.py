"""Helpers for the store tests: the backend fixture (SQLite, and PostgreSQL when available) and record builders."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from sitrep.records import Article, ArticleResult, Claim, Event, Evidence, Place, Quote, Toponym


def pg_admin_url() -> str | None:
    url = os.environ.get("SITREP_TEST_PG_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("SITREP_TEST_PG_URL is unset under CI=true: the PostgreSQL tests must run (see scripts/run-tests.sh)")
    pytest.skip("SITREP_TEST_PG_URL is unset (scripts/run-tests.sh starts a throw-away server when run as root)")


@contextmanager
def throwaway_pg_database(prefix: str = "sitrep_t") -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server of SITREP_TEST_PG_URL, dropped afterwards."""
    import sqlalchemy as sa

    from sitrep.store.engine import normalise_url

    admin = normalise_url(pg_admin_url())
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    with throwaway_pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """The URL of an empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from sitrep.store import Store

    opened = Store.open(store_url)
    yield opened
    opened.close()


def make_event(article: Article, **fields) -> Event:
    """An event of `article` with plausible ACLED values; override any field."""
    sentence = article.text.split(".")[0] + "."
    values = dict(
        doc_id=article.id, event_date=date(2019, 7, 15), date_start=date(2019, 7, 15), date_end=date(2019, 7, 15),
        time_precision=1, event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Iraq)", inter1=3, actor2="Military Forces of Iraq (2018-)", inter2=1,
        country="Iraq", iso3="IRQ", admin1="Kirkuk", admin2="Kirkuk", location="Kirkuk", latitude=35.4681,
        longitude=44.3922, geo_precision=1, fatalities=2, notes="A roadside bomb killed two soldiers.",
        evidence=[Evidence(0, len(sentence), sentence)], confidence=0.8,
    )
    values.update(fields)
    return Event(**values)


def make_result(text: str, *, events: list[dict] | None = None, published: date | None = date(2019, 7, 21),
                article_id: str | None = None, quotes: bool = False, claims: bool = False, toponyms: bool = False) -> ArticleResult:
    article = Article(text=text, id=article_id, title=text[:30], authors=["A. Writer"], outlet="Test Wire",
                      published=published, source_path="test.txt")
    result = ArticleResult(article=article, events=[make_event(article, **e) for e in (events or [{}])])
    if toponyms:
        place = Place(name="Kirkuk", latitude=35.4681, longitude=44.3922, country="Iraq", country_code="IQ", iso3="IRQ",
                      admin1="Kirkuk", geonameid=94787, feature_class="P", feature_code="PPLA", population=601433)
        result.toponyms = [Toponym(0, 6, text[:6], place, 0.9), Toponym(10, 14, text[10:14], None, 0.1)]
    if quotes:
        result.quotes = [Quote(doc_id=article.id, text="We will respond", start=20, end=35, speaker="a spokesman",
                               speaker_role="police", anonymous=True, direct=True)]
    if claims:
        result.claims = [Claim(doc_id=article.id, text="two soldiers", start=40, end=52, quantity=2, unit="people",
                               what="soldiers killed", period_start=date(2019, 7, 15), period_end=date(2019, 7, 15),
                               speaker="officials", event_id=result.events[0].event_id or None)]
    return result

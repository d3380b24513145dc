"""Plain-text and seed-layout articles, and the metadata parsers behind them (bylines, dates, datelines)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest.metadata import find_dateline, parse_authors, parse_byline, parse_date, title_case_name
from sitrep.ingest.text import parse_layout
from sitrep.records import Article, IngestProblem, content_hash

from conftest import FIXTURES

INGEST = FIXTURES / "ingest"


def read_one(path) -> Article | IngestProblem:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1, items
    return items[0]


def test_seed_layout_gives_headline_authors_outlet_date_and_dateline():
    article = read_one(INGEST / "seed_layout.txt")
    assert isinstance(article, Article)
    assert article.title == "Gunmen kill three farmers in central Nigeria village"
    assert article.authors == ["Aisha Mohammed", "Peter Obi-Nwosu"]
    assert article.outlet == "Plateau Courier"
    assert article.published == date(2022, 8, 3)
    assert article.dateline == "BOKKOS, Nigeria"
    assert article.language == "en"
    assert article.source_path == str(INGEST / "seed_layout.txt")


def test_seed_layout_body_keeps_the_dateline_and_drops_headline_and_byline():
    article = read_one(INGEST / "seed_layout.txt")
    assert article.text.startswith("BOKKOS, Nigeria — Gunmen attacked")
    assert "By AISHA" not in article.text and "Plateau Courier" not in article.text
    # Offsets stay true: the dateline place is at the very start of the text.
    assert article.text[: len(article.dateline)] == article.dateline
    assert article.text.endswith("deployed officers to the area.")


def test_plain_text_without_headline_keeps_every_line():
    article = read_one(INGEST / "plain.txt")
    original = (INGEST / "plain.txt").read_text(encoding="utf-8").strip()
    assert article.text == original
    assert article.title is None and article.authors == [] and article.dateline is None
    assert article.published is None


def test_wire_dateline_gives_place_and_agency_as_outlet():
    article = read_one(INGEST / "wire_dateline.txt")
    assert article.title == "Car bomb kills two near Kirkuk market"
    assert article.dateline == "BAGHDAD"
    assert article.outlet == "Reuters"
    assert article.text.startswith("BAGHDAD (Reuters) - A car bomb")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By LOUISA LOVELUCK AND MUSTAFA SALIM | The Washington Post | Published: July 21, 2019",
            (["Louisa Loveluck", "Mustafa Salim"], "The Washington Post", date(2019, 7, 21)),
        ),
        ("By Jane Doe, Staff Writer | March 3, 2021", (["Jane Doe"], None, date(2021, 3, 3))),
        ("By Ahmed al-Hashimi and Sean O'Brien | AFP | 2022-01-05", (["Ahmed al-Hashimi", "Sean O'Brien"], "AFP", date(2022, 1, 5))),
        ("By Jane Doe, Reuters", (["Jane Doe"], None, None)),
        ("by AMADOU TRAORÉ & FATOUMATA DIALLO", (["Amadou Traoré", "Fatoumata Diallo"], None, None)),
    ],
)
def test_bylines(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the time the soldiers arrived, the village was empty",
        "Byzantine ruins were damaged in the shelling",
        "Police said three people were killed.",
    ],
)
def test_sentences_are_not_bylines(line):
    assert parse_byline(line) is None


def test_author_names_are_title_cased_only_when_all_caps():
    assert parse_authors("LOUISA LOVELUCK AND MUSTAFA SALIM") == ["Louisa Loveluck", "Mustafa Salim"]
    assert title_case_name("SEAN O'BRIEN") == "Sean O'Brien"
    assert title_case_name("MUSTAFA AL-SALIM") == "Mustafa Al-Salim"
    assert title_case_name("Ahmed al-Hashimi") == "Ahmed al-Hashimi"
    assert parse_authors("Jane Doe and Jane Doe") == ["Jane Doe"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("July 21, 2019", date(2019, 7, 21)),
        ("21 July 2019", date(2019, 7, 21)),
        ("2019-07-21", date(2019, 7, 21)),
        ("2021-03-04T23:30:00-05:00", date(2021, 3, 4)),  # the day as printed, not shifted to UTC
        ("July 2019", None),  # no day: not a publication date
        ("soon", None),
        ("1 week ago", None),  # relative to today: not a publication date
        ("Tue, 12 Apr 2023 23:30:00 -0500", date(2023, 4, 12)),
        ("2019-02-30", None),
        ("", None),
    ],
)
def test_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("QAIM, Iraq — Islamic State militants", ("QAIM, Iraq", None)),
        ("BAGHDAD (Reuters) - Gunmen", ("BAGHDAD", "Reuters")),
        ("MOGADISHU, Somalia, March 3 (AP) — A bomb", ("MOGADISHU, Somalia", "AP")),
        ("AL-QAIM, Anbar Province, Iraq — x", ("AL-QAIM, Anbar Province, Iraq", None)),
        ("SÉVARÉ, Mali — x", ("SÉVARÉ, Mali", None)),
        ("Maiduguri, Nigeria — A bomb", ("Maiduguri, Nigeria", None)),
        ("The army said — without evidence — that", None),
        ("US forces - x", None),
        ("A - x", None),
    ],
)
def test_datelines(opening, expected):
    assert find_dateline(opening) == expected


def test_layout_with_separate_byline_and_date_lines():
    layout = parse_layout(
        "Curfew imposed in Kaduna after clashes\n\nBy Musa Danjuma\nPublished: 4 May 2021\n\n"
        "KADUNA, Nigeria — Authorities imposed a curfew on Tuesday.\n"
    )
    assert layout.title == "Curfew imposed in Kaduna after clashes"
    assert layout.authors == ["Musa Danjuma"]
    assert layout.published == date(2021, 5, 4)
    assert layout.body == "KADUNA, Nigeria — Authorities imposed a curfew on Tuesday."


def test_layout_does_not_take_a_one_paragraph_article_as_its_headline():
    text = "KANO, Nigeria — Police arrested twelve people after clashes at a market\n\nCalm returned by evening."
    layout = parse_layout(text)
    assert layout.title is None
    assert layout.body == text


def test_same_text_with_other_whitespace_has_the_same_hash(tmp_path):
    original = (INGEST / "seed_layout.txt").read_text(encoding="utf-8")
    reflowed = original.replace("\n\n", "\n   \n").replace(" ", "  ").replace("\n", "\r\n") + "\n\n\n"
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(reflowed.encode("utf-8"))
    first, second = list(read_inputs([str(tmp_path)]))
    assert first.text != second.text
    assert first.hash == second.hash == content_hash(first.text)
    assert first.id == second.id
    different = Article(text=first.text.replace("three", "four"))
    assert different.hash != first.hash

"""Each input format: HTML pages, RSS/Atom feeds, JSONL/CSV archives (plain and gzip), stdin, sniffing."""

from __future__ import annotations

import gzip
import io
import shutil
import sys
from datetime import date

import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest.detect import detect_format
from sitrep.ingest.html import html_to_text
from sitrep.records import Article, IngestProblem

from conftest import EXAMPLES, FIXTURES

INGEST = FIXTURES / "ingest"


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]


def test_html_page_main_text_and_metadata():
    [page] = read_inputs([str(INGEST / "page.html")])
    assert isinstance(page, Article)
    assert page.title == "Floods cut roads across northern Ghana"
    assert page.authors == ["Kwame Mensah", "Esi Adjei"]
    assert page.outlet == "Savannah Post"
    assert page.published == date(2022, 9, 21)
    assert page.url == "https://savannahpost.example/2022/09/21/floods-northern-ghana"
    assert page.dateline == "TAMALE, Ghana"
    assert page.text.startswith("TAMALE, Ghana — Heavy rains")
    assert "Farmers said the floods" in page.text
    for boilerplate in ("Home", "Cookie", "tracking", "Floods cut roads across"):
        assert boilerplate not in page.text
    assert page.text.count("\n\n") == 2  # three paragraphs


def test_rss_feed_items_are_articles_named_by_item():
    items = list(read_inputs([str(INGEST / "feed_rss.xml")]))
    first, second = items
    assert first.source_path.endswith("feed_rss.xml#item 1")
    assert second.source_path.endswith("feed_rss.xml#item 2")
    assert first.title == "Protesters march in Bamako"
    assert first.authors == ["Seydou Keita"]
    assert first.outlet == "Test Wire"
    # The date as the feed printed it (23:30 at UTC-5), not shifted to the next day in UTC.
    assert first.published == date(2022, 3, 5)
    assert first.url == "https://testwire.example/bamako-march"
    assert first.dateline == "BAMAKO, Mali"
    assert first.text == (
        "BAMAKO, Mali — Thousands of people marched through the centre of Bamako on Saturday to show support "
        "for the transitional government, organisers said.\n\nThe march ended peacefully at Independence Square."
    )
    assert second.published is None and second.authors == []


def test_atom_feed_entry():
    [entry] = read_inputs([str(INGEST / "feed_atom.xml")])
    assert entry.title == "Drone strike hits vehicle in Marib province"
    assert entry.authors == ["Fatima Saleh"]
    assert entry.published == date(2021, 11, 1)  # <published>, not <updated>
    assert entry.url == "https://atomdesk.example/marib-drone"
    assert entry.dateline == "MARIB, Yemen"


def test_html_fragment_to_text():
    fragment = "<p>One <b>bold</b> &amp; plain.</p><script>x()</script><ul><li>Two</li><li>Three</li></ul>Four<br>five"
    assert html_to_text(fragment) == "One bold & plain.\n\nTwo\n\nThree\n\nFour five"
    assert html_to_text("no markup   at all") == "no markup at all"
    assert html_to_text("") == ""


def test_jsonl_archive_fields():
    items = list(read_inputs([str(INGEST / "archive.jsonl")]))
    good = articles(items)
    assert [a.id for a in good] == ["a1", "a2", "8"]
    first = good[0]
    assert first.title == "Herders abducted in Tillaberi"
    assert first.published == date(2023, 2, 13)
    assert first.url == "https://archive.example/a1"
    assert first.outlet == "Sahel Times"
    assert first.source_path.endswith("archive.jsonl:1")
    assert good[2].authors == ["Jane Wanjiru", "Tom Kiprop"]
    assert good[2].published == date(2023, 3, 8)


def test_jsonl_bad_lines_are_named_by_line_and_the_rest_goes_on():
    items = list(read_inputs([str(INGEST / "archive.jsonl")]))
    reasons = {p.source.rsplit(":", 1)[1]: p.reason for p in problems(items)}
    assert reasons["4"].startswith("invalid JSON")
    assert reasons["5"] == 'no "text" field'
    assert reasons["6"] == "language 'fr' is not supported (English only)"
    assert reasons["7"].startswith("bad \"published\" date 'garbage date'")
    assert reasons["8"] == "empty: no article text"
    assert reasons["9"] == "a JSON object is expected, got list"
    assert set(reasons) == {"4", "5", "6", "7", "8", "9"}  # line 3 is blank: skipped silently
    assert isinstance(items[-1], Article)  # the line after the bad ones is still read


def test_csv_archive_with_multiline_rows_and_line_numbers():
    items = list(read_inputs([str(INGEST / "archive.csv")], published=date(2021, 1, 1)))
    good = articles(items)
    assert [a.id for a in good] == ["c1", "c2", "c4"]
    assert good[0].outlet == "South Sudan Monitor" and good[0].published == date(2021, 5, 4)
    assert good[1].text == (
        "Armed cattle raiders attacked a village in Jonglei state.\n\n"
        "Officials said eleven people were killed and hundreds of cattle were taken."
    )
    assert [a.source_path.rsplit(":", 1)[1] for a in good] == ["2", "3", "7"]
    assert good[2].published == date(2021, 1, 1)  # no date in the row: the --published fallback
    [bad] = problems(items)
    assert bad.source.endswith("archive.csv:6") and "yesterday-ish" in bad.reason


def test_tsv_archive(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("id\ttext\tpublished\nt1\tGunmen attacked a police station in Zamfara on Monday, police said.\t2020-02-03\n")
    [article] = read_inputs([str(path)])
    assert article.id == "t1" and article.published == date(2020, 2, 3)


@pytest.mark.parametrize("name", ["archive.jsonl", "archive.csv"])
def test_gzip_archives_read_like_plain_ones(tmp_path, name):
    packed = tmp_path / f"{name}.gz"
    packed.write_bytes(gzip.compress((INGEST / name).read_bytes()))
    plain = [str(item) if isinstance(item, IngestProblem) else item.hash for item in read_inputs([str(INGEST / name)])]
    unpacked = [str(item) if isinstance(item, IngestProblem) else item.hash for item in read_inputs([str(packed)])]
    assert unpacked == [line.replace(str(INGEST / name), str(packed)) for line in plain]


def test_truncated_gzip_is_one_problem(tmp_path):
    packed = tmp_path / "cut.jsonl.gz"
    packed.write_bytes(gzip.compress((INGEST / "archive.jsonl").read_bytes() * 50)[:300])
    items = list(read_inputs([str(packed)]))
    assert isinstance(items[-1], IngestProblem) and items[-1].reason.startswith("corrupt gzip data")
    assert items[-1].source == str(packed)


@pytest.mark.parametrize(
    ("fixture", "fmt"),
    [
        ("seed_layout.txt", "text"),
        ("page.html", "html"),
        ("feed_rss.xml", "feed"),
        ("feed_atom.xml", "feed"),
        ("archive.jsonl", "jsonl"),
        ("archive.csv", "csv"),
    ],
)
def test_extensionless_files_are_sniffed(tmp_path, fixture, fmt):
    head = (INGEST / fixture).read_bytes()
    assert detect_format("", head) == fmt
    copy = tmp_path / "noextension"
    shutil.copyfile(INGEST / fixture, copy)
    by_extension = [a.hash for a in articles(read_inputs([str(INGEST / fixture)]))]
    by_content = [a.hash for a in articles(read_inputs([str(copy)]))]
    assert by_content == by_extension and by_content


def test_gzip_without_extension_is_sniffed_inside(tmp_path):
    packed = tmp_path / "download"
    packed.write_bytes(gzip.compress((INGEST / "feed_rss.xml").read_bytes()))
    assert [a.title for a in articles(read_inputs([str(packed)]))] == ["Protesters march in Bamako", "Soldiers ambushed near Niger border"]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("fixture", ["seed_layout.txt", "page.html", "feed_rss.xml", "archive.jsonl"])
def test_stdin_is_sniffed(monkeypatch, fixture):
    _stdin(monkeypatch, (INGEST / fixture).read_bytes())
    from_stdin = list(read_inputs(["-"]))
    from_file = list(read_inputs([str(INGEST / fixture)]))
    assert [a.hash for a in articles(from_stdin)] == [a.hash for a in articles(from_file)]
    assert all(item.source_path.startswith("<stdin>") for item in articles(from_stdin))


def test_stdin_jsonl_lines_are_named(monkeypatch):
    _stdin(monkeypatch, b'{"text": "Militants shelled a town in Tigray on Monday, residents said."}\n{"text": 5}\n')
    first, second = read_inputs(["-"])
    assert first.source_path == "<stdin>:1"
    assert second == IngestProblem("<stdin>:2", '"text" must be a string, got int')


def test_jsonl_input_reads_every_input_as_jsonl(tmp_path, monkeypatch):
    odd_name = tmp_path / "export.txt"  # a .txt name, but --jsonl-input says JSONL
    odd_name.write_text('{"id": "x1", "text": "Clashes broke out in Tripoli on Friday, officials said.", "published": "2022-08-27"}\n')
    [article] = read_inputs([str(odd_name)], jsonl_input=True)
    assert article.id == "x1" and article.published == date(2022, 8, 27)
    [as_text] = read_inputs([str(odd_name)])
    assert as_text.text.startswith('{"id"')  # without the flag a .txt file is text
    _stdin(monkeypatch, b"this is not json\n")
    [problem] = read_inputs(["-"], jsonl_input=True)
    assert problem.source == "<stdin>:1" and problem.reason.startswith("invalid JSON")


def test_non_utf8_text_is_decoded(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Soldiers clashed with rebels near Bangui on Thursday, according to the army's café-owner witnesses; the café was damaged."
    path.write_bytes(text.encode("cp1252"))
    [article] = read_inputs([str(path)])
    assert article.text == text


def test_examples_folder_reads_every_sample_article():
    items = list(read_inputs([str(EXAMPLES)]))
    assert problems(items) == []
    good = articles(items)
    assert len(good) == 10
    assert all(a.published and 2019 <= a.published.year <= 2024 for a in good)
    assert all(a.dateline and a.title for a in good)
    assert len({a.hash for a in good}) == 10


_UNDATED_PAGE = """<html><head><title>Raid near Jilib</title></head><body><article>
<p>Somali special forces raided a militant compound near the town of Jilib on Tuesday, officials said.</p>
<p>Militants fired rocket-propelled grenades at a helicopter supporting the raid, a spokesman said.</p>
{extra}</article><footer>&copy; 2023 Horn Monitor. All rights reserved.</footer></body></html>"""


def test_html_date_from_page_text_but_never_from_a_copyright_year(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text(_UNDATED_PAGE.format(extra=""))
    [article] = read_inputs([str(undated)], published=date(2023, 5, 2))
    assert article.published == date(2023, 5, 2)  # not 2023-01-01 from the footer
    dated = tmp_path / "dated.html"
    dated.write_text(_UNDATED_PAGE.format(extra='<p class="date">Posted on 14 March 2022</p>'))
    [article] = read_inputs([str(dated)], published=date(2023, 5, 2))
    assert article.published == date(2022, 3, 14)

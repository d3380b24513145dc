"""Folders, bad inputs (each one problem with a clear reason, the batch goes on) and the --published fallback."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.records import Article, IngestProblem
from sitrep.settings import Settings

from conftest import FIXTURES

INGEST = FIXTURES / "ingest"
GOOD = "Gunmen attacked a police post in Katsina State on Sunday night, killing two officers, police said."


def test_folder_is_walked_recursively_in_name_order_skipping_hidden(tmp_path):
    for relative in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "A_upper/e.txt", ".hidden.txt", ".git/config.txt", "sub/.cache/f.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{GOOD} ({relative})", encoding="utf-8")
    sources = [Path(item.source_path).relative_to(tmp_path).as_posix() for item in read_inputs([str(tmp_path)])]
    assert sources == ["a.txt", "b.txt", "A_upper/e.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert sources == [Path(i.source_path).relative_to(tmp_path).as_posix() for i in read_inputs([str(tmp_path)])]


def test_folder_does_not_follow_links_to_folders(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestProblem"]
    assert items[1] == IngestProblem(str(tmp_path / "dangling.txt"), "no such file or directory")


def _only_problem(path, **options) -> IngestProblem:
    items = list(read_inputs([str(path)], **options))
    assert len(items) == 1 and isinstance(items[0], IngestProblem), items
    return items[0]


def test_non_english_text():
    problem = _only_problem(INGEST / "french.txt")
    assert problem == IngestProblem(str(INGEST / "french.txt"), "language 'fr' is not supported (English only)")


def test_empty_file(tmp_path):
    assert _only_problem(INGEST / "empty.txt").reason == "empty: no article text"
    zero = tmp_path / "zero.txt"
    zero.write_bytes(b"")
    assert _only_problem(zero).reason == "empty: no article text"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF file), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        (bytes(range(256)) * 4, "binary file, not text"),
    ],
)
def test_binary_file(tmp_path, content, reason):
    for name in ("report.txt", "noextension"):
        path = tmp_path / name
        path.write_bytes(content)
        assert _only_problem(path).reason == reason


def test_oversized_inputs(tmp_path):
    settings = Settings(max_article_chars=500)
    long_text = tmp_path / "long.txt"
    long_text.write_text(" ".join([GOOD] * 10))
    problem = _only_problem(long_text, settings=settings)
    length = len(" ".join([GOOD] * 10))
    assert problem.reason == f"too large: {length:,} characters, over the limit of 500 (max_article_chars)"
    huge = tmp_path / "huge.txt"
    huge.write_text(GOOD * 100)  # over 4 bytes a character allowed: refused unread
    assert _only_problem(huge, settings=settings).reason.startswith("too large: over the limit of 500")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + GOOD * 200 + "</p></body></html>")
    assert _only_problem(page, settings=settings).reason.startswith("too large")


def test_oversized_archive_line_is_skipped_and_the_next_read(tmp_path):
    archive = tmp_path / "big.jsonl"
    archive.write_text(f'{{"text": "{GOOD * 20}"}}\n{{"text": "{"x" * 80_000}"}}\n{{"text": "{GOOD}"}}\n')
    items = list(read_inputs([str(archive)], settings=Settings(max_article_chars=1000)))
    assert [type(i).__name__ for i in items] == ["IngestProblem", "IngestProblem", "Article"]
    assert items[0].source == f"{archive}:1" and items[0].reason.startswith(f"too large: {len(GOOD * 20):,} characters")
    assert items[1].source == f"{archive}:2" and items[1].reason.startswith("line is longer than")
    assert items[2].source_path == f"{archive}:3"


def test_missing_file_and_directory_in_a_list_go_on(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(INGEST / "plain.txt")]))
    assert items[0] == IngestProblem(str(tmp_path / "nope.txt"), "no such file or directory")
    assert isinstance(items[1], Article)


_READ_INPUTS = """
import sys
from sitrep.ingest import read_inputs
for item in read_inputs(sys.argv[1:]):
    print(type(item).__name__, item if type(item).__name__ == "IngestProblem" else item.source_path)
"""


def test_permission_denied_is_a_problem_and_the_batch_goes_on(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0o000)
    locked_folder = tmp_path / "locked_folder"
    locked_folder.mkdir()
    (locked_folder / "inside.txt").write_text(GOOD)
    locked_folder.chmod(0o000)
    readable = tmp_path / "readable.txt"
    readable.write_text(GOOD)
    command = [sys.executable, "-c", _READ_INPUTS, str(locked), str(locked_folder), str(readable)]
    if os.geteuid() == 0:
        # Root reads any file; without the capabilities that let it, it meets permissions like anyone.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and util-linux setpriv is not installed")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"IngestProblem {locked}: cannot read: permission denied",
        f"IngestProblem {locked_folder}: cannot read: permission denied",
        f"Article {readable}",
    ]
    locked_folder.chmod(0o755)  # let pytest clean up


def test_malformed_jsonl_line_names_file_and_line(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text(f'{{"text": "{GOOD}"}}\n{{"text": oops}}\n{{"text": "{GOOD} Again."}}\n')
    items = list(read_inputs([str(archive)]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestProblem", "Article"]
    assert items[1].source == f"{archive}:2"
    assert items[1].reason == "invalid JSON: Expecting value (column 10)"


def test_csv_without_text_column():
    problem = _only_problem(INGEST / "no_text_column.csv")
    assert problem.reason == 'CSV has no "text" column (columns: id, headline, body)'


def test_broken_feed():
    problem = _only_problem(INGEST / "broken_feed.xml")
    assert problem.source == str(INGEST / "broken_feed.xml")
    assert problem.reason.startswith("not a readable RSS/Atom feed: ")


def test_feed_without_items_and_xml_that_is_no_feed(tmp_path):
    empty_feed = tmp_path / "empty.rss"
    empty_feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert _only_problem(empty_feed).reason == "the feed has no items"
    other_xml = tmp_path / "data.xml"
    other_xml.write_text('<?xml version="1.0"?><inventory><item sku="1"/></inventory>')
    assert _only_problem(other_xml).reason == "not an RSS/Atom feed (XML of another kind)"


def test_html_page_without_text(tmp_path):
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    assert _only_problem(page).reason == "no article text found in the HTML page"


def test_corrupt_gzip(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    problem = _only_problem(bad)
    assert problem.source == str(bad) and problem.reason.startswith("corrupt gzip data")


def test_a_mixed_batch_reports_each_bad_input_once_and_reads_the_rest(tmp_path):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4 binary")
    paths = [INGEST / "seed_layout.txt", INGEST / "french.txt", binary, INGEST / "empty.txt", INGEST / "broken_feed.xml",
             INGEST / "no_text_column.csv", INGEST / "page.html"]
    items = list(read_inputs([str(p) for p in paths]))
    assert [type(i).__name__ for i in items] == ["Article"] + ["IngestProblem"] * 5 + ["Article"]
    assert [i.source for i in items[1:6]] == [str(p) for p in paths[1:6]]


def test_published_fills_only_missing_dates():
    fallback = date(2020, 1, 1)
    plain, seed = read_inputs([str(INGEST / "plain.txt"), str(INGEST / "seed_layout.txt")], published=fallback)
    assert plain.published == fallback
    assert seed.published == date(2022, 8, 3)  # the input's own date wins
    rows = [a for a in read_inputs([str(INGEST / "archive.jsonl")], published=fallback) if isinstance(a, Article)]
    assert [a.published for a in rows] == [date(2023, 2, 13), fallback, date(2023, 3, 8)]
    [no_fallback] = read_inputs([str(INGEST / "plain.txt")])
    assert no_fallback.published is None


def test_reading_is_streamed(tmp_path):
    """The first article comes out before a large archive behind it is read."""
    archive = tmp_path / "many.jsonl.gz"
    with gzip.open(archive, "wt", encoding="utf-8") as out:
        for number in range(20_000):
            out.write(f'{{"id": "{number}", "text": "{GOOD} Report {number}."}}\n')
    stream = read_inputs([str(archive)])
    first = next(stream)
    assert first.id == "0"
    stream.close()  # closes the file: nothing else was read


def test_too_short_text_and_pretty_printed_json(tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("Home | News\n")
    assert _only_problem(short).reason == "too short to be an article: 'Home | News'"
    pretty = tmp_path / "export.json"
    pretty.write_text('[\n  {"text": "Gunmen attacked a village."}\n]\n')
    assert _only_problem(pretty).reason == "a JSON document is not supported: give one JSON object a line (JSONL)"
    one_line = tmp_path / "one.json"
    one_line.write_text(f'{{"text": "{GOOD}"}}\n')  # one object on one line is JSONL whatever the name
    [article] = read_inputs([str(one_line)])
    assert article.text == GOOD


def test_csv_row_with_more_fields_than_the_header(tmp_path):
    archive = tmp_path / "rows.csv"
    archive.write_text(f'id,text\nr1,"{GOOD}"\nr2,"{GOOD}",extra\nr3,"{GOOD} Again."\n')
    items = list(read_inputs([str(archive)]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestProblem", "Article"]
    assert items[1] == IngestProblem(f"{archive}:3", "row has 3 fields, the header 2")

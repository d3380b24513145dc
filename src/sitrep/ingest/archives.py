"""Archives of many articles: JSONL (one JSON object a line) and CSV/TSV (one row an article).

Fields / columns: `text` (required), `id`, `published`, `title`, `url`, `source` (the outlet);
also `authors` (a list, or names separated by ";") when present. Each line is read and checked on
its own: a bad line is an IngestProblem naming FILE:LINE and the rest of the archive goes on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sitrep.ingest.inputs import iter_lines
from sitrep.ingest.metadata import find_dateline, parse_authors, parse_date, title_case_name
from sitrep.records import Article, IngestProblem


class LineTooLong(Exception):
    """A CSV line over the limit: CSV records can span lines, so the rest of the file cannot be trusted."""

    def __init__(self, line_number: int) -> None:
        super().__init__(line_number)
        self.line_number = line_number


def read_jsonl(stream: BinaryIO, source: str, max_line_bytes: int) -> Iterator[Article | IngestProblem]:
    for number, line in enumerate(iter_lines(stream, max_line_bytes), start=1):
        where = f"{source}:{number}"
        if line is None:
            yield IngestProblem(where, f"line is longer than {max_line_bytes:,} bytes (over the article size limit)")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8").strip())
        except UnicodeDecodeError:
            yield IngestProblem(where, "line is not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            yield IngestProblem(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield IngestProblem(where, f"a JSON object is expected, got {type(record).__name__}")
            continue
        yield record_to_article(record, where)


def read_csv(stream: BinaryIO, source: str, max_line_bytes: int, delimiter: str = ",") -> Iterator[Article | IngestProblem]:
    csv.field_size_limit(max(csv.field_size_limit(), max_line_bytes))
    lines = _DecodedLines(stream, max_line_bytes)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            yield IngestProblem(source, "empty CSV file (no header row)")
            return
        columns = [name.strip().lstrip("\ufeff").lower() for name in header]
        if "text" not in columns:
            listed = ", ".join(c for c in columns if c) or "none"
            yield IngestProblem(source, f'CSV has no "text" column (columns: {listed})')
            return
        while True:
            first_line = lines.count + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield IngestProblem(f"{source}:{first_line}", f"malformed CSV row: {exc}")
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                yield IngestProblem(f"{source}:{first_line}", f"row has {len(row)} fields, the header {len(columns)}")
                continue
            record = {name: value for name, value in zip(columns, row) if name}
            yield record_to_article(record, f"{source}:{first_line}")
    except LineTooLong as exc:
        yield IngestProblem(
            f"{source}:{exc.line_number}",
            f"line is longer than {max_line_bytes:,} bytes (over the article size limit); rest of the file skipped",
        )


class _DecodedLines:
    """Lines of a byte stream as text for the csv module, counting them (UTF-8, else Windows-1252)."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._lines = iter_lines(stream, limit)
        self.count = 0

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        if line is None:
            raise LineTooLong(self.count)
        try:
            return line.decode("utf-8-sig" if self.count == 1 else "utf-8")
        except UnicodeDecodeError:
            return line.decode("cp1252", errors="replace")  # spreadsheet exports


def record_to_article(record: dict[str, Any], where: str) -> Article | IngestProblem:
    """An archive record to an Article, or the problem with it (missing text, bad date)."""
    text = record.get("text")
    if text is None:
        return IngestProblem(where, 'no "text" field')
    if not isinstance(text, str):
        return IngestProblem(where, f'"text" must be a string, got {type(text).__name__}')
    text = text.replace("\r\n", "\n").strip()
    published = None
    raw_date = record.get("published")
    if raw_date not in (None, ""):
        published = parse_date(str(raw_date))
        if published is None:
            return IngestProblem(where, f'bad "published" date {raw_date!r} (a full date such as 2021-03-04 is expected)')
    dateline = find_dateline(text)
    return Article(
        text=text,
        id=_optional(record.get("id")),
        title=_optional(record.get("title")),
        authors=_authors(record.get("authors")),
        outlet=_optional(record.get("source")) or _optional(record.get("outlet")) or (dateline[1] if dateline else None),
        published=published,
        dateline=dateline[0] if dateline else None,
        url=_optional(record.get("url")),
        source_path=where,
    )


def _optional(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _authors(value: Any) -> list[str]:
    if not value:
        return []
    names = value if isinstance(value, list) else str(value).split(";")
    authors: list[str] = []
    for name in (str(n).strip() for n in names):
        for author in parse_authors(name) or ([title_case_name(name)] if name else []):
            if author not in authors:
                authors.append(author)
    return authors

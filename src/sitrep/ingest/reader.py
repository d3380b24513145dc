"""`read_inputs`: files, folders and stdin in, `Article` records (or the problems met) out, streamed.

Reads as the data flows: open each input (walking folders in a fixed order), unpack gzip, detect
the format, let the format's reader make articles, and pass each through the common checks.
An input that cannot be read becomes an `IngestProblem` and the batch goes on.
"""

from __future__ import annotations

import contextlib
import gzip
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from sitrep.ingest.archives import read_csv, read_jsonl
from sitrep.ingest.checks import check_article
from sitrep.ingest.detect import binary_reason, decode_text, detect_format
from sitrep.ingest.feeds import read_feed
from sitrep.ingest.html import read_html_page
from sitrep.ingest.inputs import STDIN_NAME, RawInput, describe_os_error, open_file, open_stdin, read_capped, unpack_gzip, walk_files
from sitrep.ingest.text import read_text_article
from sitrep.records import Article, IngestProblem
from sitrep.settings import Settings

# Markup carries more bytes than the text it holds: a page or feed may be this many times
# max_article_chars in bytes before it is refused unread.
MARKUP_FACTOR = 20
# UTF-8 needs up to 4 bytes a character, JSON escapes up to 6; plus room for the other fields.
LINE_FACTOR = 6
LINE_SLACK = 64 * 1024


def read_inputs(
    paths: list[str],
    *,
    published: date | None = None,
    jsonl_input: bool = False,
    settings: Settings | None = None,
) -> Iterator[Article | IngestProblem]:
    """Articles from files, folders (recursively) and stdin ("-"), in order, one at a time.

    `published` fills in the date of inputs that carry none; with `jsonl_input` every input is
    read as JSONL archive lines whatever it is called.
    """
    settings = settings or Settings()
    reader = _Reader(published=published, jsonl_input=jsonl_input, max_chars=settings.max_article_chars)
    for raw in paths:
        if raw == "-":
            yield from reader.read(open_stdin)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in walk_files(path):
                if isinstance(file, tuple):  # a folder that cannot be listed
                    yield IngestProblem(str(file[0]), describe_os_error(file[1]))
                else:
                    yield from reader.read(lambda file=file: open_file(file), str(file))
        else:
            yield from reader.read(lambda: open_file(path), raw)


class _Reader:
    def __init__(self, *, published: date | None, jsonl_input: bool, max_chars: int) -> None:
        self.published = published
        self.jsonl_input = jsonl_input
        self.max_chars = max_chars

    def read(self, opener: Callable[[], RawInput], source: str = STDIN_NAME) -> Iterator[Article | IngestProblem]:
        """Everything in one input; a failure part-way is one problem after what was read before it."""
        with contextlib.ExitStack() as stack:
            try:
                raw = opener()
                stack.callback(raw.close)
                unpacked = unpack_gzip(raw)
                if unpacked is not raw:
                    stack.callback(unpacked.close)
                for item in self._articles(unpacked):
                    if isinstance(item, Article):
                        item = check_article(item, published=self.published, max_chars=self.max_chars)
                    yield item
            except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
                yield IngestProblem(source, f"corrupt gzip data: {exc or 'truncated'}")
            except OSError as exc:
                yield IngestProblem(source, describe_os_error(exc))
            except Exception as exc:  # a parser failing on odd input must not end the batch
                yield IngestProblem(source, f"cannot read: {type(exc).__name__}: {exc}")

    def _articles(self, raw: RawInput) -> Iterator[Article | IngestProblem]:
        reason = binary_reason(raw.head)
        if reason:
            yield IngestProblem(raw.source, reason)
            return
        fmt = detect_format(raw.name, raw.head, jsonl_input=self.jsonl_input)
        line_limit = self.max_chars * LINE_FACTOR + LINE_SLACK
        if fmt == "json":
            yield IngestProblem(raw.source, "a JSON document is not supported: give one JSON object a line (JSONL)")
        elif fmt == "jsonl":
            yield from read_jsonl(raw.stream, raw.source, line_limit)
        elif fmt in ("csv", "tsv"):
            yield from read_csv(raw.stream, raw.source, line_limit, delimiter="\t" if fmt == "tsv" else ",")
        elif fmt == "feed":
            data = read_capped(raw.stream, self.max_chars * MARKUP_FACTOR)
            if data is None:
                yield self._too_large(raw)
            else:
                yield from read_feed(data, raw.source)
        elif fmt == "html":
            data = read_capped(raw.stream, self.max_chars * MARKUP_FACTOR)
            yield self._too_large(raw) if data is None else read_html_page(data, raw.source)
        else:
            yield self._text(raw)

    def _text(self, raw: RawInput) -> Article | IngestProblem:
        data = read_capped(raw.stream, self.max_chars * 4)  # 4 = most UTF-8 bytes a character takes
        if data is None:
            return self._too_large(raw)
        try:
            text = decode_text(data)
        except ValueError as exc:
            return IngestProblem(raw.source, str(exc))
        return read_text_article(text, raw.source)

    def _too_large(self, raw: RawInput) -> IngestProblem:
        return IngestProblem(raw.source, f"too large: over the limit of {self.max_chars:,} characters (max_article_chars)")

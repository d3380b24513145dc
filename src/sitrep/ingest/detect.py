"""Which format an input is in: by its extension, else by sniffing its first bytes; and decoding text.

Formats: "text" (plain or seed-layout article), "html" (a web page), "feed" (RSS/Atom),
"jsonl" and "csv"/"tsv" (archives of many articles); "json" (one JSON document) is recognised
only to be refused with a clear reason.
"""

from __future__ import annotations

import csv
import json
import re

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
# Extensions whose content decides: .xml may be a feed or an XHTML page.
SNIFFED_EXTENSIONS = {".xml"}

ARCHIVE_COLUMNS = {"id", "text", "published", "title", "url", "source"}

# Magic numbers of binary formats people drop into article folders by mistake.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|title|meta)\b")


def binary_reason(head: bytes) -> str | None:
    """Why the content is not text ("binary file: a PDF file"), or None when it is text."""
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if head.startswith(_BOMS):
        return None
    if b"\x00" in head:
        return "binary file, not text"
    return None


def detect_format(name: str, head: bytes, *, jsonl_input: bool = False) -> str:
    """The format by extension (".txt", ".jsonl", ...), else by content."""
    if jsonl_input:
        return "jsonl"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    sample = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lowered = sample[:4096].lower()
    if sample.startswith("<"):
        if _FEED_ROOT.search(lowered):
            return "feed"
        if _HTML_TAG.search(lowered):
            return "html"
        return "feed" if lowered.startswith("<?xml") else "html"
    first_line = sample.split("\n", 1)[0].strip()
    if first_line.startswith("{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
    if sample.startswith(("{", "[")) and _is_json(sample):
        return "json"  # one JSON document (pretty-printed or an array): not a format articles come in
    for delimiter, fmt in (("\t", "tsv"), (",", "csv")):
        if delimiter in first_line:
            columns = {c.strip().lower() for c in next(csv.reader([first_line], delimiter=delimiter), [])}
            if "text" in columns and len(columns & ARCHIVE_COLUMNS) >= 2:  # a header such as "id,text"
                return fmt
    return "text"


def _is_json(sample: str) -> bool:
    """Whether the sample opens a JSON document: a string key or a value right after the bracket."""
    return re.match(r'^[\[{]\s*(?:"|\{|\[|\]|\}|-?\d|true|false|null)', sample) is not None


def decode_text(data: bytes) -> str:
    """Bytes to text: a BOM's encoding, else UTF-8, else the best guess of charset-normalizer.

    Raises ValueError when the bytes are not text in any encoding (binary data).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise ValueError("binary file, not text in any known encoding") from None
            text = str(best)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(3, len(text[:20000]) // 100):
        raise ValueError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")

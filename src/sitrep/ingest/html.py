"""Web pages (main text and metadata by trafilatura) and HTML fragments (feed items) to text."""

from __future__ import annotations

import re
import warnings
from datetime import date

from sitrep.ingest.language import MIN_LETTERS
from sitrep.ingest.metadata import find_dateline, parse_authors, parse_byline, parse_date, title_case_name
from sitrep.records import Article, IngestProblem

_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "section", "article", "pre", "figure", "figcaption", "hr")


def read_html_page(data: bytes, source: str) -> Article | IngestProblem:
    """The article in a web page: main text (boilerplate removed), title, authors, date, site name, URL."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml FutureWarnings from inside trafilatura
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Dates from the page's metadata and markup only; the text search is done below.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    if document is None or sum(ch.isalpha() for ch in document.text or "") < MIN_LETTERS:
        return IngestProblem(source, "no article text found in the HTML page")
    paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
    title = (document.title or "").strip() or None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline repeated at the top of the text
    authors = _page_authors(document.author)
    outlet = document.sitename or document.hostname or None
    published = parse_date(document.date) or _date_in_page(data)
    if paragraphs and (byline := parse_byline(paragraphs[0])):
        paragraphs = paragraphs[1:]  # a printed byline in the text: metadata, not body
        authors = authors or byline[0]
        outlet = outlet or byline[1]
        published = published or byline[2]
    body = "\n\n".join(paragraphs)
    dateline = find_dateline(body)
    return Article(
        text=body,
        title=title,
        authors=authors,
        outlet=outlet,
        published=published,
        dateline=dateline[0] if dateline else None,
        url=document.url or None,
        source_path=source,
    )


def _date_in_page(data: bytes) -> date | None:
    """A publication day written in the page ("Posted on 14 March 2022"), when its metadata has none.

    htmldate's text search falls back on month and year granularity (a "© 2023" footer becomes
    2023-01-01); such guesses, which land on the 1st, are no publication day and are dropped.
    """
    import htmldate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = htmldate.find_date(data, extensive_search=True, original_date=True)
    day = parse_date(found)
    return day if day and day.day != 1 else None


def _page_authors(value: str | None) -> list[str]:
    """trafilatura gives "Jane Doe; JOHN ROE"; names it found are kept even when unusual."""
    if not value:
        return []
    authors: list[str] = []
    for name in value.split(";"):
        name = re.sub(r"^\s*by\s+", "", name.strip(), flags=re.IGNORECASE)
        found = parse_authors(name) or ([title_case_name(name)] if name else [])
        authors.extend(a for a in found if a not in authors)
    return authors


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed item): paragraphs kept, scripts and styles dropped."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    import lxml.html
    from lxml import etree
    from lxml_html_clean import Cleaner

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    root = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True).clean_html(root)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        if len(element) or element.text:
            element.text = "\n\n" + (element.text or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    """Paragraphs separated by one blank line, spaces folded within each."""
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)

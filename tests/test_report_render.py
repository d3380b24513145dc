"""Rendering situation reports: Markdown, self-contained HTML and JSON carry the same content, and
article text (here full of markup and a <script> payload) can never become markup."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from fixtures.report import report_store
from sitrep.report.situation import ReportRequest, build_situation_report
from sitrep.report.situation_html import render_html
from sitrep.report.situation_md import md, render_markdown
from sitrep.store import Store


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('render') / 'report.db'}"
    report_store.build(url)
    with Store.open(url) as store:
        return build_situation_report(store, ReportRequest(since=date(2024, 3, 4), until=date(2024, 3, 10)))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_md_escapes_markup_characters():
    assert md("a *b* _c_ [d](e) <f> | # ~ ` \\ !") == "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\| \\# \\~ \\` \\\\ \\!"
    assert md("line\nbreak   folded") == "line break folded"
    assert md("AT&T &amp; co") == "AT&T \\&amp; co"


def test_html_escapes_article_text_and_runs_no_script(week):
    html = render_html(week)
    parsed = _parse(html)
    tags = {tag for tag, _ in parsed.tags}
    assert "script" not in tags and "b" not in tags  # the payload and the outlet's <b> are text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    text = "".join(parsed.text)
    assert "We pushed them back <script>alert('x')</script>" in text  # shown, as text, to the reader
    assert "Frontline <b>Wire</b>" in text


def test_html_is_self_contained_and_links_only_web_urls(week):
    html = render_html(week)
    parsed = _parse(html)
    hrefs = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert "https://hill.example/toll" in hrefs and "https://courier.example/alpha-market" in hrefs
    assert all(h and h.startswith("https://") for h in hrefs)  # the javascript: URL is never a link
    assert not any(tag in {"link", "img", "iframe", "object"} or "src" in attrs for tag, attrs in parsed.tags)
    assert "<style>" in html and "@import" not in html


def test_html_shows_every_section(week):
    text = " ".join("".join(_parse(render_html(week)).text).split())
    for heading in ("Headline figures", "Hotspots", "Main actors", "Timeline (daily)", "Notable events",
                    "What sources said", "Methods and coverage"):
        assert heading in text
    assert "5 events (+150% on the previous period's 2) and 17 reported fatalities (+240% on the previous period's 5)" in text
    assert "sources disagree, reporting 12 to 15 (Valley Courier: 12, Hill Times: 15)" in text
    assert "“Gunmen kill 12 at Alpha market”" in text
    assert "a hospital official anonymous source, quote: “We ran out of beds by noon”" in text  # role already in the name
    assert "Colonel [Jane](http://evil.example) Doe_Smith (army spokesman), quote" in text


def test_markdown_renders_without_raw_html_or_injected_links(week):
    markdown = render_markdown(week)
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)  # raw HTML would pass through here
    parsed = _parse(rendered)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    hrefs = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    text = "".join(parsed.text)
    assert "Colonel [Jane](http://evil.example) Doe_Smith" in text
    assert "soldiers clashed with *rebels*" in text.lower()


def test_markdown_tables_keep_their_columns(week):
    markdown = render_markdown(week)
    for block in re.findall(r"(?:^\|.*\|\n)+", markdown, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(widths) == 1, block
    assert "Testland Liberation Front \\<script\\>alert('x')\\</script\\>" in markdown


def test_markdown_notable_event_quotes_its_sources(week):
    markdown = render_markdown(week)
    section = markdown.split("## Notable events")[1].split("## What sources said")[0]
    assert "### 1. Violence against civilians / Attack in Alpha, North, Testland, 2024-03-05" in section
    assert "sources disagree, reporting 12 to 15" in section
    assert "> “At least 15 people died in Tuesday's attack on the Alpha market, a hospital official said.”" in section
    assert "[Hill Times, “Alpha market toll rises to 15”, 2024-03-07](<https://hill.example/toll>), reports 15 killed" in section


def test_json_is_the_same_content_as_data(week):
    data = json.loads(json.dumps(week.to_dict()))
    assert data["period"] == {"since": "2024-03-04", "until": "2024-03-10", "days": 7}
    assert data["totals"]["events"] == 5 and data["totals"]["events_change_pct"] == 150.0
    assert [h["admin1"] for h in data["hotspots"]] == ["South", "North"]
    market = data["notable_events"][0]
    assert market["fatalities_range"] == [12, 15] and market["sources_disagree"]
    assert {s["article"]["outlet"] for s in market["sources"]} == {"Valley Courier", "Hill Times"}
    assert data["timeline"]["unit"] == "day" and len(data["timeline"]["bins"]) == 7
    assert any("background" in note for note in data["methods"])
    assert data["notable_events"][1]["sources"][0]["article"]["link"] is None

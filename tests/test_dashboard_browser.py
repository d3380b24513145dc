"""The dashboard in a real headless Chromium against a real server over fixture events.

Set SITREP_SCREENSHOTS_DIR (e.g. docs/screenshots) to save screenshots of the main views.
"""

from __future__ import annotations

import contextlib

import os
from pathlib import Path

import pytest

from fixtures.serve.browser import launch, require_chromium
from fixtures.serve.fixture_store import (
    EVENT_WITH_TWO_SOURCES,
    SCRIPT_PAYLOAD,
    VISIBLE_EVENTS,
    XSS_EVENT,
    build_store,
)
from fixtures.serve.live_server import live_server
from sitrep.serve.api import create_app
from sitrep.serve.settings import ServeSettings

pytestmark = pytest.mark.browser

QAIM_SENTENCE = "Islamic State militants attacked an army checkpoint near Qaim on Saturday, killing four soldiers, security officials said."
WIRE_SENTENCE = "Four Iraqi soldiers died when gunmen stormed a checkpoint outside Qaim in western Anbar on Saturday, the Joint Operations Command said in a statement."


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'sitrep.db'}"
    app = create_app(ServeSettings(db_url=url, token="t", require_token_for_reads=False, tile_url=None), build_store(url))
    with live_server(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url)
    page = context.new_page()
    page.problems = []  # uncaught errors and console errors, checked by the tests
    page.on("pageerror", lambda error: page.problems.append(f"pageerror: {error}"))
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    yield page
    context.close()


def open_dashboard(page, query: str = "") -> None:
    page.goto("/" + query)
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    page.wait_for_selector("#map[data-basemap='loaded']", timeout=15_000)


def screenshot(page, name: str) -> None:
    folder = os.environ.get("SITREP_SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(400)  # let Leaflet finish its zoom animation
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def table_ids(page) -> list[str]:
    return page.eval_on_selector_all("#events-table tbody tr[data-event-id]", "rows => rows.map(r => r.dataset.eventId)")


def timeline_total(page) -> int:
    return page.eval_on_selector_all("#timeline rect.bar", "bars => bars.reduce((n, b) => n + Number(b.dataset.events), 0)")


def test_dashboard_loads_with_markers_timeline_and_table(page):
    open_dashboard(page)
    assert page.get_attribute("#map", "data-markers") == str(VISIBLE_EVENTS)
    # Markers and clusters are on the map; together they hold every event (waiting out any
    # cluster animation, during which old and new cluster icons are both in the page).
    page.wait_for_function(
        """(expected) => {
            const single = document.querySelectorAll('#map path.event-marker').length;
            const clustered = [...document.querySelectorAll('#map .cluster span')].reduce((n, s) => n + Number(s.textContent), 0);
            return single > 0 && single + clustered === expected;
        }""",
        arg=VISIBLE_EVENTS,
        timeout=10_000,
    )
    assert page.locator("#map path.leaflet-interactive, #map .leaflet-overlay-pane path").count() > 100  # country borders
    assert timeline_total(page) == VISIBLE_EVENTS
    assert page.locator("#timeline rect.bar").count() == 4  # the weeks of 24 June to 15 July 2019
    assert len(table_ids(page)) == VISIBLE_EVENTS
    # With no filters in the URL it opens on the last year of data (the last event is 2019-07-20).
    assert page.input_value("#f-since") == "2018-07-20"
    assert page.problems == []
    screenshot(page, "dashboard")


def test_a_filter_updates_map_timeline_and_table_together(page):
    open_dashboard(page)
    page.select_option("#f-type", "Battles")
    page.click("#f-apply")
    page.wait_for_function("() => document.querySelector('#map').dataset.markers === '2'")
    page.wait_for_function("() => !document.body.dataset.loading")
    assert sorted(table_ids(page)) == ["IRQ-KRK-1", "IRQ-QAIM-1"]
    assert timeline_total(page) == 2
    assert "event_type=Battles" in page.url

    page.fill("#f-actor", "Islamic State")
    page.fill("#f-since", "2019-07-18")
    page.click("#f-apply")
    page.wait_for_function("() => document.querySelector('#map').dataset.markers === '1'")
    page.wait_for_function("() => !document.body.dataset.loading")
    assert table_ids(page) == ["IRQ-QAIM-1"]
    assert timeline_total(page) == 1
    assert page.text_content("#table-count") == "(1)"

    page.click("#f-reset")
    page.wait_for_function(f"() => document.querySelector('#map').dataset.markers === '{VISIBLE_EVENTS}'")
    assert page.problems == []


def test_filters_from_the_url_and_timeline_click(page):
    open_dashboard(page, "?country=Iraq")
    assert len(table_ids(page)) == VISIBLE_EVENTS - 1
    page.click("#timeline rect.bar[data-period='2019-07-15']")
    page.wait_for_function("() => document.querySelector('#f-since').value === '2019-07-15'")
    page.wait_for_function("() => document.querySelector('#map').dataset.markers === '4'")
    page.wait_for_function("() => !document.body.dataset.loading")
    assert page.input_value("#f-until") == "2019-07-21"
    assert sorted(table_ids(page)) == ["IRQ-BSR-1", "IRQ-HWJ-1", "IRQ-KRK-1", "IRQ-QAIM-1"]
    screenshot(page, "filtered")


def test_clicking_an_event_shows_its_sentence_highlighted_in_the_article(page):
    open_dashboard(page)
    page.click(f"#events-table tbody tr[data-event-id='{EVENT_WITH_TWO_SOURCES}']")
    page.wait_for_selector("#panel-article mark")
    assert page.text_content("#panel-article mark") == QAIM_SENTENCE
    assert page.text_content("#panel-article").startswith("QAIM, Iraq — Islamic State militants")
    assert page.locator("#panel-sources li").count() == 2
    fields = dict(zip(page.locator("#panel-fields th").all_text_contents(), page.locator("#panel-fields td").all_text_contents()))
    assert fields["event_type"] == "Battles" and fields["fatalities"] == "4" and fields["admin1"] == "Al Anbar"
    screenshot(page, "event-panel")

    # The other source: its own sentence, highlighted in its own article.
    page.click("#panel-sources li[data-article-id='qaim-wire'] button")
    page.wait_for_function("() => document.querySelector('#panel').dataset.articleId === 'qaim-wire'")
    assert page.text_content("#panel-article mark") == WIRE_SENTENCE
    assert page.problems == []


def test_clicking_a_map_marker_opens_the_event(page):
    open_dashboard(page, "?country=Syria")
    page.wait_for_function("() => document.querySelector('#map').dataset.markers === '1'")
    page.locator("#map path.event-marker").click()
    page.wait_for_function("() => document.querySelector('#panel').dataset.eventId === 'SYR-DEZ-1'")
    page.wait_for_selector("#panel-article mark")
    assert page.text_content("#panel-article mark").startswith("Gunmen shot dead a village elder")
    assert page.problems == []


def test_untrusted_article_text_is_shown_as_text_and_never_runs(page):
    open_dashboard(page)
    page.click(f"#events-table tbody tr[data-event-id='{XSS_EVENT}']")
    page.wait_for_selector("#panel-article mark")
    page.wait_for_timeout(300)  # give an injected onerror handler time to fire
    assert page.evaluate("window.__sitrep_xss") is None
    assert SCRIPT_PAYLOAD in page.text_content("#panel-article mark")
    assert SCRIPT_PAYLOAD in page.text_content("#panel-fields")  # the notes field
    # No element was made from the payloads anywhere on the page.
    assert page.locator("#panel script, #panel img, #events-table img, .leaflet-tooltip img").count() == 0
    assert "<img src=x" in page.text_content("#events-table")
    # The javascript: URL is not turned into a link.
    assert page.locator("#panel-article-meta a").count() == 0
    assert page.problems == []
    screenshot(page, "untrusted-text")


def test_offline_api_docs_render_under_the_csp(page):
    page.goto("/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_text_contents()
    assert any("/api/events" in p for p in paths) and any("/api/aggregates" in p for p in paths)
    assert page.problems == []


@contextlib.contextmanager
def private_dashboard(browser, tmp_path):
    """A page on a server whose reads need the token 'private-token'."""
    url = f"sqlite:///{tmp_path / 'private.db'}"
    app = create_app(ServeSettings(db_url=url, token="private-token", require_token_for_reads=True, tile_url=None), build_store(url))
    with live_server(app) as base:
        context = browser.new_context(base_url=base)
        try:
            yield context.new_page()
        finally:
            context.close()


def test_dashboard_asks_for_the_token_when_reads_need_one(browser, tmp_path):
    with private_dashboard(browser, tmp_path) as page:
        page.goto("/")
        page.wait_for_selector("#auth-bar:not([hidden])")
        assert page.locator("#events-table tbody tr[data-event-id]").count() == 0
        page.fill("#auth-token", "private-token")
        page.click("#auth-form button")
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        assert len(table_ids(page)) == VISIBLE_EVENTS
        assert page.is_hidden("#auth-bar")


def test_download_csv_saves_the_filtered_events_in_acled_layout(page, tmp_path):
    open_dashboard(page)
    page.select_option("#f-type", "Battles")
    page.click("#f-apply")
    page.wait_for_function("() => document.querySelector('#map').dataset.markers === '2'")
    with page.expect_download() as download_info:
        page.click("#f-download")
    download = download_info.value
    assert download.suggested_filename == "sitrep-events.csv"
    target = tmp_path / "events.csv"
    download.save_as(target)
    import csv

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert sorted(r["event_id_cnty"] for r in rows) == ["IRQ-KRK-1", "IRQ-QAIM-1"]
    assert {r["event_type"] for r in rows} == {"Battles"} and {r["disorder_type"] for r in rows} == {"Political violence"}
    assert page.problems == []


def test_download_carries_the_token_when_reads_need_one(browser, tmp_path):
    with private_dashboard(browser, tmp_path) as page:
        page.goto("/")
        page.fill("#auth-token", "private-token")
        page.click("#auth-form button")
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        with page.expect_download() as download_info:
            page.click("#f-download")
        target = tmp_path / "events.csv"
        download_info.value.save_as(target)
        assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + VISIBLE_EVENTS


def test_only_map_view_filters_by_the_visible_box(page):
    open_dashboard(page, "?country=Iraq")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.check("#f-bbox")
    page.wait_for_function("() => !document.body.dataset.loading")
    everything = len(table_ids(page))
    # Zoom in on the map's centre: the events near its edges leave the table.
    for _ in range(3):
        page.click("#map .leaflet-control-zoom-in")
        page.wait_for_timeout(400)
    page.wait_for_function("() => !document.body.dataset.loading")
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.body.dataset.loading")
    visible = table_ids(page)
    assert len(visible) < everything
    assert "bbox" not in page.url  # the box follows the map; it is not a shareable filter
    assert page.problems == []

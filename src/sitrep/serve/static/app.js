// The dashboard: one set of filters drives the map, the timeline and the table together.
// Filters live in the page URL so a view can be shared or reloaded.

import { AuthRequired, downloadFile, getJSON, setToken } from "./api.js";
import { EVENT_TYPES } from "./colors.js";
import { el } from "./dom.js";
import { EventMap, renderLegend } from "./map.js";
import { EventPanel } from "./panel.js";
import { renderTable, markSelected } from "./table.js";
import { renderTimeline } from "./timeline.js";

const MAP_LIMIT = 5000;
const MAP_FIELDS = "event_type,event_date,location"; // what markers and tooltips show; the rest is one click away
const PAGE_SIZE = 50;
const FILTER_FIELDS = ["since", "until", "event_type", "actor", "admin1", "country", "q"];

const form = document.getElementById("filters");
const status = document.getElementById("status");
const tableBody = document.querySelector("#events-table tbody");
const state = { offset: 0, total: 0, selected: null, map: null, panel: null, articles: new Map(), defaultSince: null };

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function currentFilters() {
  const params = {};
  for (const name of FILTER_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) params[name] = value;
  }
  if (document.getElementById("f-bbox").checked && state.map) params.bbox = state.map.bbox();
  return params;
}

function loadFiltersFromUrl() {
  const query = new URLSearchParams(window.location.search);
  for (const name of FILTER_FIELDS) if (query.has(name)) form.elements[name].value = query.get(name);
}

function saveFiltersToUrl(filters) {
  const query = new URLSearchParams();
  for (const name of FILTER_FIELDS) if (filters[name]) query.set(name, filters[name]);
  const search = query.toString();
  history.replaceState(null, "", search ? "?" + search : window.location.pathname);
}

// Weeks with no events still get a (zero) bar so the time axis stays linear.
function fillWeeks(buckets) {
  if (buckets.length < 2) return buckets;
  const byPeriod = new Map(buckets.map((b) => [b.period, b]));
  const out = [];
  const day = new Date(buckets[0].period + "T00:00:00Z");
  const last = new Date(buckets[buckets.length - 1].period + "T00:00:00Z");
  for (let guard = 0; day <= last && guard < 2000; guard++) {
    const key = day.toISOString().slice(0, 10);
    out.push(byPeriod.get(key) || { period: key, events: 0, fatalities: 0 });
    day.setUTCDate(day.getUTCDate() + 7);
  }
  return out;
}

function fetchView(filters, offset) {
  return Promise.all([
    getJSON("/api/events", { ...filters, format: "geojson", limit: MAP_LIMIT, fields: MAP_FIELDS }),
    getJSON("/api/aggregates", { ...filters, period: "week" }),
    getJSON("/api/events", { ...filters, limit: PAGE_SIZE, offset }),
  ]);
}

async function refresh({ keepPage = false, prefetched = null } = {}) {
  if (!keepPage) state.offset = 0;
  const filters = currentFilters();
  saveFiltersToUrl(filters);
  setStatus("Loading…");
  document.body.dataset.loading = "1";
  try {
    const [geo, timeline, page] = await (prefetched || fetchView(filters, state.offset));
    state.map.setEvents(geo);
    renderTimeline(document.getElementById("timeline"), fillWeeks(timeline.buckets.filter((b) => b.period)), pickWeek);
    state.total = page.total;
    renderTable(tableBody, page.events, selectEvent);
    markSelected(tableBody, state.selected);
    renderPager(page);
    const onMap = geo.features.length;
    setStatus(page.total > onMap
      ? `${page.total} events match; the map shows the latest ${onMap}.`
      : `${page.total} events match.`);
    document.body.dataset.ready = "1";
    if (window.__sitrepFirstRender === undefined) window.__sitrepFirstRender = performance.now();
  } catch (error) {
    handleError(error);
  } finally {
    delete document.body.dataset.loading;
  }
}

function renderPager(page) {
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  document.getElementById("table-count").textContent = `(${page.total})`;
  document.getElementById("page-info").textContent = `${first}–${last} of ${page.total}`;
  document.getElementById("page-prev").disabled = page.offset === 0;
  document.getElementById("page-next").disabled = last >= page.total;
}

async function changePage(delta) {
  const offset = state.offset + delta * PAGE_SIZE;
  if (offset < 0 || offset >= state.total) return;
  state.offset = offset;
  try {
    const page = await getJSON("/api/events", { ...currentFilters(), limit: PAGE_SIZE, offset });
    renderTable(tableBody, page.events, selectEvent);
    markSelected(tableBody, state.selected);
    renderPager(page);
  } catch (error) {
    handleError(error);
  }
}

function pickWeek(start, end) {
  form.elements.since.value = start;
  form.elements.until.value = end;
  refresh();
}

async function loadArticle(articleId) {
  if (!state.articles.has(articleId)) {
    state.articles.set(articleId, await getJSON(`/api/articles/${encodeURIComponent(articleId)}`));
  }
  return state.articles.get(articleId);
}

async function selectEvent(eventId) {
  state.selected = eventId;
  markSelected(tableBody, eventId);
  try {
    const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
    await state.panel.show(event);
    state.map.focus(eventId);
  } catch (error) {
    handleError(error);
  }
}

function handleError(error) {
  if (error instanceof AuthRequired) {
    document.getElementById("auth-bar").hidden = false;
    setStatus("Enter the API token to read from this server.", true);
    return;
  }
  console.error(error);
  setStatus(error.message, true);
}

function populateTypes(types) {
  const select = document.getElementById("f-type");
  const wanted = select.value || new URLSearchParams(window.location.search).get("event_type") || "";
  for (const type of [...new Set([...EVENT_TYPES, ...types])]) {
    select.append(el("option", { value: type, text: type }));
  }
  select.value = wanted;
}

// With no filters in the URL the dashboard opens on the last year of data: a store of millions
// of events stays quick to open, and clearing the date shows everything.
async function loadDefaultWindow() {
  try {
    const summary = await getJSON("/api/summary");
    if (summary.last_event_date) {
      const day = new Date(summary.last_event_date + "T00:00:00Z");
      day.setUTCFullYear(day.getUTCFullYear() - 1);
      state.defaultSince = day.toISOString().slice(0, 10);
    }
  } catch (_) { /* a token may be needed: refresh() will ask for it */ }
  applyDefaultWindow();
}

function applyDefaultWindow() {
  if (state.defaultSince) form.elements.since.value = state.defaultSince;
}

async function start() {
  const fromUrl = FILTER_FIELDS.some((name) => new URLSearchParams(window.location.search).has(name));
  loadFiltersFromUrl();
  // The data, the configuration and the basemap are fetched together: the first render waits
  // for the slowest of them, not for their sum.
  const configData = getJSON("/api/config");
  configData.catch(() => {});
  const basemapData = getJSON("/api/basemap");
  basemapData.catch(() => {});
  if (!fromUrl) await loadDefaultWindow();
  const prefetched = fetchView(currentFilters(), 0);
  prefetched.catch(() => {}); // handled by refresh() below
  let config;
  try {
    config = await configData;
  } catch (error) {
    handleError(error);
    return;
  }
  populateTypes(config.event_types || []);
  if (config.read_requires_token && !sessionStorage.getItem("sitrep-token")) {
    document.getElementById("auth-bar").hidden = false;
  }
  state.map = new EventMap(document.getElementById("map"), config, selectEvent);
  if (config.tile_url) document.getElementById("map").dataset.basemap = "tiles";
  renderLegend(document.getElementById("legend"));
  state.panel = new EventPanel(document.getElementById("panel"), loadArticle);
  state.map.onMoveEnd(() => { if (document.getElementById("f-bbox").checked) refresh(); });

  form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  document.getElementById("f-reset").addEventListener("click", () => { form.reset(); applyDefaultWindow(); refresh(); });
  document.getElementById("f-bbox").addEventListener("change", () => refresh());
  document.getElementById("f-download").addEventListener("click", () => {
    downloadFile("/api/events/export", { ...currentFilters(), format: "acled-csv" }, "sitrep-events.csv")
      .catch((error) => handleError(error));
  });
  document.getElementById("page-prev").addEventListener("click", () => changePage(-1));
  document.getElementById("page-next").addEventListener("click", () => changePage(1));
  document.getElementById("auth-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    setToken(document.getElementById("auth-token").value);
    document.getElementById("auth-bar").hidden = true;
    refresh();
  });

  const basemap = state.map.loadBasemap(() => basemapData).catch((error) => handleError(error));
  await Promise.all([refresh({ prefetched }), basemap]);
}

window.addEventListener("DOMContentLoaded", start);

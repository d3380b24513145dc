// The event panel: the article with the event's source sentence highlighted, the other sources,
// and the coded fields. Article text is untrusted: it is split at the evidence offsets and every
// piece is inserted as a text node.

import { clear, el } from "./dom.js";

const FIELDS = [
  "event_id", "event_date", "date_start", "date_end", "time_precision", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country", "iso3", "admin1",
  "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "attribution", "confidence",
  "background", "generic", "notes",
];

// Text with [start, end) spans wrapped in <mark>; overlapping spans are merged.
export function highlightedText(text, spans) {
  const ordered = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
    .map((s) => [Math.max(0, s.start), Math.min(text.length, s.end)])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const span of ordered) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) fragment.append(document.createTextNode(text.slice(at, start)));
    fragment.append(el("mark", { className: "evidence", text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

function articleLine(article) {
  const parts = [article.title || article.id, article.outlet, article.published].filter(Boolean);
  return parts.join(" · ");
}

export class EventPanel {
  constructor(root, loadArticle) {
    this.root = root;
    this.loadArticle = loadArticle;
    this.placeholder = root.querySelector("#panel-placeholder");
    this.body = root.querySelector("#panel-body");
    this.title = root.querySelector("#panel-title");
    this.meta = root.querySelector("#panel-article-meta");
    this.article = root.querySelector("#panel-article");
    this.sources = root.querySelector("#panel-sources");
    this.fields = root.querySelector("#panel-fields tbody");
  }

  async show(event) {
    this.placeholder.hidden = true;
    this.body.hidden = false;
    this.root.dataset.eventId = event.event_id;
    this.title.textContent = `${event.event_type || "Event"}${event.location ? " in " + event.location : ""}${event.event_date ? ", " + event.event_date : ""}`;
    this.renderFields(event);
    const articles = new Map((event.articles || []).map((a) => [a.id, a]));
    const sources = (event.sources && event.sources.length
      ? event.sources
      : [{ article_id: event.doc_id, evidence: event.evidence, fatalities: event.fatalities, attribution: event.attribution }]
    ).map((s) => ({ ...s, article: articles.get(s.article_id) }));
    this.renderSources(sources);
    await this.showSource(sources[0]);
  }

  async showSource(source) {
    clear(this.article);
    clear(this.meta);
    let article;
    try {
      article = await this.loadArticle(source.article_id);
    } catch (error) {
      this.meta.append(el("span", { className: "error", text: `Article ${source.article_id} could not be loaded: ${error.message}` }));
      return;
    }
    this.meta.append(el("span", { text: articleLine(article) }));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      this.meta.append(" ", el("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }));
    }
    this.article.append(highlightedText(article.text || "", source.evidence || []));
    this.root.dataset.articleId = article.id;
    const mark = this.article.querySelector("mark");
    if (mark) this.article.scrollTop = Math.max(0, mark.offsetTop - this.article.offsetTop - 40);
    for (const item of this.sources.querySelectorAll("li")) {
      item.classList.toggle("current", item.dataset.articleId === source.article_id);
    }
  }

  renderSources(sources) {
    clear(this.sources);
    for (const source of sources) {
      const sentence = (source.evidence || []).map((e) => e.text).join(" … ");
      const label = source.article ? articleLine(source.article) : source.article_id;
      const item = el("li", { dataset: { articleId: source.article_id } },
        el("button", { type: "button", className: "linklike", text: label, onclick: () => this.showSource(source) }),
        source.fatalities != null ? el("span", { className: "muted", text: ` · ${source.fatalities} fatalities` }) : null,
        source.attribution ? el("span", { className: "muted", text: ` · ${source.attribution}` }) : null,
        sentence ? el("blockquote", { text: sentence }) : null,
      );
      this.sources.append(item);
    }
  }

  renderFields(event) {
    clear(this.fields);
    for (const key of FIELDS) {
      const value = event[key];
      if (value === undefined || value === null || value === "") continue;
      this.fields.append(el("tr", {}, el("th", { text: key }), el("td", { text: String(value) })));
    }
  }
}

// The event table: one page of the filtered events; a click opens the event panel.

import { typeClass } from "./colors.js";
import { clear, el } from "./dom.js";

export function renderTable(tbody, events, onSelect) {
  clear(tbody);
  if (!events.length) {
    tbody.append(el("tr", {}, el("td", { colspan: 9, className: "empty", text: "No events match the filters." })));
    return;
  }
  for (const e of events) {
    const row = el("tr", { dataset: { eventId: e.event_id }, tabindex: 0 },
      el("td", { text: e.event_date || "" }),
      el("td", {}, el("span", { className: "swatch " + typeClass(e.event_type) }), e.event_type || ""),
      el("td", { text: e.sub_event_type || "" }),
      el("td", { text: e.actor1 || "" }),
      el("td", { text: e.actor2 || "" }),
      el("td", { text: e.location || "" }),
      el("td", { text: e.admin1 || "" }),
      el("td", { text: e.country || "" }),
      el("td", { className: "num", text: e.fatalities ?? 0 }),
    );
    row.addEventListener("click", () => onSelect(e.event_id));
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onSelect(e.event_id); });
    tbody.append(row);
  }
}

export function markSelected(tbody, eventId) {
  for (const row of tbody.querySelectorAll("tr")) {
    row.classList.toggle("selected", row.dataset.eventId === eventId);
  }
}

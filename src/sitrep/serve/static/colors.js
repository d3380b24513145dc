// One colour per ACLED event type, shared by map markers, legend, timeline and table.

export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
];

const COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#1f77b4",
  "Riots": "#e377c2",
  "Strategic developments": "#2ca02c",
};

export const OTHER_COLOR = "#7f7f7f";

export function colorFor(eventType) {
  return COLORS[eventType] || OTHER_COLOR;
}

// A stable CSS class for an event type, e.g. "type-explosions-remote-violence".
export function typeClass(eventType) {
  return "type-" + String(eventType || "other").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

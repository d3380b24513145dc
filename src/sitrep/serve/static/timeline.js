// The timeline: events per week as bars, fatalities per week as a line, drawn as plain SVG.
// Clicking a week narrows the date filter to that week.

import { clear, svg } from "./dom.js";

const HEIGHT = 180;
const MARGIN = { top: 12, right: 48, bottom: 28, left: 44 };

function niceMax(value) {
  if (value <= 0) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function tickLabel(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function addDays(isoDay, days) {
  const d = new Date(isoDay + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function renderTimeline(container, buckets, onPick) {
  clear(container);
  const width = Math.max(320, container.clientWidth || 800);
  const root = svg("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", class: "timeline-svg" });
  container.append(root);
  container.dataset.weeks = String(buckets.length);
  if (!buckets.length) {
    root.append(svg("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "empty", text: "No dated events match the filters" }));
    return;
  }
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxEvents = niceMax(Math.max(...buckets.map((b) => b.events)));
  const maxDeaths = niceMax(Math.max(...buckets.map((b) => b.fatalities)));
  const step = plotW / buckets.length;
  const barW = Math.max(1, Math.min(step * 0.8, 48)); // a lone week is a bar, not a wall
  const yEvents = (v) => MARGIN.top + plotH - (v / maxEvents) * plotH;
  const yDeaths = (v) => MARGIN.top + plotH - (v / maxDeaths) * plotH;

  // Axes: events on the left, fatalities on the right, a few date labels below.
  const axes = svg("g", { class: "axes" });
  axes.append(svg("line", { x1: MARGIN.left, y1: MARGIN.top + plotH, x2: MARGIN.left + plotW, y2: MARGIN.top + plotH }));
  for (const frac of [0, 0.5, 1]) {
    const y = MARGIN.top + plotH - frac * plotH;
    axes.append(svg("text", { x: MARGIN.left - 6, y: y + 4, "text-anchor": "end", class: "axis-events", text: tickLabel(frac * maxEvents) }));
    axes.append(svg("text", { x: MARGIN.left + plotW + 6, y: y + 4, "text-anchor": "start", class: "axis-deaths", text: tickLabel(frac * maxDeaths) }));
    if (frac > 0) axes.append(svg("line", { class: "grid", x1: MARGIN.left, y1: y, x2: MARGIN.left + plotW, y2: y }));
  }
  const labelEvery = Math.max(1, Math.ceil(buckets.length / Math.max(2, Math.floor(plotW / 90))));
  buckets.forEach((b, i) => {
    if (i % labelEvery === 0) {
      axes.append(svg("text", { x: MARGIN.left + i * step + step / 2, y: HEIGHT - 8, "text-anchor": "middle", class: "axis-date", text: b.period }));
    }
  });
  root.append(axes);

  const bars = svg("g", { class: "bars" });
  buckets.forEach((b, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    const y = yEvents(b.events);
    const bar = svg("rect", { x, y, width: barW, height: MARGIN.top + plotH - y, class: "bar", "data-period": b.period, "data-events": b.events },
      svg("title", { text: `Week of ${b.period}: ${b.events} events, ${b.fatalities} fatalities` }));
    bar.addEventListener("click", () => onPick && onPick(b.period, addDays(b.period, 6)));
    bars.append(bar);
  });
  root.append(bars);

  const points = buckets.map((b, i) => `${(MARGIN.left + i * step + step / 2).toFixed(1)},${yDeaths(b.fatalities).toFixed(1)}`);
  root.append(svg("polyline", { points: points.join(" "), class: "deaths-line" }));
  buckets.forEach((b, i) => {
    root.append(svg("circle", { cx: MARGIN.left + i * step + step / 2, cy: yDeaths(b.fatalities), r: 2.5, class: "deaths-dot" },
      svg("title", { text: `Week of ${b.period}: ${b.fatalities} fatalities` })));
  });

  const legend = svg("g", { class: "timeline-legend", transform: `translate(${MARGIN.left + 8},${MARGIN.top + 4})` });
  legend.append(svg("rect", { x: 0, y: 0, width: 10, height: 10, class: "legend-bar" }));
  legend.append(svg("text", { x: 14, y: 9, text: "events" }));
  legend.append(svg("line", { x1: 70, y1: 5, x2: 84, y2: 5, class: "deaths-line" }));
  legend.append(svg("text", { x: 88, y: 9, text: "fatalities" }));
  root.append(legend);
}

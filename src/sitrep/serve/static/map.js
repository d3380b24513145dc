// The event map: an offline basemap of country borders (online tiles only when the server is
// configured with one), and clustered markers coloured by event type.

import { colorFor, EVENT_TYPES, typeClass } from "./colors.js";
import { el } from "./dom.js";

export class EventMap {
  constructor(container, config, onSelect) {
    const L = window.L;
    this.L = L;
    this.onSelect = onSelect;
    this.fitted = false;
    // markercluster needs a maxZoom; without tiles nothing finer than a town is worth showing.
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: config.tile_url ? 18 : 12 }).setView([20, 20], 2);
    if (config.tile_url) {
      L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "", maxZoom: 18 }).addTo(this.map);
    }
    this.clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      chunkedLoading: true,
      // Without animation: with "only map view" the layers are replaced on every move, and
      // markercluster fails when its layers are cleared in the middle of a zoom animation.
      animate: false,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    });
    this.map.addLayer(this.clusters);
    this.markersById = new Map();
  }

  async loadBasemap(fetchBasemap) {
    if (this.map.getContainer().dataset.basemap === "tiles") return;
    const data = await fetchBasemap();
    this.L.geoJSON(data, {
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0f2", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
    this.map.getContainer().dataset.basemap = "loaded";
  }

  // A cluster takes the colour of the event type most of its events have.
  clusterIcon(cluster) {
    const counts = new Map();
    for (const marker of cluster.getAllChildMarkers()) {
      const type = marker.options.eventType;
      counts.set(type, (counts.get(type) || 0) + 1);
    }
    let top = null;
    for (const [type, n] of counts) if (top === null || n > counts.get(top)) top = type;
    const total = cluster.getChildCount();
    const size = total < 10 ? 30 : total < 100 ? 36 : 44;
    const node = el("div", { className: "cluster " + typeClass(top) }, el("span", { text: total }));
    return this.L.divIcon({ html: node, className: "cluster-icon", iconSize: this.L.point(size, size) });
  }

  setEvents(collection) {
    const L = this.L;
    this.clusters.clearLayers();
    this.markersById.clear();
    this.selected = null;
    const markers = [];
    for (const feature of collection.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties;
      const marker = L.circleMarker([lat, lon], {
        radius: 7,
        color: "#222",
        weight: 1,
        fillColor: colorFor(props.event_type),
        fillOpacity: 0.9,
        eventType: props.event_type,
        className: "event-marker " + typeClass(props.event_type),
      });
      const label = `${props.event_date || "undated"} · ${props.event_type} · ${props.location || ""}`;
      // Leaflet renders tooltip strings as HTML: pass a text node's parent instead.
      marker.bindTooltip(el("span", { text: label }));
      marker.on("click", () => this.onSelect(feature.id));
      markers.push(marker);
      this.markersById.set(feature.id, marker);
    }
    this.clusters.addLayers(markers);
    this.map.getContainer().dataset.markers = String(markers.length);
    if (!this.fitted && markers.length) {
      const bounds = this.clusters.getBounds();
      if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.2), { maxZoom: 8, animate: false });
      this.fitted = true;
    }
  }

  focus(eventId) {
    if (this.selected) this.selected.setStyle({ weight: 1, color: "#222" });
    const marker = this.markersById.get(eventId);
    this.selected = marker || null;
    if (!marker) return;
    marker.setStyle({ weight: 3, color: "#000" });
    this.clusters.zoomToShowLayer(marker, () => marker.openTooltip());
  }

  // The visible area as the API's bbox parameter: min_lon,min_lat,max_lon,max_lat.
  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [
      clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90),
    ].map((v) => v.toFixed(4)).join(",");
  }

  onMoveEnd(callback) {
    this.map.on("moveend", callback);
  }
}

export function renderLegend(container) {
  for (const type of EVENT_TYPES) {
    container.append(el("span", { className: "legend-item" },
      el("span", { className: "swatch " + typeClass(type) }), type));
  }
}

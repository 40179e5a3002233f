/*
 * The map picker beside a place's latitude and longitude (tourism/panels.py MapPanel).
 * A click on the map or a dragged marker writes both fields (six decimals, as stored); typing in
 * them moves the marker. Coordinates outside the region, or that look swapped, show the warning
 * the server gave in German (the same rule as tourism/validators.py coordinate_warning); the server
 * asks again before publishing. Tiles only when a tile URL is configured; the region is outlined.
 */
(function () {
  "use strict";

  function parse(value) {
    if (value === null || value === undefined) return null;
    const text = String(value).trim().replace(",", ".");
    if (text === "") return null;
    const number = Number(text);
    return Number.isFinite(number) ? number : null;
  }

  function inside(bounds, lat, lng) {
    return lat >= bounds[0] && lat <= bounds[2] && lng >= bounds[1] && lng <= bounds[3];
  }

  /* "swapped", "outside" or "" (fine, or not both given). */
  function warningFor(bounds, lat, lng) {
    if (lat === null || lng === null) return "";
    if (inside(bounds, lat, lng)) return "";
    if (inside(bounds, lng, lat)) return "swapped";
    return "outside";
  }

  function attach(root) {
    const form = root.closest("form");
    if (!form || !window.L) return;
    const latInput = form.querySelector('input[name="latitude"]');
    const lngInput = form.querySelector('input[name="longitude"]');
    if (!latInput || !lngInput) return;
    const bounds = root.dataset.bounds.split(",").map(Number);
    const region = L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]);
    const warning = root.querySelector("[data-map-picker-warning]");
    const map = L.map(root.querySelector("[data-map-picker-map]"), { attributionControl: true });
    if (root.dataset.tileUrl) {
      L.tileLayer(root.dataset.tileUrl, { maxZoom: 19, attribution: root.dataset.attribution }).addTo(map);
    }
    L.rectangle(region, { className: "roland-map-picker__region", fill: false, weight: 2 }).addTo(map);
    map.fitBounds(region);
    const icon = L.icon({
      iconUrl: root.dataset.icon,
      iconRetinaUrl: root.dataset.icon2x,
      shadowUrl: root.dataset.shadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      shadowSize: [41, 41],
    });
    let marker = null;

    function showWarning(lat, lng) {
      const kind = warningFor(bounds, lat, lng);
      warning.textContent = kind ? root.dataset["message" + kind[0].toUpperCase() + kind.slice(1)] : "";
      warning.hidden = !kind;
      warning.dataset.kind = kind;
    }

    function place(lat, lng, pan) {
      if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        if (marker) {
          map.removeLayer(marker);
          marker = null;
        }
        return;
      }
      if (!marker) {
        marker = L.marker([lat, lng], { draggable: true, icon: icon, autoPan: true }).addTo(map);
        marker.on("dragend", function () {
          write(marker.getLatLng());
        });
      } else {
        marker.setLatLng([lat, lng]);
      }
      if (pan && !map.getBounds().contains([lat, lng])) map.panTo([lat, lng]);
    }

    function write(latlng) {
      latInput.value = latlng.lat.toFixed(6);
      lngInput.value = latlng.lng.toFixed(6);
      for (const input of [latInput, lngInput]) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      showWarning(latlng.lat, latlng.lng);
    }

    function fromFields() {
      const lat = parse(latInput.value);
      const lng = parse(lngInput.value);
      place(lat, lng, true);
      showWarning(lat, lng);
    }

    map.on("click", function (event) {
      place(event.latlng.lat, event.latlng.lng, false);
      write(event.latlng);
    });
    latInput.addEventListener("input", fromFields);
    lngInput.addEventListener("input", fromFields);
    fromFields();
    if (marker) map.setView(marker.getLatLng(), 14);
    root.dataset.mapPickerReady = "true";

    // In a tab that was hidden when the page loaded the map had no size: measure again when shown.
    let framed = root.offsetWidth > 0;
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize();
        if (!framed && root.offsetWidth > 0) {
          framed = true;
          if (marker) map.setView(marker.getLatLng(), 14);
          else map.fitBounds(region);
        }
      }).observe(root);
    }
  }

  function start() {
    document.querySelectorAll("[data-map-picker]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

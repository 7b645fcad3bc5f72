/* The map beside a service-area field in the Wagtail admin (wagtail_chiiki.areas.AreaWidget).
 *
 * A click on the map fills the latitude and longitude fields (when the widget names them); the
 * GeoJSON typed or pasted into the textarea is drawn as it changes. The fields stay ordinary form
 * fields: without this script, or without Leaflet, editors type the values, and the server checks
 * them either way. */
(function () {
  "use strict";

  function fieldNamed(form, name) {
    return name ? form.querySelector('[name="' + name + '"]') : null;
  }

  function start(textarea) {
    if (textarea.dataset.chiikiAreaStarted || typeof window.L === "undefined") return;
    textarea.dataset.chiikiAreaStarted = "true";
    var form = textarea.form || document;
    var latitude = fieldNamed(form, textarea.dataset.latitudeField);
    var longitude = fieldNamed(form, textarea.dataset.longitudeField);

    var canvas = document.createElement("div");
    canvas.className = "chiiki-area-map";
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", textarea.dataset.mapLabel);
    // The same instruction for everyone, not only for screen readers.
    var help = document.createElement("p");
    help.className = "help chiiki-area-map__help";
    help.id = textarea.id + "-map-help";
    help.textContent = textarea.dataset.mapHelp;
    canvas.setAttribute("aria-describedby", help.id);
    var status = document.createElement("p");
    status.className = "chiiki-area-map__status";
    status.setAttribute("role", "status");
    textarea.insertAdjacentElement("afterend", help);
    help.insertAdjacentElement("afterend", canvas);
    canvas.insertAdjacentElement("afterend", status);

    var map = L.map(canvas, { scrollWheelZoom: false }).setView([36.5, 138.5], 5);
    if (textarea.dataset.tileUrl) {
      L.tileLayer(textarea.dataset.tileUrl, {
        attribution: textarea.dataset.attribution,
        maxZoom: Number(textarea.dataset.maxZoom) || 18,
      }).addTo(map);
    }
    var areaLayer = L.geoJSON(null, { style: { color: "#0072b2", weight: 2, fillOpacity: 0.15 } }).addTo(map);
    var marker = null;

    function readPoint() {
      if (!latitude || !longitude) return null;
      var lat = parseFloat(latitude.value);
      var lon = parseFloat(longitude.value);
      if (isNaN(lat) || isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
      return L.latLng(lat, lon);
    }

    function drawPoint() {
      var point = readPoint();
      if (marker) {
        map.removeLayer(marker);
        marker = null;
      }
      if (point) marker = L.marker(point, { keyboard: false }).addTo(map);
      return point;
    }

    function drawArea() {
      areaLayer.clearLayers();
      status.textContent = "";
      var value = textarea.value.trim();
      if (!value) return false;
      try {
        areaLayer.addData(JSON.parse(value));
        return areaLayer.getLayers().length > 0;
      } catch (error) {
        // The server says exactly what is wrong when the page is saved; here only that it is.
        status.textContent = textarea.dataset.invalidLabel;
        return false;
      }
    }

    function fit() {
      var bounds = L.latLngBounds([]);
      if (areaLayer.getLayers().length) bounds.extend(areaLayer.getBounds());
      var point = readPoint();
      if (point) bounds.extend(point);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
    }

    drawPoint();
    drawArea();
    fit();

    if (latitude && longitude) {
      map.on("click", function (event) {
        latitude.value = event.latlng.lat.toFixed(6);
        longitude.value = event.latlng.lng.toFixed(6);
        // Wagtail's unsaved-changes check and any other listener see the change.
        latitude.dispatchEvent(new Event("change", { bubbles: true }));
        longitude.dispatchEvent(new Event("change", { bubbles: true }));
        drawPoint();
      });
      [latitude, longitude].forEach(function (input) {
        input.addEventListener("change", drawPoint);
      });
    }
    var timer = null;
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (drawArea()) fit();
      }, 300);
    });
    // A map created inside a hidden tab has no size: measure again when its tab is shown.
    var sizedOnce = canvas.clientWidth > 0;
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize();
        if (!sizedOnce && canvas.clientWidth > 0) {
          sizedOnce = true;
          fit();
        }
      }).observe(canvas);
    }
  }

  function startAll() {
    document.querySelectorAll("textarea[data-chiiki-area]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();

/* The map beside a service-area field in the Wagtail admin (wagtail_chiiki.areas.AreaWidget).
 *
 * A Stimulus controller, `chiiki-area`, registered with Wagtail's own Stimulus application: it
 * starts wherever the widget appears, when the page loads or later (a row added to an inline
 * panel, a StreamField block, a modal), and stops when the widget is removed.
 *
 * A click on the map fills the latitude and longitude fields (when the widget names them); the
 * GeoJSON typed or pasted into the textarea is drawn as it changes. The fields stay ordinary form
 * fields: without this script, or without Leaflet, editors type the values, and the server checks
 * them either way. */
(function () {
  "use strict";

  var wagtail = window.wagtail;
  if (!window.StimulusModule || !wagtail || !wagtail.app) return; // not the Wagtail admin: plain fields

  function fieldNamed(form, name) {
    return name ? form.querySelector('[name="' + name + '"]') : null;
  }

  class AreaController extends window.StimulusModule.Controller {
    static values = {
      tileUrl: String,
      attribution: String,
      maxZoom: { type: Number, default: 18 },
      mapLabel: String,
      mapHelp: String,
      invalidLabel: String,
      latitudeField: String,
      longitudeField: String,
    };

    connect() {
      if (typeof window.L === "undefined") return;
      var textarea = this.element;
      var form = textarea.form || document;
      this.latitude = fieldNamed(form, this.latitudeFieldValue);
      this.longitude = fieldNamed(form, this.longitudeFieldValue);

      this.canvas = document.createElement("div");
      this.canvas.className = "chiiki-area-map";
      this.canvas.setAttribute("role", "region");
      this.canvas.setAttribute("aria-label", this.mapLabelValue);
      // The same instruction for everyone, not only for screen readers.
      this.help = document.createElement("p");
      this.help.className = "help chiiki-area-map__help";
      this.help.id = textarea.id + "-map-help";
      this.help.textContent = this.mapHelpValue;
      this.canvas.setAttribute("aria-describedby", this.help.id);
      this.status = document.createElement("p");
      this.status.className = "chiiki-area-map__status";
      this.status.setAttribute("role", "status");
      textarea.insertAdjacentElement("afterend", this.help);
      this.help.insertAdjacentElement("afterend", this.canvas);
      this.canvas.insertAdjacentElement("afterend", this.status);

      this.map = L.map(this.canvas, { scrollWheelZoom: false }).setView([36.5, 138.5], 5);
      if (this.tileUrlValue) {
        L.tileLayer(this.tileUrlValue, {
          attribution: this.attributionValue,
          maxZoom: this.maxZoomValue || 18,
        }).addTo(this.map);
      }
      this.areaLayer = L.geoJSON(null, { style: { color: "#0072b2", weight: 2, fillOpacity: 0.15 } }).addTo(this.map);
      this.marker = null;

      this.drawPoint();
      this.drawArea();
      this.fit();

      this.drawPoint = this.drawPoint.bind(this);
      if (this.latitude && this.longitude) {
        this.map.on("click", this.place.bind(this));
        this.latitude.addEventListener("change", this.drawPoint);
        this.longitude.addEventListener("change", this.drawPoint);
      }
      this.timer = null;
      this.onInput = this.onInput.bind(this);
      textarea.addEventListener("input", this.onInput);
      // A map created inside a hidden tab (or a collapsed panel) has no size: measure again when shown.
      var sizedOnce = this.canvas.clientWidth > 0;
      if (window.ResizeObserver) {
        this.observer = new ResizeObserver(
          function () {
            this.map.invalidateSize();
            if (!sizedOnce && this.canvas.clientWidth > 0) {
              sizedOnce = true;
              this.fit();
            }
          }.bind(this),
        );
        this.observer.observe(this.canvas);
      }
    }

    disconnect() {
      if (!this.map) return;
      clearTimeout(this.timer);
      if (this.observer) this.observer.disconnect();
      if (this.latitude && this.longitude) {
        this.latitude.removeEventListener("change", this.drawPoint);
        this.longitude.removeEventListener("change", this.drawPoint);
      }
      this.element.removeEventListener("input", this.onInput);
      this.map.remove();
      this.canvas.remove();
      this.status.remove();
      this.map = null;
    }

    readPoint() {
      if (!this.latitude || !this.longitude) return null;
      var lat = parseFloat(this.latitude.value);
      var lon = parseFloat(this.longitude.value);
      if (isNaN(lat) || isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
      return L.latLng(lat, lon);
    }

    drawPoint() {
      var point = this.readPoint();
      if (this.marker) {
        this.map.removeLayer(this.marker);
        this.marker = null;
      }
      if (point) this.marker = L.marker(point, { keyboard: false }).addTo(this.map);
      return point;
    }

    drawArea() {
      this.areaLayer.clearLayers();
      this.status.textContent = "";
      var value = this.element.value.trim();
      if (!value) return false;
      try {
        this.areaLayer.addData(JSON.parse(value));
        return this.areaLayer.getLayers().length > 0;
      } catch (error) {
        // The server says exactly what is wrong when the page is saved; here only that it is.
        this.status.textContent = this.invalidLabelValue;
        return false;
      }
    }

    fit() {
      var bounds = L.latLngBounds([]);
      if (this.areaLayer.getLayers().length) bounds.extend(this.areaLayer.getBounds());
      var point = this.readPoint();
      if (point) bounds.extend(point);
      if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
    }

    place(event) {
      this.latitude.value = event.latlng.lat.toFixed(6);
      this.longitude.value = event.latlng.lng.toFixed(6);
      // Wagtail's unsaved-changes check and any other listener see the change.
      this.latitude.dispatchEvent(new Event("change", { bubbles: true }));
      this.longitude.dispatchEvent(new Event("change", { bubbles: true }));
    }

    onInput() {
      clearTimeout(this.timer);
      this.timer = setTimeout(
        function () {
          if (this.drawArea()) this.fit();
        }.bind(this),
        300,
      );
    }
  }

  wagtail.app.register("chiiki-area", AreaController);
})();

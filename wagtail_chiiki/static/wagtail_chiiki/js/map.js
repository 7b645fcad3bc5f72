/* The organization map of wagtail-chiiki: points and service areas from the index's GeoJSON feed.
 *
 * Progressive: the list by district beside the map is in the HTML and says the same; this script
 * only shows the (hidden) map when Leaflet is there. Popups are built from DOM nodes and text,
 * never from HTML strings, so nothing an editor typed can become markup. */
(function () {
  "use strict";

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  function popupContent(properties, labels) {
    var box = document.createElement("div");
    box.className = "chiiki-map-popup";
    var title = document.createElement("p");
    title.className = "chiiki-map-popup__title";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    title.appendChild(link);
    box.appendChild(title);
    var details = document.createElement("dl");
    if (properties.districts && properties.districts.length) {
      details.appendChild(text("dt", labels.districts));
      details.appendChild(text("dd", properties.districts.join(labels.listSeparator)));
    }
    if (properties.stage) {
      details.appendChild(text("dt", labels.stage));
      details.appendChild(text("dd", properties.stage));
    }
    if (details.childNodes.length) box.appendChild(details);
    var more = document.createElement("p");
    var open = document.createElement("a");
    open.href = properties.url;
    open.textContent = labels.open;
    more.appendChild(open);
    box.appendChild(more);
    return box;
  }

  function markerIcon(colour) {
    // A round pin in the organization's colour (the list shows the same colour beside the name).
    var pin = document.createElement("span");
    pin.className = "chiiki-map-marker__pin";
    pin.style.setProperty("--chiiki-map-colour", colour);
    return L.divIcon({ className: "chiiki-map-marker", html: pin, iconSize: [24, 24], iconAnchor: [12, 12], popupAnchor: [0, -12] });
  }

  function start(container) {
    var canvas = container.querySelector(".chiiki-map__canvas");
    if (!canvas || canvas.dataset.started || typeof window.L === "undefined") return;
    canvas.dataset.started = "true";
    var labels = {
      open: canvas.dataset.openLabel,
      districts: canvas.dataset.districtsLabel,
      listSeparator: canvas.dataset.listSeparator || ", ",
      stage: canvas.dataset.stageLabel,
      area: canvas.dataset.areaLabel,
    };
    var status = container.querySelector(".chiiki-map__status");
    canvas.hidden = false;
    container.querySelectorAll(".chiiki-map__skip, .chiiki-map__help").forEach(function (node) {
      node.hidden = false;
    });

    var map = L.map(canvas, { scrollWheelZoom: false, keyboard: true, zoomControl: false });
    // Leaflet's own labels are English: the page's language comes from the template's catalogue.
    L.control.zoom({
      zoomInTitle: canvas.dataset.zoomInLabel || "Zoom in",
      zoomOutTitle: canvas.dataset.zoomOutLabel || "Zoom out",
    }).addTo(map);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close && canvas.dataset.closeLabel) close.setAttribute("aria-label", canvas.dataset.closeLabel);
    });
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com/" hreflang="en">Leaflet</a>'
    );
    function addTiles() {
      // Added once the view is set, so that only the tiles of that view are asked for.
      if (!canvas.dataset.tileUrl) return;
      var tiles = L.tileLayer(canvas.dataset.tileUrl, {
        attribution: canvas.dataset.attribution,
        maxZoom: Number(canvas.dataset.maxZoom) || 18,
      });
      var failed = false;
      tiles.on("tileerror", function () {
        // Offline or blocked: say so once and stop asking for more tiles; the credit stays.
        if (failed) return;
        failed = true;
        map.removeLayer(tiles);
        map.attributionControl.addAttribution(canvas.dataset.attribution);
        if (status) {
          status.textContent = canvas.dataset.tilesFailed;
          status.hidden = false;
        }
      });
      tiles.addTo(map);
    }

    var outlines = document.getElementById(container.dataset.chiikiMap + "-districts");
    if (outlines) {
      var districts = JSON.parse(outlines.textContent);
      if (districts.length) {
        L.geoJSON(districts, {
          interactive: false,
          style: { color: "#595959", weight: 1, dashArray: "4 4", fill: false },
        }).addTo(map);
      }
    }

    fetch(canvas.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("GeoJSON: HTTP " + response.status);
        return response.json();
      })
      .then(function (collection) {
        var areas = collection.features.filter(function (f) { return f.properties.role === "service_area"; });
        var points = collection.features.filter(function (f) { return f.properties.role === "location"; });
        var bounds = L.latLngBounds([]);
        areas.forEach(function (feature) {
          var colour = feature.properties.fill;
          var layer = L.geoJSON(feature, {
            style: { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15 },
          });
          layer.bindPopup(function () { return popupContent(feature.properties, labels); });
          layer.addTo(map);
          bounds.extend(layer.getBounds());
        });
        // Markers in list order: that is the order Tab visits them.
        points.forEach(function (feature) {
          var position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
          var marker = L.marker(position, {
            icon: markerIcon(feature.properties["marker-color"]),
            keyboard: true,
            title: feature.properties.name,
            riseOnHover: true,
          });
          marker.bindPopup(function () { return popupContent(feature.properties, labels); });
          marker.on("add", function () {
            var element = marker.getElement();
            element.setAttribute("role", "button");
            element.setAttribute("aria-label", feature.properties.name);
          });
          marker.on("popupopen", function (event) {
            // Opened from the keyboard: move into the popup, and back to the marker when it closes.
            if (document.activeElement === marker.getElement()) {
              var link = event.popup.getElement().querySelector("a");
              if (link) link.focus({ preventScroll: true });
            }
          });
          marker.on("popupclose", function (event) {
            var popup = event.popup.getElement();
            if (popup && popup.contains(document.activeElement)) marker.getElement().focus();
          });
          marker.addTo(map);
          bounds.extend(position);
        });
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
        } else {
          map.setView([36.5, 138.5], 5); // Japan, when no organization has a place yet
        }
        addTiles();
      })
      .catch(function (error) {
        map.setView([36.5, 138.5], 5);
        if (status) {
          status.textContent = canvas.dataset.tilesFailed;
          status.hidden = false;
        }
        console.warn(error);
      });

    var skip = container.querySelector(".chiiki-map__skip");
    if (skip) {
      skip.addEventListener("click", function (event) {
        var target = document.getElementById(skip.getAttribute("href").slice(1));
        if (target) {
          event.preventDefault();
          target.focus();
        }
      });
    }
  }

  function startAll() {
    document.querySelectorAll("[data-chiiki-map]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();

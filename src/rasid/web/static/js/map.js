// Rasid map: bundled outlines (offline), clustered event places; an online tile layer only when configured.
// No inline script (CSP script-src 'self'); everything from the page comes through data- attributes,
// and text from the database is set with textContent, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var rtl = document.documentElement.dir === "rtl";
  var map = L.map(el, { center: [34.5, 40.5], zoom: 5, minZoom: 2, maxZoom: 12, worldCopyJump: true });
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: "&copy; map tiles" }).addTo(map);
  }
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · GeoNames");

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  fetchJson(el.getAttribute("data-outlines")).then(function (fc) {
    L.geoJSON(fc, {
      filter: function (f) { return f.properties.layer === "country"; },
      style: function () { return { color: "#6b7785", weight: 1, fillColor: tiles ? "transparent" : "#f4f1ea", fillOpacity: tiles ? 0 : 1 }; },
      interactive: false
    }).addTo(map).bringToBack();
    var admin1 = L.geoJSON(fc, {
      filter: function (f) { return f.properties.layer === "admin1"; },
      pointToLayer: function (f, ll) {
        var m = L.circleMarker(ll, { radius: 2, color: "#39424e", weight: 1, interactive: false });
        var name = (el.getAttribute("data-lang") === "ar" && f.properties.name_ar) || f.properties.name;
        m.bindTooltip(name, { permanent: true, direction: "right", className: "rasid-admin1", opacity: 0.8 });
        return m;
      }
    });
    // governorate names only when zoomed in far enough to read them
    function showAdmin1() {
      if (map.getZoom() >= 6) { map.addLayer(admin1); } else { map.removeLayer(admin1); }
    }
    map.on("zoomend", showAdmin1);
    showAdmin1();
  }).catch(function (e) { if (window.console) { console.warn(e); } });

  var label = el.getAttribute("data-label-events") || "events";
  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var total = 0;
      cluster.getAllChildMarkers().forEach(function (m) { total += m.options.rasidCount || 0; });
      var size = total < 10 ? "small" : (total < 100 ? "medium" : "large");
      return L.divIcon({ html: "<div><span>" + String(total | 0) + "</span></div>",
                         className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
    }
  });

  function popup(p) {
    var box = document.createElement("div");
    box.dir = rtl ? "rtl" : "ltr";
    var a = document.createElement("a");
    a.href = p.entity_url;
    a.textContent = p.name;
    var strong = document.createElement("strong");
    strong.appendChild(a);
    box.appendChild(strong);
    box.appendChild(document.createElement("br"));
    var ev = document.createElement("a");
    ev.href = p.events_url;
    ev.textContent = String(p.n) + " " + label;
    box.appendChild(ev);
    return box;
  }

  fetchJson(el.getAttribute("data-points")).then(function (data) {
    var bounds = [];
    data.places.forEach(function (p) {
      if (typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
      var icon = L.divIcon({ className: "rasid-pin", html: String(p.n | 0), iconSize: [26, 26] });
      var m = L.marker([p.lat, p.lon], { icon: icon, title: p.name + " (" + p.n + ")", alt: p.name, keyboard: true,
                                         rasidCount: p.n });
      m.bindPopup(popup(p));
      clusters.addLayer(m);
      bounds.push([p.lat, p.lon]);
    });
    map.addLayer(clusters);
    el.setAttribute("data-markers", String(bounds.length));
    if (bounds.length === 1) { map.setView(bounds[0], 7); }
    else if (bounds.length > 1) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 }); }
    el.classList.add("is-ready");
  }).catch(function (e) { el.setAttribute("data-error", String(e)); });
}());

/* 돌봄 지도: draws the sites of #dolbom-data with Leaflet, keeps "open now" live, filters markers and list. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dolbom-data").textContent);
  var T = data.texts;
  var KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  document.documentElement.classList.remove("no-js");

  // The city's wall clock, whatever the browser's own time zone is.
  function cityNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: data.timezone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday);
    var date = parts.year + "-" + parts.month + "-" + parts.day;
    var key = wd >= 1 && wd <= 5 && data.holidays.indexOf(date) >= 0 ? "holiday" : KEYS[wd];
    return { key: key, date: date, minute: (+parts.hour % 24) * 60 + (+parts.minute) };
  }

  function clock(m) {
    var h = Math.floor(m / 60), mm = m % 60;
    return (h < 10 ? "0" : "") + h + ":" + (mm < 10 ? "0" : "") + mm;
  }

  // Mirrors bot/opening.py today_label so the page says the same as a freshly rendered one.
  function status(week, now) {
    var span = week[now.key];
    var head = T.today.replace("{day}", T.days[now.key]);
    if (!span) return { open: false, label: head + " " + T.closed };
    var open = span[0] <= now.minute && now.minute < span[1];
    return { open: open, label: head + " " + clock(span[0]) + "-" + clock(span[1]) + " · " + (open ? T.openNow : T.closedNow) };
  }

  var map = L.map("map", { zoomControl: true, maxZoom: 18 });
  if (navigator.onLine !== false) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  }
  // Area names give the map meaning when no tiles arrive (offline, or tiles blocked).
  map.createPane("areas").style.zIndex = 350;
  data.areas.forEach(function (a) {
    var focused = data.focus && data.focus.area && data.focus.area.name === a.name;
    L.marker([a.lat, a.lon], {
      pane: "areas", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "dolbom-area" + (focused ? " focus-area" : ""), html: a.name, iconSize: null })
    }).addTo(map);
  });

  var layer = L.layerGroup().addTo(map);
  var markers = {};
  data.sites.forEach(function (s) {
    var m = L.marker([s.lat, s.lon], {
      title: s.name, alt: s.name, keyboard: true, riseOnHover: true,
      icon: L.divIcon({
        className: "dolbom-marker", iconSize: [32, 32], popupAnchor: [s.offset[0], s.offset[1] - 14],
        iconAnchor: [16 - s.offset[0], 16 - s.offset[1]],
        html: '<span style="--c:' + s.color + '" aria-hidden="true"></span>'
      })
    });
    m.on("add", function () {
      var el = m.getElement();
      el.setAttribute("data-site", s.id);
      el.setAttribute("data-service", s.service);
      el.querySelector("span").textContent = s.glyph;
    });
    m.bindPopup(function () {
      return document.querySelector("#entry-" + CSS.escape(s.id) + " .card").cloneNode(true);
    }, { maxWidth: Math.min(300, window.innerWidth - 110), autoPanPaddingTopLeft: [50, 10] });
    markers[s.id] = m;
  });

  var entries = Array.prototype.slice.call(document.querySelectorAll("li[data-entry]"));
  entries.forEach(function (li) {
    var id = li.getAttribute("data-entry");
    if (!markers[id]) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show-on-map";
    button.textContent = T.showOnMap;
    button.addEventListener("click", function () {
      var m = markers[id];
      if (!layer.hasLayer(m)) layer.addLayer(m);
      map.setView(m.getLatLng(), Math.max(map.getZoom(), 15));
      m.openPopup();
      document.getElementById("map").scrollIntoView({ block: "nearest" });
    });
    li.querySelector(".card").appendChild(button);
  });

  function refreshStatus() {
    var now = cityNow();
    document.querySelector(".as-of").textContent = T.asOf.replace("{when}", now.date + " " + clock(now.minute));
    entries.forEach(function (li) {
      var st = status(data.weeks[li.getAttribute("data-entry")], now);
      li.setAttribute("data-open", st.open ? "1" : "0");
      var dd = li.querySelector(".today");
      dd.textContent = st.label;
      dd.setAttribute("data-state", st.open ? "open" : "closed");
    });
  }

  var form = document.getElementById("filters");
  function applyFilters() {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=service]"), function (box) {
      chosen[box.value] = box.checked;
    });
    var openOnly = document.getElementById("open-now").checked;
    var shown = 0;
    entries.forEach(function (li) {
      var visible = chosen[li.getAttribute("data-service")] && (!openOnly || li.getAttribute("data-open") === "1");
      li.hidden = !visible;
      var m = markers[li.getAttribute("data-entry")];
      if (!m) return;
      if (visible) { shown += 1; layer.addLayer(m); } else { layer.removeLayer(m); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("section.service"), function (sec) {
      sec.hidden = !sec.querySelector("li[data-entry]:not([hidden])");
    });
    document.getElementById("shown").textContent =
      T.shown.replace("{total}", data.sites.length).replace("{shown}", shown);
  }
  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });

  refreshStatus();
  applyFilters();
  setInterval(function () { refreshStatus(); applyFilters(); }, 60000);

  var focus = data.focus;
  var chosen = focus ? focus.sites.map(function (id) { return markers[id]; }) : data.sites.map(function (s) { return markers[s.id]; });
  var points = chosen.map(function (m) { return m.getLatLng(); });
  if (focus && focus.area) points.push(L.latLng(focus.area.lat, focus.area.lon));
  if (points.length === 1) map.setView(points[0], 15);
  else if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 15 });
  else map.setView([36.1398, 128.1136], 12);
  if (focus && chosen.length === 1) chosen[0].openPopup();

  window.dolbomMap = { map: map, markers: markers, refresh: function () { refreshStatus(); applyFilters(); } };
})();

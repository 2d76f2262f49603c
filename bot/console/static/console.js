// The console: keyboard shortcuts, the tab title, and a sound/notification for urgent or danger cases.
(function () {
  "use strict";
  var selected = -1;
  var seen = null;

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.case")); }

  function select(i) {
    var list = rows();
    if (!list.length) { return; }
    selected = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (r, k) { r.classList.toggle("selected", k === selected); });
    list[selected].scrollIntoView({ block: "nearest" });
  }

  function typing(e) {
    var tag = (e.target && e.target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.ctrlKey || e.metaKey || e.altKey;
  }

  document.addEventListener("keydown", function (e) {
    if (typing(e)) { return; }
    var list = rows();
    if (e.key === "j") { select(selected + 1); }
    else if (e.key === "k") { select(selected - 1); }
    else if (e.key === "Enter" && list[selected]) { list[selected].querySelector("a").click(); }
    else if (e.key === "c") {
      var claim = document.getElementById("claim-form");
      if (claim) { claim.requestSubmit(); }
    } else if (e.key === "r") {
      var reply = document.getElementById("reply-text");
      if (reply) { e.preventDefault(); reply.focus(); }
    }
  });

  // New urgent or danger cases: a short beep and a browser notification (if the coordinator allowed them).
  function alertNew() {
    var flagged = rows().filter(function (r) { return r.dataset.flag; }).map(function (r) { return r.dataset.case; });
    if (seen !== null) {
      var fresh = flagged.filter(function (id) { return seen.indexOf(id) < 0; });
      if (fresh.length) {
        try {
          var ctx = new (window.AudioContext || window.webkitAudioContext)();
          var osc = ctx.createOscillator();
          osc.connect(ctx.destination); osc.start(); osc.stop(ctx.currentTime + 0.25);
        } catch (err) { console.debug("no sound", err); }
        if (window.Notification && Notification.permission === "granted") {
          new Notification(document.body.dataset.notify.replace("{ids}", fresh.join(", #")));
        }
      }
    }
    seen = flagged;
  }

  document.addEventListener("DOMContentLoaded", function () {
    alertNew();
    if (window.Notification && Notification.permission === "default" && rows().length) {
      document.addEventListener("click", function ask() {
        Notification.requestPermission(); document.removeEventListener("click", ask);
      });
    }
    // The page says when live updates flow (and tests wait for it before adding a case).
    document.body.addEventListener("htmx:sseOpen", function () { document.body.dataset.live = "1"; });
    document.body.addEventListener("htmx:sseError", function () { delete document.body.dataset.live; });
    document.body.addEventListener("htmx:afterSwap", function () { selected = -1; alertNew(); });
    document.body.addEventListener("htmx:configRequest", function (e) {
      if (document.body.dataset.csrf) { e.detail.headers["X-CSRF-Token"] = document.body.dataset.csrf; }
    });
  });
}());

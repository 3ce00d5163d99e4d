// CME Autopilot console: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Times are shown in the browser's time zone: tell the server which one it is.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("cme_tz=" + zone) < 0) {
      document.cookie = "cme_tz=" + zone + "; path=/; max-age=31536000; SameSite=Strict";
    }
  } catch (e) { /* the server's default zone then */ }

  // An error answer (a problem shown as an alert) goes to the error area of the form that caused it,
  // else to the page's flash area; the rest of the page stays as it was.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var status = evt.detail.xhr.status;
    if (status < 400) { return; }
    var source = evt.detail.requestConfig && evt.detail.requestConfig.elt;
    var form = source && source.closest ? source.closest("form") : null;
    var area = (form && form.querySelector(".form-errors")) || document.getElementById("flash");
    evt.detail.shouldSwap = true;
    evt.detail.isError = false;
    evt.detail.target = area;
    evt.detail.swapOverride = "innerHTML";
  });

  // After a successful form action, clear the error area of that form.
  document.addEventListener("htmx:afterRequest", function (evt) {
    var xhr = evt.detail.xhr;
    if (!xhr || xhr.status >= 400) { return; }
    var elt = evt.detail.elt;
    var form = elt && elt.closest ? elt.closest("form") : null;
    var area = form && form.querySelector(".form-errors");
    if (area && area.isConnected) { area.innerHTML = ""; }
  });

  // Keyboard use of the queue: j / k move between tasks, Enter (on a focused row link) opens it.
  document.addEventListener("keydown", function (evt) {
    if (evt.altKey || evt.ctrlKey || evt.metaKey) { return; }
    var t = evt.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    if (evt.key !== "j" && evt.key !== "k") { return; }
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-queue] a.task-link"));
    if (links.length === 0) { return; }
    var at = links.indexOf(document.activeElement);
    var next = evt.key === "j" ? Math.min(links.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
    links[next].focus();
    evt.preventDefault();
  });
})();

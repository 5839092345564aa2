// The portal's own script. Loaded as a file: the Content Security Policy forbids inline scripts.
(function () {
  "use strict";
  // A page showing work in progress (e.g. a report being built) reloads until it is done.
  document.addEventListener("DOMContentLoaded", function () {
    var waiting = document.querySelector("[data-refresh-seconds]");
    if (waiting) {
      var seconds = parseInt(waiting.getAttribute("data-refresh-seconds"), 10) || 3;
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  });
})();

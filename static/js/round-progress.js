// The width of a ranking round's progress bar, from its data-progress attribute (the Content
// Security Policy forbids inline style attributes; setting a style property from a script file
// is allowed). The page itself reloads through <meta http-equiv="refresh">.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".progress-bar[data-progress]").forEach(function (bar) {
      var percent = Math.max(0, Math.min(100, parseInt(bar.getAttribute("data-progress"), 10) || 0));
      bar.style.width = percent + "%";
    });
  });
})();

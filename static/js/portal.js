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

  // A form is sent once: a second click (or Enter) while the answer is on its way is ignored and
  // the submit buttons are disabled. They are disabled a moment later, not at once, because the
  // browser leaves a disabled button's name and value out of what it sends ("approve", "reject").
  // A form that stays on the page after sending (a download) opts out with data-allow-resubmit.
  // The create forms are also safe on the server (qms/submissions.py).
  function submitButtons(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.type === "submit";
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var method = (form.getAttribute("method") || "").toLowerCase();
    if (event.defaultPrevented || method !== "post" || form.hasAttribute("data-allow-resubmit")) {
      return;
    }
    if (form.hasAttribute("data-submitting")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-submitting", "");
    window.setTimeout(function () {
      submitButtons(form).forEach(function (button) {
        if (!button.disabled) {
          button.disabled = true;
          button.setAttribute("data-disabled-on-submit", "");
        }
      });
    }, 0);
  });

  // Back on the page from the browser's history: its forms can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      form.removeAttribute("data-submitting");
      submitButtons(form).forEach(function (button) {
        if (button.hasAttribute("data-disabled-on-submit")) {
          button.disabled = false;
          button.removeAttribute("data-disabled-on-submit");
        }
      });
    });
  });
})();

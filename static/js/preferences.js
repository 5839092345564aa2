// The applicant's list of preferences: reorder by drag and drop (SortableJS) or with the
// "Move up" / "Move down" buttons, in the page, without a round trip; the hidden `quota` inputs
// follow the rows, so "Save the order" posts the new order. Without JavaScript every button is a
// plain submit button that the server handles. Loaded as a file: the CSP forbids inline scripts.
(function () {
  "use strict";

  // The JavaScript catalog defines gettext(); the name must stay "gettext" for makemessages.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) { return text; };
  var format = typeof window.interpolate === "function"
    ? window.interpolate
    : function (text, values) {
      return text.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
    };

  function setEnabled(button, enabled) {
    if (!button) { return; }
    button.classList.toggle("disabled", !enabled);
    if (enabled) {
      button.removeAttribute("aria-disabled");
    } else {
      button.setAttribute("aria-disabled", "true");
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-preferences-form]");
    var list = form && form.querySelector("[data-preference-list]");
    if (!list || list.hasAttribute("data-readonly")) { return; }
    var status = form.querySelector("[data-preference-status]");
    var unsaved = form.querySelector("[data-unsaved]");

    function rows() {
      return Array.prototype.slice.call(list.querySelectorAll("[data-preference-row]"));
    }

    function renumber() {
      var all = rows();
      all.forEach(function (row, index) {
        var position = row.querySelector("[data-position]");
        if (position) { position.textContent = (index + 1) + "."; }
        setEnabled(row.querySelector("[data-move='up']"), index > 0);
        setEnabled(row.querySelector("[data-move='down']"), index < all.length - 1);
      });
    }

    function changed(row) {
      renumber();
      if (unsaved) { unsaved.hidden = false; }
      if (status && row) {
        var all = rows();
        status.textContent = format(
          gettext("%(name)s is now number %(position)s of %(count)s. The order is not saved yet."),
          { name: row.getAttribute("data-name"), position: all.indexOf(row) + 1, count: all.length },
          true
        );
      }
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button || !list.contains(button)) { return; }
      event.preventDefault();
      if (button.getAttribute("aria-disabled") === "true") { return; }
      var row = button.closest("[data-preference-row]");
      if (button.getAttribute("data-move") === "up" && row.previousElementSibling) {
        list.insertBefore(row, row.previousElementSibling);
      } else if (button.getAttribute("data-move") === "down" && row.nextElementSibling) {
        list.insertBefore(row.nextElementSibling, row);
      }
      changed(row);
      // Focus stays on the moved row: on the same button if it can still move that way, else on
      // the other one.
      var same = row.querySelector("[data-move='" + button.getAttribute("data-move") + "']");
      var other = row.querySelector("[data-move='" + (button.getAttribute("data-move") === "up" ? "down" : "up") + "']");
      (same.getAttribute("aria-disabled") === "true" && other ? other : same).focus();
    });

    if (typeof window.Sortable === "function") {
      window.Sortable.create(list, {
        handle: "[data-drag-handle]",
        draggable: "[data-preference-row]",
        animation: 150,
        ghostClass: "bg-primary-subtle",
        onEnd: function (event) {
          if (event.oldIndex !== event.newIndex) {
            changed(event.item);
            event.item.focus();
          }
        }
      });
    }
    renumber();
  });
})();

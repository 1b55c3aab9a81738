/* The error summary at the top of a form: focus moves to it when the page opens, and a link
   in it moves focus to its field with the field's label in view (the GOV.UK pattern). */
(function () {
  "use strict";
  function start() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!field) return;
      event.preventDefault();
      var label = document.querySelector("label[for='" + CSS.escape(field.id) + "']");
      var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
      (label || legend || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

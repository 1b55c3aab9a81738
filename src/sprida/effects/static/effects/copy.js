/* Copy a report section's plain text to the clipboard; the text stays selectable without script. */
(function () {
  "use strict";
  function copy(button) {
    var area = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!area) { return; }
    var done = function () { if (status) { status.textContent = button.getAttribute("data-copied"); } };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, function () { area.select(); });
    } else {
      area.select();
      if (document.execCommand("copy")) { done(); }
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (button) { copy(button); }
  });
  document.querySelectorAll("[data-copy-target]").forEach(function (button) { button.hidden = false; });
})();

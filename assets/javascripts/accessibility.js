/* Material's search panel has role="dialog" but no name; screen readers announce it as "Search". */
(function () {
  "use strict";
  function name() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (el) {
      var label = window.courseText("search.label");
      if (label) el.setAttribute("aria-label", label);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();

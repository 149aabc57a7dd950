/* Wide tables on phones: say in words that the table scrolls sideways, and let the keyboard scroll it. */
(function () {
  "use strict";

  function mark(wrap) {
    var wide = wrap.scrollWidth > wrap.clientWidth + 1;
    var hint = wrap.previousElementSibling;
    var hasHint = hint && hint.classList.contains("course-table-hint");
    if (wide && !hasHint) {
      hint = document.createElement("p");
      hint.className = "course-table-hint";
      hint.textContent = window.courseText("table.hint");
      wrap.parentNode.insertBefore(hint, wrap);
    } else if (!wide && hasHint) {
      hint.remove();
    }
    if (wide) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var first = wrap.querySelector("tr");
      var name = first ? first.textContent.replace(/\s+/g, " ").trim().slice(0, 60) : "";
      wrap.setAttribute("aria-label", window.courseText("table.label", { name: name }));
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  function markAll() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markAll);
  else markAll();
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markAll, 150);
  });
})();

/* Checklists: ticks are kept in this browser through the course's storage (storage.js). */
(function () {
  "use strict";
  var PREFIX = "checklist:";      // progress.js and the course file read the same names


  function setUp(list, store) {
    var id = list.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));
    var status = list.querySelector(".course-checklist__status");
    var clear = list.querySelector(".course-checklist__clear");

    function key(box) { return PREFIX + id + ":" + box.getAttribute("data-item"); }
    function report() {
      var ticked = boxes.filter(function (b) { return b.checked; }).length;
      status.textContent = window.courseText(store ? "checklist.saved" : "checklist.not_saved",
        { ticked: ticked, total: boxes.length });
    }

    boxes.forEach(function (box) {
      if (store) box.checked = store.getItem(key(box)) === "1";
      box.addEventListener("change", function () {
        if (store) {
          if (box.checked) store.setItem(key(box), "1");
          else store.removeItem(key(box));
        }
        report();
        document.dispatchEvent(new CustomEvent("course:progress"));
      });
    });
    // Loading a course file or "Forget me" changed the stored ticks under this page: show them.
    document.addEventListener("course:reload", function () {
      boxes.forEach(function (box) { if (store) box.checked = store.getItem(key(box)) === "1"; });
      report();
    });
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) {
        box.checked = false;
        if (store) store.removeItem(key(box));
      });
      report();
      document.dispatchEvent(new CustomEvent("course:progress"));
      if (boxes.length) boxes[0].focus();
    });
    report();
  }

  function init() {
    var store = window.courseStorage();
    document.querySelectorAll(".course-checklist").forEach(function (list) { setUp(list, store); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* Inside an LMS that plays the course as a SCORM 1.2 package, a quiz page reports the trainee's score
   and status to the LMS when the answers are checked. Outside an LMS there is no SCORM API to find,
   and this script does nothing. The package names each week's quiz in cmi.launch_data (imsmanifest.xml),
   so a quiz page reached from another week's activity leaves that activity's record alone. */
(function () {
  "use strict";

  // The API object of the LMS: in this window or a parent frame, else in the window that opened it.
  function search(win) {
    for (var hops = 0; win && hops < 10; hops += 1) {
      if (win.API) return win.API;
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findAPI() {
    try {
      return search(window) || (window.opener ? search(window.opener) : null);
    } catch (e) {       // a frame of another origin: not our LMS
      return null;
    }
  }

  function init() {
    var root = document.querySelector(".course-quiz");
    var api = root && findAPI();
    if (!api) return;
    var quiz = root.getAttribute("data-quiz");
    if (String(api.LMSInitialize("")) !== "true") return;
    var assigned = String(api.LMSGetValue("cmi.launch_data") || "");
    if (assigned && assigned !== quiz) return;      // another week's activity: not ours to score
    if (String(api.LMSGetValue("cmi.core.lesson_status")) === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
    root.addEventListener("course-quiz:checked", function (event) {
      var result = event.detail;
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(Math.round(100 * result.correct / result.total)));
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSCommit("");
    });
    window.addEventListener("pagehide", function () { api.LMSFinish(""); }, { once: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

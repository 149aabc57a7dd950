/* Put before the theme's search worker by macros/search_prebuilt.py. The theme asks its worker for results at every
 * key typed and lays out every answer; on a slow computer each one held the page for 0.3-1 s, so typing a few words
 * queued seconds of answers nobody reads. The worker now answers once typing pauses, for the words typed last. */
(function () {
  "use strict";
  var PAUSE_MS = 100;                  // keys queued while a slow computer was busy arrive closer than this: one query
  var QUERY = 2;                       // the theme's message types: 0 set-up, 1 ready, 2 query, 3 result
  var latest = null;
  var timer = null;
  var passing = false;

  function answer() {
    var message = latest;
    latest = null;
    passing = true;
    try { dispatchEvent(new MessageEvent("message", { data: message })); } finally { passing = false; }
  }

  // Registered before the theme's own listener: a query reaches the theme only once no other follows it.
  addEventListener("message", function (event) {
    if (passing || !event.data || event.data.type !== QUERY) return;
    event.stopImmediatePropagation();
    latest = event.data;
    clearTimeout(timer);
    timer = setTimeout(answer, PAUSE_MS);
  });
})();

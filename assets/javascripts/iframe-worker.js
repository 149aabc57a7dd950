/* Offline search from file://.
 * Browsers refuse to start a Web Worker from a file:// page, so Material's search worker could not run
 * when the course is opened from a folder or USB stick. This small stand-in for `Worker` (used on
 * file:// only) runs the worker script in a hidden same-origin iframe and passes messages both ways.
 * Its file name contains "iframe-worker" so that Material's offline plugin does not add a CDN copy. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.EventTarget !== "function") return;

  function FileWorker(url) {
    var target = new EventTarget();
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = window.courseText ? window.courseText("search.engine") : "";
    frame.setAttribute("aria-hidden", "true");
    (document.body || document.documentElement).appendChild(frame);
    var scope = frame.contentWindow;

    // What the worker script posts reaches the page as a "message" event on this object.
    scope.postMessage = function (data) {
      setTimeout(function () { target.dispatchEvent(new MessageEvent("message", { data: data })); }, 0);
    };
    scope.importScripts = function () {
      throw new Error("importScripts is not available to the offline search worker");
    };

    function deliver(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }
    var script = scope.document.createElement("script");
    script.src = new URL(url, location.href).href;
    script.onload = function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    };
    script.onerror = function () {
      target.dispatchEvent(new Event("error"));
    };
    scope.document.head.appendChild(script);

    target.postMessage = function (data) {
      if (ready) setTimeout(function () { deliver(data); }, 0);
      else queue.push(data);
    };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.Worker = FileWorker;
})();

/* The search index on demand. Served over http, Material asks for search/search_index.json as every
 * page loads; on a weak link that request competes with the page itself. This holds that one request
 * until the trainee goes to the search box. (From file:// Material already waits for the search box.)
 * Loaded before Material's bundle, as a polyfill, so that it sees the request. */
(function () {
  "use strict";
  if (location.protocol === "file:") return;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  function isIndex(url) {
    return new URL(url, location.href).pathname.slice(-25) === "/search/search_index.json";
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.courseSearchIndex = isIndex(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.courseSearchIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  // Material focuses the search box whichever way it is opened: click, tap or the keyboard shortcut.
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("md-search__input")) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  }, true);
})();

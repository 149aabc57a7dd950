/* Put before the theme's search worker by macros/search_prebuilt.py. From file:// the worker runs on the page's
 * own thread, and building the index there took 5-8 s on a slow computer; the build now ships the index, made by
 * this same worker (macros/search_prebuild.js), and this loads it. Without a prebuilt index (over http, where the
 * worker is a real one), or for another lunr version, the theme builds its index as before. */
(function () {
  "use strict";
  var prebuilt = null;
  var docs = null;
  var wrapped;

  // Registered before the theme's own listener, so the index is taken before the theme reads its message.
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== 0 || !message.data) return;
    // From file:// the worker is a frame of the page (iframe-worker), which has read search_index.js: the index is
    // taken from there, as copying it into the message cost more than loading it.
    var page = self.parent !== self ? self.parent : null;
    prebuilt = page && page.__index && page.__index.prebuilt || null;
    docs = message.data.docs;
  });

  function fromPrebuilt(lunr, configure) {
    var json = prebuilt;
    prebuilt = null;
    if (!json || json.version !== lunr.version) return null;
    // The theme's field extractors still see each document: they give the table where each word sits, which the
    // theme highlights results with. Filling that table means tokenizing all the text, so it is done for a
    // document only when it is first in a result (shipping the tables would make the zip too big).
    var builder = new lunr.Builder();
    var pending = {};
    var number = 0;
    builder.add = function (doc) {
      var fields = pending[number++] = [];
      Object.keys(this._fields).forEach(function (name) {
        var value = this._fields[name].extractor(doc);
        if (value !== undefined) fields.push([lunr.tokenizer.table, name, value]);
      }, this);
    };
    configure.call(builder, builder);
    var index = lunr.Index.load(json);
    // The index names each document by its number in the docs (a third smaller); results name its location.
    var search = index.search;
    index.search = function () {
      return search.apply(this, arguments).map(function (result) {
        (pending[result.ref] || []).forEach(function (field) {
          lunr.tokenizer.table = field[0];
          builder.tokenizer(field[2], { fields: [field[1]] });
        });
        delete pending[result.ref];
        result.ref = docs[result.ref].location;
        return result;
      });
    };
    return index;
  }

  // The theme's worker sets self.lunr and then calls lunr(configure) to build its index: that call is the one taken.
  Object.defineProperty(self, "lunr", {
    configurable: true,
    get: function () { return wrapped; },
    set: function (lunr) {
      wrapped = new Proxy(lunr, {
        apply: function (target, that, args) { return fromPrebuilt(target, args[0]) || target.apply(that, args); }
      });
    }
  });
})();

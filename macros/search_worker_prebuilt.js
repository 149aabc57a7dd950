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
    if (message && message.type === 0 && message.data && message.data.config && message.data.config.prebuilt) {
      prebuilt = message.data.config.prebuilt;
      docs = message.data.docs;
      delete message.data.config.prebuilt;
    }
  });

  function load(lunr, json) {
    var ref = function (number) { return docs[number].location; };
    var invertedIndex = json.invertedIndex.map(function (entry) {
      var posting = {};
      Object.keys(entry[1]).forEach(function (field) {
        if (field === "_index") { posting[field] = entry[1][field]; return; }
        posting[field] = {};
        Object.keys(entry[1][field]).forEach(function (n) { posting[field][ref(n)] = entry[1][field][n]; });
      });
      return [entry[0], posting];
    });
    var fieldVectors = json.fieldVectors.map(function (entry) {
      var slash = entry[0].indexOf("/");
      return [entry[0].slice(0, slash + 1) + ref(entry[0].slice(slash + 1)), entry[1]];
    });
    return lunr.Index.load({ version: json.version, fields: json.fields, pipeline: json.pipeline,
                             fieldVectors: fieldVectors, invertedIndex: invertedIndex });
  }

  function fromPrebuilt(lunr, configure) {
    var json = prebuilt;
    prebuilt = null;
    if (!json || json.version !== lunr.version) return null;
    var builder = new lunr.Builder();
    // The theme's field extractors and tokenizer still read each document: they record where each word sits,
    // which the theme highlights results with (shipping that too would make the zip too big). Only building
    // the index itself, the costly part, is skipped.
    builder.add = function (doc) {
      Object.keys(this._fields).forEach(function (name) {
        var value = this._fields[name].extractor(doc);
        if (value !== undefined) this.tokenizer(value, { fields: [name] });
      }, this);
    };
    configure.call(builder, builder);
    return load(lunr, json);
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

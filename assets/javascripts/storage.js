/* The one place the course keeps a trainee's work in this browser (localStorage, which works from
 * file:// too). Every key carries the course edition, "<prefix><edition>:<name>", so two editions
 * never mix and "My course file" can save and restore every key of an edition without knowing its
 * kinds. The prefix and the edition come from the page's course data (macros/hooks.py).
 *
 * courseStorage() returns null where the browser refuses storage (private mode, policy); otherwise
 * an object with getItem/setItem/removeItem (by name, as localStorage does), names(), and clear(). */
(function () {
  "use strict";
  var CHANGED = "meta:changed";     // when this edition's work last changed here, for the course file

  var data;
  window.courseData = function () {
    if (data === undefined) {
      var element = document.getElementById("course-data");
      data = element ? JSON.parse(element.textContent) : null;
    }
    return data;
  };

  /* The interface text in the page's language (course/content/ui.yml, handed over as id="course-ui"):
   * courseText("key", {name: value}) puts the values in; with a count, it picks "key.one" or "key.other"
   * by the language's rule (English: one is 1; French: below 2) and gives the count as {n}. */
  var ui;
  window.courseText = function (key, values, count) {
    if (ui === undefined) {
      var element = document.getElementById("course-ui");
      ui = element ? JSON.parse(element.textContent) : null;
    }
    if (!ui) return "";     // a page without the course's data (the theme's 404 page) shows no text of ours
    values = values || {};
    if (count !== undefined) {
      var one = ui.plural === "one-below-2" ? count >= 0 && count < 2 : count === 1;
      key += one ? ".one" : ".other";
      values.n = count;
    }
    var text = ui.text[key];
    if (text === undefined) throw new Error("no interface text " + key);
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      var value = values[name];
      if (value === undefined) return all;
      return typeof value === "number" ? String(value).replace(".", ui.decimal) : String(value);
    });
  };

  function local() {
    try {
      var probe = window.courseData().prefix + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function keysStartingWith(store, start) {
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (key !== null && key.indexOf(start) === 0) keys.push(key);
    }
    return keys;
  }

  window.courseStorage = function () {
    var course = window.courseData();
    var store = course && local();
    if (!store) return null;
    var prefix = course.prefix + course.edition + ":";
    function touch() { store.setItem(prefix + CHANGED, new Date().toISOString()); }
    return {
      edition: course.edition,
      changedName: CHANGED,
      getItem: function (name) { return store.getItem(prefix + name); },
      setItem: function (name, value) {
        value = String(value);
        if (store.getItem(prefix + name) === value) return;
        store.setItem(prefix + name, value);
        if (name !== CHANGED) touch();
      },
      removeItem: function (name) {
        if (store.getItem(prefix + name) === null) return;
        store.removeItem(prefix + name);
        touch();
      },
      /* The names of every value this edition keeps here. */
      names: function () {
        return keysStartingWith(store, prefix).map(function (key) { return key.slice(prefix.length); });
      },
      /* Removes every value of this edition. */
      clear: function () {
        keysStartingWith(store, prefix).forEach(function (key) { store.removeItem(key); });
      },
      /* "Forget me": removes every value of this course, of every edition, from this browser. */
      forgetAll: function () {
        keysStartingWith(store, course.prefix).forEach(function (key) { store.removeItem(key); });
      }
    };
  };
})();

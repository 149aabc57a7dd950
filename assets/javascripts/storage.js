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

/* My course file: save every value this edition keeps in the browser (storage.js) to one JSON file,
 * load it back in another browser or on another computer, and "Forget me on this computer".
 * A loaded file is only ever stored as text and shown with textContent: nothing in it is run or
 * inserted as HTML. Loading never replaces work without saying what will change and asking. */
(function () {
  "use strict";
  var text = function (key, values) { return window.courseText(key, values); };
  var MAX_BYTES = 5 * 1024 * 1024;      // more than any browser lets a site keep: not a course file

  function when(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? text("file.unknown_date") : date.toLocaleString(document.documentElement.lang || undefined);
  }

  function setUp(root, course, store) {
    var status = root.querySelector(".course-file__status");
    var input = root.querySelector(".course-file__input");
    var confirmBox = root.querySelector(".course-file__confirm");
    var question = root.querySelector(".course-file__question");
    var changes = root.querySelector(".course-file__changes");
    var forgetBox = root.querySelector(".course-file__forget-confirm");
    var pending = null;

    function say(message) { status.textContent = message; }
    function changed() {
      document.dispatchEvent(new CustomEvent("course:progress"));
      document.dispatchEvent(new CustomEvent("course:reload"));
    }

    function current() {
      var items = {};
      store.names().forEach(function (name) {
        if (name !== store.changedName) items[name] = store.getItem(name);
      });
      return items;
    }

    function trainee(items) {
      var found = { trainee_id: "", name: "" };
      Object.keys(items).sort().forEach(function (name) {
        if (name.indexOf("quiz:") !== 0 || found.trainee_id) return;
        try {
          var saved = JSON.parse(items[name]);
          if (saved && saved.trainee_id) found = { trainee_id: String(saved.trainee_id), name: String(saved.name || "") };
        } catch (e) { /* a damaged entry names no one */ }
      });
      return found;
    }

    function save() {
      var items = current();
      var who = trainee(items);
      var file = {
        format: course.file.format, version: course.file.version, course: course.title,
        edition: course.edition, saved_at: new Date().toISOString(),
        trainee_id: who.trainee_id, name: who.name, items: items
      };
      var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = text("file.name", { edition: course.edition.replace(/[^A-Za-z0-9._-]+/g, "_"),
        date: file.saved_at.slice(0, 10) });
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(text("file.saved", { file: a.download, n: Object.keys(items).length }));
    }

    /* Checks a parsed file; returns the reason it is refused, or null. */
    function refusal(file) {
      if (!file || typeof file !== "object" || Array.isArray(file) || file.format !== course.file.format) {
        return text("file.not_course_file");
      }
      if (file.version !== course.file.version) {
        return text("file.wrong_version", { version: String(file.version), expected: String(course.file.version) });
      }
      if (file.edition !== course.edition) {
        return text("file.wrong_edition", { edition: String(file.edition), expected: course.edition });
      }
      var items = file.items;
      if (!items || typeof items !== "object" || Array.isArray(items)) return text("file.no_work");
      var bad = Object.keys(items).filter(function (name) { return !name || typeof items[name] !== "string"; });
      if (bad.length) return text("file.not_text", { n: bad.length });
      return null;
    }

    function kind(name) {
      var parts = name.split(":");
      if (parts[0] === "checklist" || parts[0] === "progress" || parts[0] === "journey") {
        return text("file.kind." + parts[0]);
      }
      if (parts[0] === "quiz") {
        var quiz = null;
        course.weeks.forEach(function (w) {
          w.activities.forEach(function (a) { if (a.quiz && a.quiz.key === parts[1]) quiz = a.title; });
        });
        return text("file.kind.quiz", { quiz: quiz || text("file.kind.a_quiz") });
      }
      return text("file.kind.other", { kind: parts[0] });
    }

    function summary(names) {
      var counts = {};
      var order = [];
      names.forEach(function (name) {
        var k = kind(name);
        if (!counts[k]) { counts[k] = 0; order.push(k); }
        counts[k] += 1;
      });
      return order.map(function (k) { return k + " (" + counts[k] + ")"; }).join("; ");
    }

    function apply(file, fileName) {
      store.clear();
      Object.keys(file.items).forEach(function (name) {
        if (name !== store.changedName) store.setItem(name, file.items[name]);
      });
      changed();
      say(text("file.loaded", { file: fileName, date: when(file.saved_at), n: Object.keys(file.items).length }));
    }

    function line(text) {
      var li = document.createElement("li");
      li.textContent = text;
      changes.appendChild(li);
    }

    function offer(file, fileName) {
      var here = current();
      var added = [], altered = [], removed = [];
      Object.keys(file.items).forEach(function (name) {
        if (!(name in here)) added.push(name);
        else if (here[name] !== file.items[name]) altered.push(name);
      });
      Object.keys(here).forEach(function (name) { if (!(name in file.items)) removed.push(name); });
      if (!Object.keys(here).length) { apply(file, fileName); return; }
      if (!added.length && !altered.length && !removed.length) {
        say(text("file.same", { file: fileName }));
        return;
      }
      pending = { file: file, name: fileName };
      changes.textContent = "";
      var lastHere = store.getItem(store.changedName);
      if (lastHere && new Date(lastHere) > new Date(file.saved_at)) {
        line(text("file.careful", { here: when(lastHere), saved: when(file.saved_at) }));
      } else {
        line(text("file.saved_on", { date: when(file.saved_at) }));
      }
      if (added.length) line(text("file.added", { summary: summary(added) }));
      if (altered.length) line(text("file.replaced", { summary: summary(altered) }));
      if (removed.length) line(text("file.removed", { summary: summary(removed) }));
      confirmBox.hidden = false;
      question.focus();
      say(text("file.choose"));
    }

    function load() {
      var chosen = input.files && input.files[0];
      if (!chosen) return;
      var name = chosen.name;
      input.value = "";      // the same file can be chosen again
      confirmBox.hidden = true;
      if (chosen.size > MAX_BYTES) {
        say(text("file.too_large", { file: name }));
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var file;
        try { file = JSON.parse(String(reader.result).replace(/^\uFEFF/, "")); } catch (e) { file = undefined; }
        var why = file === undefined ? text("file.unreadable") : refusal(file);
        if (why) { say(text("file.refused", { why: why })); return; }
        offer(file, name);
      };
      reader.onerror = function () { say(text("file.cannot_read", { file: name })); };
      reader.readAsText(chosen, "utf-8");
    }

    input.addEventListener("change", load);
    root.querySelector(".course-file__save").addEventListener("click", save);
    root.querySelector(".course-file__replace").addEventListener("click", function () {
      if (pending) apply(pending.file, pending.name);
      pending = null;
      confirmBox.hidden = true;
      input.focus();
    });
    root.querySelector(".course-file__cancel").addEventListener("click", function () {
      pending = null;
      confirmBox.hidden = true;
      say(text("file.kept"));
      input.focus();
    });
    root.querySelector(".course-file__forget").addEventListener("click", function () {
      forgetBox.hidden = false;
      forgetBox.querySelector(".course-file__forget-question").focus();
    });
    root.querySelector(".course-file__forget-yes").addEventListener("click", function () {
      store.forgetAll();
      forgetBox.hidden = true;
      changed();
      say(text("file.forgotten"));
      root.querySelector(".course-file__forget").focus();
    });
    root.querySelector(".course-file__forget-no").addEventListener("click", function () {
      forgetBox.hidden = true;
      say(text("file.nothing_removed"));
      root.querySelector(".course-file__forget").focus();
    });
    status.setAttribute("data-ready", "true");
  }

  function init() {
    var course = window.courseData && window.courseData();
    var store = window.courseStorage && window.courseStorage();
    document.querySelectorAll(".course-file").forEach(function (root) {
      if (!course || !store) {
        root.querySelector(".course-file__status").textContent = text("file.no_storage");
        root.querySelectorAll("button, input").forEach(function (el) { el.disabled = true; });
        return;
      }
      setUp(root, course, store);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

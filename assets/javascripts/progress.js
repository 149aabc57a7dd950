/* Progress, kept offline in this browser (storage.js): shown beside each activity in the menu, on
 * the home page (each week, "Continue where you left off", the next activity) and in the syllabus.
 * An activity is done when its page was read to the end or marked "I have finished this", all its
 * checklists are ticked and its quiz is fully answered. Always in words, never by colour alone. */
(function () {
  "use strict";
  var text = function (key, values) { return window.courseText(key, values); };
  var LAST = "journey:last";
  function finishedName(id) { return "progress:" + id; }

  function parse(text) {
    try { return JSON.parse(text || "null"); } catch (e) { return null; }
  }

  function activities(course) {
    return course.weeks.reduce(function (all, w) { return all.concat(w.activities); }, []);
  }

  /* {done, started, todo: [what is left, in words]} for one activity. */
  function stateOf(activity, store) {
    var todo = [];
    var started = false;
    if (activity.quiz) {
      var saved = parse(store.getItem("quiz:" + activity.quiz.key + ":" + activity.quiz.edition));
      var answered = saved && saved.answers ? Object.keys(saved.answers).length : 0;
      if (answered) started = true;
      if (answered < activity.quiz.questions) {
        todo.push(text("progress.quiz_todo", { answered: answered, total: activity.quiz.questions }));
      }
    } else if (store.getItem(finishedName(activity.id))) {
      started = true;
    } else {
      todo.push(text("progress.not_read"));
    }
    activity.checklists.forEach(function (c) {
      var ticked = c.items.filter(function (item) {
        return store.getItem("checklist:" + c.id + ":" + item) === "1";
      }).length;
      if (ticked) started = true;
      if (ticked < c.items.length) todo.push(text("progress.checklist_todo", { ticked: ticked, total: c.items.length }));
    });
    return { done: todo.length === 0, started: started, todo: todo };
  }

  function words(state) {
    if (state.done) return text("progress.done");
    if (state.started) return text("progress.in_progress_todo", { todo: state.todo.join("; ") });
    return text("progress.not_started");
  }

  function link(course, activity) {
    var a = document.createElement("a");
    a.href = course.root + activity.url;
    a.textContent = activity.title;
    return a;
  }

  function markMenu(course, states) {
    var byUrl = {};
    activities(course).forEach(function (a) {
      if (a.url) byUrl[new URL(course.root + a.url, document.baseURI).href] = a;
    });
    // The menu's page links; links to headings of this page (the table of contents) carry a "#".
    document.querySelectorAll("a.md-nav__link[href]").forEach(function (navLink) {
      var old = navLink.querySelector(".course-nav-mark");
      if (old) old.parentNode.removeChild(old);
      if (navLink.getAttribute("href").indexOf("#") !== -1) return;
      var activity = byUrl[navLink.href];
      var state = activity && states[activity.id];
      if (!state || !(state.done || state.started)) return;
      var mark = document.createElement("span");
      mark.className = "course-nav-mark course-nav-mark--" + (state.done ? "done" : "started");
      var symbol = document.createElement("span");
      symbol.setAttribute("aria-hidden", "true");
      symbol.textContent = state.done ? "✓" : "◐";
      mark.title = text(state.done ? "progress.done" : "progress.in_progress");
      var said = document.createElement("span");
      said.className = "course-sr-only";
      said.textContent = text(state.done ? "progress.done_said" : "progress.in_progress_said");
      mark.appendChild(symbol);
      mark.appendChild(said);
      navLink.appendChild(mark);
    });
  }

  function fillStatuses(course, states) {
    document.querySelectorAll(".course-progress__status[data-activity]").forEach(function (el) {
      var state = states[el.getAttribute("data-activity")];
      el.textContent = state ? words(state) : "";
      el.setAttribute("data-state", state ? (state.done ? "done" : state.started ? "started" : "not-started") : "");
    });
    course.weeks.forEach(function (w) {
      document.querySelectorAll('.course-progress__week[data-week="' + w.number + '"]').forEach(function (el) {
        var done = w.activities.filter(function (a) { return states[a.id].done; }).length;
        el.textContent = text(done === w.activities.length ? "progress.week_complete" : "progress.week",
          { done: done, total: w.activities.length });
      });
    });
  }

  function fillContinue(course, states, store) {
    var box = document.querySelector(".course-progress__continue");
    if (!box) return;
    box.textContent = "";
    var all = activities(course);
    var last = all.filter(function (a) { return a.id === store.getItem(LAST); })[0];
    var next = all.filter(function (a) { return !states[a.id].done; })[0];
    if (last) {
      box.appendChild(document.createTextNode(text("progress.continue")));
      box.appendChild(link(course, last));
      box.appendChild(document.createTextNode(" (" + words(states[last.id]).toLowerCase() + "). "));
    }
    if (next && next !== last) {
      box.appendChild(document.createTextNode(text(last ? "progress.first_not_done" : "progress.next")));
      box.appendChild(link(course, next));
      box.appendChild(document.createTextNode("."));
    } else if (!next) {
      box.appendChild(document.createTextNode(text("progress.all_done")));
    }
  }

  function setUpFinished(course, store, refresh) {
    var button = document.querySelector(".course-finished");
    var status = document.querySelector(".course-finished__status");
    var end = document.querySelector(".course-next-step");
    var id = course.activity;
    if (!button || !id) return;
    var undone = false;     // unmarked by hand: reaching the end again must not mark it back
    function show(message) {
      var finished = !!store.getItem(finishedName(id));
      // The label says what pressing does, so a press never does the opposite of what it reads.
      button.textContent = text(finished ? "progress.unfinish_button" : "progress.finished_button");
      status.textContent = message || text(finished ? "progress.finished" : "progress.not_finished");
    }
    button.addEventListener("click", function () {
      if (store.getItem(finishedName(id))) {
        store.removeItem(finishedName(id));
        undone = true;
        show(text("progress.marked_not_finished"));
      } else {
        store.setItem(finishedName(id), new Date().toISOString());
        show(text("progress.marked_finished"));
      }
      refresh();
    });
    if (end && "IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        seen.disconnect();
        if (undone || store.getItem(finishedName(id))) return;
        store.setItem(finishedName(id), new Date().toISOString());
        show(text("progress.reached_end"));
        refresh();
      });
      seen.observe(end);
    }
    show();
  }

  function init() {
    var course = window.courseData && window.courseData();
    if (!course) return;
    var store = window.courseStorage();
    if (!store) {
      document.querySelectorAll(".course-progress__continue, .course-finished__status").forEach(function (el) {
        el.textContent = text("progress.no_storage");
      });
      return;
    }
    if (course.activity) store.setItem(LAST, course.activity);
    function refresh() {
      var states = {};
      activities(course).forEach(function (a) { states[a.id] = stateOf(a, store); });
      markMenu(course, states);
      fillStatuses(course, states);
      fillContinue(course, states, store);
    }
    setUpFinished(course, store, refresh);
    document.addEventListener("course:progress", refresh);
    window.addEventListener("storage", refresh);
    refresh();
    document.documentElement.setAttribute("data-course-progress", "ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

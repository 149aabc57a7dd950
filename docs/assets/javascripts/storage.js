/* The browser storage that checklists and quizzes keep a trainee's work in: localStorage, which works
 * from file:// too. courseStorage() returns null where the browser refuses it (private mode, policy). */
window.courseStorage = function () {
  "use strict";
  try {
    var probe = "lmp-course:probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch (e) {
    return null;
  }
};

/* Weekly quizzes: answers kept in this browser, checked on the page (practice mode only), and
   downloaded as the answer file the tutor's grader reads (course/grading/answers.py). The file's
   format, version and name come with the page's data (course/content/quizzes.py), defined once.
   No network: everything the page needs is in the page. */
(function () {
  "use strict";
  var text = function (key, values, count) { return window.courseText(key, values, count); };
  var PREFIX = "quiz:";      // under the edition's storage (storage.js); progress.js reads the same name

  function setUp(root, store) {
    var data = JSON.parse(root.querySelector(".course-quiz__data").textContent);
    var quiz = data.quiz;
    var edition = data.edition;
    var answerFile = data.answerFile;
    var solutions = data.mode === "practice" ? data.key || null : null;
    var storeKey = PREFIX + quiz + ":" + edition;     // another edition starts from a clean page
    var questions = Array.prototype.slice.call(root.querySelectorAll(".course-quiz__question"));
    var traineeId = root.querySelector(".course-quiz__trainee-id");
    var name = root.querySelector(".course-quiz__name");
    var idError = root.querySelector(".course-quiz__error");
    var status = root.querySelector(".course-quiz__status");
    var checkButton = root.querySelector(".course-quiz__check");
    var unanswered = root.querySelector(".course-quiz__unanswered");
    var checked = false;      // "Check my answers" was pressed since the answers were last cleared

    function radios(fieldset) {
      return Array.prototype.slice.call(fieldset.querySelectorAll("input[type=radio]"));
    }
    function chosen(fieldset) {
      var picked = radios(fieldset).filter(function (r) { return r.checked; })[0];
      return picked ? picked.value : null;
    }
    function answers() {
      var out = {};
      questions.forEach(function (q) {
        var letter = chosen(q);
        if (letter) out[q.getAttribute("data-question")] = letter;
      });
      return out;
    }
    function answeredCount() { return Object.keys(answers()).length; }

    function save() {
      if (!store) return;
      store.setItem(storeKey, JSON.stringify({
        trainee_id: traineeId.value, name: name.value, answers: answers(), checked: checked
      }));
    }
    function load() {
      if (!store) return;
      var saved;
      try { saved = JSON.parse(store.getItem(storeKey) || "null"); } catch (e) { saved = null; }
      if (!saved) return;
      traineeId.value = typeof saved.trainee_id === "string" ? saved.trainee_id : "";
      name.value = typeof saved.name === "string" ? saved.name : "";
      checked = saved.checked === true;
      questions.forEach(function (q) {
        var letter = (saved.answers || {})[q.getAttribute("data-question")];
        radios(q).forEach(function (r) { r.checked = r.value === letter; });
      });
    }
    function say(message) {
      status.textContent = message;
    }
    function progress() {
      return text(store ? "quiz.progress_saved" : "quiz.progress_not_saved",
        { answered: answeredCount(), total: questions.length });
    }

    function clearFeedback(q) {
      var box = q.querySelector(".course-quiz__feedback");
      if (box) { box.hidden = true; box.textContent = ""; }
      q.classList.remove("course-quiz__question--correct", "course-quiz__question--incorrect");
      radios(q).forEach(function (r) {
        r.parentNode.classList.remove("course-quiz__option--right", "course-quiz__option--wrong");
      });
    }

    function paragraph(className, text) {
      var p = document.createElement("p");
      p.className = className;
      p.textContent = text;
      return p;
    }

    function check() {
      var right = 0;
      checked = true;
      save();
      questions.forEach(function (q) {
        var id = q.getAttribute("data-question");
        var solution = solutions[id];
        var letter = chosen(q);
        var box = q.querySelector(".course-quiz__feedback");
        clearFeedback(q);
        var ok = letter === solution.letter;
        if (ok) right += 1;
        q.classList.add(ok ? "course-quiz__question--correct" : "course-quiz__question--incorrect");
        radios(q).forEach(function (r) {
          if (r.value === solution.letter) r.parentNode.classList.add("course-quiz__option--right");
          else if (r.checked) r.parentNode.classList.add("course-quiz__option--wrong");
        });
        var verdict = text(ok ? "quiz.correct" : (letter ? "quiz.not_correct" : "quiz.not_answered"));
        box.appendChild(paragraph("course-quiz__verdict", verdict));
        if (!ok) box.appendChild(paragraph("course-quiz__right-answer", text("quiz.right_answer", { answer: solution.text })));
        box.appendChild(paragraph("course-quiz__explanation", solution.why));
        box.hidden = false;
      });
      var missingCount = questions.length - answeredCount();
      say(text(missingCount ? "quiz.score_unanswered" : "quiz.score",
        { right: right, total: questions.length, missing: missingCount }));
      // For scorm.js, which tells an LMS the score when the course runs inside one.
      root.dispatchEvent(new CustomEvent("course-quiz:checked",
        { detail: { quiz: quiz, correct: right, total: questions.length } }));
    }

    function showIdError(message) {
      idError.textContent = message;
      traineeId.setAttribute("aria-invalid", "true");
    }
    function hideIdError() {
      idError.textContent = "";
      traineeId.removeAttribute("aria-invalid");
    }

    function missing() {
      return questions.map(function (q, i) { return chosen(q) ? null : i + 1; })
        .filter(function (n) { return n !== null; });
    }

    function download(anyway) {
      var id = traineeId.value.trim();
      if (!id) {
        showIdError(text("quiz.id_missing"));
        say(text("quiz.not_downloaded_id"));
        traineeId.focus();
        return;
      }
      hideIdError();
      var notAnswered = missing();
      if (notAnswered.length && anyway !== true) {
        unanswered.querySelector(".course-quiz__unanswered-text").textContent =
          text(notAnswered.length === 1 ? "quiz.unanswered.one" : "quiz.unanswered.other",
            { numbers: notAnswered.join(", ") });
        unanswered.hidden = false;
        unanswered.querySelector(".course-quiz__unanswered-text").focus();
        say(text("quiz.not_downloaded_yet", { n: notAnswered.length }));
        return;
      }
      unanswered.hidden = true;
      var file = {
        format: answerFile.format, version: answerFile.version, quiz: quiz, edition: edition,
        trainee_id: id, name: name.value.trim(), answers: answers(),
        mode: data.mode, checked: checked,      // checked: the answers were checked on the page before download
        saved_at: new Date().toISOString()
      };
      var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = answerFile.name.replace("{quiz}", quiz)
        .replace("{trainee_id}", id.replace(/[^A-Za-z0-9._-]+/g, "_"));
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(text(checked ? "quiz.downloaded_checked" : "quiz.downloaded",
        { file: link.download, answered: Object.keys(file.answers).length, total: questions.length }));
    }

    function clearAll() {
      checked = false;
      unanswered.hidden = true;
      questions.forEach(function (q) {
        radios(q).forEach(function (r) { r.checked = false; });
        clearFeedback(q);
      });
      traineeId.value = "";
      name.value = "";
      hideIdError();
      if (store) store.removeItem(storeKey);
      document.dispatchEvent(new CustomEvent("course:progress"));
      say(text("quiz.cleared", { progress: progress() }));
      traineeId.focus();
    }

    load();
    questions.forEach(function (q) {
      radios(q).forEach(function (r) {
        r.addEventListener("change", function () {
          clearFeedback(q); save(); say(progress());
          document.dispatchEvent(new CustomEvent("course:progress"));
        });
      });
    });
    [traineeId, name].forEach(function (field) {
      field.addEventListener("input", function () {
        if (field === traineeId && traineeId.value.trim()) hideIdError();
        save();
      });
    });
    // The submit button's click listener does the work; the form itself never reloads the page.
    root.querySelector(".course-quiz__form").addEventListener("submit", function (e) { e.preventDefault(); });
    if (checkButton && solutions) checkButton.addEventListener("click", check);
    root.querySelector(".course-quiz__download").addEventListener("click", function () { download(false); });
    root.querySelector(".course-quiz__download-anyway").addEventListener("click", function () { download(true); });
    root.querySelector(".course-quiz__answer-first").addEventListener("click", function () {
      unanswered.hidden = true;
      var first = missing()[0];
      if (first) radios(questions[first - 1])[0].focus();
      say(progress());
    });
    root.querySelector(".course-quiz__clear").addEventListener("click", clearAll);
    say(progress());
    status.setAttribute("data-ready", "true");
  }

  function init() {
    var store = window.courseStorage();
    document.querySelectorAll(".course-quiz").forEach(function (root) { setUp(root, store); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

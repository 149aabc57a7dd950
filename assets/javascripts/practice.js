/* Exercises and workbook: what the trainee writes is kept in this browser under the key the page gives
 * (data-key, made by the course from its edition), so "My course file" carries it. */
(function () {
  "use strict";

  function setUpAnswer(box, store) {
    var text = box.querySelector(".course-answer__text");
    var mirror = box.querySelector(".course-answer__print");   // printed in place of the text area
    var status = box.querySelector(".course-answer__status");
    var key = text.getAttribute("data-key");

    function show() { mirror.textContent = text.value; }
    function load() {
      if (store) text.value = store.getItem(key) || "";
      show();
    }
    load();
    // A course file loaded on this page (course-file.js) replaces the stored work: show it.
    document.addEventListener("course:reload", load);
    text.addEventListener("input", function () {
      if (store) {
        if (text.value.trim()) store.setItem(key, text.value);
        else store.removeItem(key);
      }
      show();
      status.textContent = "";
    });
    // Said once the trainee leaves the box, not at every key press (screen readers read it aloud).
    text.addEventListener("change", function () {
      status.textContent = window.courseText(store ? "answer.saved" : "answer.not_saved");
    });
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function paragraphs(s) {
    return s.trim().split(/\n\s*\n/).map(function (p) {
      return "<p>" + escapeHtml(p.trim()).replace(/\n/g, "<br>") + "</p>";
    }).join("\n");
  }

  /* The workbook as an HTML document that Word and LibreOffice Writer open: the first draft of the essay. */
  function workbookDocument(root) {
    var title = window.courseText("workbook.title");
    var body = [];
    document.querySelectorAll("ol.course-workbook[data-title]").forEach(function (section) {
      body.push("<h2>" + escapeHtml(section.getAttribute("data-title")) + "</h2>");
      section.querySelectorAll(".course-workbook__entry").forEach(function (entry) {
        var answer = entry.querySelector(".course-answer__text").value;
        body.push("<h3>" + escapeHtml(entry.querySelector(".course-answer__label").textContent.trim()) + "</h3>");
        body.push(answer.trim() ? paragraphs(answer) : "<p><em>" + escapeHtml(window.courseText("workbook.not_answered")) + "</em></p>");
      });
    });
    return "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(document.documentElement.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeHtml(title) +
      "</title>\n<style>body{font-family:Calibri,Arial,sans-serif;line-height:1.4;max-width:45em;margin:2em auto}" +
      "h3{font-size:1em}</style>\n</head>\n<body>\n<h1>" + escapeHtml(title) + "</h1>\n<p>" +
      escapeHtml(window.courseText("workbook.saved_on", { course: document.title.split(" - ").pop(),
        date: new Date().toISOString().slice(0, 10) })) + "</p>\n" + body.join("\n") + "\n</body>\n</html>\n";
  }

  function setUpWorkbookPage(root) {
    var texts = Array.prototype.slice.call(
      document.querySelectorAll("ol.course-workbook[data-title] .course-answer__text"));
    var summary = root.querySelector(".course-workbook__summary");
    function count() {
      var done = texts.filter(function (t) { return t.value.trim(); }).length;
      summary.textContent = window.courseText("workbook.count", { done: done, total: texts.length });
    }
    texts.forEach(function (t) { t.addEventListener("change", count); });
    document.addEventListener("course:reload", count);
    count();
    root.querySelector(".course-workbook__print").addEventListener("click", function () { window.print(); });
    root.querySelector(".course-workbook__download").addEventListener("click", function () {
      var blob = new Blob([workbookDocument(root)], { type: "text/html" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = window.courseText("workbook.file");
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      count();
      summary.textContent += window.courseText("workbook.downloaded", { file: link.download });
    });
  }

  function init() {
    var store = window.courseStorage();
    document.querySelectorAll(".course-answer").forEach(function (box) { setUpAnswer(box, store); });
    var page = document.querySelector(".course-workbook__actions");
    if (page) setUpWorkbookPage(page);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

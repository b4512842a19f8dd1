/* The course home: each chapter card's state (not started, in progress with how many
 * self-check items are answered, done with how many were right at the first try), the next
 * step under the title, and the review items due today. Read from the course store only;
 * the cards work as links without it, and say nothing about the learner. No answer keys
 * come with the page: an item counts as answered when the store holds an answer for it.
 */
(function () {
  "use strict";

  var store = window.CourseStore;
  var Dom = window.CourseDom;
  var holder = document.querySelector(".course-home-data");
  if (!store || !Dom || !holder) return;
  var T = Dom.readJSON("course-texts").home || {};
  var data;
  try { data = JSON.parse(holder.querySelector("script").textContent); } catch (err) { return; }

  function answered(entry) {
    if (!entry || entry.answer === null || entry.answer === undefined) return false;
    return !(Array.isArray(entry.answer) && !entry.answer.length);
  }

  function titleOf(doc) {
    var card = document.querySelector('.course-card-state[data-doc="' + doc + '"]');
    var box = card ? card.closest(".sd-card") : null;
    var title = box ? box.querySelector(".sd-card-title") : null;
    return title ? title.textContent.trim() : doc;
  }

  function render() {
    var saved = store.quizItems();
    var next = null;
    var allDone = true;
    data.chapters.forEach(function (c) {
      var done = 0, first = 0;
      c.items.forEach(function (id) {
        if (answered(saved[id])) done++;
        if (saved[id] && saved[id].first === true) first++;
      });
      var total = c.items.length;
      var state = done === 0 ? "none" : done < total ? "progress" : "done";
      var span = document.querySelector('.course-card-state[data-doc="' + c.doc + '"]');
      if (span) {
        span.textContent = Dom.fill(T["state_" + state], { done: done, total: total, first: first });
        span.dataset.state = state;
        var card = span.closest(".sd-card");
        if (card) card.dataset.state = state;
      }
      if (state !== "done") allDone = false;
      if (!next && state === "progress") next = { doc: c.doc, started: true };
    });
    if (!next) {
      var fresh = data.chapters.filter(function (c) {
        var span = document.querySelector('.course-card-state[data-doc="' + c.doc + '"]');
        return span && span.dataset.state === "none";
      })[0];
      if (fresh) next = { doc: fresh.doc, started: false };
    }
    var line = document.querySelector(".course-home-next");
    var link = line ? line.querySelector("a") : null;
    if (link) {
      // The whole line is the link's text from here on (the static lead-in goes).
      Array.prototype.slice.call(line.childNodes).forEach(function (node) { if (node !== link) node.remove(); });
      if (next) {
        var box = document.querySelector('.course-card-state[data-doc="' + next.doc + '"]').closest(".sd-card");
        var target = box ? box.querySelector("a.sd-stretched-link") : null;
        var href = target ? target.getAttribute("href") : null;
        link.textContent = Dom.fill(next.started ? T.next : T.start, { title: titleOf(next.doc) });
        if (href) link.setAttribute("href", href);
      } else if (allDone) {
        link.textContent = T.all_done;
        var final = document.querySelector('a.sd-stretched-link[href*="final-test"]');
        if (final) link.setAttribute("href", final.getAttribute("href"));
      }
    }
    var review = document.querySelector(".course-home-review");
    if (review && window.CourseReview) {
      var due = window.CourseReview.due().length;
      review.textContent = due ? Dom.fill(T.review_due, { n: due }) : T.review_none;
    }
  }

  store.subscribe(function () { render(); });
  render();
})();

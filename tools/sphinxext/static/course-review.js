/* Spaced review (复习): items answered wrong or revealed come back at growing intervals.
 *
 * Leitner boxes 1-5 with intervals of 1, 2, 4, 8 and 16 days. An item answered wrong or
 * revealed, in a self-check, the final test or here, goes to box 1 (due the next day). Due
 * and answered right here: one box up, due after that box's interval; right in box 5: it
 * leaves review (learnt). Answered wrong or revealed here: back to box 1.
 *
 * State: the store's area "review", {<item id>: [box, due day]}, a day being whole days
 * since 1970-01-01 in the reader's time zone. Kept per item so that the SCORM codec can
 * leave out single entries when cmi.suspend_data is full.
 *
 * The clock is Date.now(), so a test can move it (Playwright's page.clock). Loaded on every
 * page with self-checks; the review page and the progress page show what is due.
 */
(function () {
  "use strict";

  const INTERVALS = [1, 2, 4, 8, 16]; // days, boxes 1..5
  const AREA = "review";
  const ID = /^[a-z][a-z0-9-]{0,39}$/;
  const store = window.CourseStore;
  if (!store) return;

  store.defineArea(AREA, function (data) {
    const out = Object.create(null);
    if (!data || typeof data !== "object" || Array.isArray(data)) return out;
    Object.keys(data).forEach(function (id) {
      const v = data[id];
      if (!ID.test(id) || !Array.isArray(v) || v.length !== 2) return;
      const box = v[0], due = v[1];
      if (!Number.isInteger(box) || box < 1 || box > INTERVALS.length) return;
      if (!Number.isInteger(due) || due < 0 || due > 1000000) return;
      out[id] = [box, due];
    });
    return out;
  });

  /* Today as a whole number of days, in local time. */
  function today() {
    const now = new Date(Date.now());
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 60000) / 86400000);
  }

  /* A result for one item: wrong (or revealed) puts it in box 1; right moves it up one box
   * only when it was due (a right retry on a chapter page right after a wrong one moves
   * nothing). */
  function note(id, right) {
    const day = today();
    store.update(AREA, function (data) {
      const entry = data[id];
      if (!right) {
        data[id] = [1, day + INTERVALS[0]];
      } else if (entry && entry[1] <= day) {
        if (entry[0] >= INTERVALS.length) delete data[id];
        else data[id] = [entry[0] + 1, day + INTERVALS[entry[0]]];
      }
      return data;
    });
  }

  function entries() {
    return store.read(AREA);
  }

  function due() {
    const day = today();
    const data = entries();
    return Object.keys(data).filter(function (id) { return data[id][1] <= day; }).sort();
  }

  window.CourseReview = { note: note, due: due, entries: entries, today: today, intervals: INTERVALS };

  /* ---- the review page ---- */
  function initReview(box) {
    const Q = window.CourseQuiz;
    if (!Q) return;
    const T = Q.texts.review || {};
    let pool;
    try { pool = JSON.parse(box.querySelector(".course-review-data").textContent); } catch (err) { return; }
    const byId = Object.create(null);
    pool.forEach(function (d) { byId[d.id] = d; });
    const status = Q.el("p", { class: "course-review-status", "aria-live": "polite" });
    const list = Q.el("div", { class: "course-review-items" });
    box.querySelector(".course-review-static").replaceWith(status, list);
    box.classList.add("is-live");
    Q.storageNote(box, status);

    const render = function () {
      const ids = due().filter(function (id) { return byId[id]; });
      const waiting = entries();
      const later = Object.keys(waiting).filter(function (id) { return byId[id] && ids.indexOf(id) === -1; });
      const next = later.map(function (id) { return waiting[id][1] - today(); }).sort(function (a, b) { return a - b; })[0];
      status.textContent = ids.length
        ? Q.fill(T.due, { n: ids.length, later: later.length })
        : (later.length ? Q.fill(T.none_due, { later: later.length, days: next }) : T.empty);
      list.textContent = "";
      ids.forEach(function (id, n) {
        const data = byId[id];
        const root = Q.itemRoot(data, n + 1);
        root.id = "review-" + id;
        const when = Q.el("p", { class: "course-review-when", "aria-live": "polite" });
        root.append(when);
        list.append(root);
        new Q.Item(root, data, function () {}, {
          check: function (item, answer, result) {
            const was = entries()[id];
            if (!was || was[1] > today()) return; // already answered in this session
            note(id, result === "correct");
            const now = entries()[id];
            when.textContent = now ? Q.fill(T.next, { box: now[0], days: now[1] - today() }) : T.learnt;
            item.revealButton.disabled = true;
          },
        });
      });
    };
    render();
    store.subscribe(function (reason) { if (reason === "external" || reason === "restore" || reason === "backend") render(); });
  }

  /* ---- the progress page: how many are due ---- */
  function initCount(node) {
    const Q = window.CourseQuiz;
    const T = (Q && Q.texts.review) || {};
    const show = function () {
      const n = due().length;
      node.textContent = Q ? Q.fill(T.progress_due, { n: n, total: Object.keys(entries()).length }) : String(n);
    };
    show();
    store.subscribe(show);
  }

  function start() {
    document.querySelectorAll(".course-review").forEach(initReview);
    document.querySelectorAll(".course-review-count").forEach(initCount);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

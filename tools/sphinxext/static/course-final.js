/* The final test (模拟测验): 30 items drawn by the blueprint, seeded per attempt; no
 * feedback per item; at the end the score against the cut score, a result by chapter, and
 * links back to the sections of the items missed.
 *
 * The page's data (tools/sphinxext/final_test.py): {blueprint: {chapter: {level: count}},
 * cut, chapters: [{chapter, title, url}], pool: [item data with chapter and level]}.
 * The store's area "final": {cur: {s: seed, i: "id id …", a: [answer, …], d: 0 | finished
 * (ms)}, past: [[finished ms, right, total], …] (the last 10)}. The draw is kept as the IDs
 * drawn (the pools may change between editions); the score is always recomputed from the
 * answers, never stored, except in the short history of past attempts.
 */
(function () {
  "use strict";

  const AREA = "final";
  const MAX_PAST = 10;
  const store = window.CourseStore;
  const Q = window.CourseQuiz;
  if (!store || !Q) return;
  const T = Q.texts.final || {};
  const ID = /^[a-z][a-z0-9-]{0,39}$/;

  function answerOk(a) {
    return a === null || (Array.isArray(a) && a.length <= 16 && a.every(function (v) { return v === null || (Number.isInteger(v) && v >= 0 && v < 16); }));
  }

  store.defineArea(AREA, function (data) {
    const out = Object.create(null);
    if (!data || typeof data !== "object" || Array.isArray(data)) return out;
    const cur = data.cur;
    if (cur && typeof cur === "object" && Number.isInteger(cur.s) && typeof cur.i === "string" && Array.isArray(cur.a)) {
      const ids = cur.i.split(" ");
      if (ids.length <= 60 && ids.every(function (id) { return ID.test(id); }) && cur.a.length === ids.length && cur.a.every(answerOk)) {
        out.cur = { s: cur.s, i: cur.i, a: cur.a, d: typeof cur.d === "number" && cur.d > 0 ? cur.d : 0 };
      }
    }
    if (Array.isArray(data.past)) {
      out.past = data.past.filter(function (p) {
        return Array.isArray(p) && p.length === 3 && typeof p[0] === "number" && Number.isInteger(p[1]) && Number.isInteger(p[2]) && p[1] >= 0 && p[1] <= p[2] && p[2] <= 60;
      }).slice(-MAX_PAST);
    }
    return out;
  });

  /* A small seeded generator (mulberry32): the same seed draws the same items. */
  function random(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* The blueprint's draw for `seed`: per chapter, per level, `count` items without repeats. */
  function draw(data, seed) {
    const next = random(seed);
    const ids = [];
    data.chapters.forEach(function (c) {
      const cells = data.blueprint[c.chapter] || {};
      Object.keys(cells).forEach(function (level) {
        const pool = data.pool.filter(function (d) { return d.chapter === c.chapter && d.level === level; }).map(function (d) { return d.id; });
        for (let i = pool.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          const t = pool[i]; pool[i] = pool[j]; pool[j] = t;
        }
        pool.slice(0, cells[level]).forEach(function (id) { ids.push(id); });
      });
    });
    return ids;
  }

  function init(box) {
    let data;
    try { data = JSON.parse(box.querySelector(".course-final-data").textContent); } catch (err) { return; }
    const byId = Object.create(null);
    data.pool.forEach(function (d) { byId[d.id] = d; });
    const titles = Object.create(null);
    data.chapters.forEach(function (c) { titles[c.chapter] = c; });
    const live = Q.el("div", { class: "course-final-live" });
    box.querySelector(".course-final-static").before(live);
    box.classList.add("is-live");
    const status = Q.el("p", { class: "course-final-status", "aria-live": "polite" });
    live.append(status);
    Q.storageNote(box, live);
    const body = Q.el("div", { class: "course-final-body" });
    live.append(body);
    let items = [];

    const read = function () { return store.read(AREA); };
    const current = function () {
      const cur = read().cur;
      if (!cur) return null;
      const ids = cur.i.split(" ");
      return ids.every(function (id) { return byId[id]; }) ? { cur: cur, ids: ids } : null;
    };
    const score = function (ids, answers) {
      return ids.map(function (id, n) {
        const a = answers[n];
        return Array.isArray(a) && Q.statusFor(Q.specOf(byId[id]), { answer: a, revealed: false }) === "correct";
      });
    };

    const start = function () {
      const seed = Math.floor(Math.random() * 4294967296) >>> 0 || 1;
      const ids = draw(data, seed);
      store.update(AREA, function (area) {
        area.cur = { s: seed, i: ids.join(" "), a: ids.map(function () { return null; }), d: 0 };
        return area;
      });
      render();
      const first = body.querySelector(".course-quiz-item");
      if (first) first.scrollIntoView();
    };

    const save = function (n, answer) {
      store.update(AREA, function (area) {
        if (area.cur && !area.cur.d) area.cur.a[n] = answer;
        return area;
      });
    };

    const submit = function (ids) {
      const answers = items.map(function (item) { return item.answer(); });
      const open = items.filter(function (item, n) { return !item.isComplete(answers[n]); }).length;
      const finish = function () {
        const right = score(ids, answers);
        const n = right.filter(Boolean).length;
        store.update(AREA, function (area) {
          if (!area.cur) return area;
          area.cur.a = answers.map(function (a, i) { return items[i].isComplete(a) ? a : null; });
          area.cur.d = Date.now();
          area.past = (area.past || []).concat([[area.cur.d, n, ids.length]]).slice(-MAX_PAST);
          return area;
        });
        if (window.CourseReview) ids.forEach(function (id, i) { if (!right[i]) window.CourseReview.note(id, false); });
        render();
        status.scrollIntoView();
      };
      if (!open) { finish(); return; }
      window.courseConfirm({ title: T.submit_title, body: Q.fill(T.submit_body, { n: open }), confirm: T.submit_confirm }).then(function (yes) {
        if (yes) finish();
      });
    };

    const history = function () {
      const past = read().past || [];
      if (!past.length) return null;
      const list = Q.el("ul", { class: "course-final-history" });
      past.slice().reverse().forEach(function (p) {
        const when = new Date(p[0]);
        const date = when.getFullYear() + "-" + String(when.getMonth() + 1).padStart(2, "0") + "-" + String(when.getDate()).padStart(2, "0");
        list.append(Q.el("li", {}, Q.fill(T.history_line, { date: date, right: p[1], total: p[2], verdict: p[1] >= data.cut ? T.passed : T.failed })));
      });
      const wrap = Q.el("div", { class: "course-final-past" });
      wrap.append(Q.el("p", { class: "course-final-past-title" }, T.history), list);
      return wrap;
    };

    const result = function (ids, cur) {
      const right = score(ids, cur.a);
      const n = right.filter(Boolean).length;
      const passed = n >= data.cut;
      status.textContent = Q.fill(T.result, { right: n, total: ids.length, percent: Math.round((100 * n) / ids.length), cut: data.cut });
      const verdict = Q.el("p", { class: "course-final-verdict " + (passed ? "is-passed" : "is-failed") }, passed ? T.verdict_passed : Q.fill(T.verdict_failed, { cut: data.cut }));
      const table = Q.el("table", { class: "table course-final-chapters" });
      const head = Q.el("tr");
      [T.col_chapter, T.col_right].forEach(function (t) { head.append(Q.el("th", { scope: "col" }, t)); });
      const thead = Q.el("thead"); thead.append(head);
      const tbody = Q.el("tbody");
      data.chapters.forEach(function (c) {
        const mine = ids.map(function (id, i) { return i; }).filter(function (i) { return byId[ids[i]].chapter === c.chapter; });
        if (!mine.length) return;
        const row = Q.el("tr", { "data-chapter": c.chapter });
        const cell = Q.el("td");
        cell.append(Q.el("a", { href: c.url }, c.title));
        const r = mine.filter(function (i) { return right[i]; }).length;
        row.append(cell, Q.el("td", { class: "course-final-chapter-right" }, r + " / " + mine.length));
        tbody.append(row);
      });
      table.append(thead, tbody);
      const missed = Q.el("ul", { class: "course-final-missed" });
      ids.forEach(function (id, i) {
        if (right[i]) return;
        const d = byId[id];
        const li = Q.el("li");
        const parts = String(T.missed_line).split("{section}");
        li.append(Q.fill(parts[0], { n: i + 1, chapter: (titles[d.chapter] || {}).title || d.chapter }), Q.el("a", { href: d.section }, d.sectionTitle || d.section), parts[1] || "");
        missed.append(li);
      });
      const again = Q.el("button", { type: "button", class: "btn btn-primary course-final-start" }, T.again);
      again.addEventListener("click", start);
      body.append(verdict, table);
      if (missed.childNodes.length) body.append(Q.el("p", { class: "course-final-missed-title" }, T.missed), missed);
      body.append(again);
    };

    const attempt = function (ids, cur) {
      status.textContent = Q.fill(T.in_progress, { total: ids.length, cut: data.cut });
      const list = Q.el("div", { class: "course-final-items" });
      body.append(list);
      items = ids.map(function (id, n) {
        const root = Q.itemRoot(byId[id], n + 1);
        root.id = "final-" + id;
        list.append(root);
        const item = new Q.Item(root, byId[id], function () {}, {
          exam: true,
          onInput: function (it) { save(n, it.answer()); },
        });
        if (Array.isArray(cur.a[n])) item.setAnswer(cur.a[n]);
        return item;
      });
      const send = Q.el("button", { type: "button", class: "btn btn-primary course-final-submit" }, T.submit);
      send.addEventListener("click", function () { submit(ids); });
      body.append(send);
    };

    const render = function () {
      body.textContent = "";
      items = [];
      const now = current();
      if (now && !now.cur.d) attempt(now.ids, now.cur);
      else {
        if (now) result(now.ids, now.cur);
        else {
          status.textContent = Q.fill(T.intro, { total: data.size, cut: data.cut });
          const go = Q.el("button", { type: "button", class: "btn btn-primary course-final-start" }, T.start);
          go.addEventListener("click", start);
          body.append(go);
        }
        const past = history();
        if (past) body.append(past);
      }
    };
    render();
    store.subscribe(function (reason) { if (reason === "external" || reason === "restore" || reason === "backend") render(); });
  }

  function begin() { document.querySelectorAll(".course-final").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();

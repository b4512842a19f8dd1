/* The cohort page (trainer edition, {cohort}): learner records (学习记录, exported by
 * course-transfer.js) read in the browser, never uploaded, and shown as one table: a row per
 * learner, a column per chapter (right / answered of total), the practice test's best score
 * and the conversations finished. Click a heading to sort; export the table as CSV.
 *
 * A file that is not a learner record is named and skipped; two records with the same name
 * keep the later export.
 */
(function () {
  "use strict";

  const box = document.querySelector(".course-cohort");
  if (!box || !window.CourseDom) return;
  const D = window.CourseDom;
  const T = D.readJSON("course-cohort-texts");
  const fill = D.fill;
  const el = D.el;
  const make = D.make;
  const FORMAT = "guanxi-record";
  const MAX_FILE = 200000;
  const learners = {}; // name -> record
  let sortKey = "name";
  let sortUp = true;

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  /* A record as the table needs it, or null: every field checked, nothing else kept. */
  function clean(value) {
    if (!isObject(value) || value.format !== FORMAT || typeof value.name !== "string" || !value.name.trim()) return null;
    const chapters = (Array.isArray(value.chapters) ? value.chapters : []).filter(function (c) {
      return isObject(c) && typeof c.chapter === "string" && [c.total, c.answered, c.right].every(Number.isInteger);
    }).map(function (c) {
      return { chapter: c.chapter, title: String(c.title || c.chapter).slice(0, 60), total: c.total, answered: c.answered, right: c.right };
    });
    const test = isObject(value.test) ? value.test : {};
    const conv = isObject(value.conversations) ? value.conversations : {};
    return {
      name: value.name.trim().slice(0, 30),
      exported: typeof value.exported === "string" ? value.exported.slice(0, 10) : "",
      chapters: chapters,
      best: Number.isInteger(test.best) ? test.best : null,
      attempts: Number.isInteger(test.attempts) ? test.attempts : 0,
      finished: Number.isInteger(conv.finished) ? conv.finished : 0,
      conversations: Number.isInteger(conv.total) ? conv.total : 0,
    };
  }

  const status = el("p", { class: "course-cohort-status", role: "status", "aria-live": "polite" });
  const table = el("table", { class: "table course-cohort-table" });

  function chapterList() {
    const seen = [];
    Object.keys(learners).forEach(function (name) {
      learners[name].chapters.forEach(function (c) {
        if (!seen.some(function (s) { return s.chapter === c.chapter; })) seen.push({ chapter: c.chapter, title: c.title });
      });
    });
    return seen;
  }

  function cell(record, chapter) {
    const c = record.chapters.find(function (x) { return x.chapter === chapter; });
    return c ? c : { total: 0, answered: 0, right: 0 };
  }

  function value(record, key) {
    if (key === "name") return record.name;
    if (key === "best") return record.best === null ? -1 : record.best;
    if (key === "finished") return record.finished;
    if (key === "exported") return record.exported;
    const c = cell(record, key);
    return c.total ? c.right / c.total : 0;
  }

  function rows() {
    const list = Object.keys(learners).map(function (n) { return learners[n]; });
    list.sort(function (a, b) {
      const x = value(a, sortKey);
      const y = value(b, sortKey);
      const order = typeof x === "string" ? x.localeCompare(y, "zh-CN") : x - y;
      return sortUp ? order : -order;
    });
    return list;
  }

  function header(key, text) {
    const button = el("button", { type: "button", class: "course-cohort-sort" }, text + (sortKey === key ? (sortUp ? " ▲" : " ▼") : ""));
    button.addEventListener("click", function () {
      sortUp = sortKey === key ? !sortUp : true;
      sortKey = key;
      draw();
    });
    const th = make("th", { scope: "col" }, button);
    if (sortKey === key) th.setAttribute("aria-sort", sortUp ? "ascending" : "descending");
    return th;
  }

  function draw() {
    const chapters = chapterList();
    const head = make("tr", {}, header("name", T.col_name), header("exported", T.col_date));
    chapters.forEach(function (c) { head.append(header(c.chapter, c.title)); });
    head.append(header("best", T.col_best), header("finished", T.col_conversations));
    const body = el("tbody", {});
    rows().forEach(function (r) {
      const tr = make("tr", {}, make("th", { scope: "row" }, r.name), el("td", {}, r.exported));
      chapters.forEach(function (c) {
        const x = cell(r, c.chapter);
        tr.append(el("td", { title: fill(T.cell_title, x) }, fill(T.cell, x)));
      });
      tr.append(el("td", {}, r.best === null ? "—" : fill(T.best, { best: r.best, attempts: r.attempts })));
      tr.append(el("td", {}, fill(T.conversations, { finished: r.finished, total: r.conversations })));
      body.append(tr);
    });
    table.replaceChildren(make("thead", {}, head), body);
    csvButton.disabled = !Object.keys(learners).length;
  }

  function csv() {
    const chapters = chapterList();
    const quote = function (text) { return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; };
    const lines = [[T.col_name, T.col_date].concat(chapters.map(function (c) { return c.title; }), [T.col_best, T.col_conversations]).map(quote).join(",")];
    rows().forEach(function (r) {
      const cells = [r.name, r.exported];
      chapters.forEach(function (c) { cells.push(fill(T.cell, cell(r, c.chapter))); });
      cells.push(r.best === null ? "" : String(r.best), String(r.finished));
      lines.push(cells.map(quote).join(","));
    });
    return "\ufeff" + lines.join("\n") + "\n"; // the BOM lets spreadsheet programs read Chinese
  }

  function read(files) {
    const skipped = [];
    let added = 0;
    return Promise.all(Array.prototype.map.call(files, function (file) {
      if (file.size > MAX_FILE) { skipped.push(file.name); return null; }
      return file.text().then(function (text) {
        let record = null;
        try { record = clean(JSON.parse(text)); } catch (err) { record = null; }
        if (!record) { skipped.push(file.name); return; }
        const known = learners[record.name];
        if (!known || known.exported <= record.exported) learners[record.name] = record;
        added++;
      });
    })).then(function () {
      draw();
      status.textContent = fill(T.read, { added: added, total: Object.keys(learners).length }) +
        (skipped.length ? fill(T.skipped, { files: skipped.join("、") }) : "");
    });
  }

  const input = el("input", { type: "file", multiple: "multiple", accept: ".json,application/json", class: "course-cohort-file visually-hidden", tabindex: "-1", "aria-hidden": "true" });
  input.addEventListener("change", function () { read(input.files).then(function () { input.value = ""; }); });
  const pick = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-cohort-pick" }, T.pick);
  pick.addEventListener("click", function () { input.click(); });
  const csvButton = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-cohort-csv", disabled: "disabled" }, T.csv);
  csvButton.addEventListener("click", function () {
    D.download(T.csv_file + ".csv", csv(), "text/csv");
  });
  const drop = el("div", { class: "course-cohort-drop" }, T.drop);
  ["dragover", "dragenter"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("is-over"); });
  });
  drop.addEventListener("dragleave", function () { drop.classList.remove("is-over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("is-over");
    if (event.dataTransfer && event.dataTransfer.files) read(event.dataTransfer.files);
  });

  box.replaceChildren(make("div", { class: "course-cohort-row" }, pick, input, csvButton), drop, status, table);
  draw();
  window.CourseCohort = { read: read, csv: csv };
})();

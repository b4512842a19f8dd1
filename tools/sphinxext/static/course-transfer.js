/* Progress that travels (the progress page, {progress-transfer}): export everything this
 * browser keeps for the course, as a file or as a progress code to paste, and import it on
 * another device with a preview of what will change; and the learner record (学习记录) a
 * trainer collects, which the trainer edition's cohort page reads.
 *
 * Export: {format: FORMAT, version, exported, state: <the store's snapshot>, local: <the
 * local areas: accounts and worksheets>}. The progress code is the same object compressed
 * by lz-string (pinned in package.json) into URL-safe text, prefixed CODE_PREFIX.
 *
 * Import merges, never overwrites silently (merge() below, one rule per area):
 *   quiz           per item, the newer answer (the store stamps each with `t`; without a
 *                  stamp, the one checked more often); an item only one side has is kept
 *   review         per item, the later due date
 *   final          attempts' history joined (by time, the last ten); the newer current attempt
 *   conversations  endings reached, joined
 *   widgets, local areas (accounts)  what only the file has is added; where both have
 *                  something, this device's is kept (the preview says how many)
 * The preview lists every change; nothing is written until the learner confirms.
 *
 * The learner record: {format: RECORD_FORMAT, name, exported, chapters: [{chapter, title,
 * total, answered, right}], test: {best, attempts, cut, size}, conversations: {finished,
 * total}}. It is for coaching, not certification (the page says so).
 */
(function () {
  "use strict";

  const store = window.CourseStore;
  const D = window.CourseDom;
  const box = document.querySelector(".course-transfer");
  if (!store || !D || !box) return;

  const FORMAT = "guanxi-progress";
  const RECORD_FORMAT = "guanxi-record";
  const VERSION = 1;
  const CODE_PREFIX = "GXJD1:";
  const MAX_FILE = 2000000; // characters: a larger file is not ours
  const MAX_PAST = 10;
  const T = D.readJSON("course-transfer-texts");
  const data = D.readJSON("course-transfer-data") || {};
  const fill = D.fill;
  const el = D.el;
  const make = D.make;
  const download = D.download;
  const LZ = window.LZString;

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function today() {
    const d = new Date(Date.now());
    const two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /* ---------------------------------------------------------------- export */
  function exported() {
    const snapshot = store.snapshot();
    const local = {};
    (data.local || []).forEach(function (name) {
      const area = store.read(name);
      if (area !== undefined) local[name] = area;
    });
    return { format: FORMAT, version: VERSION, exported: new Date(Date.now()).toISOString(), state: snapshot, local: local };
  }

  function code() {
    return LZ ? CODE_PREFIX + LZ.compressToEncodedURIComponent(JSON.stringify(exported())) : "";
  }

  /* ---------------------------------------------------------------- import */
  /* The object a file or code holds, or an Error saying why it is not ours. */
  function parse(text) {
    text = String(text || "").trim();
    if (!text) return new Error(T.empty);
    if (text.length > MAX_FILE) return new Error(T.too_large);
    if (text.indexOf(CODE_PREFIX) === 0) {
      text = LZ ? LZ.decompressFromEncodedURIComponent(text.slice(CODE_PREFIX.length)) : null;
      if (!text) return new Error(T.bad_code);
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return new Error(T.not_json);
    }
    if (isObject(value) && value.format === RECORD_FORMAT) return new Error(T.is_record);
    if (!isObject(value) || value.format !== FORMAT || !isObject(value.state)) return new Error(T.not_ours);
    if (value.version !== VERSION) return new Error(fill(T.other_version, { version: String(value.version) }));
    return value;
  }

  function newer(a, b) {
    // Whether quiz entry b should replace a.
    if (typeof a.t === "number" && typeof b.t === "number") return b.t > a.t;
    return (b.attempts || 0) > (a.attempts || 0);
  }

  /* The merged state and what changed, per area: {state, local, counts}. */
  function merge(current, incoming, currentLocal, incomingLocal) {
    const areas = JSON.parse(JSON.stringify(isObject(current.areas) ? current.areas : {}));
    const given = isObject(incoming.areas) ? incoming.areas : {};
    const counts = { added: 0, newer: 0, kept: 0, review: 0, tests: 0, endings: 0, tools: 0, toolsKept: 0, accounts: 0, accountsKept: 0 };

    const mine = (areas.quiz = isObject(areas.quiz) ? areas.quiz : { items: {} });
    mine.items = isObject(mine.items) ? mine.items : {};
    const theirs = isObject(given.quiz) && isObject(given.quiz.items) ? given.quiz.items : {};
    Object.keys(theirs).forEach(function (id) {
      const a = mine.items[id];
      const b = theirs[id];
      if (!isObject(b)) return;
      if (!a) { mine.items[id] = b; counts.added++; }
      else if (newer(a, b)) { mine.items[id] = b; counts.newer++; }
      else if (JSON.stringify(a) !== JSON.stringify(b)) counts.kept++;
    });

    if (isObject(given.review)) {
      areas.review = isObject(areas.review) ? areas.review : {};
      Object.keys(given.review).forEach(function (id) {
        const a = areas.review[id];
        const b = given.review[id];
        if (!Array.isArray(b)) return;
        if (!Array.isArray(a) || b[1] > a[1]) { areas.review[id] = b; counts.review++; }
      });
    }

    if (isObject(given.final)) {
      const f = (areas.final = isObject(areas.final) ? areas.final : {});
      const past = (Array.isArray(f.past) ? f.past : []).slice();
      const seen = past.map(function (p) { return p[0]; });
      (Array.isArray(given.final.past) ? given.final.past : []).forEach(function (p) {
        if (Array.isArray(p) && seen.indexOf(p[0]) < 0) { past.push(p); seen.push(p[0]); counts.tests++; }
      });
      past.sort(function (x, y) { return x[0] - y[0]; });
      if (past.length) f.past = past.slice(-MAX_PAST);
      const cur = given.final.cur;
      if (isObject(cur) && (!isObject(f.cur) || (cur.d || 0) > (f.cur.d || 0))) f.cur = cur;
    }

    if (isObject(given.conversations)) {
      areas.conversations = isObject(areas.conversations) ? areas.conversations : {};
      Object.keys(given.conversations).forEach(function (id) {
        const b = given.conversations[id];
        if (!isObject(b) || !Array.isArray(b.endings)) return;
        const a = (areas.conversations[id] = isObject(areas.conversations[id]) ? areas.conversations[id] : { endings: [] });
        b.endings.forEach(function (e) {
          if (a.endings.indexOf(e) < 0) { a.endings.push(e); counts.endings++; }
        });
      });
    }

    if (isObject(given.widgets)) {
      areas.widgets = isObject(areas.widgets) ? areas.widgets : {};
      Object.keys(given.widgets).forEach(function (uid) {
        if (!areas.widgets[uid]) { areas.widgets[uid] = given.widgets[uid]; counts.tools++; }
        else if (JSON.stringify(areas.widgets[uid]) !== JSON.stringify(given.widgets[uid])) counts.toolsKept++;
      });
    }

    Object.keys(given).forEach(function (name) {
      if (!(name in areas)) areas[name] = given[name]; // an area this page does not know
    });

    const local = {};
    Object.keys(isObject(incomingLocal) ? incomingLocal : {}).forEach(function (name) {
      const a = isObject(currentLocal[name]) ? JSON.parse(JSON.stringify(currentLocal[name])) : { current: "", list: {} };
      const b = incomingLocal[name];
      if (!isObject(b) || !isObject(b.list)) return;
      a.list = isObject(a.list) ? a.list : {};
      Object.keys(b.list).forEach(function (id) {
        if (!a.list[id]) { a.list[id] = b.list[id]; counts.accounts++; }
        else if (JSON.stringify(a.list[id]) !== JSON.stringify(b.list[id])) counts.accountsKept++;
      });
      if (!a.current) a.current = b.current || "";
      local[name] = a;
    });
    return { state: { v: current.v, areas: areas }, local: local, counts: counts };
  }

  function summary(counts) {
    const lines = [];
    if (counts.added || counts.newer || counts.kept) lines.push(fill(T.quiz_line, counts));
    if (counts.review) lines.push(fill(T.review_line, counts));
    if (counts.tests) lines.push(fill(T.tests_line, counts));
    if (counts.endings) lines.push(fill(T.endings_line, counts));
    if (counts.tools || counts.toolsKept) lines.push(fill(T.tools_line, counts));
    if (counts.accounts || counts.accountsKept) lines.push(fill(T.accounts_line, counts));
    return lines;
  }

  function changes(counts) {
    return counts.added + counts.newer + counts.review + counts.tests + counts.endings + counts.tools + counts.accounts;
  }

  function importText(text) {
    const value = parse(text);
    if (value instanceof Error) {
      say(fill(T.refused, { why: value.message }), true);
      return Promise.resolve(false);
    }
    const currentLocal = {};
    (data.local || []).forEach(function (name) { currentLocal[name] = store.read(name); });
    const result = merge(store.snapshot(), value.state, currentLocal, value.local);
    if (!changes(result.counts)) {
      say(T.nothing, false);
      return Promise.resolve(false);
    }
    const lines = summary(result.counts);
    const body = fill(T.preview_body, { date: String(value.exported || "").slice(0, 10) }) + "\n" + lines.join("\n");
    return window.courseConfirm({ title: T.preview_title, body: body, confirm: T.preview_confirm }).then(function (yes) {
      if (!yes) {
        say(T.cancelled, false);
        return false;
      }
      store.restore(result.state);
      Object.keys(result.local).forEach(function (name) {
        store.update(name, function () { return result.local[name]; });
      });
      say(fill(T.done, { summary: lines.join("；") }), false);
      return true;
    });
  }

  /* ---------------------------------------------------------------- the learner record */
  function record(name) {
    const items = store.quizItems();
    const chapters = (data.chapters || []).map(function (c) {
      let answered = 0;
      let right = 0;
      (c.items || []).forEach(function (spec) {
        const status = window.CourseQuizRules ? window.CourseQuizRules.statusFor(spec, items[spec.id]) : null;
        if (status === "correct" || status === "wrong") answered++;
        if (status === "correct") right++;
      });
      return { chapter: c.chapter, title: c.title, total: (c.items || []).length, answered: answered, right: right };
    });
    const final = store.read("final") || {};
    const past = Array.isArray(final.past) ? final.past : [];
    const best = past.reduce(function (m, p) { return Math.max(m, Math.round((100 * p[1]) / (p[2] || 1))); }, -1);
    const conversations = store.read("conversations") || {};
    const finished = Object.keys(conversations).filter(function (id) {
      return conversations[id] && conversations[id].endings && conversations[id].endings.length;
    }).length;
    return {
      format: RECORD_FORMAT,
      version: VERSION,
      name: name,
      exported: new Date(Date.now()).toISOString(),
      chapters: chapters,
      test: { best: best >= 0 ? best : null, attempts: past.length, cut: data.cut || null, size: data.size || null },
      conversations: { finished: finished, total: data.conversations || 0 },
    };
  }

  /* ---------------------------------------------------------------- the page */
  const status = el("p", { class: "course-transfer-status", role: "status", "aria-live": "polite" });
  function say(text, error) {
    status.textContent = text;
    status.classList.toggle("course-transfer-error", Boolean(error));
  }

  const exportFile = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-transfer-export" }, T.export_file);
  exportFile.addEventListener("click", function () {
    download(fill(T.file_name, { date: today() }) + ".json", JSON.stringify(exported(), null, 1), "application/json");
    say(T.exported, false);
  });

  const codeBox = el("textarea", { class: "form-control course-transfer-code", rows: "3", readonly: "readonly", "aria-label": T.code_label, hidden: "hidden" });
  const copyCode = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-transfer-copy" }, T.export_code);
  copyCode.addEventListener("click", function () {
    const text = code();
    codeBox.value = text;
    codeBox.hidden = false;
    codeBox.select();
    const done = function () { say(fill(T.code_copied, { n: String(text.length) }), false); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { say(T.code_manual, false); });
    } else {
      say(T.code_manual, false);
    }
  });

  // The native file control says "Choose File" in the browser's language: it stays hidden,
  // and a button of ours opens it.
  const fileInput = el("input", { type: "file", accept: ".json,application/json", class: "course-transfer-file visually-hidden", tabindex: "-1", "aria-hidden": "true" });
  const fileButton = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-transfer-pick" }, T.import_file);
  fileButton.addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (file.size > MAX_FILE) {
      say(fill(T.refused, { why: T.too_large }), true);
      fileInput.value = "";
      return;
    }
    file.text().then(function (text) {
      fileInput.value = "";
      return importText(text);
    });
  });
  const pasteBox = el("textarea", { class: "form-control course-transfer-paste", rows: "2", "aria-label": T.code_label, placeholder: T.paste_placeholder });
  const pasteButton = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-transfer-import" }, T.import_code);
  pasteButton.addEventListener("click", function () {
    importText(pasteBox.value).then(function (done) { if (done) pasteBox.value = ""; });
  });

  const nameInput = el("input", { type: "text", class: "form-control course-record-name", maxlength: "30", "aria-label": T.record_name, placeholder: T.record_name });
  const recordButton = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-record-export" }, T.record_export);
  recordButton.addEventListener("click", function () {
    const name = nameInput.value.trim();
    if (!name) {
      say(T.record_need_name, true);
      nameInput.focus();
      return;
    }
    download(fill(T.record_file, { name: name, date: today() }) + ".json", JSON.stringify(record(name), null, 1), "application/json");
    say(T.record_exported, false);
  });

  box.replaceChildren(
    el("h3", {}, T.export_heading),
    el("p", {}, T.export_intro),
    make("div", { class: "course-transfer-row" }, exportFile, copyCode),
    codeBox,
    el("h3", {}, T.import_heading),
    el("p", {}, T.import_intro),
    make("div", { class: "course-transfer-row" }, fileButton, fileInput),
    pasteBox,
    make("div", { class: "course-transfer-row" }, pasteButton),
    el("h3", {}, T.record_heading),
    el("p", {}, T.record_intro),
    make("div", { class: "course-transfer-row" }, nameInput, recordButton),
    status
  );

  /* ---------------------------------------------------------------- the practice test's history */
  const history = document.querySelector(".course-test-history");
  function showHistory() {
    if (!history) return;
    const final = store.read("final") || {};
    const past = Array.isArray(final.past) ? final.past : [];
    if (!past.length) {
      history.replaceChildren(el("p", {}, T.history_none));
      return;
    }
    const best = past.reduce(function (m, p) { return p[1] / (p[2] || 1) > m[1] / (m[2] || 1) ? p : m; }, past[0]);
    const rows = past.slice().reverse().map(function (p) {
      const when = new Date(p[0]);
      const two = function (n) { return (n < 10 ? "0" : "") + n; };
      const date = when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate());
      const passed = data.cut && p[1] >= data.cut;
      return make("tr", {}, el("td", {}, date), el("td", {}, p[1] + " / " + p[2]), el("td", {}, passed ? T.history_passed : T.history_failed));
    });
    const head = make("tr", {}, el("th", {}, T.history_date), el("th", {}, T.history_score), el("th", {}, T.history_verdict));
    history.replaceChildren(
      el("p", {}, fill(T.history_best, { right: String(best[1]), total: String(best[2]), n: String(past.length) })),
      make("table", { class: "table course-test-history-table" }, make("thead", {}, head), make("tbody", {}, ...rows))
    );
  }
  showHistory();
  store.subscribe(showHistory);

  D.inAppNote(box, box.firstChild);

  window.CourseTransfer = { merge: merge, parse: parse, record: record, exported: exported, importText: importText };
})();

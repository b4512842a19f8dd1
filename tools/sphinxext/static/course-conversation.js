/* Conversation practice: turn each conversation's static script into a player, and fill in
 * the conversations' table on the progress page.
 *
 * Each conversation's data is written at build time (tools/conversations/render.py) into the
 * page's deferred data script (tools/sphinxext/page_data.py: window.CourseData.conversation),
 * or, on a page built otherwise, sits in a <script type="application/json"> inside it. The player shows what the other person says
 * and the learner's choices as buttons; a choice adds a new step to the log (the learner's
 * words, the reply, the feedback with its chapter link, and what is said next) and moves the
 * focus to it, so keyboard and screen-reader users continue from there. An ending offers a
 * restart. Without JavaScript (and in print) the static script stays.
 *
 * Progress lives in the course's one browser store (course-store.js), area "conversations":
 * {<conversation id>: {endings: [<ending id>, ...]}} — the endings reached, in the order
 * first reached; "finished" means at least one. Every text comes from the page's
 * conversation texts (tools/conversations/zh.py).
 */
(function () {
  "use strict";

  const store = window.CourseStore;
  const ID = /^[a-z][a-z0-9-]{0,39}$/;
  const MAX_ENDINGS = 16;
  const MAX_PATH = 60; // choices in one run (the longest conversation has about a dozen turns)
  const AREA = "conversations";

  const D = window.CourseDom;
  const readJSON = D.readJSON;
  const fill = D.fill;
  const el = D.el;
  const storageNote = D.storageNote;

  const TEXTS = readJSON("course-conversation-texts");
  const T = TEXTS.player || {};
  const P = TEXTS.progress || {};

  /* ---- the store area ----
   * What is kept is data, never trusted: unknown keys dropped, IDs checked, each ending once.
   * Whether an ending exists in the conversation is checked by the page that knows it. */
  function validate(data) {
    const out = Object.create(null);
    if (data === null || typeof data !== "object" || Array.isArray(data)) return out;
    Object.keys(data).forEach(function (id) {
      const raw = data[id];
      if (!ID.test(id) || raw === null || typeof raw !== "object" || !Array.isArray(raw.endings)) return;
      const endings = [];
      raw.endings.forEach(function (e) {
        if (typeof e === "string" && ID.test(e) && endings.indexOf(e) < 0 && endings.length < MAX_ENDINGS) endings.push(e);
      });
      out[id] = { endings: endings };
      // Where the reader is in the current run: the shown index of each choice taken.
      if (Array.isArray(raw.path) && raw.path.length <= MAX_PATH && raw.path.every(function (n) { return Number.isInteger(n) && n >= 0 && n < 8; })) {
        out[id].path = raw.path.slice();
      }
    });
    return out;
  }

  if (!store) return;
  store.defineArea(AREA, validate);

  /* The endings of one conversation the reader has reached, limited to those it has. */
  function reached(conv) {
    const entry = store.read(AREA)[conv.id];
    const known = conv.endings.map(function (e) { return e.id; });
    return entry ? entry.endings.filter(function (id) { return known.indexOf(id) >= 0; }) : [];
  }

  function remember(convId, endingId) {
    return store.update(AREA, function (data) {
      const entry = data[convId] || { endings: [] };
      if (entry.endings.indexOf(endingId) < 0) entry.endings.push(endingId);
      data[convId] = entry;
      return data;
    });
  }

  /* The run in progress: the choices taken so far, kept so that a reload resumes it. */
  function savedPath(convId) {
    const entry = store.read(AREA)[convId];
    return entry && Array.isArray(entry.path) ? entry.path : [];
  }

  function keepPath(convId, path) {
    return store.update(AREA, function (data) {
      const entry = data[convId] || { endings: [] };
      if (path.length) entry.path = path.slice();
      else delete entry.path;
      data[convId] = entry;
      return data;
    });
  }

  /* ---- the player ---- */
  function Player(section, conv) {
    this.section = section;
    this.conv = conv;
    this.turns = Object.create(null);
    this.endings = Object.create(null);
    conv.turns.forEach(function (t) { this.turns[t.id] = t; }, this);
    conv.endings.forEach(function (e) { this.endings[e.id] = e; }, this);
    this.steps = 0;

    this.root = el("div", { class: "course-conversation-player only-screen" });
    this.status = el("p", { class: "course-conversation-status" });
    this.log = el("div", { class: "course-conversation-log" });
    this.choose = el("div", { class: "course-conversation-choose" });
    this.live = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
    this.root.append(this.status, this.log, this.choose, this.live);
    section.querySelector(".course-conversation-script").after(this.root);
    section.classList.add("is-interactive");
    storageNote(this.root, this.status);
    this.showStatus();
    this.path = [];
    this.resume(savedPath(conv.id));
  }

  /* Replay ``path`` from the first turn, quietly; a path that no longer fits the
   * conversation (edited since) is cut where it stops fitting. */
  Player.prototype.replay = function (path) {
    this.restart();
    for (let i = 0; i < path.length; i++) {
      const turn = this.current;
      if (!turn || !turn.choices[path[i]]) break;
      this.pick(turn.choices[path[i]], path[i], true);
    }
  };

  Player.prototype.resume = function (path) {
    this.replay(path);
    if (this.path.length) this.live.textContent = fill(T.resumed, { n: this.steps });
  };

  /* One step back: the run replayed without its last choice. */
  Player.prototype.back = function () {
    const path = this.path.slice(0, -1);
    this.replay(path);
    keepPath(this.conv.id, this.path);
    this.live.textContent = fill(T.went_back, { n: this.steps });
    const last = this.log.lastElementChild;
    if (last) last.focus();
  };

  Player.prototype.name = function (who) {
    const person = this.conv.people[who];
    return person ? person.name : who;
  };

  Player.prototype.lines = function (box, lines) {
    lines.forEach(function (line) {
      const p = el("p", { class: "course-conversation-line" });
      p.append(el("span", { class: "course-conversation-who" }, fill(T.speaker, { name: this.name(line.who) })));
      p.append(document.createTextNode(line.text));
      box.append(p);
    }, this);
  };

  /* "相关章节：第 1 章 · 两步销售", a line of its own at the end of ``box``. */
  Player.prototype.sectionLink = function (box, section) {
    if (!section) return;
    const line = el("p", { class: "course-conversation-section" }, T.section);
    if (section.url) line.append(el("a", { href: section.url }, section.text));
    else line.append(document.createTextNode(section.text));
    box.append(line);
  };

  /* A new step in the log, with its heading; the focus goes to it once it is filled in. */
  Player.prototype.newStep = function () {
    this.steps += 1;
    const id = "conversation-" + this.conv.id + "-step-" + this.steps;
    const step = el("div", { class: "course-conversation-round", role: "group", "aria-labelledby": id, tabindex: "-1" });
    step.append(el("h4", { class: "course-conversation-step", id: id }, fill(T.turn, { n: this.steps })));
    this.log.append(step);
    return step;
  };

  /* The first turn, on a clean log (the run's path emptied, not yet stored). */
  Player.prototype.restart = function () {
    this.log.textContent = "";
    this.steps = 0;
    this.path = [];
    const step = this.newStep();
    this.showTurn(step, this.conv.turns[0]);
    return step;
  };

  Player.prototype.start = function (focus) {
    const step = this.restart();
    keepPath(this.conv.id, []);
    if (focus) {
      this.live.textContent = T.started;
      step.focus();
    }
  };

  /* "退回一步", under the choices or the ending, once a choice has been made. */
  Player.prototype.backButton = function () {
    if (!this.path.length) return;
    const back = el("button", {
      type: "button",
      class: "course-conversation-back",
      "aria-label": fill(T.back_label, { title: this.conv.title }),
    }, T.back);
    back.addEventListener("click", this.back.bind(this));
    this.choose.append(back);
  };

  /* What the other person says at a turn, then the buttons to answer. */
  Player.prototype.showTurn = function (step, turn) {
    this.current = turn;
    if (turn.scene) step.append(el("p", { class: "course-conversation-scene" }, turn.scene));
    this.lines(step, turn.lines);
    this.choose.textContent = "";
    const prompt = el("p", { class: "course-conversation-prompt", id: "conversation-" + this.conv.id + "-prompt" }, T.choose);
    const group = el("div", { class: "course-conversation-options", role: "group", "aria-labelledby": prompt.id });
    turn.choices.forEach(function (choice, index) {
      const button = el("button", { type: "button", class: "course-conversation-option" }, choice.say);
      button.addEventListener("click", this.pick.bind(this, choice, index, false));
      group.append(button);
    }, this);
    this.choose.append(prompt, group);
    this.backButton();
  };

  /* ``quiet``: replaying a stored run (no focus moves, nothing stored, no announcement). */
  Player.prototype.pick = function (choice, index, quiet) {
    this.path.push(index);
    this.current = null;
    const step = this.newStep();
    const said = el("p", { class: "course-conversation-line course-conversation-said" });
    said.append(el("span", { class: "course-conversation-who" }, fill(T.speaker, { name: T.you })));
    said.append(document.createTextNode(choice.say));
    step.append(said);
    this.lines(step, choice.reply);
    const feedback = el("div", { class: "course-conversation-feedback is-" + choice.quality });
    const head = el("p", { class: "course-conversation-verdict" });
    head.append(el("strong", {}, T.feedback + " · " + (T.quality || {})[choice.quality]));
    feedback.append(head);
    feedback.append(el("p", {}, choice.feedback));
    this.sectionLink(feedback, choice.section);
    step.append(feedback);
    if (this.endings[choice.next]) this.end(step, this.endings[choice.next], quiet);
    else this.showTurn(step, this.turns[choice.next]);
    if (!quiet) {
      keepPath(this.conv.id, this.path);
      step.focus();
    }
  };

  Player.prototype.end = function (step, ending, quiet) {
    this.lines(step, ending.lines);
    const outcome = (T.outcome || {})[ending.outcome];
    const box = el("div", { class: "course-conversation-result is-" + ending.outcome });
    box.append(el("p", { class: "course-conversation-result-title" }, fill(T.ending, { outcome: outcome, title: ending.title })));
    box.append(el("p", {}, ending.comment));
    this.sectionLink(box, ending.section);
    step.append(box);
    remember(this.conv.id, ending.id);
    this.showStatus();
    this.choose.textContent = "";
    const restart = el("button", {
      type: "button",
      class: "course-conversation-restart",
      "aria-label": fill(T.restart_label, { title: this.conv.title }),
    }, T.restart);
    restart.addEventListener("click", this.start.bind(this, true));
    this.choose.append(restart);
    this.backButton();
    if (!quiet) this.live.textContent = fill(T.reached, { outcome: outcome, title: ending.title });
  };

  Player.prototype.showStatus = function () {
    const ids = reached(this.conv);
    if (!ids.length) {
      this.status.textContent = T.status_new;
      return;
    }
    const titles = ids.map(function (id) { return this.endings[id].title; }, this);
    this.status.textContent = fill(T.status_done, {
      done: ids.length,
      total: this.conv.endings.length,
      titles: titles.join(T.title_sep || "、"),
    });
  };

  /* ---- the progress page ---- */
  function initProgress(box) {
    let list;
    try { list = JSON.parse(box.querySelector(".course-conversation-progress-data").textContent); } catch (err) { return; }
    const summary = box.querySelector(".course-conversation-progress-summary");
    const render = function () {
      let done = 0, good = 0;
      list.forEach(function (conv) {
        const row = box.querySelector('tr[data-conversation="' + conv.id + '"]');
        const ids = reached(conv);
        const goods = conv.endings.filter(function (e) { return e.outcome === "good"; });
        const goodReached = goods.filter(function (e) { return ids.indexOf(e.id) >= 0; }).length;
        if (ids.length) done += 1;
        if (goodReached) good += 1;
        row.querySelector(".course-conversation-progress-reached").textContent =
          ids.length ? fill(P.count, { n: ids.length, total: conv.endings.length }) : P.not_started;
        row.querySelector(".course-conversation-progress-good").textContent =
          ids.length ? fill(P.count, { n: goodReached, total: goods.length }) : P.not_started;
      });
      summary.textContent = fill(P.summary, { total: list.length, done: done, good: good });
    };
    const reset = el("button", { type: "button", class: "btn btn-sm btn-outline-danger course-conversation-progress-reset" }, P.reset);
    const status = el("p", { class: "visually-hidden", role: "status" });
    reset.addEventListener("click", function () {
      window.courseConfirm({ title: P.reset_title, body: P.reset_body, confirm: P.reset_confirm }).then(function (yes) {
        if (!yes) return;
        store.update(AREA, function () { return {}; });
        render();
        status.textContent = P.reset_done;
      });
    });
    box.append(reset, status);
    storageNote(box, summary);
    store.subscribe(function (reason) { if (reason !== "update") render(); });
    render();
  }

  /* A conversation's data: from the page's data script, else from a block inside it. */
  function conversationData(section) {
    const kept = (window.CourseData || {}).conversation || {};
    if (kept[section.dataset.conversation]) return kept[section.dataset.conversation];
    try { return JSON.parse(section.querySelector(".course-conversation-data").textContent); } catch (err) { return null; }
  }

  function init() {
    const players = [];
    document.querySelectorAll("section.course-conversation").forEach(function (section) {
      const conv = conversationData(section);
      if (!conv) return;
      players.push(new Player(section, conv));
    });
    // Another tab reached an ending, or the store was restored: show what is kept now.
    store.subscribe(function (reason) {
      if (reason === "update") return;
      players.forEach(function (p) { p.showStatus(); });
    });
    document.querySelectorAll(".course-conversation-progress").forEach(initProgress);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

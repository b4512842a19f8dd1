/* Self-check items: make the static items interactive; keep the answers in the course's
 * browser store (course-store.js).
 *
 * Each item's data sits in a <script type="application/json"> inside it (written at build
 * time). Without JavaScript the static form and the answer key remain. The store keeps, per
 * item ID, the answer given, whether the answer was revealed, and the number of checks; the
 * status shown (correct, wrong, revealed) is always recomputed here from that answer, never
 * read back. Every text comes from the page's texts (tools/sphinxext/page_texts.py).
 */
(function () {
  "use strict";

  const LETTERS = "ABCDEFGH";
  const store = window.CourseStore;
  const D = window.CourseDom;
  const TEXTS = D.readJSON("course-texts");
  const T = TEXTS.quiz || {};
  const fill = D.fill;
  const el = D.el;
  const storageNote = D.storageNote;

  function sameList(a, b) {
    return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
  }

  /* ---- an item's answers, stored or given ----
   * A spec says what an answer to one item looks like: {kind: "choice" | "order" | "match",
   * n: options, steps or pairs, multiple, key: the right answer}. The chapter pages build it
   * from the item's data; the progress page gets it from the build. */
  function specOf(d) {
    const range = function (n) { const out = []; for (let i = 0; i < n; i++) out.push(i); return out; };
    if (d.type === "truefalse") return { kind: "choice", n: 2, multiple: false, key: [d.answer ? 0 : 1] };
    if (d.options) {
      const key = d.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; });
      return { kind: "choice", n: d.options.length, multiple: !!d.multiple, key: key };
    }
    if (d.type === "ordering") return { kind: "order", n: d.steps.length, multiple: false, key: range(d.steps.length) };
    return { kind: "match", n: d.pairs.length, multiple: false, key: range(d.pairs.length) };
  }

  /* Whether an answer has the item's shape (the store only knows it is a list of small
   * numbers). */
  function fits(spec, answer) {
    if (!Array.isArray(answer)) return false;
    const inRange = function (v) { return Number.isInteger(v) && v >= 0 && v < spec.n; };
    if (spec.kind === "choice") {
      const distinct = answer.every(function (v, i) { return answer.indexOf(v) === i; });
      return answer.every(inRange) && distinct && (spec.multiple || answer.length <= 1);
    }
    if (spec.kind === "order") {
      return answer.length === spec.n && answer.slice().sort(function (a, b) { return a - b; }).every(function (v, i) { return v === i; });
    }
    return answer.length === spec.n && answer.every(function (v) { return v === null || inRange(v); });
  }

  function complete(spec, answer) {
    if (spec.kind === "match") return answer.every(function (v) { return v !== null; });
    if (spec.kind === "choice") return answer.length > 0;
    return true;
  }

  /* The status of a stored entry, worked out from its answer (a stored status is never
   * read): "correct", "wrong", "revealed", or null when the entry says nothing usable. */
  function statusFor(spec, entry) {
    if (!entry || !fits(spec, entry.answer)) return null;
    if (entry.revealed) return "revealed";
    if (!complete(spec, entry.answer)) return null;
    return sameList(entry.answer, spec.key) ? "correct" : "wrong";
  }

  // The same rules for the SCORM package's launch page, which scores the whole course for
  // the learning platform (tools/lms/): one definition of a status.
  window.CourseQuizRules = { statusFor: statusFor };

  /* An item's frame built on the page (the final test and review draw items from the pools
   * there): number, scenario, prompt, and an empty static part the controls go after. */
  function itemRoot(data, number) {
    const root = el("div", { class: "course-quiz-item", "data-item": data.id });
    const meta = el("p", { class: "course-quiz-meta" });
    meta.append(el("span", { class: "course-quiz-number" }, fill(T.number, { n: number })), " · " + (data.typeName || ""));
    root.append(meta);
    if (data.scenario) {
      const box = el("div", { class: "course-quiz-scenario" });
      box.append(el("p", {}, data.scenario));
      root.append(box);
    }
    root.append(el("p", { class: "course-quiz-prompt" }, data.prompt || ""), el("div", { class: "course-quiz-static" }));
    return root;
  }

  /* ---- one item ---- */
  /* `hooks` (optional), for the final test and spaced review: {exam: true} shows the
   * controls only (no check, no feedback; `onInput` hears every change); {check(item,
   * answer, status)} takes a check in place of the self-check store. */
  function Item(root, data, onChange, hooks) {
    this.root = root;
    this.data = data;
    this.spec = specOf(data);
    this.onChange = onChange;
    this.hooks = hooks || {};
    this.build();
  }

  Item.prototype.changed = function () {
    if (this.hooks.onInput) this.hooks.onInput(this);
  };

  Item.prototype.build = function () {
    const d = this.data;
    const self = this;
    this.panel = el("div", { class: "course-quiz-interactive" });
    const name = "q-" + d.id;
    if (d.type === "truefalse") {
      this.controls = this.choiceControls(name, false, [T["true"], T["false"]]);
    } else if (d.options) {
      this.controls = this.choiceControls(name, d.multiple, d.options.map(function (o, i) { return LETTERS[i] + ". " + o.text; }));
    } else if (d.type === "ordering") {
      this.controls = this.orderingControls();
    } else {
      this.controls = this.matchingControls();
    }
    const buttons = el("div", { class: "course-quiz-buttons" });
    this.checkButton = el("button", { type: "button", class: "btn btn-primary course-quiz-check" }, T.check);
    this.revealButton = el("button", { type: "button", class: "btn btn-outline-secondary course-quiz-reveal" }, T.reveal);
    this.retryButton = el("button", { type: "button", class: "btn btn-outline-secondary course-quiz-retry" }, T.retry);
    this.checkButton.addEventListener("click", function () { self.check(); });
    this.revealButton.addEventListener("click", function () { self.reveal(); });
    this.retryButton.addEventListener("click", function () { self.retry(); });
    buttons.append(this.checkButton, this.revealButton, this.retryButton);
    this.feedback = el("div", { class: "course-quiz-feedback", role: "status", "aria-live": "polite" });
    if (this.hooks.exam) this.panel.append(this.controls);
    else this.panel.append(this.controls, buttons, this.feedback);
    this.root.querySelector(".course-quiz-static").after(this.panel);
    this.root.classList.add("is-interactive");
  };

  Item.prototype.choiceControls = function (name, multiple, labels) {
    const self = this;
    const box = el("fieldset", { class: "course-quiz-choices" });
    box.append(el("legend", { class: "visually-hidden" }, multiple ? T.choose_all : T.choose_one));
    this.inputs = labels.map(function (text, i) {
      const id = name + "-" + i;
      const row = el("div", { class: "course-quiz-choice" });
      const input = el("input", { type: multiple ? "checkbox" : "radio", name: name, id: id, value: String(i) });
      input.addEventListener("change", function () { self.changed(); });
      const label = el("label", { for: id }, text);
      const mark = el("span", { class: "course-quiz-mark", "aria-hidden": "true" });
      row.append(input, label, mark);
      box.append(row);
      return input;
    });
    return box;
  };

  Item.prototype.orderingControls = function () {
    const self = this;
    this.order = this.data.order.slice();
    this.list = el("ol", { class: "course-quiz-order", "aria-label": T.order_label });
    this.announce = el("p", { class: "visually-hidden", "aria-live": "polite" });
    const box = el("div", { class: "course-quiz-ordering" });
    box.append(this.list, this.announce);
    this.renderOrder = function (focusStep, focusDir) {
      self.list.textContent = "";
      self.order.forEach(function (step, pos) {
        const text = self.data.steps[step];
        const row = el("li", { class: "course-quiz-step", "data-step": String(step) });
        row.append(el("span", { class: "course-quiz-step-text" }, text));
        const up = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-quiz-up", "aria-label": fill(T.up_label, { step: text }) }, T.up);
        const down = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-quiz-down", "aria-label": fill(T.down_label, { step: text }) }, T.down);
        up.disabled = pos === 0;
        down.disabled = pos === self.order.length - 1;
        up.addEventListener("click", function () { self.move(pos, -1); });
        down.addEventListener("click", function () { self.move(pos, 1); });
        const moves = el("span", { class: "course-quiz-moves" });
        moves.append(up, down);
        row.append(el("span", { class: "course-quiz-mark", "aria-hidden": "true" }), moves);
        self.list.append(row);
        if (step === focusStep) {
          const target = focusDir < 0 && !up.disabled ? up : (!down.disabled ? down : up);
          window.setTimeout(function () { target.focus(); }, 0);
        }
      });
    };
    this.renderOrder();
    return box;
  };

  Item.prototype.move = function (pos, dir) {
    const to = pos + dir;
    if (to < 0 || to >= this.order.length) return;
    const step = this.order[pos];
    this.order.splice(pos, 1);
    this.order.splice(to, 0, step);
    this.renderOrder(step, dir);
    this.announce.textContent = fill(T.moved, { step: this.data.steps[step], n: to + 1 });
    this.changed();
  };

  Item.prototype.matchingControls = function () {
    const self = this;
    const d = this.data;
    const box = el("div", { class: "course-quiz-matching" });
    this.selects = d.pairs.map(function (pair, n) {
      const id = "q-" + d.id + "-m" + n;
      const row = el("div", { class: "course-quiz-match" });
      const label = el("label", { for: id }, (n + 1) + ". " + pair.left);
      const select = el("select", { id: id, class: "form-select" });
      select.append(el("option", { value: "" }, T.choose_placeholder));
      d.order.forEach(function (index, i) {
        select.append(el("option", { value: String(index) }, LETTERS[i] + ". " + d.pairs[index].right));
      });
      const pick = el("span", { class: "course-quiz-pick" });
      pick.append(select, el("span", { class: "course-quiz-mark", "aria-hidden": "true" }));
      // A select shows one line: on a narrow screen the chosen answer is cut off, so it is
      // repeated in full below (for the eye only; the select itself tells a screen reader).
      const chosen = el("span", { class: "course-quiz-chosen", "aria-hidden": "true" });
      select.addEventListener("change", function () { showChosen(select, chosen); self.changed(); });
      row.append(label, pick, chosen);
      box.append(row);
      return select;
    });
    return box;
  };

  /* Repeat the chosen answer below its select when the select is too narrow to show it. */
  let measure = null;
  function showChosen(select, chosen) {
    const option = select.selectedIndex > 0 ? select.options[select.selectedIndex] : null;
    if (!option) { chosen.textContent = ""; return; }
    measure = measure || document.createElement("canvas").getContext("2d");
    const style = getComputedStyle(select);
    measure.font = style.fontSize + " " + style.fontFamily;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    chosen.textContent = measure.measureText(option.textContent).width > room ? option.textContent : "";
  }
  window.addEventListener("resize", function () {
    document.querySelectorAll(".course-quiz-match").forEach(function (row) {
      const select = row.querySelector("select");
      const chosen = row.querySelector(".course-quiz-chosen");
      if (select && chosen) showChosen(select, chosen);
    });
  });

  /* The reader's answer, in a form that can be stored and restored. */
  Item.prototype.answer = function () {
    if (this.inputs) return this.inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    if (this.order) return this.order.slice();
    return this.selects.map(function (s) { return s.value === "" ? null : Number(s.value); });
  };

  Item.prototype.fits = function (answer) {
    return fits(this.spec, answer);
  };

  Item.prototype.setAnswer = function (answer) {
    if (!Array.isArray(answer)) return;
    if (this.inputs) {
      this.inputs.forEach(function (input, i) { input.checked = answer.indexOf(i) !== -1; });
    } else if (this.order) {
      if (this.fits(answer)) { this.order = answer.slice(); this.renderOrder(); }
    } else {
      const n = this.selects.length;
      this.selects.forEach(function (s, i) {
        const v = answer[i];
        s.value = Number.isInteger(v) && v >= 0 && v < n ? String(v) : "";
        showChosen(s, s.closest(".course-quiz-match").querySelector(".course-quiz-chosen"));
      });
    }
  };

  Item.prototype.correctAnswer = function () {
    return this.spec.key.slice();
  };

  Item.prototype.isComplete = function (answer) {
    return complete(this.spec, answer);
  };

  Item.prototype.statusOf = function (entry) {
    return statusFor(this.spec, entry);
  };

  /* The stored entry as it stands (null when there is none). */
  Item.prototype.stored = function () {
    return store.quizItems()[this.data.id] || null;
  };

  /* A check: the answer, one more check, and, on the first check only, whether it was
   * right (`first`), kept apart from the eventual result. A wrong answer puts the item in
   * spaced review (course-review.js). */
  Item.prototype.check = function () {
    const answer = this.answer();
    if (!this.isComplete(answer)) {
      this.feedback.className = "course-quiz-feedback is-incomplete";
      this.feedback.textContent = this.selects ? T.incomplete_matching : T.incomplete;
      return;
    }
    const status = this.statusOf({ answer: answer, revealed: false });
    if (this.hooks.check) {
      this.hooks.check(this, answer, status);
      this.show(answer, status);
      return;
    }
    const previous = this.stored();
    const entry = { answer: answer, revealed: false, attempts: ((previous && previous.attempts) || 0) + 1 };
    entry.first = previous && typeof previous.first === "boolean" ? previous.first : status === "correct";
    store.setQuizItem(this.data.id, entry);
    if (status === "wrong" && window.CourseReview) window.CourseReview.note(this.data.id, false);
    this.show(answer, status);
    this.onChange();
  };

  Item.prototype.reveal = function () {
    const correct = this.correctAnswer();
    this.setAnswer(correct);
    if (this.hooks.check) {
      this.hooks.check(this, correct, "revealed");
      this.show(correct, "revealed");
      return;
    }
    const previous = this.stored();
    // Revealed before any right check: not right at the first try.
    const first = previous && typeof previous.first === "boolean" ? previous.first : false;
    store.setQuizItem(this.data.id, { answer: correct, revealed: true, attempts: (previous && previous.attempts) || 0, first: first });
    if (window.CourseReview) window.CourseReview.note(this.data.id, false);
    this.show(correct, "revealed");
    this.onChange();
  };

  /* Back to unanswered on the page (nothing stored is changed here). */
  Item.prototype.clear = function () {
    this.setAnswer([]);
    if (this.order) { this.order = this.data.order.slice(); this.renderOrder(); }
    this.clearMarks();
    this.feedback.className = "course-quiz-feedback";
    this.feedback.textContent = "";
    this.root.removeAttribute("data-status");
  };

  /* Try again: the page and the answer are cleared; the number of checks and the first
   * try's result stay (an empty answer has no status). */
  Item.prototype.retry = function () {
    this.clear();
    if (this.hooks.check) return;
    const previous = this.stored();
    if (previous && (previous.attempts || typeof previous.first === "boolean")) {
      const entry = { answer: [], revealed: false, attempts: previous.attempts || 0 };
      if (typeof previous.first === "boolean") entry.first = previous.first;
      store.setQuizItem(this.data.id, entry);
    } else {
      store.setQuizItem(this.data.id, null);
    }
    this.onChange();
  };

  Item.prototype.clearMarks = function () {
    this.root.querySelectorAll(".course-quiz-mark").forEach(function (m) { m.textContent = ""; m.className = "course-quiz-mark"; });
  };

  /* Feedback: a verdict in words and symbol (never colour alone). A wrong try says 还不对,
   * why each wrong pick is wrong, and which section to read again, and nothing about what
   * is right; after a right answer or 显示答案 every option, step or pair is explained.
   * ✓ stands only beside what is right, ✗ only beside a wrong pick. */
  Item.prototype.show = function (answer, status) {
    this.clearMarks();
    this.root.setAttribute("data-status", status);
    const verdict = { correct: T.verdict_correct, wrong: T.verdict_wrong, revealed: T.verdict_revealed }[status];
    this.feedback.className = "course-quiz-feedback is-" + status;
    this.feedback.textContent = "";
    this.feedback.append(el("p", { class: "course-quiz-verdict" }, verdict));
    if (status === "wrong") this.showWrong(answer);
    else this.showExplained(answer, status);
  };

  Item.prototype.mark = function (i, ok) {
    const marks = this.root.querySelectorAll(".course-quiz-interactive .course-quiz-mark");
    if (!marks[i]) return;
    marks[i].textContent = ok ? "✓" : "✗";
    marks[i].className = "course-quiz-mark " + (ok ? "is-right" : "is-wrong");
  };

  Item.prototype.showWrong = function (answer) {
    const d = this.data;
    const self = this;
    const list = el("ul", { class: "course-quiz-explanations" });
    if (d.type === "truefalse") {
      this.mark(answer[0], false);
    } else if (d.options) {
      d.options.forEach(function (o, i) {
        if (answer.indexOf(i) === -1 || o.correct) return;
        self.mark(i, false);
        list.append(el("li", {}, fill(T.wrong_pick, { letter: LETTERS[i], explanation: o.explanation })));
      });
    } else {
      const off = answer.filter(function (v, i) { return v !== i; }).length;
      list.append(el("li", {}, fill(d.type === "ordering" ? T.wrong_steps : T.wrong_pairs, { n: off })));
    }
    if (list.childNodes.length) this.feedback.append(list);
    const hint = el("p", { class: "course-quiz-hint-section" });
    const parts = String(T.wrong_section).split("{section}");
    const link = el("a", { href: d.section }, d.sectionTitle || T.section_fallback);
    hint.append(parts[0], link, parts[1] || "");
    this.feedback.append(hint);
  };

  Item.prototype.showExplained = function (answer, status) {
    const d = this.data;
    const self = this;
    const list = el("ul", { class: "course-quiz-explanations" });
    if (d.type === "truefalse") {
      this.mark(d.answer ? 0 : 1, true);
      // Explanations open with 对。or 错。: after 回答正确 that read “正确。错。”, so the verdict
      // on the statement is said once, in words, and the explanation follows.
      const why = d.explanation.replace(/^[对错][。，：]\s*/, "");
      list.append(el("li", {}, (d.answer ? T.statement_true : T.statement_false) + why));
    } else if (d.options) {
      d.options.forEach(function (o, i) {
        if (o.correct) self.mark(i, true);
        else if (answer.indexOf(i) !== -1) self.mark(i, false);
        const tag = o.correct ? T.tag_correct_option : T.tag_wrong_option;
        list.append(el("li", {}, fill(T.option_line, { letter: LETTERS[i], tag: tag, explanation: o.explanation })));
      });
    } else if (d.type === "ordering") {
      this.order.forEach(function (step, pos) { self.mark(pos, step === pos); });
      const right = d.steps.map(function (s, i) { return (i + 1) + ". " + s; }).join(" → ");
      list.append(el("li", {}, fill(T.right_order, { order: right })));
      list.append(el("li", {}, d.explanation));
    } else {
      d.pairs.forEach(function (p, i) {
        self.mark(i, answer[i] === i);
        list.append(el("li", {}, fill(T.pair_line, { n: i + 1, left: p.left, right: p.right, explanation: p.explanation })));
      });
      if (d.explanation) list.append(el("li", {}, d.explanation));
    }
    this.feedback.append(list);
  };

  /* ---- a chapter's block ---- */
  function initQuiz(block) {
    const items = [];
    const score = block.querySelector(".course-quiz-score");
    const counts = function () {
      const saved = store.quizItems();
      let done = 0, right = 0, first = 0;
      items.forEach(function (item) {
        const entry = saved[item.data.id];
        const status = item.statusOf(entry);
        if (status) { done++; if (status === "correct") right++; }
        if (entry && entry.first === true) first++;
      });
      return { done: done, right: right, first: first };
    };
    const updateScore = function () {
      const c = counts();
      score.textContent = fill(T.score, { right: c.right, total: items.length, done: c.done, first: c.first });
    };
    const showSaved = function (item) {
      const entry = store.quizItems()[item.data.id];
      const status = item.statusOf(entry);
      item.clear();
      if (!status) return;
      item.setAnswer(entry.answer);
      item.show(status === "revealed" ? item.correctAnswer() : entry.answer, status);
    };
    block.querySelectorAll(".course-quiz-item").forEach(function (root) {
      let data;
      // The item's data: from the page's deferred data script (tools/sphinxext/page_data.py),
      // else from a block inside the item (pages built otherwise).
      data = ((window.CourseData || {}).quiz || {})[root.dataset.item];
      if (!data) { try { data = JSON.parse(root.querySelector(".course-quiz-data").textContent); } catch (err) { return; } }
      const item = new Item(root, data, updateScore);
      showSaved(item);
      items.push(item);
    });
    const reset = el("button", { type: "button", class: "btn btn-sm btn-outline-danger course-quiz-reset" }, T.reset);
    const done = el("p", { class: "course-quiz-reset-status visually-hidden", role: "status" });
    reset.addEventListener("click", function () {
      window.courseConfirm({
        title: T.reset_title,
        body: fill(T.reset_body, { total: items.length }),
        confirm: T.reset_confirm,
      }).then(function (yes) {
        if (!yes) return;
        store.clearQuizItems(items.map(function (item) { return item.data.id; }));
        items.forEach(function (item) { item.clear(); });
        updateScore();
        done.textContent = T.reset_done;
      });
    });
    score.after(reset, done);
    storageNote(block, score);
    // Another tab answered or cleared: show what is stored now.
    store.subscribe(function (reason) {
      if (reason !== "external" && reason !== "restore" && reason !== "backend") return;
      items.forEach(showSaved);
      updateScore();
    });
    updateScore();
  }

  /* ---- the progress page ---- */
  function initProgress(box) {
    const P = TEXTS.progress || {};
    let chapters;
    try { chapters = JSON.parse(box.querySelector(".course-progress-data").textContent); } catch (err) { return; }
    const summary = box.querySelector(".course-progress-summary");
    // Counted exactly as the chapter pages count: each item's spec comes with the page.
    const render = function () {
      const saved = store.quizItems();
      let total = 0, done = 0, right = 0, first = 0;
      chapters.forEach(function (c) {
        const row = box.querySelector('tr[data-chapter="' + c.chapter + '"]');
        let d = 0, r = 0, f = 0;
        c.items.forEach(function (item) {
          const entry = saved[item.id];
          const status = statusFor(item, entry);
          if (status) { d++; if (status === "correct") r++; }
          if (entry && entry.first === true) f++;
        });
        total += c.items.length; done += d; right += r; first += f;
        row.querySelector(".course-progress-done").textContent = d + " / " + c.items.length;
        row.querySelector(".course-progress-correct").textContent = r + " / " + c.items.length;
        row.querySelector(".course-progress-first").textContent = f + " / " + c.items.length;
      });
      summary.textContent = fill(P.summary, { total: total, done: done, right: right, first: first });
    };
    const reset = el("button", { type: "button", class: "btn btn-sm btn-outline-danger course-progress-reset" }, P.reset);
    const done = el("p", { class: "course-progress-reset-status visually-hidden", role: "status" });
    reset.addEventListener("click", function () {
      window.courseConfirm({ title: P.reset_title, body: P.reset_body, confirm: P.reset_confirm }).then(function (yes) {
        if (!yes) return;
        // All of the learner's progress: the self-checks, the review queue, the practice
        // test's results and the conversations' endings (the accounts are not progress).
        // One restore, so every part of the page redraws from the cleared state.
        const snapshot = store.snapshot();
        ["review", "final", "conversations"].forEach(function (area) { delete snapshot.areas[area]; });
        snapshot.areas.quiz = { items: {} };
        store.restore(snapshot);
        render();
        done.textContent = P.reset_done;
      });
    });
    box.append(reset, done);
    storageNote(box, summary);
    store.subscribe(function (reason) { if (reason !== "update") render(); });
    render();
  }

  // For the final test and spaced review (course-final.js, course-review.js).
  window.CourseQuiz = {
    Item: Item, itemRoot: itemRoot, specOf: specOf, statusFor: statusFor, fill: fill, el: el,
    storageNote: storageNote, texts: TEXTS,
  };

  function start() {
    if (!store) return; // course-store.js did not load: the static items and key remain
    document.querySelectorAll(".course-quiz").forEach(initQuiz);
    // With the interactive self-checks, the one way to an answer on screen is 显示答案 (which
    // counts as revealed): the chapter's answer key is for print only. Readers without
    // JavaScript keep it, as they have no other.
    document.querySelectorAll("details.course-answer-key").forEach(function (d) { d.classList.add("course-answer-key-print"); });
    document.querySelectorAll(".course-progress").forEach(initProgress);
    /* Printing from the browser: show the answer key. */
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.course-answer-key").forEach(function (d) { d.setAttribute("open", ""); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

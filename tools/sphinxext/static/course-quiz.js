/* Self-check items: make the static items interactive, keep progress in localStorage.
 *
 * Each item's data sits in a <script type="application/json"> inside it (written at build
 * time). Without JavaScript the static form and the answer key remain. Progress is stored
 * under one key, by item ID; anything unreadable there is ignored, never fatal.
 */
(function () {
  "use strict";

  const STORE = "course-quiz:v1";
  const LETTERS = "ABCDEFGH";
  const STEP_LETTERS = "abcdefgh";

  /* ---- progress storage ---- */
  function readStore() {
    try {
      const parsed = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { items: {} };
      const items = parsed.items && typeof parsed.items === "object" && !Array.isArray(parsed.items) ? parsed.items : {};
      const clean = {};
      Object.keys(items).forEach(function (id) {
        const e = items[id];
        if (e && typeof e === "object" && ["correct", "wrong", "revealed"].indexOf(e.status) !== -1) clean[id] = e;
      });
      return { items: clean };
    } catch (err) {
      return { items: {} };
    }
  }
  function writeStore(store) {
    try { window.localStorage.setItem(STORE, JSON.stringify(store)); } catch (err) { /* private mode: keep going */ }
  }
  function saveItem(id, entry) {
    const store = readStore();
    if (entry) store.items[id] = entry; else delete store.items[id];
    writeStore(store);
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") node.className = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- one item ---- */
  function Item(root, data, onChange) {
    this.root = root;
    this.data = data;
    this.onChange = onChange;
    this.build();
  }

  Item.prototype.build = function () {
    const d = this.data;
    const self = this;
    this.panel = el("div", { class: "course-quiz-interactive" });
    const name = "q-" + d.id;
    if (d.type === "truefalse") {
      this.controls = this.choiceControls(name, false, ["对", "错"]);
    } else if (d.options) {
      this.controls = this.choiceControls(name, d.multiple, d.options.map(function (o, i) { return LETTERS[i] + ". " + o.text; }));
    } else if (d.type === "ordering") {
      this.controls = this.orderingControls();
    } else {
      this.controls = this.matchingControls();
    }
    const buttons = el("div", { class: "course-quiz-buttons" });
    this.checkButton = el("button", { type: "button", class: "btn btn-primary course-quiz-check" }, "检查答案");
    this.revealButton = el("button", { type: "button", class: "btn btn-outline-secondary course-quiz-reveal" }, "显示答案");
    this.retryButton = el("button", { type: "button", class: "btn btn-outline-secondary course-quiz-retry" }, "重做");
    this.checkButton.addEventListener("click", function () { self.check(); });
    this.revealButton.addEventListener("click", function () { self.reveal(); });
    this.retryButton.addEventListener("click", function () { self.retry(); });
    buttons.append(this.checkButton, this.revealButton, this.retryButton);
    this.feedback = el("div", { class: "course-quiz-feedback", role: "status", "aria-live": "polite" });
    this.panel.append(this.controls, buttons, this.feedback);
    this.root.querySelector(".course-quiz-static").after(this.panel);
    this.root.classList.add("is-interactive");
  };

  Item.prototype.choiceControls = function (name, multiple, labels) {
    const box = el("fieldset", { class: "course-quiz-choices" });
    box.append(el("legend", { class: "visually-hidden" }, multiple ? "选择所有正确的选项" : "选择一个答案"));
    this.inputs = labels.map(function (text, i) {
      const id = name + "-" + i;
      const row = el("div", { class: "course-quiz-choice" });
      const input = el("input", { type: multiple ? "checkbox" : "radio", name: name, id: id, value: String(i) });
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
    this.list = el("ol", { class: "course-quiz-order", "aria-label": "当前顺序（用“上移”“下移”按钮调整）" });
    this.announce = el("p", { class: "visually-hidden", "aria-live": "polite" });
    const box = el("div", { class: "course-quiz-ordering" });
    box.append(this.list, this.announce);
    this.renderOrder = function (focusStep, focusDir) {
      self.list.textContent = "";
      self.order.forEach(function (step, pos) {
        const text = self.data.steps[step];
        const row = el("li", { class: "course-quiz-step", "data-step": String(step) });
        row.append(el("span", { class: "course-quiz-step-text" }, text));
        const up = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-quiz-up", "aria-label": "上移：" + text }, "↑ 上移");
        const down = el("button", { type: "button", class: "btn btn-sm btn-outline-secondary course-quiz-down", "aria-label": "下移：" + text }, "↓ 下移");
        up.disabled = pos === 0;
        down.disabled = pos === self.order.length - 1;
        up.addEventListener("click", function () { self.move(pos, -1); });
        down.addEventListener("click", function () { self.move(pos, 1); });
        row.append(el("span", { class: "course-quiz-mark", "aria-hidden": "true" }), up, down);
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
    this.announce.textContent = "“" + this.data.steps[step] + "”移到第 " + (to + 1) + " 位";
  };

  Item.prototype.matchingControls = function () {
    const d = this.data;
    const box = el("div", { class: "course-quiz-matching" });
    this.selects = d.pairs.map(function (pair, n) {
      const id = "q-" + d.id + "-m" + n;
      const row = el("div", { class: "course-quiz-match" });
      const label = el("label", { for: id }, (n + 1) + ". " + pair.left);
      const select = el("select", { id: id, class: "form-select" });
      select.append(el("option", { value: "" }, "请选择…"));
      d.order.forEach(function (index, i) {
        select.append(el("option", { value: String(index) }, LETTERS[i] + ". " + d.pairs[index].right));
      });
      row.append(label, select, el("span", { class: "course-quiz-mark", "aria-hidden": "true" }));
      box.append(row);
      return select;
    });
    return box;
  };

  /* The reader's answer, in a form that can be stored and restored. */
  Item.prototype.answer = function () {
    if (this.inputs) return this.inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    if (this.order) return this.order.slice();
    return this.selects.map(function (s) { return s.value === "" ? null : Number(s.value); });
  };

  Item.prototype.setAnswer = function (answer) {
    if (!Array.isArray(answer)) return;
    if (this.inputs) {
      this.inputs.forEach(function (input, i) { input.checked = answer.indexOf(i) !== -1; });
    } else if (this.order) {
      const valid = answer.length === this.order.length && answer.slice().sort().every(function (v, i) { return v === i; });
      if (valid) { this.order = answer.slice(); this.renderOrder(); }
    } else {
      const n = this.selects.length;
      this.selects.forEach(function (s, i) {
        const v = answer[i];
        s.value = Number.isInteger(v) && v >= 0 && v < n ? String(v) : "";
      });
    }
  };

  Item.prototype.correctAnswer = function () {
    const d = this.data;
    if (d.type === "truefalse") return [d.answer ? 0 : 1];
    if (d.options) return d.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; });
    if (d.type === "ordering") return d.steps.map(function (_, i) { return i; });
    return d.pairs.map(function (_, i) { return i; });
  };

  Item.prototype.isComplete = function (answer) {
    if (this.selects) return answer.every(function (v) { return v !== null; });
    if (this.inputs) return answer.length > 0;
    return true;
  };

  Item.prototype.check = function () {
    const answer = this.answer();
    if (!this.isComplete(answer)) {
      this.feedback.className = "course-quiz-feedback is-incomplete";
      this.feedback.textContent = this.selects ? "请先为每一项选择一个配对。" : "请先选择答案。";
      return;
    }
    const right = JSON.stringify(answer) === JSON.stringify(this.correctAnswer());
    this.show(answer, right ? "correct" : "wrong");
    const previous = readStore().items[this.data.id];
    saveItem(this.data.id, { status: right ? "correct" : "wrong", answer: answer, attempts: ((previous && previous.attempts) || 0) + 1 });
    this.onChange();
  };

  Item.prototype.reveal = function () {
    const correct = this.correctAnswer();
    this.setAnswer(correct);
    this.show(correct, "revealed");
    const previous = readStore().items[this.data.id];
    saveItem(this.data.id, { status: "revealed", answer: correct, attempts: (previous && previous.attempts) || 0 });
    this.onChange();
  };

  Item.prototype.retry = function () {
    this.setAnswer([]);
    if (this.order) { this.order = this.data.order.slice(); this.renderOrder(); }
    this.clearMarks();
    this.feedback.className = "course-quiz-feedback";
    this.feedback.textContent = "";
    this.root.removeAttribute("data-status");
    saveItem(this.data.id, null);
    this.onChange();
  };

  Item.prototype.clearMarks = function () {
    this.root.querySelectorAll(".course-quiz-mark").forEach(function (m) { m.textContent = ""; m.className = "course-quiz-mark"; });
  };

  /* Feedback: a verdict in words and symbol (never colour alone), then an explanation for
   * every option, pair or step. */
  Item.prototype.show = function (answer, status) {
    const d = this.data;
    const self = this;
    this.clearMarks();
    this.root.setAttribute("data-status", status);
    const verdict = { correct: "✓ 回答正确。", wrong: "✗ 还不对，看看下面的解析再试一次。", revealed: "答案已显示（这题不计为答对）。" }[status];
    this.feedback.className = "course-quiz-feedback is-" + status;
    this.feedback.textContent = "";
    this.feedback.append(el("p", { class: "course-quiz-verdict" }, verdict));
    const list = el("ul", { class: "course-quiz-explanations" });
    const marks = this.root.querySelectorAll(".course-quiz-interactive .course-quiz-mark");
    const mark = function (i, ok) {
      if (!marks[i]) return;
      marks[i].textContent = ok ? "✓" : "✗";
      marks[i].className = "course-quiz-mark " + (ok ? "is-right" : "is-wrong");
    };
    if (d.type === "truefalse") {
      const chosen = answer[0];
      mark(chosen, (chosen === 0) === d.answer);
      list.append(el("li", {}, "这句话是" + (d.answer ? "对" : "错") + "的。" + d.explanation));
    } else if (d.options) {
      d.options.forEach(function (o, i) {
        const picked = answer.indexOf(i) !== -1;
        if (picked || status !== "wrong") mark(i, o.correct === picked);
        const tag = o.correct ? (picked ? "应选，你选了" : "应选，你没选") : (picked ? "不该选，你选了" : "不该选");
        list.append(el("li", {}, LETTERS[i] + "(" + (status === "revealed" ? (o.correct ? "正确选项" : "错误选项") : tag) + "):" + o.explanation));
      });
    } else if (d.type === "ordering") {
      self.order.forEach(function (step, pos) { mark(pos, step === pos); });
      const right = d.steps.map(function (s, i) { return (i + 1) + ". " + s; }).join(" → ");
      list.append(el("li", {}, "正确顺序：" + right));
      list.append(el("li", {}, d.explanation));
    } else {
      d.pairs.forEach(function (p, i) {
        const ok = answer[i] === i;
        mark(i, ok);
        list.append(el("li", {}, (i + 1) + ". " + p.left + " → " + p.right + (status === "revealed" ? "" : (ok ? "（配对正确）" : "（配对不对）")) + ":" + p.explanation));
      });
      if (d.explanation) list.append(el("li", {}, d.explanation));
    }
    this.feedback.append(list);
  };

  /* ---- a chapter's block ---- */
  function initQuiz(block) {
    const items = [];
    const score = block.querySelector(".course-quiz-score");
    const updateScore = function () {
      const store = readStore().items;
      let done = 0, right = 0;
      items.forEach(function (item) {
        const e = store[item.data.id];
        if (e) { done++; if (e.status === "correct") right++; }
      });
      score.textContent = "本章得分：答对 " + right + " / " + items.length + " 题（已作答 " + done + " 题）";
    };
    block.querySelectorAll(".course-quiz-item").forEach(function (root) {
      let data;
      try { data = JSON.parse(root.querySelector(".course-quiz-data").textContent); } catch (err) { return; }
      const item = new Item(root, data, updateScore);
      const saved = readStore().items[data.id];
      if (saved) {
        item.setAnswer(saved.answer);
        const answer = item.answer();
        if (saved.status === "revealed") item.show(item.correctAnswer(), "revealed");
        else if (item.isComplete(answer)) item.show(answer, saved.status);
      }
      items.push(item);
    });
    const reset = el("button", { type: "button", class: "btn btn-sm btn-outline-danger course-quiz-reset" }, "清除本章进度");
    reset.addEventListener("click", function () {
      items.forEach(function (item) { item.retry(); });
      updateScore();
    });
    score.after(reset);
    updateScore();
  }

  /* ---- the progress page ---- */
  function initProgress(box) {
    let chapters;
    try { chapters = JSON.parse(box.querySelector(".course-progress-data").textContent); } catch (err) { return; }
    const summary = box.querySelector(".course-progress-summary");
    const render = function () {
      const store = readStore().items;
      let total = 0, done = 0, right = 0;
      chapters.forEach(function (c) {
        const row = box.querySelector('tr[data-chapter="' + c.chapter + '"]');
        let d = 0, r = 0;
        c.items.forEach(function (id) { if (store[id]) { d++; if (store[id].status === "correct") r++; } });
        total += c.items.length; done += d; right += r;
        row.querySelector(".course-progress-done").textContent = d + " / " + c.items.length;
        row.querySelector(".course-progress-correct").textContent = r + " / " + c.items.length;
      });
      summary.textContent = "全部 " + total + " 题：已作答 " + done + " 题，答对 " + right + " 题。";
    };
    const reset = el("button", { type: "button", class: "btn btn-sm btn-outline-danger course-progress-reset" }, "清除全部进度");
    reset.addEventListener("click", function () { writeStore({ items: {} }); render(); });
    box.append(reset);
    render();
  }

  function start() {
    document.querySelectorAll(".course-quiz").forEach(initQuiz);
    document.querySelectorAll(".course-progress").forEach(initProgress);
    /* Printing from the browser: show the answer key. */
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.course-answer-key").forEach(function (d) { d.setAttribute("open", ""); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

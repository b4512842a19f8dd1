/* The account file (客户档案): one account's worksheets, relationship map and purchase
 * analyses on one page, to print as one document or save as one file.
 *
 * The answers are shown as text. The map and the analyses are computed afresh by the
 * tools' own Python (course-widgets.js exposes its engine), from the inputs the reader
 * saved, so they read exactly as on the tool pages, and an input saved under older rules
 * is checked again. Nothing here leaves the browser unless the reader saves a file.
 */
(function () {
  "use strict";

  var root = document.querySelector(".course-account");
  var Accounts = window.CourseAccounts;
  var Dom = window.CourseDom;
  if (!root || !Accounts || !Dom) return;
  var T = Dom.readJSON("course-texts").worksheets || {};
  var config = JSON.parse(root.querySelector(".account-config").textContent);
  var el = Dom.el;
  var fill = Dom.fill;
  var linksJson = JSON.stringify(config.links || {});
  var body = el("div", { class: "account-body" });
  var ACTION_SECTION = /下一步|行动/;

  root.querySelector(".account-static").hidden = true;
  root.appendChild(body);
  var anchor = el("div", { class: "account-top" });
  root.prepend(anchor);
  var bar = new Accounts.Bar(anchor, { deals: false, changed: render });

  var actions = el("div", { class: "worksheet-actions account-actions" });
  var fileInput = el("input", { type: "file", accept: ".json,application/json", hidden: "" });
  function action(label, fn) {
    var button = el("button", { type: "button" }, label);
    button.addEventListener("click", fn);
    actions.appendChild(button);
  }
  action(T.print, function () { window.print(); });
  action(T.save_md, function () {
    var account = Accounts.current();
    if (!account) return;
    var text = Accounts.exportMarkdown(Accounts.currentId(), config.sheets);
    // The tools' results as the page shows them, in words.
    body.querySelectorAll(".account-tool").forEach(function (block) {
      text += "\n## " + block.dataset.title + "\n\n" + block.querySelector(".widget-result").innerText.trim() + "\n";
    });
    Accounts.download(Accounts.safeName(account.name) + ".md", text, "text/markdown");
  });
  action(T.save_json, function () {
    if (!Accounts.current()) return;
    Accounts.download(Accounts.safeName(Accounts.current().name) + ".json", Accounts.exportJSON(), "application/json");
  });
  action(T.load, function () { fileInput.click(); });
  actions.appendChild(fileInput);
  fileInput.addEventListener("change", function () { Accounts.loadFile(fileInput, bar, render); });
  bar.status.after(actions);
  window.CourseDom.inAppNote(root, actions); // no files and no print in a chat app's browser

  var engine = null;
  function api() {
    if (!engine) engine = window.CourseWidgetEngine(config.runtime);
    return engine;
  }

  function heading(level, textValue) {
    return el("h" + level, {}, textValue);
  }

  function answers(cells) {
    var keys = Object.keys(cells).sort(Accounts.cellOrder);
    var list = el("dl", { class: "account-answers" });
    var section = null;
    keys.forEach(function (key) {
      var cell = cells[key];
      if (cell.s !== section) {
        section = cell.s;
        if (section) list.appendChild(el("dt", { class: "account-section" }, section));
      }
      list.appendChild(el("dt", {}, cell.q));
      list.appendChild(el("dd", {}, cell.a));
    });
    return list;
  }

  function sheetBlock(title, url, cells) {
    var block = el("section", { class: "account-sheet" });
    var h = heading(3, "");
    h.appendChild(el("a", { href: url }, title));
    block.appendChild(h);
    block.appendChild(Object.keys(cells).length ? answers(cells) : el("p", {}, T.empty_sheet));
    return block;
  }

  /* A tool's result for saved inputs, computed by the tools' Python. */
  function toolBlock(kind, title, form, uid) {
    var block = el("section", { class: "account-tool", "data-title": title });
    if (kind !== "relationship-map") block.appendChild(heading(3, title)); // one map: its section says it
    var link = el("a", { href: config.tools[kind] + "#" + kind + "=" + encodeURIComponent(JSON.stringify(form)), class: "only-screen" }, T.open_tool);
    block.appendChild(el("p", {})).appendChild(link);
    var result = el("div", { class: "widget-result", "aria-busy": "true" }, T.loading);
    block.appendChild(result);
    api().then(function (engineApi) {
      var out = JSON.parse(engineApi.run_json(kind, JSON.stringify(form), linksJson, uid, "zh", ""));
      result.innerHTML = out.html; // the tools' Python escapes every value the reader gave
      result.removeAttribute("aria-busy");
    }, function () { result.textContent = ""; });
    return block;
  }

  function render() {
    body.textContent = "";
    var account = Accounts.current();
    if (!account) {
      body.appendChild(el("p", {}, T.none));
      return;
    }
    body.appendChild(heading(2, fill(T.file_title, { name: account.name })));
    // This week's actions first: what the reader does next, gathered from the sheets.
    var todo = {};
    config.sheets.forEach(function (sheet) {
      var cells = sheet.key === Accounts.DEAL_SHEET ? {} : account.sheets[sheet.key] || {};
      Object.keys(cells).forEach(function (key) {
        if (ACTION_SECTION.test(cells[key].s)) todo[sheet.key + key] = cells[key];
      });
    });
    body.appendChild(heading(2, T.actions));
    body.appendChild(Object.keys(todo).length ? answers(todo) : el("p", {}, T.no_actions));
    body.appendChild(heading(2, T.map));
    if (account.map) body.appendChild(toolBlock("relationship-map", T.map, account.map, "account-map"));
    else body.appendChild(el("p", {}, T.no_map));
    body.appendChild(heading(2, T.deals));
    var deals = Object.keys(account.deals);
    var analysed = deals.filter(function (id) { return account.deals[id].form; });
    if (!analysed.length) body.appendChild(el("p", {}, T.no_deals));
    analysed.forEach(function (id, n) {
      body.appendChild(toolBlock("purchase-factors", account.deals[id].name, account.deals[id].form, "account-deal-" + n));
    });
    body.appendChild(heading(2, T.sheets));
    config.sheets.forEach(function (sheet) {
      if (sheet.key === Accounts.DEAL_SHEET) {
        deals.forEach(function (id) {
          body.appendChild(sheetBlock(sheet.title + "：" + account.deals[id].name, sheet.url, account.deals[id].sheet));
        });
        if (!deals.length) body.appendChild(sheetBlock(sheet.title, sheet.url, {}));
        return;
      }
      body.appendChild(sheetBlock(sheet.title, sheet.url, account.sheets[sheet.key] || {}));
    });
  }

  window.CourseStore.subscribe(function (reason) { if (reason === "external") { bar.render(); render(); } });
  render();
})();

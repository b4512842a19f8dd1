/* Worksheets filled in on screen, kept per account; the reader's accounts.
 *
 * A worksheet page (book/worksheets/) is a set of tables whose empty cells are the answers.
 * Without JavaScript they print blank, as they always did. Here every empty cell becomes a
 * text field, labelled by its question (or its column and row), and what the reader writes
 * is kept in the course store's "accounts" area, under the account chosen in the bar at the
 * top: one account holds its worksheets, its relationship map and the purchase analyses of
 * its deals (the tools save them with "存入客户档案"), and the opportunity sheet is kept per
 * deal. The area is local: it never leaves this browser (a learning platform gets progress,
 * not accounts) unless the reader saves it as a file, Markdown to read or JSON to load again.
 *
 * Stored values are data: they are put into fields and text nodes, never parsed as HTML.
 * `window.CourseAccounts` is the one way to the accounts, for the tools and the account file.
 */
(function () {
  "use strict";

  var store = window.CourseStore;
  var Dom = window.CourseDom;
  if (!store || !Dom) return;
  var T = Dom.readJSON("course-texts").worksheets || {};
  var fill = Dom.fill;
  var el = Dom.el;

  var MAX_ACCOUNTS = 30;
  var MAX_DEALS = 20;
  var MAX_CELLS = 400;
  var MAX_TEXT = 2000;
  var MAX_NAME = 40;
  var ID = /^[a-z][a-z0-9-]{0,39}$/;
  var CELL = /^t\d{1,3}r\d{1,3}c\d{1,2}$/;
  var SHEET = /^[a-z][a-z0-9-]{0,39}$/;
  var DEAL_SHEET = "opportunity"; // kept per deal, not per account

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function text(value, limit) {
    return typeof value === "string" ? value.slice(0, limit) : "";
  }

  /* {cell: {s: section, q: question, a: answer}}, bounded. */
  function cleanCells(data) {
    var out = {};
    if (!isObject(data)) return out;
    Object.keys(data).slice(0, MAX_CELLS).forEach(function (key) {
      var cell = data[key];
      if (!CELL.test(key) || !isObject(cell) || typeof cell.a !== "string" || cell.a === "") return;
      out[key] = { s: text(cell.s, 200), q: text(cell.q, 400), a: text(cell.a, MAX_TEXT) };
    });
    return out;
  }

  function cleanAccount(raw) {
    if (!isObject(raw) || typeof raw.name !== "string" || raw.name.trim() === "") return null;
    var account = { name: raw.name.trim().slice(0, MAX_NAME), sheets: {}, map: null, deals: {}, deal: "" };
    if (isObject(raw.sheets)) {
      Object.keys(raw.sheets).forEach(function (sheet) {
        if (SHEET.test(sheet) && sheet !== DEAL_SHEET) account.sheets[sheet] = cleanCells(raw.sheets[sheet]);
      });
    }
    // The tools' inputs: checked again by the tools' Python whenever they are shown.
    if (isObject(raw.map)) account.map = raw.map;
    if (isObject(raw.deals)) {
      Object.keys(raw.deals).slice(0, MAX_DEALS).forEach(function (id) {
        var deal = raw.deals[id];
        if (!ID.test(id) || !isObject(deal) || typeof deal.name !== "string" || deal.name.trim() === "") return;
        account.deals[id] = {
          name: deal.name.trim().slice(0, MAX_NAME),
          sheet: cleanCells(deal.sheet),
          form: isObject(deal.form) ? deal.form : null,
        };
      });
    }
    account.deal = account.deals[raw.deal] ? raw.deal : Object.keys(account.deals)[0] || "";
    return account;
  }

  function cleanArea(data) {
    var out = { current: "", list: {} };
    if (!isObject(data)) return out;
    if (isObject(data.list)) {
      Object.keys(data.list).slice(0, MAX_ACCOUNTS).forEach(function (id) {
        var account = ID.test(id) ? cleanAccount(data.list[id]) : null;
        if (account) out.list[id] = account;
      });
    }
    out.current = out.list[data.current] ? data.current : Object.keys(out.list)[0] || "";
    return out;
  }

  store.defineArea("accounts", cleanArea, { local: true });

  function newId(prefix, taken) {
    var id;
    do {
      id = prefix + "-" + Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36);
    } while (taken[id]);
    return id;
  }

  // ---------------------------------------------------------------- the accounts
  var lastRemoved = null; // {id, account} or {id, deal, account id}: what undo brings back

  var Accounts = {
    area: function () { return store.read("accounts"); },
    list: function () {
      var area = Accounts.area();
      return Object.keys(area.list).map(function (id) { return { id: id, name: area.list[id].name }; });
    },
    currentId: function () { return Accounts.area().current; },
    current: function () {
      var area = Accounts.area();
      return area.current ? area.list[area.current] : null;
    },
    change: function (fn) { return store.update("accounts", function (area) { fn(area); return area; }); },
    select: function (id) { Accounts.change(function (area) { if (area.list[id]) area.current = id; }); },
    create: function (name) {
      var id = null;
      Accounts.change(function (area) {
        if (Object.keys(area.list).length >= MAX_ACCOUNTS) return;
        id = newId("a", area.list);
        area.list[id] = { name: name, sheets: {}, map: null, deals: {}, deal: "" };
        area.current = id;
      });
      return id;
    },
    /* The current account, made ("我的客户") when there is none yet: writing is enough. */
    ensure: function () {
      if (!Accounts.current()) Accounts.create(T.default_account);
      return Accounts.currentId();
    },
    rename: function (id, name) { Accounts.change(function (area) { if (area.list[id]) area.list[id].name = name; }); },
    remove: function (id) {
      var area = Accounts.area();
      if (!area.list[id]) return;
      lastRemoved = { id: id, account: area.list[id] };
      Accounts.change(function (next) {
        delete next.list[id];
        next.current = Object.keys(next.list)[0] || "";
      });
    },
    undoRemove: function () {
      var removed = lastRemoved;
      lastRemoved = null;
      if (!removed) return null;
      Accounts.change(function (area) {
        if (removed.deal) {
          var owner = area.list[removed.owner];
          if (owner) { owner.deals[removed.id] = removed.deal; owner.deal = removed.id; }
        } else {
          area.list[removed.id] = removed.account;
          area.current = removed.id;
        }
      });
      return removed.deal ? removed.deal.name : removed.account.name;
    },
    /* The current account's current deal, made ("第一单") when asked to and there is none. */
    deal: function (make) {
      var account = Accounts.current();
      if (!account) return null;
      if (!account.deal && make) Accounts.createDeal(T.default_deal);
      account = Accounts.current();
      return account.deal ? { id: account.deal, deal: account.deals[account.deal] } : null;
    },
    createDeal: function (name) {
      Accounts.ensure();
      var id = null;
      Accounts.change(function (area) {
        var account = area.list[area.current];
        if (Object.keys(account.deals).length >= MAX_DEALS) return;
        id = newId("d", account.deals);
        account.deals[id] = { name: name, sheet: {}, form: null };
        account.deal = id;
      });
      return id;
    },
    selectDeal: function (id) {
      Accounts.change(function (area) {
        var account = area.list[area.current];
        if (account && account.deals[id]) account.deal = id;
      });
    },
    removeDeal: function (id) {
      var account = Accounts.current();
      if (!account || !account.deals[id]) return;
      lastRemoved = { id: id, deal: account.deals[id], owner: Accounts.currentId() };
      Accounts.change(function (area) {
        var owner = area.list[area.current];
        delete owner.deals[id];
        owner.deal = Object.keys(owner.deals)[0] || "";
      });
    },
    /* A sheet's cells for the current account (the opportunity sheet: its current deal). */
    cells: function (sheet) {
      var account = Accounts.current();
      if (!account) return {};
      if (sheet === DEAL_SHEET) {
        var deal = account.deals[account.deal];
        return deal ? deal.sheet : {};
      }
      return account.sheets[sheet] || {};
    },
    setCells: function (sheet, cells) {
      Accounts.ensure();
      if (sheet === DEAL_SHEET) Accounts.deal(true);
      Accounts.change(function (area) {
        var account = area.list[area.current];
        if (sheet === DEAL_SHEET) account.deals[account.deal].sheet = cells;
        else account.sheets[sheet] = cells;
      });
    },
    setMap: function (form) {
      Accounts.ensure();
      Accounts.change(function (area) { area.list[area.current].map = form; });
    },
    setDealForm: function (form) {
      Accounts.ensure();
      Accounts.deal(true);
      Accounts.change(function (area) {
        var account = area.list[area.current];
        account.deals[account.deal].form = form;
      });
    },
    /* One account as a file: {format, version, exported, account}. */
    exportJSON: function (id) {
      var account = Accounts.area().list[id || Accounts.currentId()];
      return JSON.stringify({ format: "course-account", version: 1, exported: new Date().toISOString(), account: account }, null, 2);
    },
    /* Read a file written by exportJSON: {account} or {error}. */
    parseFile: function (textValue) {
      var data;
      try { data = JSON.parse(textValue); } catch (err) { return { error: "JSON" }; }
      if (!isObject(data) || data.format !== "course-account" || data.version !== 1) return { error: "format" };
      var account = cleanAccount(data.account);
      return account ? { account: account } : { error: "account" };
    },
    /* Put a read account in: over the one of the same name (the caller has asked), or new. */
    importAccount: function (account, replaceId) {
      var id = replaceId;
      Accounts.change(function (area) {
        if (!id) id = newId("a", area.list);
        if (!replaceId && Object.keys(area.list).length >= MAX_ACCOUNTS) { id = null; return; }
        area.list[id] = account;
        area.current = id;
      });
      return id;
    },
    findByName: function (name) {
      var found = Accounts.list().filter(function (a) { return a.name === name; })[0];
      return found ? found.id : null;
    },
    snapshot: function (id) { return Accounts.area().list[id]; },
    restoreAccount: function (id, account) {
      Accounts.change(function (area) { area.list[id] = account; area.current = id; });
    },
  };
  window.CourseAccounts = Accounts;

  // ---------------------------------------------------------------- Markdown export
  function cellsMarkdown(title, cells) {
    var keys = Object.keys(cells);
    if (!keys.length) return "";
    var out = ["## " + title, ""];
    var section = null;
    keys.sort(cellOrder).forEach(function (key) {
      var cell = cells[key];
      if (cell.s !== section) {
        section = cell.s;
        if (section) out.push("### " + section, "");
      }
      out.push("- **" + cell.q + "**：" + cell.a.replace(/\n+/g, " / "));
    });
    out.push("");
    return out.join("\n");
  }

  function cellOrder(a, b) {
    var pa = a.match(/\d+/g).map(Number);
    var pb = b.match(/\d+/g).map(Number);
    for (var i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
  }

  /* `sheets`: [{key, title}] in the order to write them. */
  Accounts.exportMarkdown = function (id, sheets) {
    var account = Accounts.area().list[id || Accounts.currentId()];
    if (!account) return "";
    var out = ["# " + fill(T.file_title, { name: account.name }), "", fill(T.exported, { date: new Date().toLocaleDateString("zh-CN") }), ""];
    (sheets || []).forEach(function (sheet) {
      if (sheet.key === DEAL_SHEET) {
        Object.keys(account.deals).forEach(function (dealId) {
          var deal = account.deals[dealId];
          out.push(cellsMarkdown(sheet.title + "：" + deal.name, deal.sheet));
        });
      } else {
        out.push(cellsMarkdown(sheet.title, account.sheets[sheet.key] || {}));
      }
    });
    return out.filter(Boolean).join("\n");
  };
  Accounts.DEAL_SHEET = DEAL_SHEET;
  Accounts.cellOrder = cellOrder;

  var download = Dom.download; // one way to save a file, for the sheets and the account page
  Accounts.download = download;

  function safeName(name) {
    return String(name).replace(/[\\/:*?"<>|\s]+/g, "-").slice(0, 40) || "account";
  }
  Accounts.safeName = safeName;

  // ---------------------------------------------------------------- the bar
  function ask(title, body, confirm) {
    return window.courseConfirm ? window.courseConfirm({ title: title, body: body, confirm: confirm }) : Promise.resolve(true);
  }

  /* The account bar: choose, create, rename, delete (with undo); with `deals`, also the
   * deal. `changed` runs after the account or deal changed. */
  function Bar(where, options) {
    this.options = options || {};
    this.root = el("div", { class: "worksheet-bar", role: "group", "aria-label": T.account });
    this.status = el("p", { class: "worksheet-status", role: "status" });
    where.before(this.root);
    this.root.after(this.status);
    this.render();
  }

  Bar.prototype.render = function () {
    var self = this;
    var root = this.root;
    root.textContent = "";
    var line = el("div", { class: "worksheet-bar-line" });
    var label = el("label", {}, T.account + "：");
    var select = el("select", { class: "worksheet-account" });
    var list = Accounts.list();
    if (!list.length) select.appendChild(el("option", { value: "" }, T.none));
    list.forEach(function (a) {
      var option = el("option", { value: a.id }, a.name);
      option.selected = a.id === Accounts.currentId();
      select.appendChild(option);
    });
    label.appendChild(select);
    line.appendChild(label);
    select.addEventListener("change", function () { self.flush(); Accounts.select(select.value); self.changed(); });
    line.appendChild(this.button(T.new_account, function () {
      var name = window.prompt(T.name_prompt, "");
      if (!name || !name.trim()) return;
      Accounts.create(name.trim().slice(0, MAX_NAME));
      self.say(fill(T.created, { name: name.trim() }));
      self.changed();
    }));
    if (list.length) {
      line.appendChild(this.button(T.rename, function () {
        var account = Accounts.current();
        var name = window.prompt(T.name_prompt, account.name);
        if (!name || !name.trim()) return;
        Accounts.rename(Accounts.currentId(), name.trim().slice(0, MAX_NAME));
        self.say(fill(T.renamed, { name: name.trim() }));
        self.render();
      }));
      line.appendChild(this.button(T.delete, function () {
        var account = Accounts.current();
        ask(fill(T.delete_title, { name: account.name }), T.delete_body, T.delete_confirm).then(function (yes) {
          if (!yes) return;
          Accounts.remove(Accounts.currentId());
          self.changed();
          self.offerUndo(fill(T.deleted, { name: account.name }));
        });
      }));
    }
    root.appendChild(line);
    if (this.options.deals && Accounts.current()) this.renderDeals();
  };

  Bar.prototype.renderDeals = function () {
    var self = this;
    var account = Accounts.current();
    var line = el("div", { class: "worksheet-bar-line" });
    var label = el("label", {}, T.deal + "：");
    var select = el("select", { class: "worksheet-deal" });
    var ids = Object.keys(account.deals);
    if (!ids.length) select.appendChild(el("option", { value: "" }, T.no_deal));
    ids.forEach(function (id) {
      var option = el("option", { value: id }, account.deals[id].name);
      option.selected = id === account.deal;
      select.appendChild(option);
    });
    label.appendChild(select);
    line.appendChild(label);
    select.addEventListener("change", function () { self.flush(); Accounts.selectDeal(select.value); self.changed(); });
    line.appendChild(this.button(T.new_deal, function () {
      var name = window.prompt(T.deal_prompt, "");
      if (!name || !name.trim()) return;
      Accounts.createDeal(name.trim().slice(0, MAX_NAME));
      self.say(fill(T.created, { name: name.trim() }));
      self.changed();
    }));
    if (ids.length) {
      line.appendChild(this.button(T.delete_deal, function () {
        var deal = account.deals[account.deal];
        ask(fill(T.delete_title, { name: deal.name }), T.delete_body, T.delete_confirm).then(function (yes) {
          if (!yes) return;
          Accounts.removeDeal(account.deal);
          self.changed();
          self.offerUndo(fill(T.deleted, { name: deal.name }));
        });
      }));
    }
    this.root.appendChild(line);
  };

  Bar.prototype.button = function (label, action) {
    var self = this;
    var button = el("button", { type: "button" }, label);
    button.addEventListener("click", function () { self.flush(); action(); });
    return button;
  };

  /* What the page has not written yet goes to the account it was typed for, before the
   * account or the deal changes. */
  Bar.prototype.flush = function () {
    if (this.options.before) this.options.before();
  };

  Bar.prototype.changed = function () {
    this.render();
    if (this.options.changed) this.options.changed();
  };

  Bar.prototype.say = function (message) {
    this.status.textContent = message;
  };

  /* A message with an undo button; `undo` (optional) does the undoing, and by default
   * the last removal is brought back. */
  Bar.prototype.offerUndo = function (message, undo) {
    var self = this;
    this.status.textContent = message + " ";
    var button = el("button", { type: "button", class: "worksheet-undo" }, T.undo);
    button.addEventListener("click", function () {
      var name = undo ? undo() : Accounts.undoRemove();
      self.changed();
      self.say(fill(T.undone, { name: name || "" }));
    });
    this.status.appendChild(button);
  };
  Accounts.Bar = Bar;

  var LOAD_ERRORS = { JSON: "load_error_json", format: "load_error_format", account: "load_error_account" };

  /* The file chosen in `input` (written by "保存为 JSON"), put in after asking when an
   * account of the same name is here; `after` runs once it is in. */
  Accounts.loadFile = function (input, bar, after) {
    var file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    file.text().then(function (content) {
      var read = Accounts.parseFile(content);
      if (read.error) { bar.say(fill(T.load_error, { detail: T[LOAD_ERRORS[read.error]] })); return; }
      var same = Accounts.findByName(read.account.name);
      var apply = function () {
        var before = same ? Accounts.snapshot(same) : null;
        var id = Accounts.importAccount(read.account, same);
        bar.render();
        after();
        var message = fill(T.loaded, { name: read.account.name });
        if (!before) { bar.say(message); return; }
        bar.offerUndo(message, function () { Accounts.restoreAccount(id, before); after(); return read.account.name; });
      };
      if (!same) { apply(); return; }
      ask(fill(T.load_title, { name: read.account.name }), T.load_body, T.load_confirm).then(function (yes) { if (yes) apply(); });
    }, function () { bar.say(fill(T.load_error, { detail: T.load_error_file })); });
  };

  // ---------------------------------------------------------------- a worksheet page
  var section = document.querySelector("section[id^='worksheet-']");
  var tables = section ? Array.prototype.slice.call(section.querySelectorAll("table.worksheet")) : [];
  if (!tables.length) return;
  var sheet = section.id.replace(/^worksheet-/, "");
  var sheetTitle = (section.querySelector("h1") || {}).textContent || sheet;
  sheetTitle = sheetTitle.replace(/[#¶]/g, "").trim();
  var fields = [];

  function cellText(cell) {
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  /* The section heading a table sits under. */
  function sectionOf(table) {
    var holder = table.closest("section");
    var heading = holder && holder !== section ? holder.querySelector("h2") : null;
    return heading ? heading.textContent.replace(/[#¶]/g, "").trim() : "";
  }

  /* Every empty cell of every worksheet table, as a labelled field. Tables in a section of
   * worked examples are left as they are. */
  tables.forEach(function (table, t) {
    var holder = table.closest("section");
    if (holder && /example|week1/.test(holder.id || "")) return;
    var head = table.classList.contains("worksheet-head");
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th")).map(cellText);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr"));
    rows.forEach(function (row, r) {
      var cells = Array.prototype.slice.call(row.children);
      cells.forEach(function (cell, c) {
        if (cellText(cell) !== "") { cell.dataset.label = headers[c] || ""; return; }
        var label;
        if (head) {
          label = c > 0 ? cellText(cells[c - 1]) : "";
        } else {
          if (r === 0) return; // the header row of an ordinary table holds no answers
          var known = cells.filter(function (other, i) { return i !== c && cellText(other) !== ""; }).map(cellText);
          label = known.length ? known.join(" ") + "：" + (headers[c] || "") : (headers[c] || "") + "（" + fill(T.row, { n: r }) + "）";
        }
        cell.dataset.label = head ? "" : headers[c] || "";
        var key = "t" + t + "r" + r + "c" + c;
        var input = el("textarea", { class: "worksheet-input", rows: "2", "aria-label": label, "data-key": key });
        var printed = el("div", { class: "worksheet-print", "aria-hidden": "true" });
        cell.appendChild(input);
        cell.appendChild(printed);
        fields.push({ input: input, printed: printed, key: key, label: label, section: sectionOf(table) });
        input.addEventListener("input", function () { printed.textContent = input.value; grow(input); schedule(); });
      });
    });
  });
  if (!fields.length) return;
  section.classList.add("worksheet-live");

  function grow(input) {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 480) + "px";
  }

  function load() {
    var cells = Accounts.cells(sheet);
    fields.forEach(function (f) {
      var cell = cells[f.key];
      f.input.value = cell ? cell.a : "";
      f.printed.textContent = f.input.value;
      grow(f.input);
    });
  }

  function gather() {
    var cells = {};
    fields.forEach(function (f) {
      if (f.input.value !== "") cells[f.key] = { s: f.section, q: f.label, a: f.input.value.slice(0, MAX_TEXT) };
    });
    return cells;
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(saveNow, 250);
  }
  function saveNow() {
    clearTimeout(timer);
    timer = null;
    var had = Boolean(Accounts.current());
    Accounts.setCells(sheet, gather());
    if (!had) bar.render(); // the first word written made "我的客户"
  }
  window.addEventListener("pagehide", function () { if (timer) saveNow(); });

  var title = section.querySelector("h1");
  var intro = title ? title.nextElementSibling : tables[0];
  var bar = new Bar(intro || tables[0], {
    deals: sheet === DEAL_SHEET,
    changed: load,
    before: function () { if (timer) saveNow(); },
  });
  var note = el("p", { class: "worksheet-note" }, T.saved_note);
  bar.status.after(note);
  Dom.storageNote(section, note);

  // Print, files, clear: at the foot of the sheet.
  var actions = el("div", { class: "worksheet-actions" });
  var fileInput = el("input", { type: "file", accept: ".json,application/json", hidden: "" });
  function action(label, fn) {
    var button = el("button", { type: "button" }, label);
    button.addEventListener("click", fn);
    actions.appendChild(button);
  }
  action(T.print, function () { saveNow(); window.print(); });
  action(T.save_md, function () {
    saveNow();
    var account = Accounts.current();
    if (!account) return;
    var sheets = [{ key: sheet, title: sheetTitle }];
    download(safeName(account.name) + "-" + sheet + ".md", Accounts.exportMarkdown(Accounts.currentId(), sheets), "text/markdown");
  });
  action(T.save_json, function () {
    saveNow();
    if (!Accounts.current()) return;
    download(safeName(Accounts.current().name) + ".json", Accounts.exportJSON(), "application/json");
  });
  action(T.load, function () { fileInput.click(); });
  action(T.clear, function () {
    ask(T.clear_title, T.clear_body, T.clear_confirm).then(function (yes) {
      if (!yes) return;
      var before = gather();
      Accounts.setCells(sheet, {});
      load();
      bar.offerUndo(T.cleared, function () { Accounts.setCells(sheet, before); load(); return sheetTitle; });
    });
  });
  actions.appendChild(fileInput);
  section.appendChild(actions);
  Dom.inAppNote(section, actions); // no files and no print in a chat app's browser

  fileInput.addEventListener("change", function () { Accounts.loadFile(fileInput, bar, load); });

  store.subscribe(function (reason) { if (reason === "external") { bar.render(); load(); } });
  load();
  window.courseWorksheet = { sheet: sheet, fields: fields, save: saveNow, load: load };
})();

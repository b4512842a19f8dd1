/* Small DOM helpers shared by the course's players (self-checks, conversations, the final
 * test, spaced review, the tools): one copy instead of one per script. Loaded with the store
 * (tools/sphinxext/store.py), before the players (deferred scripts run in page order).
 */
(function () {
  "use strict";

  /* The JSON data block with this id, or {} (missing or unreadable). */
  function readJSON(id) {
    const node = document.getElementById(id);
    if (!node) return {};
    try { return JSON.parse(node.textContent); } catch (err) { return {}; }
  }

  /* A text with its {placeholders} filled. */
  function fill(text, params) {
    return String(text === undefined ? "" : text).replace(/\{(\w+)\}/g, function (all, key) {
      return params && params[key] !== undefined ? String(params[key]) : all;
    });
  }

  /* An element with attributes ("class" sets the class name) and, optionally, its text. */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") node.className = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* An element with children (texts or nodes), as el() makes one with a text. */
  function make(tag, attrs) {
    const node = el(tag, attrs);
    for (let i = 2; i < arguments.length; i++) {
      const child = arguments[i];
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /* ``content`` saved as a file called ``name`` (UTF-8 text of MIME ``type``). */
  function download(name, content, type) {
    const blob = new Blob([content], { type: type + ";charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /* Said once per block, before `before`, when the browser keeps nothing (now or later);
   * the block works all the same. */
  function storageNote(block, before) {
    const store = window.CourseStore;
    if (!store) return;
    const text = (readJSON("course-texts").store || {}).unavailable || "";
    const show = function () {
      if (store.persistent || block.querySelector(".course-store-note")) return;
      before.before(el("p", { class: "course-store-note", role: "note" }, text));
    };
    show();
    store.subscribe(function (reason) { if (reason === "unavailable") show(); });
  }

  /* The in-app browser this page is open in (WeChat, WeCom, DingTalk, Feishu), by its user
   * agent, or "" in an ordinary browser. Those browsers download no files and print nothing. */
  const IN_APP = [
    ["wxwork", "wecom"], // WeCom also says MicroMessenger: look for it first
    ["micromessenger", "wechat"],
    ["dingtalk", "dingtalk"],
    ["lark", "feishu"],
    ["feishu", "feishu"],
  ];
  function inApp() {
    const agent = String(navigator.userAgent || "").toLowerCase();
    for (let i = 0; i < IN_APP.length; i++) if (agent.indexOf(IN_APP[i][0]) >= 0) return IN_APP[i][1];
    return "";
  }

  /* Said once per block, before `before`, in an in-app browser: files and print will not
   * work here; open the page in the system browser. */
  function inAppNote(block, before) {
    const app = inApp();
    if (!app || block.querySelector(".course-inapp-note")) return;
    const words = readJSON("course-texts").inapp || {};
    before.before(el("p", { class: "course-inapp-note", role: "note" }, fill(words.note, { app: words[app] || "" })));
  }

  window.CourseDom = {
    readJSON: readJSON, fill: fill, el: el, make: make, download: download,
    storageNote: storageNote, inApp: inApp, inAppNote: inAppNote,
  };
})();

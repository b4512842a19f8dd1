/* The analysis widgets in the reader's browser.
 *
 * The page already shows the example's result, computed at build time by the widgets'
 * Python. This script starts MicroPython (bundled with the site, no network), loads the
 * same Python sources and recomputes on every input change. All logic, all checking and
 * all result HTML come from Python; this file only moves form values in and HTML out.
 */
(function () {
  "use strict";

  var widgets = Array.prototype.slice.call(document.querySelectorAll(".course-widget"));
  if (!widgets.length) return;

  var enginePromise = null;

  function engine() {
    if (enginePromise) return enginePromise;
    enginePromise = (async function () {
      if (typeof globalThis.loadMicroPython !== "function" || !globalThis.courseMicroPythonWasm) {
        throw new Error("MicroPython runtime scripts are missing");
      }
      performance.mark("course-widget-start");
      var compiled = globalThis.courseMicroPythonCompiled;
      var mp = await globalThis.loadMicroPython({
        wasmBinary: globalThis.courseMicroPythonWasm,
        // Instantiate the module micropython-wasm.js began compiling during page load.
        instantiateWasm: function (imports, receive) {
          compiled
            .then(function (module) { return WebAssembly.instantiate(module, imports); })
            .then(function (instance) { receive(instance); });
          return {};
        },
        heapsize: 4 * 1024 * 1024,
        stdout: function () {},
        stderr: function (line) { console.warn(line); },
      });
      performance.mark("course-widget-interpreter");
      var sources = globalThis.courseWidgetSources;
      Object.keys(sources).forEach(function (path) {
        var parts = path.split("/");
        for (var i = 1; i < parts.length; i++) {
          var dir = "/" + parts.slice(0, i).join("/");
          try { mp.FS.mkdir(dir); } catch (e) { /* already there */ }
        }
        mp.FS.writeFile("/" + path, sources[path]);
      });
      mp.runPython("import sys\nsys.path.insert(0, '/')");
      var api = mp.pyimport("tools.widgets.api");
      performance.mark("course-widget-imported");
      return api;
    })();
    return enginePromise;
  }

  // ---------------------------------------------------------------- the link (#uid=...)
  function linkParams() {
    return new URLSearchParams(location.hash.replace(/^#/, ""));
  }

  function readLink(uid) {
    var params = linkParams();
    return params.has(uid) ? params.get(uid) : null;
  }

  function writeLink(uid, value) {
    var params = linkParams();
    if (value === null) params.delete(uid);
    else params.set(uid, value);
    var hash = params.toString();
    history.replaceState(history.state, "", location.pathname + location.search + (hash ? "#" + hash : ""));
  }

  // ---------------------------------------------------------------- one widget
  function Widget(root) {
    this.root = root;
    this.config = JSON.parse(root.querySelector(".widget-config").textContent);
    this.kind = this.config.kind;
    this.uid = this.config.uid;
    this.texts = this.config.texts;
    this.linksJson = JSON.stringify(this.config.links);
    this.form = root.querySelector(".widget-form");
    this.result = root.querySelector(".widget-result");
    this.status = root.querySelector(".widget-status");
    this.share = root.querySelector(".widget-share");
    this.api = null;
    this.computeMs = [];
  }

  Widget.prototype.start = function () {
    var self = this;
    self.root.dataset.state = "loading";
    self.say(self.texts.loading);
    return engine().then(function (api) {
      self.api = api;
      var notices = self.applyLink();
      self.form.hidden = false;
      self.root.classList.add("widget-live");
      if (self.kind === "relationship-map") self.renumber();
      self.compute();
      self.root.dataset.state = "ready";
      if (!window.courseWidgetFirstResult) {
        window.courseWidgetFirstResult = performance.now();
        performance.mark("course-widget-first-result");
      }
      self.say(notices.length ? notices.join(" ") : self.texts.ready);
      self.form.addEventListener("input", function () { self.changed(); });
      self.form.addEventListener("submit", function (event) { event.preventDefault(); });
      self.form.addEventListener("click", function (event) { self.clicked(event); });
    }).catch(function (error) {
      self.root.dataset.state = "failed";
      self.say(self.texts.engine_failed);
      console.error(error);
    });
  };

  // Fill the form from the page's link, if it names this widget; returns notices to show.
  Widget.prototype.applyLink = function () {
    var linked = readLink(this.uid);
    if (linked === null) return [];
    var read = JSON.parse(this.api.link_json(this.kind, linked));
    if (read.form) this.fill(read.form);
    return read.notices;
  };

  // A preset link clicked on the page itself (history.replaceState does not fire this).
  Widget.prototype.linkChanged = function () {
    if (!this.api || readLink(this.uid) === null) return;
    var notices = this.applyLink();
    this.compute();
    this.say(notices.length ? notices.join(" ") : this.texts.ready);
  };

  Widget.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Widget.prototype.changed = function () {
    var values = this.compute();
    writeLink(this.uid, JSON.stringify(values));
  };

  Widget.prototype.compute = function () {
    var started = performance.now();
    var values = this.gather();
    var out = JSON.parse(this.api.run_json(this.kind, JSON.stringify(values), this.linksJson, this.uid));
    this.result.innerHTML = out.html;
    this.markErrors(out.errors);
    var took = performance.now() - started;
    this.computeMs.push(took);
    this.root.dataset.computeMs = took.toFixed(2);
    return values;
  };

  // ---------------------------------------------------------------- form values
  Widget.prototype.contacts = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll(".widget-contacts > .widget-contact"));
  };

  Widget.prototype.gather = function () {
    var form = this.form;
    if (this.kind === "relationship-map") {
      return {
        contacts: this.contacts().map(function (fieldset) {
          var row = {};
          fieldset.querySelectorAll("input, select").forEach(function (field) { row[field.name] = field.value; });
          return row;
        }),
      };
    }
    var checked = form.querySelector(".widget-sale-type input:checked");
    var values = { sale_type: checked ? checked.value : "" };
    form.querySelectorAll("fieldset[data-side]").forEach(function (fieldset) {
      var side = {};
      fieldset.querySelectorAll("input").forEach(function (field) { side[field.name] = field.value; });
      values[fieldset.dataset.side] = side;
    });
    return values;
  };

  Widget.prototype.fill = function (values) {
    var form = this.form;
    if (this.kind === "relationship-map") {
      var rows = values.contacts || [];
      while (this.contacts().length > rows.length) this.contacts().pop().remove();
      while (this.contacts().length < rows.length) this.addContact(false);
      this.contacts().forEach(function (fieldset, i) {
        fieldset.querySelectorAll("input, select").forEach(function (field) {
          field.value = rows[i][field.name] === undefined ? "" : rows[i][field.name];
        });
      });
      this.renumber();
      return;
    }
    form.querySelectorAll(".widget-sale-type input").forEach(function (radio) {
      radio.checked = radio.value === values.sale_type;
    });
    form.querySelectorAll("fieldset[data-side]").forEach(function (fieldset) {
      var side = values[fieldset.dataset.side] || {};
      fieldset.querySelectorAll("input").forEach(function (field) {
        field.value = side[field.name] === undefined ? "" : side[field.name];
      });
    });
  };

  // ---------------------------------------------------------------- errors next to fields
  Widget.prototype.fieldFor = function (path) {
    var parts = path.split(".");
    if (parts[0] === "contacts" && parts.length === 3) {
      var fieldset = this.contacts()[Number(parts[1])];
      return fieldset ? fieldset.querySelector("[name='" + parts[2] + "']") : null;
    }
    if (parts[0] === "sale_type") return this.form.querySelector(".widget-sale-type input");
    if (parts.length === 2) {
      return this.form.querySelector("fieldset[data-side='" + parts[0] + "'] [name='" + parts[1] + "']");
    }
    return null;
  };

  Widget.prototype.markErrors = function (errors) {
    var form = this.form;
    form.querySelectorAll("[aria-invalid]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
    form.querySelectorAll(".widget-field-errors").forEach(function (list) { list.textContent = ""; });
    var self = this;
    errors.forEach(function (error, n) {
      var field = self.fieldFor(error.field);
      var holder = field ? field.closest(".widget-contact") || form : form;
      var list = holder.querySelector(".widget-field-errors");
      var item = document.createElement("li");
      item.id = self.uid + "-error-" + n;
      item.textContent = error.message;
      list.appendChild(item);
      if (field) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", item.id);
      }
    });
  };

  // ---------------------------------------------------------------- buttons
  Widget.prototype.clicked = function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("widget-add")) {
      var added = this.addContact(true);
      if (added) {
        this.changed();
        added.querySelector("[name='name']").focus();
      }
    } else if (button.classList.contains("widget-remove")) {
      var fieldset = button.closest(".widget-contact");
      var next = fieldset.nextElementSibling || fieldset.previousElementSibling;
      fieldset.remove();
      this.renumber();
      this.changed();
      (next ? next.querySelector("[name='name']") : this.form.querySelector(".widget-add")).focus();
    } else if (button.classList.contains("widget-reset")) {
      this.fill(this.config["default"]);
      this.compute();
      writeLink(this.uid, null);
      this.share.hidden = true;
      this.say(this.texts.ready);
    } else if (button.classList.contains("widget-share-button")) {
      this.changed();
      this.shareLink();
    }
  };

  Widget.prototype.addContact = function (announce) {
    if (this.contacts().length >= this.config.maxContacts) {
      if (announce) this.say(this.texts.max_contacts_reached.replace("{max}", this.config.maxContacts));
      return null;
    }
    var template = this.form.querySelector(".widget-contact-template");
    var fieldset = template.content.firstElementChild.cloneNode(true);
    this.form.querySelector(".widget-contacts").appendChild(fieldset);
    this.renumber();
    return fieldset;
  };

  Widget.prototype.renumber = function () {
    var texts = this.texts;
    var contacts = this.contacts();
    contacts.forEach(function (fieldset, i) {
      var n = String(i + 1);
      fieldset.querySelector("legend").textContent = texts.contact_legend.replace("{n}", n);
      fieldset.querySelector(".widget-remove").textContent = texts.remove_contact.replace("{n}", n);
      fieldset.querySelector(".widget-remove").disabled = contacts.length === 1;
    });
    var add = this.form.querySelector(".widget-add");
    if (add) add.disabled = contacts.length >= this.config.maxContacts;
  };

  Widget.prototype.shareLink = function () {
    var input = this.share.querySelector("input");
    var self = this;
    input.value = location.href;
    this.share.hidden = false;
    input.focus();
    input.select();
    var copy = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(location.href)
      : Promise.reject(new Error("no clipboard"));
    copy.then(
      function () { self.say(self.texts.share_copied); },
      function () { self.say(self.texts.share_manual); }
    );
  };

  window.courseWidgets = widgets.map(function (root) {
    var widget = new Widget(root);
    widget.start();
    return widget;
  });
  window.addEventListener("hashchange", function () {
    window.courseWidgets.forEach(function (widget) { widget.linkChanged(); });
  });
})();

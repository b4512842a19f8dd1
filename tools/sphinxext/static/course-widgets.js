/* The analysis widgets in the reader's browser.
 *
 * The page already shows the example's result, computed at build time by the widgets'
 * Python. While the form still holds the example (no share link, no inputs kept from an
 * earlier visit, nothing restored by the browser), that result is the result: the form is
 * shown with it at once, and the Python runtime (MicroPython with the same Python sources,
 * bundled with the site, no network; about 750 KB) loads without holding anything up, once
 * the page has loaded and the browser is idle, or as soon as the reader reaches for the
 * form. An input changed before it is there is kept; the result is recomputed when it
 * arrives. When the inputs need Python at once (a link, kept inputs), the runtime loads
 * straight away. From then on Python recomputes on every input change. All logic, all checking and
 * all result HTML come from Python; this file only moves form values in and HTML out, and
 * looks after the form: which fields the reader has touched (a field's problems are shown
 * once it has been touched, or when the reader asks for the result), the inputs kept in
 * the course's browser store (course-store.js), presets, share links, and the jump between
 * the inputs and the result on a phone.
 */
(function () {
  "use strict";

  var widgets = Array.prototype.slice.call(document.querySelectorAll(".course-widget"));

  var store = window.CourseStore || null;
  var pageTexts = window.CourseDom.readJSON("course-texts");
  var fill = window.CourseDom.fill;

  var enginePromise = null;
  var runtimePromise = null;

  function loadScripts(urls) {
    return Promise.all(urls.map(function (url) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = false; // run in the order inserted
        script.onload = resolve;
        script.onerror = function () { reject(new Error("cannot load " + url)); };
        document.head.appendChild(script);
      });
    }));
  }

  /* The WebAssembly binary: fetched as it is over http(s); from file://, where fetch() is
   * refused, or when the fetch fails, the script that carries it as text (a third more
   * bytes). Compiling starts as soon as the bytes are there. */
  function loadWasm(files) {
    var asScript = function () { return loadScripts([files["micropython-wasm.js"]]); };
    if (!/^https?:$/.test(location.protocol) || !files["micropython.wasm"] || !window.fetch) return asScript();
    return fetch(files["micropython.wasm"]).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      globalThis.courseMicroPythonWasm = bytes;
      globalThis.courseMicroPythonCompiled = WebAssembly.compile(bytes);
      globalThis.courseMicroPythonCompiled.catch(function () {});
    }).catch(asScript);
  }

  /* The runtime (tools/widgets/bundle.py; the build puts the URLs of its files in each
   * widget's config): the loader and the Python sources as classic scripts, so that they
   * load from file:// too, and the WebAssembly, all requested together. All are files of
   * the site, as its Content-Security-Policy requires. */
  function loadRuntime(files) {
    if (!runtimePromise) {
      runtimePromise = Promise.all([loadScripts([files["micropython.js"], files["course-widgets-py.js"]]), loadWasm(files)]);
    }
    return runtimePromise;
  }

  function engine(files) {
    if (enginePromise) return enginePromise;
    enginePromise = (async function () {
      performance.mark("course-widget-runtime-requested");
      await loadRuntime(files);
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

  function same(a, b) {
    if (a === b) return true;
    if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
    var keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(function (k) { return same(a[k], b[k]); });
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
    this.undoButton = root.querySelector(".widget-undo");
    this.presets = root.querySelector(".widget-presets");
    this.back = root.querySelector(".widget-back-bar");
    this.share = root.querySelector(".widget-share");
    this.api = null;
    this.undoValues = null;
    this.computeMs = [];
  }

  /* Whether the form still shows exactly what the build computed its result for: every
   * field as written in the page (a browser may restore the values of a reloaded page). */
  Widget.prototype.asBuilt = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll("input, select")).every(function (f) {
      if (f.type === "radio" || f.type === "checkbox") return f.checked === f.defaultChecked;
      if (f.tagName === "SELECT") {
        return Array.prototype.every.call(f.options, function (o) { return o.selected === o.defaultSelected; });
      }
      return f.value === f.defaultValue;
    });
  };

  Widget.prototype.start = function () {
    var self = this;
    var saved = store ? store.widgetForm(self.uid) : null;
    if (readLink(self.uid) === null && !saved && self.asBuilt()) {
      // The build-time result is the result for the inputs shown: show it now, and load
      // Python when the page is done or the reader reaches for the form.
      self.live();
      shown();
      self.say(self.texts.ready);
      self.listen();
      var soon = function () { self.loadEngine(); };
      var idle = function () {
        if (window.requestIdleCallback) window.requestIdleCallback(soon, { timeout: 1500 });
        else setTimeout(soon, 200);
      };
      if (document.readyState === "complete") idle();
      else window.addEventListener("load", idle, { once: true });
      ["focusin", "pointerdown", "keydown"].forEach(function (type) {
        self.root.addEventListener(type, soon, { once: true, passive: true });
      });
      return Promise.resolve();
    }
    // The inputs come from a link or an earlier visit: only Python can check them.
    self.root.dataset.state = "loading";
    self.say(self.texts.loading);
    return self.loadEngine().then(function () {
      if (!self.api) return;
      return self.askBeforeLink().then(function (load) {
        var notices = null;
        var before = null;
        if (load) {
          before = self.savedOwn() ? self.readSaved() : null;
          notices = self.applyLink(false);
        } else if (readLink(self.uid) !== null) {
          writeLink(self.uid, null);
        }
        if (notices === null) notices = self.restoreSaved().concat(load === false ? [self.texts.link_kept] : []);
        self.live();
        self.compute();
        shown();
        self.say(notices.length ? notices.join(" ") : self.texts.ready);
        if (before && !same(before, self.gather())) self.offerUndo(before, "undone_link");
        self.finishStart();
      });
    });
  };

  /* Whether to load the page's link: yes when there is one and nothing of the reader's own
   * would be replaced, or the reader says so; false when they keep their own; null when
   * the link names no other widget's data. */
  Widget.prototype.askBeforeLink = function () {
    var linked = readLink(this.uid);
    if (linked === null) return Promise.resolve(null);
    if (!this.savedOwn()) return Promise.resolve(true);
    var read = JSON.parse(this.api.link_json(this.kind, linked));
    var saved = this.readSaved();
    if (!read.form || !saved || same(read.form, saved)) return Promise.resolve(true);
    return this.confirm("link");
  };

  Widget.prototype.confirm = function (action) {
    if (!window.courseConfirm) return Promise.resolve(true);
    return window.courseConfirm({
      title: this.texts[action + "_title"],
      body: this.texts[action + "_body"],
      confirm: this.texts[action + "_confirm"],
    });
  };

  /* The reader's own inputs: kept in the store and typed (not only loaded) by them. */
  Widget.prototype.savedOwn = function () {
    return Boolean(store && store.widgetForm(this.uid) && store.widgetOwn(this.uid));
  };

  Widget.prototype.readSaved = function () {
    var saved = store ? store.widgetForm(this.uid) : null;
    if (!saved) return null;
    var read = JSON.parse(this.api.link_json(this.kind, JSON.stringify(saved)));
    return read.form || null;
  };

  Widget.prototype.finishStart = function () {
    // Opened from a case page or a shared link: bring the tool, and what was loaded, into
    // view (the link names the tool, not a place on the page).
    if (readLink(this.uid) !== null) this.root.scrollIntoView({ block: "start" });
    this.listen();
  };

  /* The form shown in place of its static copy. */
  Widget.prototype.live = function () {
    this.form.hidden = false;
    var toFile = this.form.querySelector(".widget-to-file");
    if (toFile) toFile.hidden = !window.CourseAccounts;
    this.presets.hidden = false;
    this.back.hidden = false;
    this.root.classList.add("widget-live");
    if (this.kind === "relationship-map") this.renumber();
    this.storageNote();
  };

  Widget.prototype.listen = function () {
    var self = this;
    self.form.addEventListener("input", function (event) {
      var rating = self.unknownTarget(event.target);
      self.touch(rating || event.target);
      self.changed();
    });
    self.form.addEventListener("change", function (event) { self.touch(event.target); });
    self.form.addEventListener("focusout", function (event) { self.left(event.target, event.relatedTarget); });
    // Where "返回修改输入" brings the reader back to.
    self.form.addEventListener("focusin", function (event) { if (event.target.name) self.lastField = event.target; });
    self.form.addEventListener("submit", function (event) { event.preventDefault(); });
    self.root.addEventListener("click", function (event) { self.clicked(event); });
  };

  /* A "don't know yet" box: its rating field is emptied and disabled while it is ticked
   * (the form then sends "unknown"); returns that field, or null for any other target. */
  Widget.prototype.unknownTarget = function (target) {
    if (!target || !target.dataset || !target.dataset.unknownFor) return null;
    var holder = target.closest(".widget-rating");
    var field = holder ? holder.querySelector("input[name='" + target.dataset.unknownFor + "']") : null;
    if (field) {
      field.disabled = target.checked;
      if (target.checked) field.value = "";
    }
    return field;
  };

  /* Python, once: then the widget is ready, and what waited for it is done. */
  Widget.prototype.loadEngine = function () {
    var self = this;
    if (self.engineLoad) return self.engineLoad;
    self.engineLoad = engine(self.config.runtime).then(function (api) {
      self.api = api;
      self.root.dataset.state = "ready";
      if (!window.courseWidgetReady) window.courseWidgetReady = performance.now();
      if (self.linkWaiting) {
        self.linkWaiting = false;
        self.linkChanged();
      } else if (self.stale) {
        self.compute();
        self.say(self.texts.ready);
      }
    }).catch(function (error) {
      self.root.dataset.state = "failed";
      self.say(self.texts.engine_failed);
      console.error(error);
    });
    return self.engineLoad;
  };

  /* Fill the form from the page's link, if it names this widget. Returns the notices to
   * show, or null when the link says nothing for this widget. A link that holds no usable
   * inputs leaves the form as it was. */
  Widget.prototype.applyLink = function (offerUndo) {
    var linked = readLink(this.uid);
    if (linked === null) return null;
    var before = this.gather();
    var read = JSON.parse(this.api.link_json(this.kind, linked));
    if (!read.form) return read.notices;
    this.fill(read.form);
    this.touchAll();
    this.save(false);
    var notices = read.notices.slice();
    var preset = this.presetTitle(linked);
    if (preset) notices.unshift(fill(this.texts.preset_loaded, { title: preset }));
    if (offerUndo && !same(before, this.gather())) this.offerUndo(before, "undone");
    return notices;
  };

  Widget.prototype.presetTitle = function (linked) {
    var prefix = "preset:";
    if (linked.indexOf(prefix) !== 0) return "";
    var name = linked.slice(prefix.length);
    var found = this.config.presets.filter(function (p) { return p.name === name; })[0];
    return found ? found.title : "";
  };

  /* The reader's own inputs from the last visit, checked exactly like a shared link. */
  Widget.prototype.restoreSaved = function () {
    var saved = store ? store.widgetForm(this.uid) : null;
    if (!saved) return [];
    var read = JSON.parse(this.api.link_json(this.kind, JSON.stringify(saved)));
    if (!read.form) return [];
    this.fill(read.form);
    this.touchFilled();
    return [this.texts.restored].concat(read.notices);
  };

  // A preset link clicked on the page itself (history.replaceState does not fire this).
  Widget.prototype.linkChanged = function () {
    if (readLink(this.uid) === null) return;
    if (!this.api) {
      // Read once Python is there: the link's inputs are checked by it.
      this.linkWaiting = true;
      this.say(this.texts.loading);
      this.loadEngine();
      return;
    }
    var self = this;
    var linked = readLink(this.uid);
    var go = function () {
      var notices = self.applyLink(true);
      self.compute();
      self.say(notices.length ? notices.join(" ") : self.texts.ready, true);
    };
    if (!this.savedOwn()) { go(); return; }
    var read = JSON.parse(this.api.link_json(this.kind, linked));
    if (!read.form || same(read.form, this.gather())) { go(); return; }
    this.confirm("link").then(function (yes) {
      if (yes) { go(); return; }
      writeLink(self.uid, JSON.stringify(self.gather()));
      self.say(self.texts.link_kept);
    });
  };

  /* The status line; `keepUndo` leaves an offered undo in place. */
  Widget.prototype.say = function (text, keepUndo) {
    this.status.textContent = text;
    if (!keepUndo) this.dropUndo();
  };

  /* `done` names the text said once the undo is done. */
  Widget.prototype.offerUndo = function (values, done) {
    this.undoValues = values;
    this.undoDone = done || "undone";
    this.undoButton.hidden = false;
  };

  Widget.prototype.dropUndo = function () {
    this.undoValues = null;
    if (this.undoButton) this.undoButton.hidden = true;
  };

  /* Said once, when this browser keeps nothing: the widget works, the inputs are not kept. */
  Widget.prototype.storageNote = function () {
    window.CourseDom.storageNote(this.root, this.status);
  };

  /* `own`: the inputs are the reader's (typed, or a loaded set they then changed), so a
   * link asks before replacing them; false for what a link or a preset put there. */
  Widget.prototype.save = function (own) {
    if (store) store.setWidgetForm(this.uid, this.gather(), own !== false);
  };

  Widget.prototype.changed = function () {
    var values = this.compute();
    this.dropUndo();
    writeLink(this.uid, JSON.stringify(values));
    this.save();
  };

  Widget.prototype.compute = function () {
    var values = this.gather();
    if (!this.api) {
      // Changed before Python is there: the inputs stay in the form, and are computed
      // as soon as it arrives; until then the result says it is not theirs yet.
      this.stale = true;
      this.result.setAttribute("aria-busy", "true");
      this.say(this.texts.recompute_waiting);
      this.loadEngine();
      return values;
    }
    var started = performance.now();
    this.stale = false;
    this.result.removeAttribute("aria-busy");
    var pending = JSON.stringify(this.untouched());
    var out = JSON.parse(this.api.run_json(this.kind, JSON.stringify(values), this.linksJson, this.uid, "zh", pending));
    this.result.innerHTML = out.html;
    this.markErrors(out.errors);
    var took = performance.now() - started;
    if (!window.courseWidgetFirstResult) {
      window.courseWidgetFirstResult = performance.now();
      performance.mark("course-widget-first-result");
    }
    this.computeMs.push(took);
    this.root.dataset.computeMs = took.toFixed(2);
    return values;
  };

  // ---------------------------------------------------------------- touched fields
  Widget.prototype.fields = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll("input[name], select[name]"));
  };

  Widget.prototype.touch = function (field) {
    if (field && field.name) {
      // A radio group is one answer: touching one touches all.
      var group = [field];
      if (field.type === "radio") group = this.form.querySelectorAll("input[name='" + field.name + "']");
      else if (field.type === "checkbox" && field.name === "roles") {
        group = field.closest(".widget-roles").querySelectorAll("input[name='roles']");
      }
      Array.prototype.forEach.call(group, function (f) { f.dataset.touched = "1"; });
    }
  };

  /* Leaving a field the reader has been in counts as touching it: an empty required field
   * is then reported. When the reader is on the way to a button, the button's action
   * recomputes; doing it now would move the button (a message appears above it) between
   * the press and the release, and the click would be lost. */
  Widget.prototype.left = function (field, next) {
    if (!field || !field.name || field.dataset.touched) return;
    this.touch(field);
    if (next && next.closest && next.closest("button")) return;
    this.compute();
  };

  Widget.prototype.touchAll = function () {
    this.fields().forEach(function (f) { f.dataset.touched = "1"; });
  };

  /* Restored inputs: what has a value counts as touched; a field left empty last time
   * stays quiet until the reader comes to it. */
  Widget.prototype.touchFilled = function () {
    var self = this;
    this.fields().forEach(function (f) {
      if (f.type === "radio" || f.type === "checkbox" ? f.checked : f.value !== "" || f.disabled) self.touch(f);
    });
  };

  Widget.prototype.untouchAll = function () {
    this.fields().forEach(function (f) { delete f.dataset.touched; });
  };

  /* The paths (as Python names them) of the fields not yet touched: their problems are
   * held back, and the result says how many inputs are still to be filled in. */
  Widget.prototype.untouched = function () {
    var paths = [];
    if (this.kind === "relationship-map") {
      this.contacts().forEach(function (fieldset, i) {
        fieldset.querySelectorAll("input[name], select[name]").forEach(function (f) {
          if (!f.dataset.touched) paths.push("contacts." + i + "." + f.name);
        });
      });
      return paths;
    }
    var sale = this.form.querySelector(".widget-sale-type input");
    if (sale && !sale.dataset.touched) paths.push("sale_type");
    this.form.querySelectorAll("[data-side] input[type=number]").forEach(function (f) {
      var side = f.closest("[data-side]").dataset.side;
      if (!f.dataset.touched && f.type !== "radio") paths.push(side + "." + f.name);
    });
    this.form.querySelectorAll("[data-alignment]").forEach(function (group) {
      var radio = group.querySelector("input");
      if (radio && !radio.dataset.touched) paths.push("alignment." + group.dataset.alignment);
    });
    [["holding", ".widget-holding"], ["risk_source", ".widget-risk-source"]].forEach(function (pair) {
      var radio = this.form.querySelector(pair[1] + " input");
      if (radio && !radio.dataset.touched) paths.push(pair[0]);
    }, this);
    this.form.querySelectorAll("[data-rival] input[name]").forEach(function (f) {
      if (!f.dataset.touched) paths.push("rivals." + f.closest("[data-rival]").dataset.rival + "." + f.name);
    });
    return paths;
  };

  // ---------------------------------------------------------------- form values
  Widget.prototype.contacts = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll(".widget-contacts > .widget-contact"));
  };

  /* A rating's value: "unknown" while its "don't know" box is ticked. */
  function ratingValue(field) {
    var box = field.closest(".widget-rating").querySelector("[data-unknown-for]");
    return box && box.checked ? "unknown" : field.value;
  }

  function setRating(field, value) {
    var box = field.closest(".widget-rating").querySelector("[data-unknown-for]");
    var unknown = value === "unknown";
    if (box) box.checked = unknown;
    field.disabled = unknown;
    field.value = unknown || value === undefined ? "" : value;
  }

  function contactValues(fieldset) {
    var row = { roles: [] };
    fieldset.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (field.name === "roles") { if (field.checked) row.roles.push(field.value); }
      else if (field.type === "checkbox") row[field.name] = field.checked ? field.value : "";
      else if (field.type === "number") row[field.name] = ratingValue(field);
      else row[field.name] = field.value;
    });
    return row;
  }

  function fillContact(fieldset, row) {
    var roles = Array.isArray(row.roles) ? row.roles : [];
    fieldset.querySelectorAll("input[name], select[name]").forEach(function (field) {
      var value = row[field.name];
      if (field.name === "roles") field.checked = roles.indexOf(field.value) >= 0;
      else if (field.type === "checkbox") field.checked = Boolean(value);
      else if (field.type === "number") setRating(field, value);
      else field.value = value === undefined ? "" : value;
    });
    // The optional details open when they hold something, so nothing filled is out of sight.
    var more = fieldset.querySelector(".widget-more");
    if (more) more.open = ["stance", "influence", "rival", "veto", "keep_formal"].some(function (k) { return row[k]; });
  }

  function checkedValue(form, selector) {
    var checked = form.querySelector(selector + " input:checked");
    return checked ? checked.value : "";
  }

  Widget.prototype.gather = function () {
    var form = this.form;
    if (this.kind === "relationship-map") {
      return { contacts: this.contacts().map(contactValues) };
    }
    var values = { sale_type: checkedValue(form, ".widget-sale-type") };
    form.querySelectorAll("fieldset[data-side]").forEach(function (fieldset) {
      var side = {};
      fieldset.querySelectorAll("input[type=number]").forEach(function (field) { side[field.name] = ratingValue(field); });
      values[fieldset.dataset.side] = side;
    });
    var alignment = {};
    form.querySelectorAll("[data-alignment]").forEach(function (group) {
      var picked = group.querySelector("input:checked");
      alignment[group.dataset.alignment] = picked ? picked.value : "";
    });
    values.alignment = alignment;
    values.holding = checkedValue(form, ".widget-holding");
    values.risk_source = checkedValue(form, ".widget-risk-source");
    values.rivals = [];
    form.querySelectorAll("[data-rival]").forEach(function (row) {
      var name = row.querySelector("[name='name']").value;
      var offer = row.querySelector("[name='offer']").value;
      if (name || offer) values.rivals.push({ name: name, offer: offer });
    });
    return values;
  };

  Widget.prototype.fill = function (values) {
    var form = this.form;
    if (this.kind === "relationship-map") {
      var rows = values.contacts && values.contacts.length ? values.contacts : this.config.blank.contacts;
      while (this.contacts().length > rows.length) this.contacts().pop().remove();
      while (this.contacts().length < rows.length) this.addContact(false);
      this.contacts().forEach(function (fieldset, i) { fillContact(fieldset, rows[i]); });
      this.renumber();
      return;
    }
    var pick = function (selector, value) {
      form.querySelectorAll(selector + " input").forEach(function (radio) { radio.checked = radio.value === value; });
    };
    pick(".widget-sale-type", values.sale_type);
    pick(".widget-holding", values.holding);
    pick(".widget-risk-source", values.risk_source);
    form.querySelectorAll("fieldset[data-side]").forEach(function (fieldset) {
      var side = values[fieldset.dataset.side] || {};
      fieldset.querySelectorAll("input[type=number]").forEach(function (field) { setRating(field, side[field.name]); });
    });
    var alignment = values.alignment || {};
    form.querySelectorAll("[data-alignment]").forEach(function (group) {
      group.querySelectorAll("input").forEach(function (radio) {
        radio.checked = radio.value === alignment[group.dataset.alignment];
      });
    });
    // As many rival rows as the values hold (at least the two the page was built with).
    var rivals = Array.isArray(values.rivals) ? values.rivals : [];
    var rowsNow = form.querySelectorAll("[data-rival]");
    for (var n = rowsNow.length; n < rivals.length; n++) {
      var copy = rowsNow[rowsNow.length - 1].cloneNode(true);
      copy.dataset.rival = String(n);
      copy.querySelector("span").textContent = this.texts.rival_name.replace("{n}", String(n + 1));
      rowsNow[0].parentNode.appendChild(copy);
    }
    form.querySelectorAll("[data-rival]").forEach(function (row, i) {
      var rival = rivals[i] || {};
      row.querySelector("[name='name']").value = rival.name || "";
      row.querySelector("[name='offer']").value = rival.offer || "";
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
    if (parts[0] === "holding") return this.form.querySelector(".widget-holding input");
    if (parts[0] === "risk_source") return this.form.querySelector(".widget-risk-source input");
    if (parts[0] === "rivals") {
      return parts.length === 3 ? this.form.querySelector("[data-rival='" + parts[1] + "'] [name='" + parts[2] + "']") : null;
    }
    if (parts[0] === "alignment" && parts.length === 2) {
      return this.form.querySelector("[data-alignment='" + parts[1] + "'] input");
    }
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
    var formList = form.querySelector(":scope > .widget-field-errors");
    errors.forEach(function (error, n) {
      var field = self.fieldFor(error.field);
      var holder = field ? field.closest(".widget-contact") : null;
      var list = (holder && holder.querySelector(".widget-field-errors")) || formList;
      if (!list) return;
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
    if (!button || !this.root.contains(button)) return;
    var self = this;
    if (button.classList.contains("widget-add")) {
      var added = this.addContact(true);
      if (added) {
        this.changed();
        added.querySelector("[name='name']").focus();
      }
    } else if (button.classList.contains("widget-remove")) {
      var fieldset = button.closest(".widget-contact");
      var next = fieldset.nextElementSibling || fieldset.previousElementSibling;
      var before = this.gather();
      var n = this.contacts().indexOf(fieldset) + 1;
      fieldset.remove();
      this.renumber();
      this.changed();
      this.say(fill(this.texts.removed, { what: fill(this.texts.removed_contact, { n: String(n) }) }));
      this.offerUndo(before, "undone_remove");
      (next ? next.querySelector("[name='name']") : this.form.querySelector(".widget-add")).focus();
    } else if (button.classList.contains("widget-reset")) {
      this.replaceAfterAsking(this.config["default"], "reset", function () {
        self.touchAll();
        writeLink(self.uid, null);
        if (store) store.setWidgetForm(self.uid, null);
      });
    } else if (button.classList.contains("widget-clear")) {
      this.replaceAfterAsking(this.config.blank, "clear", function () {
        self.untouchAll();
        writeLink(self.uid, null);
        self.save();
      });
    } else if (button.classList.contains("widget-to-file")) {
      this.saveToFile();
    } else if (button.classList.contains("widget-share-button")) {
      this.touchAll();
      this.changed();
      this.shareLink();
    } else if (button.classList.contains("widget-jump")) {
      // Asking for the result is the moment to hear about every field.
      this.touchAll();
      this.compute();
      this.result.scrollIntoView({ block: "start" });
      this.result.focus({ preventScroll: true });
    } else if (button.classList.contains("widget-back")) {
      var target = this.lastField && this.form.contains(this.lastField) ? this.lastField : this.fields()[0];
      if (target) {
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      }
    } else if (button.classList.contains("widget-preset-load")) {
      var name = this.presets.querySelector("select").value;
      if (!name) return;
      var value = "preset:" + name;
      // One way in for presets, whether chosen here or linked from a case page: the link.
      if (readLink(this.uid) === value) this.linkChanged();
      else location.hash = this.uid + "=" + encodeURIComponent(value).replace(/%3A/g, ":");
    } else if (button.classList.contains("widget-undo")) {
      if (this.undoValues) {
        this.fill(this.undoValues);
        this.touchAll();
        this.compute();
        writeLink(this.uid, JSON.stringify(this.undoValues));
        this.save(true);
        this.say(this.texts[this.undoDone] || this.texts.undone);
        this.form.querySelector("input, select").focus();
      }
    }
  };

  /* Replace the inputs with `values`, asking first when that would throw away what the
   * reader typed; `after` runs once they are in. */
  Widget.prototype.replaceAfterAsking = function (values, action, after) {
    var self = this;
    var before = this.gather();
    var apply = function () {
      self.fill(values);
      after();
      self.compute();
      self.share.hidden = true;
      self.say(self.texts[action + "_done"]);
      if (!same(before, self.gather())) self.offerUndo(before, "undone_link");
    };
    if (same(this.gather(), values)) { apply(); return; }
    var ask = window.courseConfirm
      ? window.courseConfirm({
          title: this.texts[action + "_title"],
          body: this.texts[action + "_body"],
          confirm: this.texts[action + "_confirm"],
        })
      : Promise.resolve(true);
    ask.then(function (yes) { if (yes) apply(); });
  };

  /* The inputs into the reader's current account (its map, or its current deal's analysis),
   * kept with its worksheets in the account file. */
  Widget.prototype.saveToFile = function () {
    var accounts = window.CourseAccounts;
    if (!accounts) return;
    var values = this.gather();
    if (this.kind === "relationship-map") {
      accounts.setMap(values);
      this.say(fill(this.texts.saved_to_file, { account: accounts.current().name }));
    } else {
      accounts.setDealForm(values);
      this.say(fill(this.texts.saved_deal, { account: accounts.current().name, deal: accounts.deal(false).deal.name }));
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

  /* The first moment a widget's result is on screen and current. */
  function shown() {
    if (window.courseWidgetShown) return;
    window.courseWidgetShown = performance.now();
    performance.mark("course-widget-shown");
  }

  // The engine, for the account file, which shows saved inputs' results without a form.
  window.CourseWidgetEngine = engine;
  if (!widgets.length) return;

  window.courseWidgets = widgets.map(function (root) {
    var widget = new Widget(root);
    widget.start();
    return widget;
  });
  window.addEventListener("hashchange", function () {
    window.courseWidgets.forEach(function (widget) { widget.linkChanged(); });
  });
})();

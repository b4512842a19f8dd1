/* The one store for everything the course keeps in the reader's browser.
 *
 * Self-check answers, the analysis tools' saved inputs and, later, the final test, spaced
 * review and conversations all read and write their state here, never localStorage
 * directly. So there is one place that
 *   - versions the data (one key, "course-store", holding {"v": 2, "areas": {...}});
 *   - validates it field by field on every read: anything that is not plain JSON of the
 *     expected shape is dropped (no "__proto__" or other odd keys, types checked, sizes
 *     bounded), and each area's own validator checks its entries;
 *   - keeps working when storage is missing or throws (private windows, blocked cookies,
 *     a full quota): the state then lives in memory for this page, and `persistent` says
 *     so, so every component can tell the reader once that nothing will be kept;
 *   - a learning-platform adapter (SCORM) can take over: `useBackend` swaps localStorage
 *     for anything with `load()` → text or null and `save(text)`; `snapshot`/`restore`
 *     give it, and undo, the whole state as one value.
 *
 * Stored values are data, never trusted: a self-check's status is recomputed from the
 * stored answer by the page that knows the item, and a tool's saved inputs go through the
 * same checks as a shared link.
 */
(function () {
  "use strict";

  var KEY = "course-store";
  // Areas that stay in this browser whatever the backend (a learner's own accounts and
  // worksheets): a learning platform gets the progress, never these, and its 4,096
  // characters are not spent on them.
  var LOCAL_KEY = "course-store-local";
  var VERSION = 2;
  var LEGACY_QUIZ_KEY = "course-quiz:v1"; // before the store: self-check answers only
  var MAX_CHARS = 1000000; // a larger value is not ours, or is broken: ignored
  var MAX_DEPTH = 12; // an account file nests a tool's inputs: store, area, account, map, contact, roles
  var MAX_ARRAY = 500;
  var MAX_STRING = 5000;
  var KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/; // no "__proto__", no ""
  var ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function dict() {
    return Object.create(null);
  }

  /* Plain JSON with bounded size and safe keys; everything else becomes undefined (dropped). */
  function plain(value, depth) {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") return isFinite(value) ? value : undefined;
    if (typeof value === "string") return value.length <= MAX_STRING ? value : undefined;
    if (depth >= MAX_DEPTH || typeof value !== "object") return undefined;
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY) return undefined;
      var list = [];
      for (var i = 0; i < value.length; i++) {
        var item = plain(value[i], depth + 1);
        list.push(item === undefined ? null : item);
      }
      return list;
    }
    var out = dict();
    Object.keys(value).forEach(function (key) {
      if (!KEY_PATTERN.test(key)) return;
      var clean = plain(value[key], depth + 1);
      if (clean !== undefined) out[key] = clean;
    });
    return out;
  }

  /* ---------------------------------------------------------------- areas
   * Each area validates its own data; a registered validator gets the area's plain data
   * and returns what it keeps. Areas this page does not register are kept as they are
   * (after the plain-data check), so a page never erases what another page saved. */
  var validators = dict();

  function isIndex(value, limit) {
    return typeof value === "number" && Math.floor(value) === value && value >= 0 && value < limit;
  }

  /* Self-checks: {items: {id: {answer, revealed, attempts, first, t}}}; `first` (optional):
   * whether the first check was right, kept apart from the answer now. The status is not stored: the
   * page recomputes it from the answer. An entry with an unusable answer is dropped; a bad
   * optional field falls back to its default. */
  function quizEntry(raw) {
    if (!isPlainObject(raw)) return null;
    var answer = raw.answer;
    if (!Array.isArray(answer) || answer.length > 16) return null;
    for (var i = 0; i < answer.length; i++) {
      if (answer[i] !== null && !isIndex(answer[i], 16)) return null;
    }
    var entry = dict();
    entry.answer = answer.slice();
    // Version 1 stored a status; only "revealed" carries information the answer does not.
    entry.revealed = raw.revealed === true || raw.status === "revealed";
    entry.attempts = isIndex(raw.attempts, 100000) ? raw.attempts : 0;
    if (typeof raw.first === "boolean") entry.first = raw.first;
    // When the entry was last written (ms): importing progress from another device keeps
    // the newer of two answers to the same item (course-transfer.js).
    if (isIndex(raw.t, 1e14)) entry.t = raw.t;
    return entry;
  }

  validators.quiz = function (data) {
    var items = dict();
    var given = isPlainObject(data) && isPlainObject(data.items) ? data.items : dict();
    Object.keys(given).forEach(function (id) {
      if (!ID_PATTERN.test(id)) return;
      var entry = quizEntry(given[id]);
      if (entry) items[id] = entry;
    });
    var out = dict();
    out.items = items;
    return out;
  };

  /* The tools: {uid: {form: <form values>, own: <typed by the reader>}}. The values are
   * checked again by the tool's own Python when they are restored, exactly as a shared link
   * is. `own` tells a link or a preset to ask before replacing them; an entry saved before
   * it existed counts as the reader's own (the safe side). */
  validators.widgets = function (data) {
    var out = dict();
    if (!isPlainObject(data)) return out;
    Object.keys(data).forEach(function (uid) {
      if (!ID_PATTERN.test(uid) || !isPlainObject(data[uid]) || !isPlainObject(data[uid].form)) return;
      var entry = dict();
      entry.form = data[uid].form;
      entry.own = data[uid].own !== false;
      out[uid] = entry;
    });
    return out;
  };

  /* ---------------------------------------------------------------- the backend */
  function localBackend() {
    return {
      name: "localStorage",
      load: function () { return window.localStorage.getItem(KEY); },
      save: function (text) { window.localStorage.setItem(KEY, text); },
      legacy: function () {
        var text = window.localStorage.getItem(LEGACY_QUIZ_KEY);
        if (text !== null) window.localStorage.removeItem(LEGACY_QUIZ_KEY);
        return text;
      },
    };
  }

  /* Can this backend keep anything? Probed with a write, since some browsers expose a
   * localStorage that throws on every write. */
  function probe() {
    try {
      var storage = window.localStorage;
      var name = KEY + ":probe";
      storage.setItem(name, "1");
      storage.removeItem(name);
      return true;
    } catch (err) {
      return false;
    }
  }

  var backend = localBackend();
  var persistent = probe();
  var areas = dict();
  var localAreas = dict(); // name -> true
  var localPersistent = persistent;
  var listeners = [];

  function parse(text) {
    if (typeof text !== "string" || text.length > MAX_CHARS) return null;
    try {
      return plain(JSON.parse(text), 0);
    } catch (err) {
      return null;
    }
  }

  function validate(rawAreas) {
    var out = dict();
    Object.keys(rawAreas).forEach(function (name) {
      var data = rawAreas[name];
      if (data === undefined) return;
      out[name] = validators[name] ? validators[name](data) : data;
    });
    return out;
  }

  function load() {
    var stored = null;
    var legacy = null;
    if (persistent) {
      try {
        stored = parse(backend.load());
        legacy = backend.legacy ? parse(backend.legacy()) : null;
      } catch (err) {
        persistent = false;
      }
    }
    var raw = stored && stored.v === VERSION && isPlainObject(stored.areas) ? stored.areas : dict();
    areas = keepLocal(validate(raw));
    if (legacy && isPlainObject(legacy.items)) {
      var quiz = validators.quiz({ items: legacy.items });
      var current = areas.quiz || validators.quiz(null);
      Object.keys(quiz.items).forEach(function (id) {
        if (!current.items[id]) current.items[id] = quiz.items[id];
      });
      areas.quiz = current;
      save();
    }
  }

  /* The areas kept by the backend: all but the local ones. */
  /* `next` areas with the local ones as they are now (a backend never holds them). */
  function keepLocal(next) {
    Object.keys(localAreas).forEach(function (name) {
      if (areas[name] !== undefined) next[name] = areas[name];
      else delete next[name];
    });
    return next;
  }

  function serialise() {
    var kept = dict();
    Object.keys(areas).forEach(function (name) { if (!localAreas[name]) kept[name] = areas[name]; });
    return JSON.stringify({ v: VERSION, areas: kept });
  }

  function localText() {
    var kept = dict();
    Object.keys(localAreas).forEach(function (name) { if (areas[name] !== undefined) kept[name] = areas[name]; });
    return JSON.stringify({ v: VERSION, areas: kept });
  }

  function loadLocal(name) {
    if (!localPersistent) return;
    try {
      var stored = parse(window.localStorage.getItem(LOCAL_KEY));
      var data = stored && stored.v === VERSION && isPlainObject(stored.areas) ? stored.areas[name] : undefined;
      if (data !== undefined) areas[name] = validators[name](data);
    } catch (err) {
      localPersistent = false;
    }
  }

  function saveLocal() {
    if (!localPersistent) return false;
    try {
      window.localStorage.setItem(LOCAL_KEY, localText());
      return true;
    } catch (err) {
      localPersistent = false;
      notify("unavailable");
      return false;
    }
  }

  function save() {
    if (!persistent) return false;
    try {
      backend.save(serialise());
      return true;
    } catch (err) {
      persistent = false; // quota full, or storage withdrawn while the page was open
      notify("unavailable");
      return false;
    }
  }

  function notify(reason) {
    listeners.slice().forEach(function (fn) {
      try { fn(reason); } catch (err) { console.error(err); }
    });
  }

  function copy(value) {
    return value === undefined ? undefined : plain(JSON.parse(JSON.stringify(value)), 0);
  }

  load();

  // Another tab changed the store: read it again and let the components refresh.
  window.addEventListener("storage", function (event) {
    if (event.key === LOCAL_KEY) {
      Object.keys(localAreas).forEach(loadLocal);
      notify("external");
      return;
    }
    if (event.key !== KEY || backend.name !== "localStorage") return;
    load();
    notify("external");
  });

  /* ---------------------------------------------------------------- the interface */
  var store = {
    version: VERSION,

    /* false when nothing this page does will be kept after it is closed */
    get persistent() { return persistent; },

    /* An area's data (a copy; change it through `update`). */
    read: function (area) {
      if (areas[area] === undefined) return validators[area] ? validators[area](null) : dict();
      return copy(areas[area]);
    },

    /* Change an area: `change` gets a copy and returns the new data, which is validated
     * before it is kept. Returns whether it was saved beyond this page. */
    update: function (area, change) {
      var next = plain(change(store.read(area)), 0);
      areas[area] = validators[area] ? validators[area](next) : next;
      var saved = localAreas[area] ? saveLocal() : save();
      notify("update");
      return saved;
    },

    /* A new area (final test, review, conversations): its validator runs on what is
     * already stored, and on every update. */
    defineArea: function (name, validator, options) {
      if (!ID_PATTERN.test(name) || validators[name]) throw new Error("course-store: bad or duplicate area " + name);
      validators[name] = validator;
      if (options && options.local) {
        // Kept in this browser only: read from (and written to) its own key.
        localAreas[name] = true;
        delete areas[name];
        loadLocal(name);
        return;
      }
      if (areas[name] !== undefined) areas[name] = validator(areas[name]);
    },

    /* Whether a local area is kept after the page closes. */
    localPersistent: function () { return localPersistent; },

    /* The whole state as one value, and back (undo; a learning-platform adapter). */
    snapshot: function () {
      return JSON.parse(serialise());
    },
    restore: function (snapshot) {
      var given = plain(snapshot, 0);
      areas = keepLocal(validate(given && given.v === VERSION && isPlainObject(given.areas) ? given.areas : dict()));
      var saved = save();
      notify("restore");
      return saved;
    },

    /* Replace localStorage with another backend ({name, load() -> text|null, save(text)}),
     * e.g. a SCORM adapter keeping the state in cmi.suspend_data. The state is read from
     * it at once. */
    useBackend: function (next) {
      backend = next;
      persistent = true;
      load();
      notify("backend");
    },

    /* fn(reason): "update", "restore", "external", "backend" or "unavailable". */
    subscribe: function (fn) {
      listeners.push(fn);
    },

    /* Self-checks. */
    quizItems: function () {
      return store.read("quiz").items;
    },
    setQuizItem: function (id, entry) {
      return store.update("quiz", function (data) {
        if (entry) {
          entry = copy(entry);
          entry.t = Date.now();
          data.items[id] = entry;
        }
        else delete data.items[id];
        return data;
      });
    },
    clearQuizItems: function (ids) {
      return store.update("quiz", function (data) {
        (ids || Object.keys(data.items)).forEach(function (id) { delete data.items[id]; });
        return data;
      });
    },

    /* The tools' inputs, by widget ID. */
    widgetForm: function (uid) {
      var entry = store.read("widgets")[uid];
      return entry ? entry.form : null;
    },
    widgetOwn: function (uid) {
      var entry = store.read("widgets")[uid];
      return Boolean(entry && entry.own);
    },
    setWidgetForm: function (uid, form, own) {
      return store.update("widgets", function (data) {
        if (form) data[uid] = { form: form, own: own !== false };
        else delete data[uid];
        return data;
      });
    },
  };

  window.CourseStore = store;
})();

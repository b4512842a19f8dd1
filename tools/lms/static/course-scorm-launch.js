/* The SCORM package's launch page (launch.html): the one SCO that is the whole course.
 *
 * The platform launches this page; it holds the session for as long as the learner is in
 * the course, and shows the course's own pages in a frame, so the site's navigation,
 * search and links work exactly as on the web. A page in the frame finds this session
 * (course-scorm.js) and hands it the course store; a page on its own never does.
 *
 *   1. Find the platform's SCORM 1.2 API the standard way: this window and its parents up
 *      to the top, then the window that opened this one and its parents. No API, or
 *      LMSInitialize refused: open the course's first page in place of this one, and the
 *      course is the plain site (progress in the browser, nothing reported).
 *   2. LMSInitialize once. Status "not attempted" becomes "incomplete". The store's state
 *      is read back from cmi.suspend_data (course-scorm-codec.js); the frame opens at
 *      cmi.core.lesson_location if it names a page of the package, else at the start.
 *   3. Every change of the store: the whole state into cmi.suspend_data (at most 4,096
 *      characters), then the score and status (below). Every page shown: its path into
 *      cmi.core.lesson_location. Both commit 2 seconds after the last change, at once
 *      when a page is left or the window is hidden.
 *   4. This page hidden for good (pagehide): cmi.core.exit "suspend" (the learner may come
 *      back and carry on), cmi.core.session_time, LMSCommit, LMSFinish.
 *
 * Score: the share of the course's self-check items answered correctly (a revealed answer
 * does not count), 0-100, min 0, max 100; reported once something has been answered.
 * Status: "completed" when every self-check item of every chapter is answered or revealed
 * (the progress page's 已作答 column full), else "incomplete". Neither goes down: clearing
 * answers to practise again takes away no grade. In review or browse mode only the place
 * and the state are kept. The final test will decide passed/failed: see `verdict`.
 */
(function () {
  "use strict";

  var COMMIT_DELAY = 2000; // ms after the last change
  var MAX_LEVELS = 500; // how far up a chain of frames the API is looked for
  // cmi.core.lesson_status values in the order a learner moves through them.
  var RANK = { "": 0, "not attempted": 0, browsed: 1, incomplete: 1, completed: 2, failed: 2, passed: 2 };
  var codec = window.CourseScormCodec;
  var rules = window.CourseQuizRules;
  var data = JSON.parse(document.getElementById("course-scorm-data").textContent);
  var frame = document.getElementById("course-scorm-frame");

  /* ---------------------------------------------------------------- the platform */
  function findAPI(win) {
    for (var level = 0; win && level < MAX_LEVELS; level++) {
      try {
        if (win.API) return win.API;
      } catch (err) {
        // A window of another origin: it cannot be the API's, look further up.
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function platformAPI() {
    var api = findAPI(window);
    if (!api) {
      try {
        if (window.opener) api = findAPI(window.opener);
      } catch (err) {
        api = null;
      }
    }
    return api;
  }

  var api = platformAPI();

  function call(name, a, b) {
    try {
      return String(arguments.length > 2 ? api[name](a, b) : api[name](a));
    } catch (err) {
      console.warn("course-scorm: " + name + " failed", err);
      return "false";
    }
  }

  function get(key) {
    var value = call("LMSGetValue", key);
    return value === "undefined" || value === "null" ? "" : value;
  }

  function set(key, value) {
    var ok = call("LMSSetValue", key, String(value)) === "true";
    if (!ok) console.warn("course-scorm: the platform refused " + key + " = " + value + " (" + call("LMSGetLastError", "") + ")");
    return ok;
  }

  if (!api || call("LMSInitialize", "") !== "true") {
    window.location.replace(data.start); // no platform: the course as a plain site
    return;
  }

  /* ---------------------------------------------------------------- the session */
  var started = Date.now();
  var mode = get("cmi.core.lesson_mode");
  var tracking = mode !== "review" && mode !== "browse";
  var status = get("cmi.core.lesson_status");
  var best = parseFloat(get("cmi.core.score.raw"));
  var place = get("cmi.core.lesson_location");
  var timer = null;
  var finished = false;
  var stateText = null; // the store's state as its own JSON text

  var stored = get("cmi.suspend_data");
  var snapshot = codec.decode(stored);
  if (snapshot) stateText = JSON.stringify(snapshot);
  else if (stored) console.warn("course-scorm: cmi.suspend_data is not the course's; starting afresh");

  if (tracking && (status === "" || status === "not attempted")) {
    set("cmi.core.lesson_status", "incomplete");
    status = "incomplete";
    schedule();
  }

  /* The final test's verdict: "passed" or "failed" from its latest finished attempt (the
   * store's area "final", course-final.js), scored here from the answers against the cut
   * score (data.final.cut, tools/exercises/blueprint.py), never from a stored score; null
   * while no attempt is finished. It replaces completed/incomplete. */
  function verdict(state) {
    var final = state && state.areas && state.areas.final;
    var cur = final && final.cur;
    if (!rules || !data.final || !cur || !cur.d || typeof cur.i !== "string" || !Array.isArray(cur.a)) return null;
    var specs = {};
    data.items.forEach(function (spec) { specs[spec.id] = spec; });
    var ids = cur.i.split(" ");
    var right = 0;
    for (var n = 0; n < ids.length; n++) {
      if (!specs[ids[n]]) return null; // an item this package does not have: no verdict
      if (Array.isArray(cur.a[n]) && rules.statusFor(specs[ids[n]], { answer: cur.a[n], revealed: false }) === "correct") right++;
    }
    return right >= data.final.cut ? "passed" : "failed";
  }

  function summary(state) {
    var items = state && state.areas && state.areas.quiz && state.areas.quiz.items ? state.areas.quiz.items : {};
    var done = 0;
    var right = 0;
    if (!rules) return { total: data.items.length, done: 0, right: 0 }; // course-quiz.js missing
    data.items.forEach(function (spec) {
      var result = rules.statusFor(spec, items[spec.id]);
      if (result) done++;
      if (result === "correct") right++;
    });
    return { total: data.items.length, done: done, right: right };
  }

  /* The store's new state: into cmi.suspend_data, then score and status. */
  function report(text) {
    var state;
    try {
      state = JSON.parse(text);
    } catch (err) {
      return;
    }
    var encoded = codec.encode(state, codec.LIMIT);
    if (encoded.dropped.length) {
      console.warn("course-scorm: left out of cmi.suspend_data (too long): " + encoded.dropped.join(", "));
    }
    set("cmi.suspend_data", encoded.text);
    if (!tracking) return;
    var counts = summary(state);
    if (counts.done > 0) {
      var score = Math.round((100 * counts.right) / counts.total);
      if (isNaN(best) || score > best) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", String(score));
        best = score;
      }
    }
    var judged = verdict(state);
    var next = judged || (counts.done === counts.total ? "completed" : "incomplete");
    // A verdict is reported as it is; otherwise the status only moves forward.
    if (judged ? next !== status : (RANK[next] || 0) > (RANK[status] || 0)) {
      if (set("cmi.core.lesson_status", next)) status = next;
    }
  }

  function schedule() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(commit, COMMIT_DELAY);
  }

  /* Commit what is waiting, now. */
  function commit() {
    if (!timer || finished) return;
    window.clearTimeout(timer);
    timer = null;
    call("LMSCommit", "");
  }

  /* A page's path inside the package, or null for anything else (another site, a file
   * that is not a page). */
  var base = window.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  function pagePath(href) {
    var clean = String(href).replace(/[?#].*$/, "");
    if (clean.indexOf(base) !== 0) return null;
    var path = clean.slice(base.length);
    try {
      path = decodeURIComponent(path);
    } catch (err) {
      return null;
    }
    return data.pages.indexOf(path) >= 0 ? path : null;
  }

  /* SCORM 1.2 time span: HHHH:MM:SS.SS */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(9999, Math.floor(cs / 360000));
    var minutes = Math.floor((cs % 360000) / 6000);
    var seconds = (cs % 6000) / 100;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return two(hours) + ":" + two(minutes) + ":" + (seconds < 10 ? "0" : "") + seconds.toFixed(2);
  }

  function finish() {
    if (finished) return;
    if (timer) window.clearTimeout(timer);
    timer = null;
    set("cmi.core.exit", "suspend");
    set("cmi.core.session_time", timespan(Date.now() - started));
    call("LMSCommit", "");
    call("LMSFinish", "");
    finished = true;
  }

  window.CourseScormSession = {
    connected: true,
    /* The store's backend (course-store.js useBackend): its state lives here, for every
     * page of the session, and in the platform. */
    backend: function () {
      return {
        name: "scorm",
        load: function () { return stateText; },
        save: function (text) {
          if (finished) throw new Error("the SCORM session has ended");
          stateText = String(text);
          report(stateText);
          schedule();
        },
      };
    },
    /* A page of the course is shown in the frame. */
    visit: function (href, title) {
      if (title) document.title = title;
      var path = pagePath(href);
      if (!path || path === place || finished) return;
      place = path;
      set("cmi.core.lesson_location", path);
      schedule();
    },
    /* Commit now (a page is being left). */
    flush: commit,
  };

  window.addEventListener("pagehide", finish);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") commit();
  });

  frame.src = data.pages.indexOf(place) >= 0 ? place : data.start;
})();

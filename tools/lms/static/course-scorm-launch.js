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
 * What the platform is told (decided in cases/notes/trainer-guide/platform.md, which gives
 * the Moodle settings that go with it):
 *
 *   score.raw   the best practice-test (模拟测验) attempt, in percent; before any attempt the
 *               share of the course's self-check items answered correctly (a revealed answer
 *               does not count). min 0, max 100. Reported once something has been answered.
 *   status      "passfail" (the default): "passed" once an attempt reaches the mastery score
 *               (data.final.mastery, also adlcp:masteryscore in the manifest); else
 *               "completed" once every self-check item is answered (not revealed) and the
 *               test attempted; else "failed" once an attempt is finished; else "incomplete".
 *               "completion" (`python -m tools scorm --report completion`): "completed" on the
 *               same condition, else "incomplete"; no passed/failed.
 *               The status never goes down (incomplete < failed < completed < passed): a
 *               later, weaker attempt or cleared answers take nothing away.
 *   objectives  one per chapter (id = the chapter's file name: score = its share right,
 *               status completed / incomplete / not attempted) and "practice-test" (score =
 *               the best attempt, status passed / failed). The practice test's objective is
 *               also where the best attempt is remembered between sessions: the store keeps
 *               only the last ten attempts.
 *   interactions one per self-check answer checked (a new check of an item, not a revealed
 *               answer): id = the item's ID, type (choice, true-false, sequencing,
 *               matching), the learner's response and the right one in SCORM 1.2's
 *               formats (letters a-h; "t"/"f"; "1.a,2.c" for matching), result correct or
 *               wrong, the time of day, weighting 1, and the chapter as its objective. And
 *               one per item of each finished practice-test attempt, id "test-<n>-<item>".
 *               SCORM 1.2 keeps interactions as a journal the SCO cannot read back, so what
 *               the restored state held at launch is not sent again. No latency: the store
 *               does not time answers.
 *
 * In review or browse mode only the place and the state are kept. A commit the platform
 * refuses is tried again, three times, a second apart.
 */
(function () {
  "use strict";

  var COMMIT_DELAY = 2000; // ms after the last change
  var COMMIT_RETRIES = 3; // a refused commit is tried again this often, RETRY_DELAY apart
  var RETRY_DELAY = 1000;
  var MAX_LEVELS = 500; // how far up a chain of frames the API is looked for
  var TEST_OBJECTIVE = "practice-test";
  // cmi.core.lesson_status values in the order a learner moves through them: never back.
  var RANK = { "": 0, "not attempted": 0, browsed: 1, incomplete: 1, failed: 2, completed: 3, passed: 4 };
  var codec = window.CourseScormCodec;
  var rules = window.CourseQuizRules;
  var data = JSON.parse(document.getElementById("course-scorm-data").textContent);
  var completionOnly = data.report === "completion";
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
  var reported = parseFloat(get("cmi.core.score.raw")); // the score the platform holds
  var objectives = readObjectives(); // id -> {index, raw, status}, as the platform holds them
  var journal = parseInt(get("cmi.interactions._count"), 10) || 0; // the next interaction's index
  var place = get("cmi.core.lesson_location");
  var timer = null;
  var finished = false;
  var stateText = null; // the store's state as its own JSON text

  var stored = get("cmi.suspend_data");
  var snapshot = codec.decode(stored);
  if (snapshot) stateText = JSON.stringify(snapshot);
  else if (stored) console.warn("course-scorm: cmi.suspend_data is not the course's; starting afresh");
  var sent = sentBefore(snapshot); // what earlier sessions have journaled already

  if (tracking && (status === "" || status === "not attempted")) {
    set("cmi.core.lesson_status", "incomplete");
    status = "incomplete";
    schedule();
  }

  /* The objectives the platform holds from earlier sessions (SCORM 1.2 lets a SCO read
   * their ids, scores and statuses back). */
  function readObjectives() {
    var found = {};
    var count = parseInt(get("cmi.objectives._count"), 10) || 0;
    for (var n = 0; n < count && n < 100; n++) {
      var id = get("cmi.objectives." + n + ".id");
      if (id) found[id] = { index: n, raw: get("cmi.objectives." + n + ".score.raw"), status: get("cmi.objectives." + n + ".status") };
    }
    return found;
  }

  /* The percentages of the practice test's finished attempts: the latest scored here from
   * its answers (never from a stored score), earlier ones from the store's short history. */
  function attempts(state) {
    var final = state && state.areas && state.areas.final;
    if (!rules || !data.final || !final) return [];
    var found = [];
    var cur = final.cur;
    var specs = {};
    data.items.forEach(function (spec) { specs[spec.id] = spec; });
    if (cur && cur.d && typeof cur.i === "string" && Array.isArray(cur.a)) {
      var ids = cur.i.split(" ");
      var right = 0;
      var known = ids.every(function (id) { return specs[id]; }) && new Set(ids).size === ids.length;
      if (known) {
        ids.forEach(function (id, n) {
          if (Array.isArray(cur.a[n]) && rules.statusFor(specs[id], { answer: cur.a[n], revealed: false }) === "correct") right++;
        });
        found.push(Math.round((100 * right) / ids.length));
      }
    }
    (Array.isArray(final.past) ? final.past : []).forEach(function (p) {
      if (!Array.isArray(p) || (cur && p[0] === cur.d)) return; // the latest is scored above
      if (Number.isInteger(p[1]) && Number.isInteger(p[2]) && p[2] > 0 && p[1] >= 0 && p[1] <= p[2]) {
        found.push(Math.round((100 * p[1]) / p[2]));
      }
    });
    return found;
  }

  /* Self-check counts, for the course and for each chapter: answered (a revealed answer is
   * not an answer) and right. */
  function counts(state) {
    var items = state && state.areas && state.areas.quiz && state.areas.quiz.items ? state.areas.quiz.items : {};
    var all = { total: data.items.length, answered: 0, right: 0 };
    var chapters = {};
    data.items.forEach(function (spec) {
      var chapter = chapters[spec.chapter] = chapters[spec.chapter] || { total: 0, answered: 0, right: 0 };
      chapter.total++;
      var result = rules ? rules.statusFor(spec, items[spec.id]) : null;
      if (result === "correct" || result === "wrong") { all.answered++; chapter.answered++; }
      if (result === "correct") { all.right++; chapter.right++; }
    });
    return { all: all, chapters: chapters };
  }

  function percent(part, whole) {
    return whole ? Math.round((100 * part) / whole) : 0;
  }

  /* The status the state earns now (the platform keeps the higher of this and what it has). */
  function earned(all, best) {
    var attempted = best !== null;
    var done = all.total > 0 && all.answered === all.total && attempted;
    if (completionOnly) return done ? "completed" : "incomplete";
    if (attempted && best >= data.final.mastery) return "passed";
    if (done) return "completed";
    return attempted ? "failed" : "incomplete";
  }

  /* One objective: its id the first time, then score and status where they changed. */
  function setObjective(id, raw, objectiveStatus) {
    var known = objectives[id];
    if (!known) {
      var index = Object.keys(objectives).length;
      if (!set("cmi.objectives." + index + ".id", id)) return;
      known = objectives[id] = { index: index, raw: "", status: "" };
    }
    var key = "cmi.objectives." + known.index;
    if (String(raw) !== known.raw) {
      set(key + ".score.min", "0");
      set(key + ".score.max", "100");
      if (set(key + ".score.raw", String(raw))) known.raw = String(raw);
    }
    if (objectiveStatus !== known.status && set(key + ".status", objectiveStatus)) known.status = objectiveStatus;
  }

  /* ---------------------------------------------------------------- interactions */
  var INTERACTION_TYPES = { single: "choice", multiple: "choice", scenario: "choice", truefalse: "true-false", ordering: "sequencing", matching: "matching" };
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var specsById = {};
  data.items.forEach(function (spec) { specsById[spec.id] = spec; });

  /* An answer in SCORM 1.2's response format for its interaction type. */
  function response(spec, answer) {
    if (!Array.isArray(answer)) return "";
    if (spec.type === "truefalse") return answer[0] === 0 ? "t" : answer[0] === 1 ? "f" : "";
    if (spec.kind === "match") {
      return answer.map(function (v, i) { return (i + 1) + "." + (v === null || v === undefined ? "" : LETTERS.charAt(v)); }).join(",");
    }
    return answer.filter(function (v) { return v !== null && v !== undefined; }).map(function (v) { return LETTERS.charAt(v); }).join(",");
  }

  function clock() {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return two(now.getHours()) + ":" + two(now.getMinutes()) + ":" + two(now.getSeconds());
  }

  function journalOne(id, spec, answer, result) {
    var key = "cmi.interactions." + journal;
    if (!set(key + ".id", id.slice(0, 255))) return;
    journal++;
    set(key + ".objectives.0.id", spec.chapter);
    set(key + ".time", clock());
    set(key + ".type", INTERACTION_TYPES[spec.type] || "choice");
    set(key + ".correct_responses.0.pattern", response(spec, spec.key).slice(0, 255));
    set(key + ".weighting", "1");
    set(key + ".student_response", response(spec, answer).slice(0, 255));
    set(key + ".result", result === "correct" ? "correct" : "wrong");
  }

  /* What a state has journaled: each item's number of checks, and the finished test. */
  function sentBefore(state) {
    var items = state && state.areas && state.areas.quiz && state.areas.quiz.items ? state.areas.quiz.items : {};
    var checks = {};
    Object.keys(items).forEach(function (id) { checks[id] = items[id] && items[id].attempts ? items[id].attempts : 0; });
    var final = state && state.areas && state.areas.final;
    return { checks: checks, test: final && final.cur && final.cur.d ? final.cur.d : null, tests: 0 };
  }

  function journalNew(state) {
    if (!rules) return;
    var items = state && state.areas && state.areas.quiz && state.areas.quiz.items ? state.areas.quiz.items : {};
    Object.keys(items).forEach(function (id) {
      var spec = specsById[id];
      var entry = items[id];
      var checks = entry && entry.attempts ? entry.attempts : 0;
      if (!spec || checks <= (sent.checks[id] || 0)) return;
      sent.checks[id] = checks;
      if (entry.revealed) return;
      var result = rules.statusFor(spec, entry);
      if (result === "correct" || result === "wrong") journalOne(id, spec, entry.answer, result);
    });
    var cur = state && state.areas && state.areas.final && state.areas.final.cur;
    if (cur && cur.d && cur.d !== sent.test && typeof cur.i === "string" && Array.isArray(cur.a)) {
      sent.test = cur.d;
      sent.tests++;
      cur.i.split(" ").forEach(function (id, n) {
        var spec = specsById[id];
        if (!spec || !Array.isArray(cur.a[n])) return;
        var result = rules.statusFor(spec, { answer: cur.a[n], revealed: false });
        journalOne("test-" + cur.d.toString(36) + "-" + id, spec, cur.a[n], result === "correct" ? "correct" : "wrong");
      });
    }
  }

  /* The store's new state: into cmi.suspend_data, then score, status and objectives. */
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
    var seen = counts(state);
    var tries = attempts(state);
    var remembered = objectives[TEST_OBJECTIVE] ? parseFloat(objectives[TEST_OBJECTIVE].raw) : NaN;
    if (!isNaN(remembered)) tries.push(remembered);
    var best = tries.length ? Math.max.apply(null, tries) : null;
    var anything = seen.all.answered > 0 || best !== null;
    if (anything) {
      // The best test attempt once there is one; before, the self-check share, never lower
      // than what the platform holds from earlier sessions.
      var score = best !== null ? best : percent(seen.all.right, seen.all.total);
      if (best === null && !isNaN(reported)) score = Math.max(score, reported);
      if (score !== reported) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        if (set("cmi.core.score.raw", String(score))) reported = score;
      }
    }
    var next = earned(seen.all, best);
    if ((RANK[next] || 0) > (RANK[status] || 0)) {
      if (set("cmi.core.lesson_status", next)) status = next;
    }
    Object.keys(seen.chapters).forEach(function (chapter) {
      var c = seen.chapters[chapter];
      if (!c.answered && !objectives[chapter]) return; // nothing to say yet
      var chapterStatus = c.answered === c.total ? "completed" : c.answered ? "incomplete" : "not attempted";
      setObjective(chapter, percent(c.right, c.total), chapterStatus);
    });
    if (best !== null) setObjective(TEST_OBJECTIVE, best, best >= data.final.mastery ? "passed" : "failed");
    journalNew(state);
  }

  function schedule() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(commit, COMMIT_DELAY);
  }

  /* Commit what is waiting, now; a refused commit is tried again a few times. */
  function commit() {
    if (!timer || finished) return;
    window.clearTimeout(timer);
    timer = null;
    tryCommit(COMMIT_RETRIES);
  }

  function tryCommit(left) {
    if (finished || call("LMSCommit", "") === "true" || left <= 0) return;
    console.warn("course-scorm: the platform refused LMSCommit (" + call("LMSGetLastError", "") + "); trying again");
    timer = window.setTimeout(function () {
      timer = null;
      tryCommit(left - 1);
    }, RETRY_DELAY);
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

  // What the restored state earns is reported at once (a package built with other rules,
  // or an attempt finished just before the last session ended, is brought up to date).
  if (tracking && stateText) {
    report(stateText);
    schedule();
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

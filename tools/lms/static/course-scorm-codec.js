/* The SCORM package's compact form of the course store's state (course-store.js), for
 * cmi.suspend_data.
 *
 * SCORM 1.2 gives a SCO one cmi.suspend_data of at most 4,096 characters, defined as ASCII.
 * The store's own JSON spends about 55 characters on one answered self-check, so the 72
 * items alone would not fit. This form is ASCII only and spends about 8:
 *
 *   c1v<store version>|<self-checks>|<other areas>
 *
 * Self-checks: groups joined by ";", one per ID prefix (the ID up to and including its
 *   last "-"): "<prefix>:<entry>,<entry>…". An entry is the rest of the ID, ".", the answer
 *   (one character per element: 0-9 and a-f for 0 to 15, "_" for an empty place), then "!"
 *   if the answer was revealed, "+" or "=" if the first check was right or not (nothing when
 *   unknown), then "*" and the number of checks in base 36 unless it is 1.
 *   pf-01 answered [2] once and pf-02 revealed without a check: "pf-:01.2,02.012!*0".
 * Other areas (the tools' saved inputs; later the final test, review, conversations): JSON,
 *   in which an array of two or more objects with the same keys is written as a table
 *   {"$": [keys], "r": [[values], …]} (a stored key never is "$"), and every character
 *   outside printable ASCII, and "~" itself, is written as "~", three base-64 digits per
 *   UTF-16 unit, "~" (a two-character name costs 8 characters, not the 12 of \u escapes).
 *
 * The stored text is this form compressed with lz-string ("c2" + base 64; see COMPRESSED).
 *
 * encode(snapshot, limit) returns {text, dropped}. When the whole state does not fit, entries
 * of the other areas (one tool's inputs each) are left out, largest first, until it does:
 * the self-checks, which the platform's score and status come from, are kept, and the final
 * test's area goes only after every other area's entries (spaced review first, one item
 * each). decode(text)
 * returns the snapshot, or null for a text that is not in this form.
 *
 * Plain functions, no page: the launch page uses them, and the tests run them under Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("lz-string"));
  else root.CourseScormCodec = factory(root.LZString);
})(this, function (LZString) {
  "use strict";

  var LIMIT = 4096; // CMIString4096
  var LAST = ["final"]; // areas left out only when nothing else is left to leave out
  var FORMAT = "c1";
  // What is stored: "c2" and the c1 text compressed by lz-string (pinned in package.json) to
  // base 64, which is ASCII. A learner who has done everything then needs about half the
  // characters the c1 text does. A stored c1 text (from before) is still read.
  var COMPRESSED = "c2";
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var ANSWER_DIGITS = "0123456789abcdef";
  var ID = /^[a-z0-9-]+$/;
  var ENTRY = /^([a-z0-9-]*)\.([0-9a-f_]*)(!?)([+=]?)(?:\*([0-9a-z]{1,8}))?$/;
  var HEADER = /^c1v(\d{1,4})\|([^|]*)\|([\s\S]*)$/;

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* ---------------------------------------------------------------- self-checks */
  function encodeEntry(suffix, entry) {
    if (!isPlainObject(entry) || !Array.isArray(entry.answer)) return null;
    var answer = "";
    for (var i = 0; i < entry.answer.length; i++) {
      var v = entry.answer[i];
      if (v === null) answer += "_";
      else if (typeof v === "number" && v >= 0 && v < 16 && Math.floor(v) === v) answer += ANSWER_DIGITS.charAt(v);
      else return null;
    }
    var attempts = typeof entry.attempts === "number" && entry.attempts >= 0 ? Math.floor(entry.attempts) : 0;
    var first = entry.first === true ? "+" : entry.first === false ? "=" : "";
    return suffix + "." + answer + (entry.revealed === true ? "!" : "") + first + (attempts === 1 ? "" : "*" + attempts.toString(36));
  }

  /* The items as encoded entries, sorted by ID: [{id, text}]. */
  function quizEntries(items) {
    var out = [];
    Object.keys(isPlainObject(items) ? items : {}).sort().forEach(function (id) {
      if (!ID.test(id)) return;
      var cut = id.lastIndexOf("-") + 1;
      var text = encodeEntry(id.slice(cut), items[id]);
      if (text !== null) out.push({ id: id, prefix: id.slice(0, cut), text: text });
    });
    return out;
  }

  function joinQuiz(entries) {
    var groups = [];
    var current = null;
    entries.forEach(function (e) {
      if (!current || current.prefix !== e.prefix) {
        current = { prefix: e.prefix, texts: [] };
        groups.push(current);
      }
      current.texts.push(e.text);
    });
    return groups.map(function (g) { return g.prefix + ":" + g.texts.join(","); }).join(";");
  }

  function decodeQuiz(text) {
    var items = {};
    if (text === "") return items;
    text.split(";").forEach(function (group) {
      var colon = group.indexOf(":");
      if (colon < 0) return;
      var prefix = group.slice(0, colon);
      group.slice(colon + 1).split(",").forEach(function (part) {
        var m = ENTRY.exec(part);
        if (!m || !ID.test(prefix + m[1])) return;
        var answer = [];
        for (var i = 0; i < m[2].length; i++) {
          var c = m[2].charAt(i);
          answer.push(c === "_" ? null : ANSWER_DIGITS.indexOf(c));
        }
        items[prefix + m[1]] = {
          answer: answer,
          revealed: m[3] === "!",
          attempts: m[5] === undefined ? 1 : parseInt(m[5], 36),
        };
        if (m[4]) items[prefix + m[1]].first = m[4] === "+";
      });
    });
    return items;
  }

  /* ---------------------------------------------------------------- other areas */
  function sameKeys(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function pack(value) {
    if (Array.isArray(value)) {
      var keys = value.length >= 2 && isPlainObject(value[0]) ? Object.keys(value[0]) : null;
      var table = keys && keys.length > 0 && value.every(function (v) { return isPlainObject(v) && sameKeys(Object.keys(v), keys); });
      if (table) {
        return { $: keys, r: value.map(function (row) { return keys.map(function (k) { return pack(row[k]); }); }) };
      }
      return value.map(pack);
    }
    if (isPlainObject(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = pack(value[k]); });
      return out;
    }
    return value;
  }

  function unpack(value) {
    if (Array.isArray(value)) return value.map(unpack);
    if (!isPlainObject(value)) return value;
    if (Array.isArray(value.$) && Array.isArray(value.r)) {
      var keys = value.$;
      return value.r.map(function (row) {
        var obj = {};
        keys.forEach(function (k, i) { obj[k] = unpack(Array.isArray(row) ? row[i] : undefined); });
        return obj;
      });
    }
    var out = {};
    Object.keys(value).forEach(function (k) { out[k] = unpack(value[k]); });
    return out;
  }

  function escapeRun(run) {
    var out = "~";
    for (var i = 0; i < run.length; i++) {
      var code = run.charCodeAt(i);
      out += DIGITS.charAt(code >> 12) + DIGITS.charAt((code >> 6) & 63) + DIGITS.charAt(code & 63);
    }
    return out + "~";
  }

  function unescapeRun(all, digits) {
    if (digits.length % 3 !== 0) throw new Error("bad escape");
    var out = "";
    for (var i = 0; i < digits.length; i += 3) {
      var code = (DIGITS.indexOf(digits.charAt(i)) << 12) | (DIGITS.indexOf(digits.charAt(i + 1)) << 6) | DIGITS.indexOf(digits.charAt(i + 2));
      out += String.fromCharCode(code);
    }
    return out;
  }

  /* Spaced review {id: [box, due day]} and conversations {id: {endings: [id…]}} as one
   * string each inside the JSON, grouped by ID prefix as the self-checks are:
   * review "pf-:01.2.g8o,02.1.g8p;kad-:…" (box, then the due day in base 36), conversations
   * "why-buy-this-kind:good.mixed;…". Anything of another shape stays JSON. */
  var REVIEW_ENTRY = /^([a-z0-9-]*)\.([1-9])\.([0-9a-z]{1,6})$/;
  var WORD = /^[a-z][a-z0-9-]*$/;

  function packReview(review) {
    var ids = Object.keys(review).sort();
    var ok = ids.every(function (id) {
      var v = review[id];
      return ID.test(id) && Array.isArray(v) && v.length === 2 && [1, 2, 3, 4, 5, 6, 7, 8, 9].indexOf(v[0]) >= 0 && Number.isInteger(v[1]) && v[1] >= 0 && v[1] < 2e9;
    });
    if (!ok) return review;
    var entries = ids.map(function (id) {
      var cut = id.lastIndexOf("-") + 1;
      return { prefix: id.slice(0, cut), text: id.slice(cut) + "." + review[id][0] + "." + review[id][1].toString(36) };
    });
    return joinQuiz(entries);
  }

  function unpackReview(text) {
    var out = {};
    text.split(";").forEach(function (group) {
      var colon = group.indexOf(":");
      if (colon < 0) return;
      var prefix = group.slice(0, colon);
      group.slice(colon + 1).split(",").forEach(function (part) {
        var m = REVIEW_ENTRY.exec(part);
        if (m) out[prefix + m[1]] = [Number(m[2]), parseInt(m[3], 36)];
      });
    });
    return out;
  }

  function packConversations(conversations) {
    var ids = Object.keys(conversations).sort();
    var ok = ids.every(function (id) {
      var v = conversations[id];
      return WORD.test(id) && isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.endings) &&
        v.endings.every(function (e) { return typeof e === "string" && WORD.test(e); });
    });
    if (!ok) return conversations;
    return ids.map(function (id) { return id + ":" + conversations[id].endings.join("."); }).join(";");
  }

  function unpackConversations(text) {
    var out = {};
    text.split(";").forEach(function (part) {
      var colon = part.indexOf(":");
      if (colon < 1) return;
      var endings = part.slice(colon + 1);
      out[part.slice(0, colon)] = { endings: endings ? endings.split(".") : [] };
    });
    return out;
  }

  /* The practice test {cur: {s, i, a, d}, past: [[time, right, total]…]} as one string:
   * "s36 d36 ids answers past" joined by "/": ids grouped by prefix as the self-checks are,
   * answers as the self-checks' answer digits joined by ",", past "t36.r.n" joined by ",". */
  function answerDigits(a) {
    if (a === null) return "~";
    var out = "";
    for (var i = 0; i < a.length; i++) {
      var v = a[i];
      if (v === null) out += "_";
      else if (typeof v === "number" && v >= 0 && v < 16 && Math.floor(v) === v) out += ANSWER_DIGITS.charAt(v);
      else return null;
    }
    return out;
  }

  function packFinal(final) {
    var keys = Object.keys(final);
    if (keys.some(function (k) { return k !== "cur" && k !== "past"; })) return final;
    var cur = final.cur;
    var head = "-/-/-/-";
    if (cur !== undefined) {
      if (!isPlainObject(cur) || Object.keys(cur).sort().join() !== "a,d,i,s" || !Number.isInteger(cur.s) || cur.s < 0 ||
          !Number.isInteger(cur.d) || cur.d < 0 || typeof cur.i !== "string" || !Array.isArray(cur.a)) return final;
      var ids = cur.i.split(" ");
      if (!ids.every(function (id) { return ID.test(id) && id.indexOf("-") > 0; }) || ids.length !== cur.a.length) return final;
      var answers = cur.a.map(answerDigits);
      if (answers.some(function (a) { return a === null; })) return final;
      // ids in their order (the order is the attempt's): a group per run of one prefix
      var groups = [];
      ids.forEach(function (id) {
        var cut = id.lastIndexOf("-") + 1;
        var last = groups[groups.length - 1];
        if (last && last.prefix === id.slice(0, cut)) last.rest.push(id.slice(cut));
        else groups.push({ prefix: id.slice(0, cut), rest: [id.slice(cut)] });
      });
      var idText = groups.map(function (g) { return g.prefix + ":" + g.rest.join(" "); }).join(";");
      head = cur.s.toString(36) + "/" + cur.d.toString(36) + "/" + idText + "/" + answers.join(",");
    }
    var past = "";
    if (final.past !== undefined) {
      if (!Array.isArray(final.past) || !final.past.every(function (p) {
        return Array.isArray(p) && p.length === 3 && p.every(function (n) { return Number.isInteger(n) && n >= 0; });
      })) return final;
      past = final.past.map(function (p) { return p[0].toString(36) + "." + p[1] + "." + p[2]; }).join(",");
    }
    return head + "/" + (final.past === undefined ? "-" : past);
  }

  function unpackFinal(text) {
    var parts = text.split("/");
    if (parts.length !== 5) return {};
    var out = {};
    if (parts[0] !== "-") {
      var ids = [];
      parts[2].split(";").forEach(function (group) {
        var colon = group.indexOf(":");
        var prefix = group.slice(0, colon);
        group.slice(colon + 1).split(" ").forEach(function (rest) { ids.push(prefix + rest); });
      });
      var answers = parts[3].split(",").map(function (digits) {
        if (digits === "~") return null;
        var a = [];
        for (var i = 0; i < digits.length; i++) a.push(digits.charAt(i) === "_" ? null : ANSWER_DIGITS.indexOf(digits.charAt(i)));
        return a;
      });
      out.cur = { s: parseInt(parts[0], 36), i: ids.join(" "), a: answers, d: parseInt(parts[1], 36) };
    }
    if (parts[4] !== "-") {
      out.past = parts[4] === "" ? [] : parts[4].split(",").map(function (p) {
        var bits = p.split(".");
        return [parseInt(bits[0], 36), Number(bits[1]), Number(bits[2])];
      });
    }
    return out;
  }

  function encodeRest(areas) {
    if (!Object.keys(areas).length) return "";
    var copy = {};
    Object.keys(areas).forEach(function (name) { copy[name] = areas[name]; });
    if (isPlainObject(copy.review)) copy.review = packReview(copy.review);
    if (isPlainObject(copy.conversations)) copy.conversations = packConversations(copy.conversations);
    if (isPlainObject(copy.final)) copy.final = packFinal(copy.final);
    return JSON.stringify(pack(copy)).replace(/[^\x20-\x7d]+/g, escapeRun);
  }

  function decodeRest(text) {
    if (text === "") return {};
    var areas = unpack(JSON.parse(text.replace(/~([A-Za-z0-9_-]*)~/g, unescapeRun)));
    if (isPlainObject(areas) && typeof areas.review === "string") areas.review = unpackReview(areas.review);
    if (isPlainObject(areas) && typeof areas.conversations === "string") areas.conversations = unpackConversations(areas.conversations);
    if (isPlainObject(areas) && typeof areas.final === "string") areas.final = unpackFinal(areas.final);
    return areas;
  }

  /* ---------------------------------------------------------------- the whole state */
  function encode(snapshot, limit) {
    limit = limit || LIMIT;
    var version = isPlainObject(snapshot) && typeof snapshot.v === "number" ? snapshot.v : 0;
    var areas = isPlainObject(snapshot) && isPlainObject(snapshot.areas) ? snapshot.areas : {};
    var quiz = quizEntries(isPlainObject(areas.quiz) ? areas.quiz.items : null);
    var rest = {};
    Object.keys(areas).sort().forEach(function (name) { if (name !== "quiz") rest[name] = areas[name]; });
    var dropped = [];
    var head = FORMAT + "v" + version + "|";
    function stored(plain) {
      return COMPRESSED + LZString.compressToBase64(plain);
    }
    var text = stored(head + joinQuiz(quiz) + "|" + encodeRest(rest));
    // Too long: leave out the other areas' largest entries first, then whole areas. The
    // final test's attempt goes last of all (the platform's verdict comes from it).
    while (text.length > limit) {
      var largest = null;
      var names = Object.keys(rest).filter(function (name) { return LAST.indexOf(name) < 0; });
      if (!names.length) names = Object.keys(rest);
      names.forEach(function (name) {
        var data = rest[name];
        var keys = isPlainObject(data) ? Object.keys(data) : [];
        if (!keys.length) {
          var whole = { name: name, key: null, size: encodeRest({ x: data }).length };
          if (!largest || whole.size > largest.size) largest = whole;
          return;
        }
        keys.forEach(function (key) {
          var one = {};
          one[key] = data[key];
          var size = encodeRest(one).length;
          if (!largest || size > largest.size) largest = { name: name, key: key, size: size };
        });
      });
      if (largest) {
        if (largest.key === null) {
          delete rest[largest.name];
          dropped.push(largest.name);
        } else {
          var copy = {};
          Object.keys(rest[largest.name]).forEach(function (k) { if (k !== largest.key) copy[k] = rest[largest.name][k]; });
          rest[largest.name] = copy;
          dropped.push(largest.name + "." + largest.key);
        }
      } else if (quiz.length) {
        dropped.push("quiz.items." + quiz.pop().id); // beyond any real course: the last IDs go
      } else {
        break;
      }
      text = stored(head + joinQuiz(quiz) + "|" + encodeRest(rest));
    }
    return { text: text, dropped: dropped };
  }

  function decode(text) {
    if (typeof text !== "string") return null;
    if (text.slice(0, COMPRESSED.length) === COMPRESSED) {
      try {
        text = LZString.decompressFromBase64(text.slice(COMPRESSED.length));
      } catch (err) {
        return null;
      }
      if (typeof text !== "string") return null;
    }
    var m = HEADER.exec(text);
    if (!m) return null;
    var areas;
    try {
      areas = decodeRest(m[3]);
    } catch (err) {
      return null;
    }
    if (!isPlainObject(areas)) return null;
    areas.quiz = { items: decodeQuiz(m[2]) };
    return { v: Number(m[1]), areas: areas };
  }

  return { LIMIT: LIMIT, encode: encode, decode: decode };
});

/* The course's search page.
 *
 * The index (window.COURSE_SEARCH_INDEX, built at build time with jieba) maps terms to
 * pages. The browser has no jieba, so the query is segmented against the index's own
 * vocabulary by maximum matching, in both directions, keeping the reading that covers
 * more of the query with known words. Pages are ranked by BM25, weighted by how much of
 * the query (by term weight) they contain: questions carry filler words that no page has,
 * so a page need not match every word.
 */
(function () {
  "use strict";

  const MAX_WORD = 8;
  const K1 = 1.2;
  const B = 0.75;
  const CJK = /[\u3400-\u9fff]/;
  const RUNS = /[\u3400-\u9fff]+|[a-z0-9][a-z0-9+\-]*/g;

  function prepare(raw) {
    const docs = raw.docs.map(function (doc) {
      const sections = doc.sections.map(function (s) {
        return { anchor: s[0], title: s[1], text: s[2], lower: (s[1] + "\n" + s[2]).toLowerCase() };
      });
      return {
        url: doc.url,
        title: doc.title,
        length: doc.length || 1,
        sections: sections,
        lower: (doc.title + "\n" + sections.map(function (s) { return s.lower; }).join("\n")).toLowerCase(),
      };
    });
    const total = docs.reduce(function (sum, d) { return sum + d.length; }, 0);
    return {
      docs: docs,
      terms: new Map(Object.entries(raw.terms)),
      stop: new Set(raw.stopwords),
      aliases: new Map(Object.entries(raw.aliases || {})),
      avgLength: total / Math.max(docs.length, 1),
    };
  }

  /* Maximum matching over one run of Chinese characters. Returns the words found and how
   * many characters they cover; uncovered stretches of two or more characters are kept
   * as literal terms, matched as substrings. */
  function maxMatch(run, known, backward) {
    const words = [];
    let covered = 0;
    let pending = "";
    const flush = function () {
      if (pending.length >= 2) words.push({ text: pending, literal: true });
      pending = "";
    };
    let i = backward ? run.length : 0;
    while (backward ? i > 0 : i < run.length) {
      let found = "";
      const room = backward ? i : run.length - i;
      for (let len = Math.min(MAX_WORD, room); len >= 2; len--) {
        const candidate = backward ? run.slice(i - len, i) : run.slice(i, i + len);
        if (known(candidate)) { found = candidate; break; }
      }
      if (found) {
        flush();
        words.push({ text: found, literal: false });
        covered += found.length;
        i += backward ? -found.length : found.length;
      } else {
        const ch = backward ? run[i - 1] : run[i];
        pending = backward ? ch + pending : pending + ch;
        i += backward ? -1 : 1;
      }
    }
    flush();
    if (backward) words.reverse();
    return { words: words, covered: covered };
  }

  /* The form alias keys are kept in (tools/search/aliases.py key()). */
  function aliasKey(text) {
    return text.toLowerCase().replace(/[^0-9a-z\u3400-\u9fff]/g, "");
  }

  /* The query with what its English, pinyin or synonyms stand for: every run of one to
   * four consecutive Latin words whose key is an alias (the longest first) is replaced by
   * the course terms; a Chinese alias found inside the query adds its terms. */
  function expand(index, query) {
    if (!index.aliases.size) return query;
    const words = query.match(/[A-Za-z0-9][A-Za-z0-9'+\-]*/g) || [];
    const added = [];
    const used = new Set();
    for (let size = Math.min(4, words.length); size >= 1; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        if (words.slice(i, i + size).some(function (w, k) { return used.has(i + k); })) continue;
        const found = index.aliases.get(aliasKey(words.slice(i, i + size).join("")));
        if (!found) continue;
        for (let k = 0; k < size; k++) used.add(i + k);
        found.forEach(function (t) { added.push(t); });
      }
    }
    let rest = query;
    if (used.size) {
      let n = -1;
      rest = query.replace(/[A-Za-z0-9][A-Za-z0-9'+\-]*/g, function (w) { n++; return used.has(n) ? " " : w; });
    }
    index.aliases.forEach(function (terms, key) {
      if (CJK.test(key) && key.length >= 2 && rest.indexOf(key) !== -1) terms.forEach(function (t) { added.push(t); });
    });
    return added.length ? rest + " " + added.join(" ") : rest;
  }

  function segment(index, query) {
    query = expand(index, query);
    const known = function (w) { return index.terms.has(w) || index.stop.has(w); };
    const out = [];
    const seen = new Set();
    const add = function (w) {
      if (w.text.length < 2 || index.stop.has(w.text) || seen.has(w.text)) return;
      seen.add(w.text);
      out.push(w);
    };
    const runs = query.toLowerCase().match(RUNS) || [];
    runs.forEach(function (run) {
      if (!CJK.test(run)) { add({ text: run, literal: !index.terms.has(run) }); return; }
      const fwd = maxMatch(run, known, false);
      const bwd = maxMatch(run, known, true);
      let best = fwd;
      if (bwd.covered > fwd.covered || (bwd.covered === fwd.covered && bwd.words.length < fwd.words.length)) best = bwd;
      best.words.forEach(add);
    });
    return out;
  }

  function count(haystack, needle) {
    let n = 0;
    let at = haystack.indexOf(needle);
    while (at !== -1) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  /* Postings of one query term: [[doc, tf, flags], ...]. Literal terms are counted in the
   * page text itself. */
  function postings(index, term) {
    if (!term.literal) return index.terms.get(term.text) || [];
    const list = [];
    index.docs.forEach(function (doc, number) {
      const tf = count(doc.lower, term.text);
      if (tf > 0) {
        const flags = (doc.title.toLowerCase().indexOf(term.text) !== -1 ? 2 : 0);
        list.push([number, tf, flags]);
      }
    });
    return list;
  }

  function search(index, query, limit) {
    const terms = segment(index, query);
    const n = index.docs.length;
    const scores = new Map();
    let totalWeight = 0;
    terms.forEach(function (term) {
      const list = postings(index, term);
      const df = list.length;
      term.idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (df === 0) return;
      totalWeight += term.idf;
      list.forEach(function (p) {
        const doc = index.docs[p[0]];
        const tf = p[1];
        const norm = K1 * (1 - B + (B * doc.length) / index.avgLength);
        let s = term.idf * ((tf * (K1 + 1)) / (tf + norm));
        if (p[2] & 2) s += term.idf * 1.5;
        if (p[2] & 1) s += term.idf * 0.5;
        const entry = scores.get(p[0]) || { score: 0, weight: 0, terms: [] };
        entry.score += s;
        entry.weight += term.idf;
        entry.terms.push(term);
        scores.set(p[0], entry);
      });
    });
    const results = [];
    scores.forEach(function (entry, number) {
      const coverage = totalWeight > 0 ? entry.weight / totalWeight : 0;
      results.push({ doc: index.docs[number], score: entry.score * coverage * coverage, terms: entry.terms });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    return { terms: terms, results: results.slice(0, limit || 20).map(present) };
  }

  /* The section that holds most of the matched terms, and a snippet around the first. */
  function present(result) {
    let best = result.doc.sections[0];
    let bestWeight = -1;
    result.doc.sections.forEach(function (section) {
      let w = 0;
      result.terms.forEach(function (t) { if (section.lower.indexOf(t.text) !== -1) w += t.idf; });
      if (w > bestWeight) { best = section; bestWeight = w; }
    });
    const text = best ? best.text : "";
    const lower = text.toLowerCase();
    const ordered = result.terms.slice().sort(function (a, b) { return b.idf - a.idf; });
    let at = -1;
    for (let i = 0; i < ordered.length && at === -1; i++) at = lower.indexOf(ordered[i].text);
    const start = Math.max(0, at - 30);
    const snippet = (start > 0 ? "…" : "") + text.slice(start, start + 110) + (start + 110 < text.length ? "…" : "");
    return {
      url: result.doc.url,
      title: result.doc.title,
      anchor: best && best.anchor ? best.anchor : "",
      section: best && best.anchor ? best.title : "",
      snippet: snippet,
      terms: result.terms.map(function (t) { return t.text; }),
      score: result.score,
    };
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlight(text, terms) {
    let html = escapeHtml(text);
    terms.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (t) {
      const safe = escapeHtml(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      html = html.replace(new RegExp("(" + safe + ")(?![^<]*>)", "gi"), "<mark>$1</mark>");
    });
    return html;
  }

  function render(index, query) {
    const status = document.getElementById("course-search-status");
    const list = document.getElementById("course-search-results");
    if (!status || !list) return;
    list.innerHTML = "";
    if (!query.trim()) { status.textContent = "请输入要查找的词语或问题。"; return; }
    const found = search(index, query, 20);
    if (found.results.length === 0) {
      status.textContent = "没有找到与“" + query + "”相关的页面。试试更短的词，或查看术语表。";
      return;
    }
    status.textContent = "找到 " + found.results.length + " 个相关页面（按相关程度排序）。";
    found.results.forEach(function (r) {
      const item = document.createElement("li");
      item.className = "course-search-result";
      const link = document.createElement("a");
      link.href = r.url + (r.anchor ? "#" + r.anchor : "");
      link.className = "course-search-title";
      link.textContent = r.title + (r.section ? " › " + r.section : "");
      const p = document.createElement("p");
      p.className = "course-search-snippet";
      p.innerHTML = highlight(r.snippet, r.terms);
      item.appendChild(link);
      item.appendChild(p);
      list.appendChild(item);
    });
  }

  const raw = window.COURSE_SEARCH_INDEX;
  if (!raw) return;
  const index = prepare(raw);
  window.CourseSearch = {
    search: function (query, limit) { return search(index, query, limit).results; },
    segment: function (query) { return segment(index, query).map(function (t) { return t.text; }); },
  };

  function start() {
    const input = document.getElementById("course-search-input");
    const query = new URLSearchParams(window.location.search).get("q") || "";
    if (input) { input.value = query; input.focus(); }
    document.querySelectorAll('form.bd-search input[name="q"]').forEach(function (el) { el.value = query; });
    render(index, query);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

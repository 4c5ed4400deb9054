// The search page. The build writes a static index into search/index/ (Index/SearchIndexer.cs): for every
// character and every pair of adjacent characters, the documents that contain it (in shard files found by a
// hash of the key), a table of the plans' filter values, and one small file per document with its text.
// A term's pairs give the documents that may contain it, exactly so for one or two characters; the text of the
// results shown (fetched ten at a time) confirms the whole term, gives the excerpt and lists the items that
// contain it. A query fetches the table, one shard per pair it looks up and the texts it shows, so what it
// costs does not grow with the number of plans.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var terms = window.PlanAtlasSearchTerms;
  if (!form || !terms) return;
  var FILTERS = ['province', 'city', 'level', 'year', 'kind', 'theme'];
  // A step shows ten results and reads at most twenty texts: a phrase whose pairs all occur in many documents,
  // but never side by side, must not make the page download them all.
  var PAGE_SIZE = 10, CHECKS = 20, ITEMS_OPEN = 5, K1 = 1.2, B = 0.75;
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var plansList = document.getElementById('search-plans');
  var pagesList = document.getElementById('search-pages');
  var pagesHeading = document.getElementById('search-pages-heading');
  var morePlans = document.getElementById('search-more');
  var morePages = document.getElementById('search-pages-more');
  var fieldset = document.getElementById('search-filters');
  var indexUrl = form.dataset.index, base = form.dataset.base;
  var collator = new Intl.Collator('zh-CN', { numeric: true });
  var table = null, lengths = [], averageLength = 1, shards = new Map(), texts = new Map(), sets = new Map(), generation = 0;

  function format(template) {
    var args = arguments;
    return template.replace(/\{(\d)\}/g, function (_, i) { return args[+i + 1]; });
  }
  function say(text) { status.textContent = text; }

  // ---- index files: gzip members, unpacked here unless the host already did (Content-Encoding) ----

  async function fetchBytes(url) {
    var response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    var bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function fetchJson(url) { return JSON.parse(new TextDecoder().decode(await fetchBytes(url))); }
  function cached(map, key, load) {
    if (!map.has(key)) map.set(key, load().catch(function (e) { map.delete(key); throw e; }));
    return map.get(key);
  }

  // ---- keys (Index/TermKeys.cs): keep hash() in step with TermKeys.Hash ----

  function hash(a, b) {
    var h = Math.imul(2166136261 ^ a, 16777619);
    h = Math.imul(h ^ b, 16777619);
    h ^= h >>> 16; h = Math.imul(h, 0x85EBCA6B);
    h ^= h >>> 13; h = Math.imul(h, 0xC2B2AE35);
    h ^= h >>> 16;
    return h >>> 0;
  }

  // The keys that find a term: its character, or each pair of adjacent characters.
  function keysOf(term) {
    var p = Array.from(terms.normalize(term), function (c) { return c.codePointAt(0); });
    if (p.length === 1) return [[p[0], 0]];
    var keys = [];
    for (var i = 0; i + 1 < p.length; i++) {
      if (!keys.some(function (k) { return k[0] === p[i] && k[1] === p[i + 1]; })) keys.push([p[i], p[i + 1]]);
    }
    return keys;
  }
  function isExact(term) { return Array.from(terms.normalize(term)).length <= 2; }

  // One shard: key "a,b" → { docs: ascending document numbers, levels: count levels } (Index/PostingEncoding.cs).
  function readShard(bytes) {
    var at = 0, entries = new Map(), total = table.documents;
    function varint() {
      var value = 0, shift = 0, b;
      do { b = bytes[at++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b >= 0x80);
      return value;
    }
    while (at < bytes.length) {
      var a = varint(), b = varint(), header = varint(), length = varint();
      var n = Math.floor(header / 2), docs = new Int32Array(n), k = 0;
      if (header % 2 === 1) {
        for (var d = 0; d < total && k < n; d++) if (bytes[at + (d >> 3)] & (1 << (d & 7))) docs[k++] = d;
        at += length;
      } else {
        for (var previous = -1; k < n; k++) docs[k] = previous = previous + 1 + varint();
      }
      var levels = new Uint8Array(n);
      for (var i = 0; i < n; i++) levels[i] = (bytes[at + (i >> 1)] >> ((i & 1) * 4)) & 0xf;
      at += (n + 1) >> 1;
      entries.set(a + ',' + b, { docs: docs, levels: levels });
    }
    return entries;
  }

  async function posting(key) {
    var shard = hash(key[0], key[1]) % table.shards;
    var entries = await cached(shards, shard, function () {
      return fetchBytes(indexUrl + 'k/' + shard + '.bin').then(readShard);
    });
    return entries.get(key[0] + ',' + key[1]) || { docs: new Int32Array(0), levels: new Uint8Array(0) };
  }

  // The documents holding every key of a term, each with how often the term may occur (its rarest key's count).
  async function termDocs(term) {
    var lists = await Promise.all(keysOf(term).map(posting));
    var found = new Map();
    lists[0].docs.forEach(function (d, i) { found.set(d, table.levels[lists[0].levels[i]]); });
    lists.slice(1).forEach(function (list) {
      var next = new Map();
      list.docs.forEach(function (d, i) {
        if (found.has(d)) next.set(d, Math.min(found.get(d), table.levels[list.levels[i]]));
      });
      found = next;
    });
    return found;
  }

  // ---- filters (Index/DocumentTable.cs): a column of value numbers, or for themes a file per value ----

  async function facetMembers(name, number) {
    var f = table.facets[name];
    if (!f.sets) return { has: function (d) { return f.of[d] === number; } };
    return cached(sets, name + '-' + number, function () {
      return fetchBytes(indexUrl + 'f/' + name + '-' + number + '.bin').then(function (bytes) {
        return new Set(readShard(bytes).get('0,0').docs);
      });
    });
  }
  function year(doc) {
    var f = table.facets.year;
    var of = f && doc < table.plans ? f.of[doc] : 0;
    return of ? Number(f.values[of - 1]) : NaN;
  }

  function fillFilters() {
    FILTERS.forEach(function (name) {
      var f = table.facets[name], select = form.elements[name];
      if (!f || f.values.length === 0) return;
      var current = select.value;
      var values = f.values.slice().sort(name === 'year' ? function (a, b) { return collator.compare(b, a); } : collator.compare);
      values.forEach(function (v) {
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === v; })) select.add(new Option(v, v));
      });
      select.value = current;
      select.closest('label').hidden = false;
    });
    fieldset.hidden = false;
  }

  // ---- URL state ----

  function readUrl() {
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get('q') || '';
    form.elements.sort.value = params.get('sort') || '';
    FILTERS.forEach(function (f) {
      var select = form.elements[f], value = params.get(f) || '';
      if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; }))
        select.add(new Option(value, value));
      select.value = value;
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    var q = form.elements.q.value.trim();
    if (q) params.set('q', q);
    FILTERS.forEach(function (f) { if (form.elements[f].value) params.set(f, form.elements[f].value); });
    if (form.elements.sort.value) params.set('sort', form.elements.sort.value);
    var url = location.pathname + (params.toString() ? '?' + params : '');
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  }

  // ---- matching and ranking ----

  async function rank(parsed, filters, sort) {
    var perTerm = await Promise.all(parsed.map(termDocs));
    var scores = new Map();
    perTerm[0].forEach(function (_, d) { scores.set(d, 0); });
    perTerm.forEach(function (found) {
      var idf = Math.log(1 + (table.documents - found.size + 0.5) / (found.size + 0.5));
      scores.forEach(function (score, d) {
        if (!found.has(d)) { scores.delete(d); return; }
        var tf = found.get(d), norm = 1 - B + B * lengths[d] / averageLength;
        scores.set(d, score + idf * tf * (K1 + 1) / (tf + K1 * norm));
      });
    });
    var wanted = await Promise.all(Object.keys(filters).map(function (name) {
      var f = table.facets[name], number = f ? f.values.indexOf(filters[name]) + 1 : 0;
      return number > 0 ? facetMembers(name, number) : { has: function () { return false; } };
    }));
    var plans = [], pages = [];
    scores.forEach(function (score, d) {
      if (d >= table.plans) { if (wanted.length === 0) pages.push(d); return; }
      if (wanted.every(function (w) { return w.has(d); })) plans.push(d);
    });
    var byScore = function (a, b) { return scores.get(b) - scores.get(a) || a - b; };
    var direction = sort === 'year-asc' ? 1 : sort === 'year-desc' ? -1 : 0;
    plans.sort(direction === 0 ? byScore : function (a, b) {
      var ya = year(a), yb = year(b);
      if (isNaN(ya) !== isNaN(yb)) return isNaN(ya) ? 1 : -1;
      return direction * (ya - yb) || byScore(a, b);
    });
    pages.sort(byScore);
    return { plans: plans, pages: pages };
  }

  function contains(text, list) {
    var haystack = terms.normalize(text || '');
    return list.every(function (t) { return haystack.indexOf(terms.normalize(t)) >= 0; });
  }

  // The text the index keyed (SearchDocument.Text): a plan's title and items, one per line, or a page's text.
  function documentText(doc) {
    return doc.items ? [doc.title].concat(doc.items.map(function (i) { return i[3]; })).join('\n') : doc.text;
  }

  // ---- results ----

  // An excerpt around the first hit with every hit marked; built from the text, escaped by using DOM nodes.
  function excerpt(text, list, length) {
    var lower = text.toLowerCase(), hits = [];
    list.forEach(function (t) {
      var n = t.toLowerCase();
      for (var i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) hits.push([i, i + n.length]);
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    var start = hits.length ? Math.max(0, hits[0][0] - Math.floor(length / 3)) : 0;
    var end = Math.min(text.length, start + length);
    var p = document.createElement('p');
    p.className = 'search-excerpt';
    var at = start;
    if (start > 0) p.append('…');
    hits.forEach(function (h) {
      if (h[0] < at || h[1] > end) return;
      p.append(text.slice(at, h[0]));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(h[0], h[1]);
      p.append(mark);
      at = h[1];
    });
    p.append(text.slice(at, end));
    if (end < text.length) p.append('…');
    return p;
  }

  function siteUrl(path) { return base.replace(/\/$/, '') + path; }

  function withHighlight(url, q) {
    var hash = url.indexOf('#');
    var path = hash < 0 ? url : url.slice(0, hash), fragment = hash < 0 ? '' : url.slice(hash);
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'highlight=' + encodeURIComponent(q) + fragment;
  }

  function link(url, text) {
    var a = document.createElement('a');
    a.href = url;
    a.textContent = text;
    return a;
  }

  function renderPlan(doc, number, ctx) {
    var text = documentText(doc);
    var li = document.createElement('li');
    li.className = 'search-result';
    li.dataset.plan = doc.url.split('/').filter(Boolean).pop() || '';
    var h3 = document.createElement('h3');
    h3.append(link(withHighlight(siteUrl(doc.url), ctx.q), doc.title || doc.url));
    li.append(h3);
    var facts = document.createElement('p');
    facts.className = 'search-facts';
    facts.textContent = [doc.region, doc.year, doc.level, doc.kind].filter(Boolean).join(' · ');
    li.append(facts);
    li.append(excerpt(text, ctx.terms, 90));

    var hits = doc.items.filter(function (i) { return contains(i[3], ctx.terms); })
      .map(function (i) { return { id: i[0], path: i[1], heading: i[2], text: i[3] }; });
    if (hits.length > 0) {
      var box = document.createElement('div');
      box.className = 'search-items';
      var count = document.createElement('p');
      count.className = 'search-items-count';
      count.textContent = format(results.dataset.items, hits.length);
      var ul = document.createElement('ul');
      box.append(count, ul);
      li.append(box);
      var planUrl = siteUrl(doc.url);
      appendItems(ul, hits.splice(0, ITEMS_OPEN), planUrl, ctx);
      if (hits.length > 0) {
        var rest = document.createElement('button');
        rest.type = 'button';
        rest.className = 'search-items-more';
        rest.textContent = format(results.dataset.rest, hits.length);
        rest.addEventListener('click', function () {
          appendItems(ul, hits, planUrl, ctx);
          rest.remove();
          ul.children[ITEMS_OPEN].querySelector('a').focus();
        });
        box.append(rest);
      }
    }
    return li;
  }

  function appendItems(ul, hits, planUrl, ctx) {
    hits.forEach(function (hit) {
      var row = document.createElement('li');
      row.className = 'search-item';
      row.dataset.item = hit.id;
      row.append(link(withHighlight(planUrl + '#' + encodeURIComponent(hit.id), ctx.q), [hit.path, hit.heading].filter(Boolean).join(' ') || hit.id));
      row.append(excerpt(hit.text, ctx.terms, 70));
      ul.append(row);
    });
  }

  function renderPage(doc, number, ctx) {
    var li = document.createElement('li');
    li.className = 'search-result search-page';
    var h3 = document.createElement('h3');
    h3.append(link(withHighlight(siteUrl(doc.url), ctx.q), doc.title || doc.url));
    li.append(h3);
    li.append(excerpt(documentText(doc), ctx.terms, 90));
    return li;
  }

  // A list of ranked candidates shown ten confirmed results at a time: texts are fetched side by side, a
  // candidate whose text lacks a term is dropped, and more are fetched until ten are shown, none are left or
  // a step's checks are spent (the button then goes on from there).
  function pager(candidates, list, button, render, ctx, mine) {
    var next = 0, shown = 0;
    var state = { dropped: 0, done: candidates.length === 0 };
    state.more = async function () {
      button.hidden = true;
      var target = shown + PAGE_SIZE, limit = next + CHECKS;
      while (shown < target && next < Math.min(limit, candidates.length)) {
        var batch = candidates.slice(next, Math.min(limit, next + (target - shown)));
        next += batch.length;
        var docs = await Promise.all(batch.map(function (d) {
          return cached(texts, d, function () { return fetchJson(indexUrl + 't/' + d + '.bin'); });
        }));
        if (mine !== generation) return;
        docs.forEach(function (doc, i) {
          if (!contains(documentText(doc), ctx.terms)) { state.dropped++; return; }
          list.append(render(doc, batch[i], ctx));
          shown++;
        });
      }
      state.done = next >= candidates.length;
      button.hidden = state.done;
    };
    button.onclick = async function () { await state.more(); if (mine === generation) summarize(ctx); };
    return state;
  }

  function summarize(ctx) {
    pagesHeading.hidden = pagesList.children.length === 0 && morePages.hidden;
    var plans = ctx.plans.total - ctx.plans.state.dropped;
    var pages = ctx.pages.total - ctx.pages.state.dropped;
    var known = ctx.exact || (ctx.plans.state.done && ctx.pages.state.done);
    say(plans === 0 && pages === 0 && known ? format(status.dataset.empty, ctx.q)
      : format(known ? status.dataset.summary : status.dataset.most, ctx.q, plans));
  }

  async function run() {
    writeUrl();
    var mine = ++generation;
    var q = form.elements.q.value.trim();
    plansList.replaceChildren();
    pagesList.replaceChildren();
    pagesHeading.hidden = true;
    morePlans.hidden = true;
    morePages.hidden = true;
    delete results.dataset.ms;
    delete results.dataset.candidates;
    results.setAttribute('aria-busy', 'true');
    if (!table) { results.removeAttribute('aria-busy'); return; }
    var parsed = terms.parse(q).filter(function (t) { return terms.normalize(t).length > 0; });
    if (parsed.length === 0) { say(status.dataset.prompt); results.removeAttribute('aria-busy'); return; }
    say(status.dataset.loading);
    var started = performance.now();
    var filters = {};
    FILTERS.forEach(function (f) { if (form.elements[f].value) filters[f] = form.elements[f].value; });
    try {
      var found = await rank(parsed, filters, form.elements.sort.value);
      if (mine !== generation) return;
      var ctx = { q: q, terms: parsed, exact: parsed.every(isExact) };
      ctx.plans = { total: found.plans.length, state: pager(found.plans, plansList, morePlans, renderPlan, ctx, mine) };
      ctx.pages = { total: found.pages.length, state: pager(found.pages, pagesList, morePages, renderPage, ctx, mine) };
      results.dataset.candidates = String(found.plans.length + found.pages.length);
      await Promise.all([ctx.plans.state.more(), ctx.pages.state.more()]);
      if (mine !== generation) return;
      summarize(ctx);
    } catch (e) {
      if (mine !== generation) return;
      say(status.dataset.unavailable);
    }
    results.dataset.ms = String(Math.round(performance.now() - started));
    results.removeAttribute('aria-busy');
  }

  async function load() {
    try {
      table = await fetchJson(indexUrl + 'docs.bin');
      lengths = table.lengths.map(function (level) { return Math.pow(2, level / 4); });
      averageLength = lengths.reduce(function (s, l) { return s + l; }, 0) / Math.max(1, lengths.length);
      fillFilters();
      return true;
    } catch (e) {
      table = null;
      say(status.dataset.unavailable);
      return false;
    }
  }

  var timer = 0;
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  form.elements.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 300); });
  form.addEventListener('change', function (e) { if (e.target !== form.elements.q) run(); });

  readUrl();
  load().then(function (ok) { if (ok) { readUrl(); run(); } });
})();

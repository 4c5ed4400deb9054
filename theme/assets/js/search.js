// The search page: Pagefind finds candidates, this script keeps only those that contain the query exactly.
// The index stores every CJK character as its own word (Index/SearchText.cs), so asking Pagefind for the
// characters of a term finds every record that could contain it (full recall); the word positions Pagefind
// returns then discard records where the characters are not side by side, and the record's own text (loaded
// only for results shown) confirms the exact term before it is listed (full precision). A plan's items are
// spans of its text, so the items that contain the term are found in the same text.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var terms = window.PlanAtlasSearchTerms;
  if (!form || !terms) return;
  var FILTERS = ['province', 'city', 'level', 'year', 'kind', 'theme'];
  var PAGE_SIZE = 20, ITEMS_OPEN = 5;
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var plansList = document.getElementById('search-plans');
  var pagesList = document.getElementById('search-pages');
  var pagesHeading = document.getElementById('search-pages-heading');
  var more = document.getElementById('search-more');
  var fieldset = document.getElementById('search-filters');
  var collator = new Intl.Collator('zh-CN', { numeric: true });
  var pagefind = null, generation = 0, pending = [], shownQuery = '';

  function format(template) {
    var args = arguments;
    return template.replace(/\{(\d)\}/g, function (_, i) { return args[+i + 1]; });
  }
  function say(text) { status.textContent = text; }

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

  async function load() {
    try {
      pagefind = await import(form.dataset.pagefind);
      await pagefind.options({ baseUrl: form.dataset.base });
      await pagefind.init();
      var available = await pagefind.filters();
      FILTERS.forEach(function (f) { fillFilter(f, available[f]); });
      fieldset.hidden = false;
      return true;
    } catch (e) {
      pagefind = null;
      say(status.dataset.unavailable);
      return false;
    }
  }

  function fillFilter(name, counts) {
    var select = form.elements[name], label = select.closest('label');
    if (!counts || Object.keys(counts).length === 0) return;
    var current = select.value;
    var values = Object.keys(counts).sort(name === 'year' ? function (a, b) { return collator.compare(b, a); } : collator.compare);
    values.forEach(function (v) {
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === v; })) select.add(new Option(v, v));
    });
    select.value = current;
    label.hidden = false;
  }

  // Pagefind's positions of the query's words in one record: does every term occur as a run of consecutive words?
  function mayContain(result, parsed) {
    var at = new Set(result.words);
    return parsed.every(function (t) {
      if (!t.positional) return true;
      var first = t.words.findIndex(function (w) { return w !== null; });
      if (first < 0) return true;
      return result.words.some(function (p) {
        var start = p - first;
        return t.words.every(function (w, i) { return w === null || at.has(start + i); });
      });
    });
  }

  function contains(text, list) {
    var haystack = terms.normalize(text || '');
    return list.every(function (t) { return haystack.indexOf(terms.normalize(t)) >= 0; });
  }

  async function candidates(query, parsed, filters, sort) {
    var found = await pagefind.search(query, Object.keys(sort).length ? { filters: filters, sort: sort } : { filters: filters });
    return found.results.filter(function (r) { return mayContain(r, parsed); });
  }

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

  async function renderPlan(result, ctx) {
    var data = await result.data();
    if (!contains(data.content, ctx.terms)) return null;
    var m = data.meta, li = document.createElement('li');
    li.className = 'search-result';
    li.dataset.plan = m.plan || '';
    var h3 = document.createElement('h3');
    h3.append(link(withHighlight(data.url, ctx.q), m.title || data.url));
    li.append(h3);
    var facts = document.createElement('p');
    facts.className = 'search-facts';
    facts.textContent = [m.region, m.year, m.level, m.kind].filter(Boolean).join(' · ');
    li.append(facts);
    li.append(excerpt(data.content, ctx.terms, 90));

    // The plan's items are spans of its text (Index/PlanRecords.cs): list those that contain every term.
    var spans = JSON.parse(m.items || '{"title":0,"items":[]}');
    var base = data.url.split('#')[0], at = spans.title + 1, hits = [];
    spans.items.forEach(function (span) {
      var text = data.content.slice(at, at + span[3]);
      at += span[3] + 1;
      if (contains(text, ctx.terms)) hits.push({ id: span[0], path: span[1], heading: span[2], text: text });
    });
    if (hits.length > 0) {
      var box = document.createElement('div');
      box.className = 'search-items';
      var count = document.createElement('p');
      count.className = 'search-items-count';
      count.textContent = format(results.dataset.items, hits.length);
      var ul = document.createElement('ul');
      box.append(count, ul);
      li.append(box);
      appendItems(ul, hits.splice(0, ITEMS_OPEN), base, ctx);
      if (hits.length > 0) {
        var rest = document.createElement('button');
        rest.type = 'button';
        rest.className = 'search-items-more';
        rest.textContent = format(results.dataset.rest, hits.length);
        rest.addEventListener('click', function () {
          appendItems(ul, hits, base, ctx);
          rest.remove();
          ul.children[ITEMS_OPEN].querySelector('a').focus();
        });
        box.append(rest);
      }
    }
    return li;
  }

  function appendItems(ul, hits, base, ctx) {
    hits.forEach(function (hit) {
      var row = document.createElement('li');
      row.className = 'search-item';
      row.dataset.item = hit.id;
      row.append(link(withHighlight(base + '#' + encodeURIComponent(hit.id), ctx.q), [hit.path, hit.heading].filter(Boolean).join(' ') || hit.id));
      row.append(excerpt(hit.text, ctx.terms, 70));
      ul.append(row);
    });
  }

  async function renderPage(result, ctx) {
    var data = await result.data();
    if (!contains(data.content, ctx.terms)) return null;
    var li = document.createElement('li');
    li.className = 'search-result search-page';
    var h3 = document.createElement('h3');
    h3.append(link(withHighlight(data.url, ctx.q), data.meta.title || data.url));
    li.append(h3);
    li.append(excerpt(data.content, ctx.terms, 90));
    return li;
  }

  async function showMore(ctx, mine) {
    more.hidden = true;
    var batch = pending.splice(0, PAGE_SIZE);
    // Fetched side by side, listed in the order Pagefind ranked (or sorted) them.
    var rendered = await Promise.all(batch.map(function (r) { return renderPlan(r, ctx); }));
    if (mine !== generation) return;
    rendered.forEach(function (li) { if (li) plansList.append(li); else ctx.dropped++; });
    more.hidden = pending.length === 0;
  }

  async function run() {
    writeUrl();
    var mine = ++generation;
    var q = form.elements.q.value.trim();
    plansList.replaceChildren();
    pagesList.replaceChildren();
    pagesHeading.hidden = true;
    more.hidden = true;
    pending = [];
    delete results.dataset.ms;
    results.setAttribute('aria-busy', 'true');
    if (!pagefind) { results.removeAttribute('aria-busy'); return; }
    var parsed = terms.parse(q);
    if (parsed.length === 0) { say(status.dataset.prompt); results.removeAttribute('aria-busy'); return; }
    say(status.dataset.loading);
    var started = performance.now();
    var tokenized = parsed.map(terms.tokens);
    var words = [];
    tokenized.forEach(function (t) { t.words.forEach(function (w) { if (w !== null && words.indexOf(w) < 0) words.push(w); }); });
    var filters = {};
    FILTERS.forEach(function (f) { if (form.elements[f].value) filters[f] = form.elements[f].value; });
    var sortValue = form.elements.sort.value;
    var sort = sortValue === 'year-desc' ? { year: 'desc' } : sortValue === 'year-asc' ? { year: 'asc' } : {};
    var ctx = { q: q, terms: parsed, parsed: tokenized, query: words.join(' '), filters: filters, dropped: 0 };

    var plans = words.length ? await candidates(ctx.query, tokenized, Object.assign({ type: 'plan' }, filters), sort) : [];
    var hasFilter = Object.keys(filters).length > 0;
    var pages = words.length && !hasFilter ? await candidates(ctx.query, tokenized, { type: 'page' }, {}) : [];
    if (mine !== generation) return;

    pending = plans.slice();
    more.onclick = function () { showMore(ctx, mine); };
    await showMore(ctx, mine);
    if (mine !== generation) return;
    var pageItems = await Promise.all(pages.map(function (r) { return renderPage(r, ctx); }));
    if (mine !== generation) return;
    pageItems.forEach(function (li) { if (li) pagesList.append(li); });
    pagesHeading.hidden = pagesList.children.length === 0;
    var planCount = plans.length - ctx.dropped;
    say(planCount === 0 && pagesList.children.length === 0 ? format(status.dataset.empty, q) : format(status.dataset.summary, q, planCount));
    results.dataset.ms = String(Math.round(performance.now() - started));
    results.removeAttribute('aria-busy');
  }

  var timer = 0;
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  form.elements.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 300); });
  form.addEventListener('change', function (e) { if (e.target !== form.elements.q) run(); });

  readUrl();
  load().then(function (ok) { if (ok) { readUrl(); run(); } });
})();

// Every page family of the built sample site (served under /planatlas/) in headless Chromium at a desktop and a
// phone width: a full-page screenshot of each (into PLANATLAS_SCREENSHOTS, kept by CI), and failures for a page
// wider than the viewport, a table column too narrow to read, a chart squeezed by its legend, an English theme id
// in the visible text, a count that disagrees with the data files, and a console error. The pages are found by following the site's own links from the home page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, siteUrl, watchedPage } from './browser.mjs';

const WIDTHS = [1400, 390];
// The families the site must have; the crawl adds any other it finds (each Markdown page is a family of its own).
const REQUIRED = ['home', 'plan', 'compare', 'themes', 'theme', 'clusters', 'cluster', 'citations', 'citation', 'data', 'search',
  'about', 'regions', 'region', 'years', 'year', '404'];
// Pages below a folder of the site: the family of /plans/<id>/ is "plan", of /themes/<id>/ "theme" and so on.
const CHILD = { plans: 'plan', compare: 'compare', themes: 'theme', clusters: 'cluster', citations: 'citation', regions: 'region', years: 'year' };
// Pages a family is shown by when they need more than their address.
const QUERY = { search: 'search/?q=安全生产' };

const screenshots = process.env.PLANATLAS_SCREENSHOTS || join(tmpdir(), 'planatlas-screenshots');
mkdirSync(screenshots, { recursive: true });

const base = siteUrl();
let browser, data;
const errors = [];

// ---- the data files -------------------------------------------------------------------------------------------

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF, a UTF-8 BOM) as objects keyed by the header row. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter(r => r.length > 1 || r[0] !== '').map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

async function csv(name) {
  const response = await fetch(`${base}data/${name}`);
  assert.ok(response.ok, `data/${name}: ${response.status}`);
  return parseCsv(await response.text());
}

/**
 * What every count on the pages must say, from the output's items.csv and plans.csv. An item is a task (items.csv
 * task_id): a body item and the attachment row that restates it are one task; a task carries the themes of its
 * places (items.csv themes: subjects), and mentions a theme that some place mentions and none has as a subject. A
 * cluster groups places (items.csv rows), and counts them.
 */
async function readData() {
  const [items, plans, themes] = await Promise.all([csv('items.csv'), csv('plans.csv'), csv('themes.csv')]);
  const tasks = new Map(); // plan_id + task_id → { plan, themes }
  for (const row of items) {
    if (!row.task_id) continue;
    const key = `${row.plan_id}\u0000${row.task_id}`;
    const task = tasks.get(key) ?? { plan: row.plan_id, themes: new Set(), mentions: new Set() };
    for (const theme of row.themes.split(';')) if (theme) task.themes.add(theme);
    for (const theme of row.mentions.split(';')) if (theme) task.mentions.add(theme);
    tasks.set(key, task);
  }
  const all = [...tasks.values()];
  const count = (key, plan, theme, cluster) => {
    const of = all.filter(t => (!plan || t.plan === plan) && (!theme || t.themes.has(theme)));
    switch (key) {
      case 'places': return items.filter(r => r.cluster && (!cluster || r.cluster === cluster) && (!plan || r.plan_id === plan)).length;
      case 'items': return of.length;
      case 'tagged-items': return of.filter(t => t.themes.size > 0).length;
      case 'mentions': return all.filter(t => (!plan || t.plan === plan) && t.mentions.has(theme) && !t.themes.has(theme)).length;
      case 'plans': return theme ? new Set(of.map(t => t.plan)).size : plans.length;
      default: return undefined;
    }
  };
  // The two files agree with each other before the pages are held to them.
  for (const p of plans) assert.equal(Number(p.task_count), count('items', p.plan_id), `plans.csv task_count of ${p.plan_id} against items.csv`);
  const ids = [...new Set(themes.map(t => t.theme_id))].filter(Boolean);
  assert.ok(ids.length >= 10, `themes.csv has ${ids.length} theme ids`);
  const clusters = [...new Set(items.map(r => r.cluster))].filter(Boolean);
  return { count, plans: plans.map(p => p.plan_id), themeIds: ids, clusters };
}

// ---- the pages ------------------------------------------------------------------------------------------------

/** Every HTML page reachable by links from the home page (hrefs read from the served HTML, no browser). */
async function crawl() {
  const seen = new Set([base]);
  const queue = [base];
  while (queue.length > 0) {
    const url = queue.shift();
    const response = await fetch(url);
    assert.ok(response.ok, `${url}: ${response.status}`);
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
      const link = new URL(href.replaceAll('&amp;', '&'), url);
      link.hash = '';
      link.search = '';
      if (link.origin !== new URL(base).origin || !link.pathname.startsWith(new URL(base).pathname)) continue;
      if (!/(\/|\.html)$/.test(link.pathname) || seen.has(link.href)) continue;
      seen.add(link.href);
      queue.push(link.href);
    }
  }
  return [...seen].sort();
}

/** home, plan, themes, theme, about…: a page's family, from its path below the base. */
function family(url) {
  const parts = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length)).split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  if (parts.length === 1) return parts[0].replace(/\.html$/, '');
  return CHILD[parts[0]] ?? `${parts[0]}-page`;
}

/** Family → the page that shows it (the first of its pages in address order). */
function families(urls) {
  const shown = new Map();
  for (const url of urls) if (!shown.has(family(url))) shown.set(family(url), QUERY[family(url)] ? base + QUERY[family(url)] : url);
  shown.set('404', `${base}404.html`);
  return shown;
}

/** Opens a page and waits until it is complete: search results listed, every chart drawn. */
async function open(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  if (new URL(url).pathname.endsWith('/search/') && new URL(url).search) {
    await page.waitForSelector('#search-results[data-ms]', { state: 'attached', timeout: 20000 });
  }
  // Charts are drawn when they come near the screen: bring each one there, then wait for all of them.
  const charts = await page.locator('.chart-plot').count();
  for (let i = 0; i < charts; i++) await page.locator('.chart-plot').nth(i).scrollIntoViewIfNeeded();
  if (charts > 0) {
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-plot')]
      .every(e => e.hasAttribute('data-drawn') || e.textContent.trim() !== ''), null, { timeout: 20000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Horizontal overflow: the page is wider than the viewport. Names the element reaching furthest right. */
function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= window.innerWidth + 1) return null;
    const clipped = e => {
      for (let a = e.parentElement; a && a !== doc && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    let widest = null;
    for (const e of document.body.querySelectorAll('*')) {
      const right = e.getBoundingClientRect().right + window.scrollX;
      if (right > window.innerWidth + 1 && !clipped(e) && (!widest || right > widest.right)) widest = { e, right };
    }
    const name = e => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map(c => `.${c}`).join('') +
      (e.parentElement && e.parentElement !== document.body ? ` in ${e.parentElement.tagName.toLowerCase()}${[...e.parentElement.classList].map(c => `.${c}`).join('')}` : '');
    return `page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px viewport` +
      (widest ? `; widest: ${name(widest.e)} reaching ${Math.round(widest.right)} px ("${widest.e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}")` : '');
  });
}

/**
 * Table cells too narrow to read, which a page that fits the screen can still have: a cell laid over the next, a
 * text of six characters or more laid out fewer than three characters a line (a title or a definition in a column
 * one character wide), or a number broken across lines (a year as 202/3).
 */
function cramped(page) {
  return page.evaluate(() => {
    const found = [];
    for (const cell of document.querySelectorAll('main td, main th')) {
      // A cell laid over the next one (a row set out as a grid on a phone, a cell wider than its track).
      const next = cell.nextElementSibling, a = cell.getBoundingClientRect(), b = next?.getBoundingClientRect();
      if (b && b.width > 0 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2) {
        found.push(`table cell "${cell.innerText.trim().slice(0, 12)}" lies over the next one`);
      }
      const text = cell.innerText.replace(/\s+/g, '');
      if (text.length < 2 || !cell.checkVisibility()) continue;
      // Lines of text: the boxes of its text, a box below the last line's bottom starting a new line.
      const boxes = [];
      for (const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); walk.nextNode();) {
        const range = document.createRange();
        range.selectNodeContents(walk.currentNode);
        boxes.push(...[...range.getClientRects()].filter(r => r.width > 0 && r.height > 0));
      }
      let lines = 0, bottom = -Infinity;
      for (const r of boxes.sort((a, b) => a.top - b.top)) {
        if (r.top >= bottom - 2) { lines++; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom);
      }
      const number = /^[-+−]?\d[\d.,%]*$/.test(text);
      // A column heading may wrap (a narrow number column under a long heading): only its number may not break.
      const heading = cell.matches('thead th');
      if ((number && lines > 1) || (!heading && text.length >= 6 && text.length / lines < 3)) {
        found.push(`table cell "${text.slice(0, 12)}" is ${Math.round(cell.getBoundingClientRect().width)} px wide: ${lines} lines of ${(text.length / lines).toFixed(1)} characters`);
      }
    }
    return found.slice(0, 5);
  });
}

/**
 * Charts a reader cannot read: the plot area squeezed below a third of the figure's width (by a legend or labels
 * beside it), a category axis that leaves out some of its labels (every other theme) or lays them over each other.
 */
function squeezed(page) {
  return page.evaluate(() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const full = plot._fullLayout ?? {};
    const width = plot.getBoundingClientRect().width;
    const title = plot.closest('figure')?.querySelector('figcaption')?.textContent.trim() ?? plot.id;
    const found = [];
    if (full._size && full._size.w < width / 3) found.push(`chart "${title}": its plot is ${Math.round(full._size.w)} px of ${Math.round(width)} px`);
    for (const [key, axis] of Object.entries(full)) {
      if (!/^[xy]axis\d*$/.test(key) || axis?.type !== 'category' || !axis._categories) continue;
      // Each label as a box along its own direction (Plotly turns crowded labels): centre, length, height, angle.
      const labels = [...plot.querySelectorAll(`.${axis._id}tick text`)].map(t => {
        const r = t.getBoundingClientRect(), box = t.getBBox();
        const angle = Number(/rotate\(([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? 0) * Math.PI / 180;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: box.width, h: box.height * 0.8, angle };
      });
      if (labels.length < axis._categories.length) found.push(`chart "${title}": ${labels.length} of its ${axis._categories.length} labels on ${key}`);
      const overlaps = (a, b) => {
        const dx = b.x - a.x, dy = b.y - a.y, ux = Math.cos(a.angle), uy = Math.sin(a.angle);
        return Math.abs(dx * ux + dy * uy) < (a.w + b.w) / 2 && Math.abs(dy * ux - dx * uy) < (a.h + b.h) / 2;
      };
      const over = labels.filter((a, i) => i > 0 && overlaps(labels[i - 1], a)).length;
      if (over > 0) found.push(`chart "${title}": ${over} labels on ${key} lie over the one before`);
    }
    return found;
  }));
}

/** English theme ids as whole words in what a reader sees (innerText: no attributes, no URLs), with context. */
async function englishIds(page) {
  const text = await page.evaluate(() => document.body.innerText);
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])(${data.themeIds.join('|')})(?![A-Za-z0-9_-])`, 'gi');
  return [...text.matchAll(pattern)].map(m => `"${m[1]}" in "${text.slice(Math.max(0, m.index - 15), m.index + m[1].length + 15).replace(/\s+/g, ' ')}"`);
}

/** Every count the page marks (data-count, with data-plan / data-theme / data-cluster) that its visible text or the data contradict. */
async function counts(page) {
  const marked = await page.$$eval('[data-count]', es => es.map(e => ({
    key: e.dataset.count, plan: e.dataset.plan ?? '', theme: e.dataset.theme ?? '', cluster: e.dataset.cluster ?? '',
    text: e.innerText.trim(), visible: e.checkVisibility(),
  })));
  const wrong = [];
  for (const m of marked) {
    const want = data.count(m.key, m.plan, m.theme, m.cluster);
    const what = `${m.key}${m.plan ? ` of plan ${m.plan}` : ''}${m.theme ? ` of theme ${m.theme}` : ''}${m.cluster ? ` of cluster ${m.cluster}` : ''}`;
    if (want === undefined) wrong.push(`data-count="${m.key}" is not a count the test knows`);
    else if (!m.visible) wrong.push(`${what} is marked but not visible`);
    else if (m.text !== String(want)) wrong.push(`${what}: the page says "${m.text}", the data ${want}`);
  }
  return { marked, wrong };
}

before(async () => {
  browser = await launch();
  data = await readData();
});

after(async () => { await browser?.close(); });

const urls = await crawl();
const shown = families(urls);

test('the site has every page family', () => {
  assert.deepEqual(REQUIRED.filter(f => !shown.has(f)), [], `families found: ${[...shown.keys()].join(', ')}`);
});

for (const width of WIDTHS) {
  for (const [name, url] of shown) {
    test(`${name} at ${width} px: fits the screen, readable tables and charts, no English theme id, counts agree with the data`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await watchedPage(context, errors);
        await open(page, url);
        await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
        const problems = [await overflow(page), ...await cramped(page), ...await squeezed(page), ...(await englishIds(page)).map(m => `English theme id ${m}`), ...(await counts(page)).wrong];
        assert.deepEqual(problems.filter(Boolean), [], `${url} at ${width} px`);
      } finally {
        await context.close();
      }
    });
  }
}

test('every page at 390 px: no wider than the screen, readable tables, no English theme id; every marked count agrees with the data', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await watchedPage(context, errors);
  const problems = [];
  const checked = { home: [], plan: [], theme: [], cluster: [] };
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
    const { marked, wrong } = await counts(page);
    problems.push(...[await overflow(page), ...await cramped(page), ...(await englishIds(page)).map(m => `English theme id ${m}`), ...wrong]
      .filter(Boolean).map(p => `${decodeURI(url.slice(base.length)) || '/'}: ${p}`));
    const f = family(url);
    if (f in checked) checked[f].push(...marked.map(m => `${m.key}:${m.plan}:${m.theme}:${m.cluster}`));
  }
  await context.close();
  assert.deepEqual(problems, []);
  // The counts a reader compares must be marked, so that the check above holds them to the data.
  assert.ok(checked.home.includes('items:::') && checked.home.includes('plans:::'), 'the home page marks no site total of items and plans');
  for (const plan of data.plans) assert.ok(checked.plan.includes(`items:${plan}::`), `the page of plan ${plan} marks no item count`);
  for (const theme of data.themeIds) assert.ok(checked.theme.includes(`items::${theme}:`), `the page of theme ${theme} marks no item count`);
  for (const cluster of data.clusters) assert.ok(checked.cluster.includes(`places:::${cluster}`), `the page of cluster ${cluster} marks no count of its places`);
});

test('no page logged a console error', () => {
  assert.deepEqual(errors, []);
});

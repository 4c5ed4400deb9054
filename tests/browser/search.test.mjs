// End-to-end search on the built sample site (served under /planatlas/) in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, watchedPage } from './browser.mjs';

const TERMS = ['打非治违', '燃气', '自建房', '三管三必须', '瓶装液化气', '安全生产', '危险化学品', '消防', '2023年', '不存在的词语组合'];
let browser, base, truth;
const errors = [];

const norm = s => s.normalize('NFKC').toLowerCase();

// What the plan pages themselves say: each plan's title, year and text, and the text of each item (by anchor id).
async function readPlans(context) {
  const page = await watchedPage(context, errors);
  await page.goto(base);
  const urls = await page.$$eval('#plan-table tbody a[href*="/plans/"]', as => as.map(a => a.href));
  const plans = [];
  for (const url of urls) {
    await page.goto(url);
    plans.push(await page.evaluate(() => ({
      id: document.querySelector('article.plan').dataset.planId,
      year: document.querySelector('.plan-facts a[href*="/years/"]')?.textContent.trim() ?? '',
      province: document.querySelector('.breadcrumbs li:nth-child(2) a')?.textContent.trim() ?? '',
      facts: document.querySelector('.plan-facts').textContent,
      // The plan's own text: links to other plans (see also) and extracted facts are not the plan's words.
      text: document.querySelector('h1').textContent + '\n' + (() => {
        const own = document.querySelector('.plan-text').cloneNode(true);
        own.querySelectorAll('.see-also, .item-facts, [data-search-ignore]').forEach(e => e.remove());
        document.body.appendChild(own);
        const text = own.innerText;
        own.remove();
        return text;
      })(),
      items: Array.from(document.querySelectorAll('.plan-text [id]')).map(e => ({
        id: e.id, text: (e.matches('.item') ? e.querySelector('p') : e).textContent,
      })),
    })));
  }
  await page.close();
  return plans;
}

function expected(term, year, where = () => true) {
  return truth.filter(p => (!year || p.year === year) && where(p) && norm(p.text).includes(norm(term))).map(p => p.id).sort();
}

// Opens search/?query and waits for the results. Counts what the search fetched from the index (search/index/),
// as bytes on the wire including headers.
async function search(context, query) {
  const page = await watchedPage(context, errors);
  const fetched = [];
  const onFinished = request => { if (request.url().includes('/search/index/')) fetched.push(request.sizes()); };
  context.on('requestfinished', onFinished);
  const started = Date.now();
  await page.goto(`${base}search/?${query}`);
  await page.waitForSelector('#search-results[data-ms]', { state: 'attached', timeout: 20000 });
  const wall = Date.now() - started;
  context.off('requestfinished', onFinished);
  const sizes = await Promise.all(fetched);
  const stats = {
    ms: Number(await page.getAttribute('#search-results', 'data-ms')),
    requests: sizes.length,
    bytes: sizes.reduce((n, s) => n + s.responseBodySize + s.responseHeadersSize, 0),
  };
  return { page, wall, stats };
}

async function listed(page) {
  // Open every plan's full item list ("显示其余 n 条"), one button at a time.
  for (let left = await page.locator('.search-items-more').count(); left > 0; left--) {
    await page.locator('.search-items-more').first().click();
    await page.waitForFunction(n => document.querySelectorAll('.search-items-more').length < n, left);
  }
  return page.$$eval('#search-plans > li', lis => lis.map(li => ({
    plan: li.dataset.plan,
    facts: li.querySelector('.search-facts').textContent,
    marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent),
    items: Array.from(li.querySelectorAll('.search-item')).map(i => i.dataset.item),
  })));
}

before(async () => {
  base = siteUrl();
  browser = await launch();
  const context = await browser.newContext();
  truth = await readPlans(context);
  await context.close();
  assert.ok(truth.length >= 5, `only ${truth.length} plans on the home page`);
});

after(async () => { await browser?.close(); });

test('every term lists exactly the plans and items that contain it', async () => {
  const report = [];
  for (const term of TERMS) {
    const context = await browser.newContext(); // cold cache: bytes per query as a first-time visitor sees them
    const { page, wall, stats } = await search(context, new URLSearchParams({ q: term }));
    const results = await listed(page);
    const want = expected(term);
    assert.deepEqual(results.map(r => r.plan).sort(), want, `plans for ${term}`);
    for (const r of results) {
      assert.ok(r.marks.length > 0 && r.marks.every(m => norm(m) === norm(term)), `${term}: ${r.plan} has no highlighted hit`);
      const plan = truth.find(p => p.id === r.plan);
      const items = plan.items.filter(i => norm(i.text).includes(norm(term))).map(i => i.id).sort();
      assert.deepEqual([...r.items].sort(), items, `items of ${r.plan} for ${term}`);
    }
    report.push(`${term}: ${results.length} plans (exact ${want.length}), ${results.reduce((n, r) => n + r.items.length, 0)} items; ` +
      `search ${stats.ms} ms, page to results ${wall} ms, ${stats.requests} index requests, ${stats.bytes} bytes`);
    await context.close();
  }
  console.log(report.join('\n'));
});

test('a phrase whose pairs occur apart is read and dropped: only exact hits are listed', async () => {
  const context = await browser.newContext();
  // 加强 and 强化 are in every sample plan, 加强化 in none: the index offers candidates, their texts rule them out.
  const { page } = await search(context, new URLSearchParams({ q: '加强化' }));
  const candidates = Number(await page.getAttribute('#search-results', 'data-candidates'));
  assert.deepEqual(expected('加强化'), []);
  assert.ok(candidates > 0, 'the index offered no candidate: the text check is not exercised');
  assert.equal((await listed(page)).length, 0);
  assert.match(await page.textContent('#search-status'), /加强化/);
  await context.close();
});

test('results sort by year', async () => {
  const context = await browser.newContext();
  for (const [sort, order] of [['year-asc', 1], ['year-desc', -1]]) {
    const { page } = await search(context, new URLSearchParams({ q: '安全生产', sort }));
    const years = (await listed(page)).map(r => Number(r.facts.match(/(19|20)\d\d/)[0]));
    assert.ok(years.length >= 3);
    assert.deepEqual(years, [...years].sort((a, b) => order * (a - b)), `${sort}: ${years}`);
  }
  await context.close();
});

test('打非治违 comes from at least three plans and a result opens its item with the term highlighted', async () => {
  const context = await browser.newContext();
  const { page } = await search(context, new URLSearchParams({ q: '打非治违' }));
  const results = await listed(page);
  assert.ok(new Set(results.map(r => r.plan)).size >= 3, `results from ${results.length} plans`);
  const link = page.locator('.search-item a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^\/planatlas\/plans\/[^/]+\/\?highlight=.+#.+/);
  const item = decodeURIComponent(href.split('#')[1]);
  await Promise.all([page.waitForURL(/\/plans\//), link.click()]);
  await page.waitForSelector('mark.search-hit');
  assert.equal(decodeURIComponent(new URL(page.url()).hash.slice(1)), item);
  const marked = await page.$$eval(`[id="${item}"] mark.search-hit`, ms => ms.map(m => m.textContent));
  assert.ok(marked.length > 0 && marked.every(m => m === '打非治违'), `item ${item} highlights ${marked}`);
  await context.close();
});

test('a year filter narrows the results and is kept in the URL', async () => {
  const context = await browser.newContext();
  const { page } = await search(context, new URLSearchParams({ q: '打非治违' }));
  const all = await listed(page);
  await page.selectOption('select[name=year]', '2023');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2023');
  await page.waitForSelector('#search-results[data-ms]', { state: 'attached' });
  const narrowed = await listed(page);
  assert.deepEqual(narrowed.map(r => r.plan).sort(), expected('打非治违', '2023'));
  assert.ok(narrowed.length < all.length, `year filter kept ${narrowed.length} of ${all.length}`);
  assert.ok(narrowed.every(r => r.facts.includes('2023')));

  // The same search opened from a shared link.
  const shared = await search(context, new URLSearchParams({ q: '燃气', year: '2023' }));
  assert.deepEqual((await listed(shared.page)).map(r => r.plan).sort(), expected('燃气', '2023'));
  assert.equal(await shared.page.inputValue('select[name=year]'), '2023');
  await context.close();
});

test('province and level filters narrow to the plans of that province and level', async () => {
  const context = await browser.newContext();
  for (const [term, filter, where] of [
    ['安全生产', { province: '山西省' }, p => p.province === '山西省'],
    ['燃气', { level: '县级' }, p => p.facts.includes('县级')],
    ['安全生产', { level: '市级', year: '2023' }, p => p.facts.includes('市级') && p.year === '2023'],
  ]) {
    const { page } = await search(context, new URLSearchParams({ q: term, ...filter }));
    const want = expected(term, undefined, where);
    assert.ok(want.length > 0 && want.length < truth.length, `${JSON.stringify(filter)} should narrow`);
    assert.deepEqual((await listed(page)).map(r => r.plan).sort(), want, `${term} ${JSON.stringify(filter)}`);
  }
  await context.close();
});

test('a theme filter from a shared link narrows to the plans tagged with that theme, sorted as asked', async () => {
  const context = await browser.newContext();
  const all = await listed((await search(context, new URLSearchParams({ q: '安全生产' }))).page);
  const { page } = await search(context, new URLSearchParams({ q: '安全生产', theme: '自建房安全', sort: 'year-desc' }));
  const narrowed = await listed(page);
  assert.equal(await page.inputValue('select[name=theme]'), '自建房安全');
  assert.equal(await page.inputValue('select[name=sort]'), 'year-desc');
  assert.ok(narrowed.length > 0 && narrowed.length < all.length, `theme kept ${narrowed.length} of ${all.length}`);
  // The 2018 Ezhou plan says nothing of self-built housing (Index/SearchIndexTests).
  assert.ok(!narrowed.some(r => r.plan === '420700-2018'));
  const years = narrowed.map(r => Number(r.facts.match(/(19|20)\d\d/)[0]));
  assert.deepEqual(years, [...years].sort((a, b) => b - a));

  // Changing a filter rewrites the URL; clearing it lists every plan again.
  await page.selectOption('select[name=theme]', '');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('theme'));
  await page.waitForSelector('#search-results[data-ms]', { state: 'attached' });
  assert.equal((await listed(page)).length, all.length);
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'year-desc');
  await context.close();
});

test('other pages are listed apart, ten at a time, and link under the base path', async () => {
  const context = await browser.newContext();
  const { page } = await search(context, new URLSearchParams({ q: '县' }));
  const links = () => page.$$eval('#search-pages > li h3 a', as => as.map(a => a.getAttribute('href')));
  const first = await links();
  assert.equal(first.length, 10);
  assert.ok(first.every(h => h.startsWith('/planatlas/') && !h.includes('/plans/')), first.join(' '));
  assert.ok(await page.isVisible('#search-pages-more'));
  await page.click('#search-pages-more');
  await page.waitForFunction(() => document.querySelectorAll('#search-pages > li').length > 10);
  const more = await links();
  assert.ok(more.length > 10 && new Set(more).size === more.length, `${more.length} pages, some twice`);
  const plans = await page.$$eval('#search-plans > li h3 a', as => as.map(a => a.getAttribute('href')));
  assert.ok(plans.length > 0 && plans.every(h => h.startsWith('/planatlas/plans/')), plans.join(' '));
  await context.close();
});

test('the header search box of any page searches from the keyboard', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context, errors);
  await page.goto(`${base}plans/${truth[0].id}/`);
  await page.locator('#header-q').focus();
  await page.keyboard.type('自建房');
  await Promise.all([page.waitForURL(/\/planatlas\/search\/\?q=/), page.keyboard.press('Enter')]);
  await page.waitForSelector('#search-results[data-ms]', { state: 'attached' });
  assert.deepEqual((await listed(page)).map(r => r.plan).sort(), expected('自建房'));
  await context.close();
});

test('no page logged a console error', () => {
  assert.deepEqual(errors, []);
});

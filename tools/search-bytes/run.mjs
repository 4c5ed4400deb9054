// Bytes a search fetches on an already built site: for each query, a fresh browser context (cold cache, a
// first-time visitor) opens search/?q=…, waits for the results and sums what came from search/index/ over the
// wire (headers and gzip-compressed bodies, as served by tools/static-server.mjs). Builds nothing itself. Usage:
//   node tools/search-bytes/run.mjs OUTPUT_DIR [--base-path /x/] [--json FILE] [query ...]
// Needs Chromium (CHROMIUM_PATH, else /usr/bin/chromium) and `npm ci` (playwright-core is a devDependency).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../../tests/browser/browser.mjs';
import { normalizeBasePath, serveStatic, takeOption } from '../static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const basePath = normalizeBasePath(option('--base-path', '/'));
const jsonFile = option('--json', null);
const [root, ...queries] = args;
if (!root || !existsSync(join(root, 'search', 'index.html'))) {
  console.error('usage: node tools/search-bytes/run.mjs OUTPUT_DIR [--base-path /x/] [--json FILE] [query ...]');
  process.exit(2);
}
// Rare and common words, a long phrase, a slogan, and a filter: the kinds of query researchers type.
const terms = queries.length > 0 ? queries
  : ['打非治违', '燃气', '自建房', '安全生产', '危险化学品', '三管三必须', '瓶装液化气', '安全生产责任制', '不存在的词语组合', '燃气 year=2023'];

const server = await serveStatic(root, basePath);
const browser = await launch();
const rows = [];
try {
  for (const term of terms) {
    const [q, ...filters] = term.split(' ');
    const params = new URLSearchParams({ q });
    for (const f of filters) { const [k, v] = f.split('='); params.append(k, v); }
    const context = await browser.newContext();
    const fetched = [];
    context.on('requestfinished', (request) => { if (request.url().includes('/search/index/')) fetched.push(request.sizes()); });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.origin}${basePath}search/?${params}`);
    await page.waitForSelector('#search-results[data-ms]', { state: 'attached', timeout: 60000 });
    const wall = Date.now() - started;
    const sizes = await Promise.all(fetched);
    const row = {
      query: term,
      results: await page.locator('#search-plans > li').count(),
      status: (await page.textContent('#search-status')).trim(),
      requests: sizes.length,
      bytes: sizes.reduce((n, s) => n + s.responseBodySize + s.responseHeadersSize, 0),
      ms: wall,
    };
    rows.push(row);
    console.log(`${row.query}\t${row.requests} requests\t${(row.bytes / 1024).toFixed(1)} KB\t${row.ms} ms\t${row.status}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`largest: ${(Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1)} KB`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2) + '\n');

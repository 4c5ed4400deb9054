// Lighthouse scores of an already built site: serves the output folder on 127.0.0.1, audits the home page, the
// first plan page, the first theme page and the first compare page (or the pages given), and prints the scores.
// It builds nothing itself. Usage:
//   node tools/lighthouse/run.mjs OUTPUT_DIR [--base-path /x/] [--preset mobile|desktop] [--json FILE] [page ...]
// Needs Chromium (CHROME_PATH, else /usr/bin/chromium) and `npm ci` (lighthouse is a devDependency).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { normalizeBasePath, serveStatic, takeOption } from '../static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const basePath = normalizeBasePath(option('--base-path', '/'));
const preset = option('--preset', 'mobile');
const jsonFile = option('--json', null);
const [root, ...pages] = args;
if (!root || !existsSync(join(root, 'index.html'))) {
  console.error('usage: node tools/lighthouse/run.mjs OUTPUT_DIR [--base-path /x/] [--preset mobile|desktop] [--json FILE] [page ...]');
  process.exit(2);
}
const site = resolve(root);

const firstPage = (folder) => {
  const dir = join(site, folder);
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir).sort().find((n) => existsSync(join(dir, n, 'index.html')));
  return name ? `${folder}/${name}/` : null;
};
const targets = pages.length > 0 ? pages : ['', firstPage('plans'), firstPage('themes'), firstPage('compare')].filter((p) => p !== null);

const server = await serveStatic(site, basePath);
const origin = server.origin;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const results = [];
try {
  for (const page of targets) {
    const url = origin + basePath + page;
    const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories }, config);
    const lhr = run.lhr;
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const metric = (id) => lhr.audits[id]?.displayValue ?? '';
    const row = { page: '/' + page, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
      seo: score('seo'), fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'), bytes: metric('total-byte-weight') };
    const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
      && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual').map((a) => a.id);
    row.flagged = failing;
    results.push(row);
    console.log(`${row.page}\tperf ${row.performance}\ta11y ${row.accessibility}\tbp ${row.bestPractices}\tseo ${row.seo}\tFCP ${row.fcp}\tLCP ${row.lcp}\tTBT ${row.tbt}\tCLS ${row.cls}\t${row.bytes}`);
    if (failing.length > 0) console.log(`  flagged: ${failing.join(', ')}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ preset, results }, null, 2) + '\n');

// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (no browser download).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath() {
  const found = candidates.find(p => p && existsSync(p));
  if (!found) {
    throw new Error('Chromium was not found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
      'Install it with `apt-get install -y chromium fonts-noto-cjk` (.ci/run does this) or set CHROMIUM_PATH.');
  }
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The site under test, e.g. http://127.0.0.1:41234/planatlas/ (set by the xunit test that serves it). */
export function siteUrl() {
  const url = process.env.PLANATLAS_SITE_URL;
  if (!url) throw new Error('PLANATLAS_SITE_URL is not set: run these tests through `dotnet test` (Site/BrowserTests), which builds and serves the sample site');
  return url.endsWith('/') ? url : url + '/';
}

/** A page that records console errors and uncaught exceptions into `errors`. */
export async function watchedPage(context, errors) {
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') errors.push(`${page.url()}: console error: ${m.text()}`); });
  page.on('pageerror', e => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

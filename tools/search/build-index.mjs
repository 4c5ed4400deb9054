// Writes the Pagefind index of a PlanAtlas site from records the C# index stage pipes in on stdin:
// {"language":"zh-cn","output":"/abs/site/pagefind","records":[{url,content,meta,filters,sort}]}.
// Records, not a crawl: the build already holds every plan and item as data, so it decides exactly what is
// indexed (no page chrome), gives each item its own result, and pre-splits Chinese text (see Index/SearchText.cs).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createIndex, close } from 'pagefind';

// Pagefind's ready-made interfaces; the site has its own search page (theme/assets/js/search.js), so these
// would only be dead weight in the published site.
const unusedFiles = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(Buffer.concat(chunks).toString('utf8'));

function fail(message) {
  console.error(`pagefind: ${message}`);
  process.exitCode = 1;
}

try {
  const { index, errors } = await createIndex({ forceLanguage: job.language });
  if (errors.length > 0 || !index) {
    fail(errors.join('; ') || 'could not create the index');
  } else {
    let words = 0;
    // Sent in batches rather than one round trip at a time (about twice as fast on the sample). Pagefind
    // orders what it writes itself: the files came out byte-identical to one-at-a-time adding, run after run,
    // and the build's determinism test checks it.
    const batch = 500;
    for (let start = 0; start < job.records.length; start += batch) {
      const slice = job.records.slice(start, start + batch);
      const added = await Promise.all(slice.map(r => index.addCustomRecord({
        url: r.url, content: r.content, language: job.language,
        meta: r.meta ?? {}, filters: r.filters ?? {}, sort: r.sort ?? {},
      })));
      added.forEach((a, i) => {
        if (a.errors.length > 0) fail(`${slice[i].url}: ${a.errors.join('; ')}`);
        else words += a.file?.uniqueWords ?? 0;
      });
    }
    const written = await index.writeFiles({ outputPath: job.output });
    if (written.errors.length > 0) {
      fail(written.errors.join('; '));
    } else {
      unusedFiles.forEach(f => rmSync(join(job.output, f), { force: true }));
      console.log(JSON.stringify({ records: job.records.length, uniqueWords: words }));
    }
  }
} catch (e) {
  fail(e?.message ?? String(e));
} finally {
  await close();
}

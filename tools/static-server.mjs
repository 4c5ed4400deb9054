// What the measuring scripts (tools/lighthouse, tools/search-bytes) share: their option parsing, and a static file
// server on 127.0.0.1 that serves OUTPUT_DIR under a base path, gzips text as static hosts (GitHub Pages among
// them) do, and never serves outside the folder.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml', '.csv': 'text/csv', '.wasm': 'application/wasm', '.txt': 'text/plain' };

/** Removes `--name value` from args and returns the value (or the fallback): the measuring scripts' options. */
export function takeOption(args, name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

/** "/x", "x/" or "/x/" → "/x/"; "" → "/". */
export function normalizeBasePath(path) {
  return path.replace(/\/?$/, '/').replace(/^\/?/, '/');
}

/** Starts serving; resolves to { origin, close }. */
export async function serveStatic(root, basePath = '/') {
  const site = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(basePath)) { res.writeHead(404).end(); return; }
    let file = normalize(join(site, path.slice(basePath.length)));
    if (file !== site && !file.startsWith(site + sep)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    const type = types[extname(file)] ?? 'application/octet-stream';
    // Measuring without compression would flag what the host does anyway.
    if (/^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { 'content-type': type });
      createReadStream(file).pipe(res);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

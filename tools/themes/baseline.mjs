// The researcher baseline for cluster agreement, run with `node tools/themes/baseline.mjs`.
//
// What researchers usually do in Python: jieba.lcut → TfidfVectorizer() → KMeans(n_clusters=k, random_state=…).
// PyPI is not reachable from this build machine, so this is the same pipeline in Node:
//   * segmentation: jieba itself (jieba-rs compiled to WebAssembly, npm jieba-wasm 2.4.0), cut(text, hmm=true);
//   * TF-IDF: re-implemented with scikit-learn's TfidfVectorizer defaults — token_pattern (?u)\b\w\w+\b (tokens of
//     two or more word characters; jieba's tokens are joined with spaces first, so single characters are dropped),
//     lowercase, raw counts, smooth idf = ln((1+n)/(1+df)) + 1, l2 norm;
//   * KMeans: re-implemented with scikit-learn's defaults — greedy k-means++ (2 + ln k local trials), Lloyd
//     iterations, max_iter 300, tol 1e-4 relative to the mean feature variance, n_init 1 ('auto' with k-means++).
// numpy's random generator cannot be reproduced here, so the baseline is run with seeds 0..9 and every run is
// written out; the test compares PlanAtlas's clusters with the mean agreement of those runs (and reports the best).
//
// Input: tests/fixtures/themes/reference.tsv (the hand-labelled items). k = the number of distinct primary themes.
// Output: tests/fixtures/themes/baseline-assignments.tsv: seed, k, then one cluster label per reference row.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cut } from 'jieba-wasm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures/themes');
const lines = readFileSync(path.join(fixtures, 'reference.tsv'), 'utf8').split('\n').filter(l => l && !l.startsWith('#'));
const header = lines[0].split('\t');
const rows = lines.slice(1).map(l => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
const k = new Set(rows.map(r => r.primary)).size;

// TfidfVectorizer defaults on space-joined jieba tokens.
const tokenPattern = /[\p{L}\p{N}_]{2,}/gu;
const docs = rows.map(r => (cut(r.text, true).join(' ').toLowerCase().match(tokenPattern) ?? []));
const vocabulary = [...new Set(docs.flat())].sort();
const index = new Map(vocabulary.map((t, i) => [t, i]));
const df = new Float64Array(vocabulary.length);
for (const d of docs) for (const t of new Set(d)) df[index.get(t)]++;
const n = docs.length;
const idf = Array.from(df, f => Math.log((1 + n) / (1 + f)) + 1);
const X = docs.map(d => {
  const v = new Float64Array(vocabulary.length);
  for (const t of d) v[index.get(t)] += 1;
  let norm = 0;
  for (let j = 0; j < v.length; j++) { v[j] *= idf[j]; norm += v[j] * v[j]; }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return v;
});

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const dist2 = (a, b) => { let s = 0; for (let j = 0; j < a.length; j++) { const d = a[j] - b[j]; s += d * d; } return s; };

function kmeansPlusPlus(rand) {
  const trials = 2 + Math.floor(Math.log(k));
  const centers = [X[Math.floor(rand() * n)]];
  let closest = X.map(x => dist2(x, centers[0]));
  while (centers.length < k) {
    const total = closest.reduce((a, b) => a + b, 0);
    let best = null;
    for (let t = 0; t < trials; t++) {
      let r = rand() * total, c = 0;
      while (c < n - 1 && r >= closest[c]) { r -= closest[c]; c++; }
      const next = closest.map((d, i) => Math.min(d, dist2(X[i], X[c])));
      const pot = next.reduce((a, b) => a + b, 0);
      if (!best || pot < best.pot) best = { c, pot, next };
    }
    centers.push(X[best.c]);
    closest = best.next;
  }
  return centers.map(c => Float64Array.from(c));
}

function kmeans(seed) {
  const rand = mulberry32(seed);
  let centers = kmeansPlusPlus(rand);
  // sklearn: tol is relative to the mean variance of the features.
  const mean = new Float64Array(vocabulary.length);
  for (const x of X) for (let j = 0; j < x.length; j++) mean[j] += x[j] / n;
  let variance = 0;
  for (const x of X) for (let j = 0; j < x.length; j++) variance += (x[j] - mean[j]) ** 2 / n;
  const tol = 1e-4 * variance / vocabulary.length;
  let labels = new Array(n).fill(0);
  for (let iter = 0; iter < 300; iter++) {
    labels = X.map(x => { let b = 0, bd = Infinity; centers.forEach((c, i) => { const d = dist2(x, c); if (d < bd) { bd = d; b = i; } }); return b; });
    const next = centers.map(() => new Float64Array(vocabulary.length));
    const counts = new Array(k).fill(0);
    X.forEach((x, i) => { counts[labels[i]]++; const c = next[labels[i]]; for (let j = 0; j < x.length; j++) c[j] += x[j]; });
    next.forEach((c, i) => { if (counts[i] === 0) next[i] = centers[i]; else for (let j = 0; j < c.length; j++) c[j] /= counts[i]; });
    const shift = next.reduce((s, c, i) => s + dist2(c, centers[i]), 0);
    centers = next;
    if (shift <= tol) break;
  }
  return labels;
}

const out = ['# Baseline clusterings (tools/themes/baseline.mjs): jieba-wasm + TF-IDF and KMeans with scikit-learn defaults.',
  '# seed\tk\tlabels (one per reference row, in file order)'];
for (let seed = 0; seed < 10; seed++) out.push(`${seed}\t${k}\t${kmeans(seed).join(',')}`);
writeFileSync(path.join(fixtures, 'baseline-assignments.tsv'), out.join('\n') + '\n');
console.log(`baseline: ${n} items, ${vocabulary.length} terms, k = ${k}, 10 seeds written`);

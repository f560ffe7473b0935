#!/usr/bin/env node
// Measures what the web app makes a browser download before a screen can show: the entry's JS and CSS with
// everything they import statically, plus the first screen's route chunks and the English strings. Reads the
// Vite manifest of the last build (dist/web/.vite/manifest.json) and sums gzip sizes.
//   node scripts/bundle-size.mjs [--json] [--budget 200]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist', 'web');
const manifestPath = path.join(dist, '.vite', 'manifest.json');

/** The screens measured: the modules their route loads on top of the entry. */
const screens = {
  'sign-in page': ['src/features/auth/sign-in-page.tsx', 'src/i18n/en.json'],
  'app after sign-in (home)': [
    'src/app/signed-in.tsx',
    'src/features/home/home-page.tsx',
    'src/i18n/en.json',
  ],
};

function gzipBytes(file) {
  return gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
}

/** Every file a set of manifest entries loads before it runs: static imports, transitively, and their CSS. */
function closure(manifest, keys) {
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest: was the app built?`);
    if (js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { js, css };
}

function brotliBytes(file) {
  const content = readFileSync(path.join(dist, file));
  return brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function sum(files, size = gzipBytes) {
  let total = 0;
  for (const file of files) total += size(file);
  return total;
}

/** Measures each screen; sizes in bytes, gzipped. */
export function measureBundles() {
  if (!existsSync(manifestPath)) throw new Error('No build found: run `npm run build` first.');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('The Vite manifest names no entry.');
  return Object.entries(screens).map(([screen, keys]) => {
    const { js, css } = closure(manifest, [entryKey, ...keys]);
    const jsBytes = sum(js);
    const cssBytes = sum(css) + gzipBytes('index.html');
    const brotliBytesTotal = sum(js, brotliBytes) + sum(css, brotliBytes) + brotliBytes('index.html');
    return {
      screen,
      jsBytes,
      cssBytes,
      totalBytes: jsBytes + cssBytes,
      brotliBytes: brotliBytesTotal,
      files: js.size + css.size + 1,
    };
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf('--budget');
  const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 200;
  const results = measureBundles();
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ budgetKb, results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      process.stdout.write(
        `${r.screen}: JS ${kb(r.jsBytes)} + CSS/HTML ${kb(r.cssBytes)} = ${kb(r.totalBytes)} gzipped, ${kb(r.brotliBytes)} with brotli (${r.files} files)\n`,
      );
    }
  }
  const over = results.filter((r) => r.totalBytes > budgetKb * 1024);
  if (over.length > 0) {
    process.stderr.write(`Over the ${budgetKb} KB budget: ${over.map((r) => r.screen).join(', ')}\n`);
    process.exitCode = 1;
  }
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webDist = path.join(root, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources (web/, common/, the config). */
export async function ensureWebBuild(): Promise<'built' | 'fresh'> {
  const index = path.join(webDist, 'index.html');
  const manifest = path.join(webDist, '.vite', 'manifest.json');
  const sources = [path.join(root, 'web'), path.join(root, 'common')];
  const builtAt = existsSync(index) && existsSync(manifest) ? statSync(index).mtimeMs : 0;
  const stale =
    builtAt === 0 ||
    sources.some((dir) => newestMtime(dir) > builtAt) ||
    statSync(path.join(root, 'vite.config.ts')).mtimeMs > builtAt;
  if (!stale) return 'fresh';
  const vite = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle: build what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return 'built';
}

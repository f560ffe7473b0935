import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { startPassage } from '../server/main.ts';
import { webDistDir } from '../server/app.ts';
import type * as Vite from 'vite';
import type { Command } from './main.ts';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the web app when the build is missing or older than its sources, so `npm start` is the only step. */
async function ensureWebBuild(): Promise<void> {
  const index = path.join(webDistDir, 'index.html');
  const sources = [path.join(root, 'web'), path.join(root, 'common')];
  const stale = !existsSync(index) || sources.some((dir) => newestMtime(dir) > statSync(index).mtimeMs);
  if (!stale) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    process.stderr.write('The web app is not built and Vite is not installed: run `npm run build` first.\n');
    return;
  }
  process.stderr.write('Building the web app…\n');
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

/** `passage start`: serve the web app and API until stopped. */
export const startCommand: Command = {
  summary: 'Start Passage (embedded database by default) and serve http://localhost:3000',
  async run() {
    const config = loadConfig();
    if (!config.isProduction && !config.skipWebBuild) await ensureWebBuild();
    const passage = await startPassage(config);
    process.stderr.write(`Passage is ready at ${config.origin.origin}\n`);
    await waitForSignal();
    await passage.stop();
    return 0;
  },
};

/** `passage dev`: start with the web app rebuilt on every change (restart the server by hand). */
export const devCommand: Command = {
  summary: 'Start for development, rebuilding the web app on change',
  async run() {
    const vite = await import('vite');
    await vite.build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { watch: {} },
    });
    return startCommand.run([]);
  },
};

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webDir = path.resolve(import.meta.dirname, '..', '..');
const sources = readdirSync(path.join(webDir, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'))
  .map((f) => ({ file: f, text: readFileSync(path.join(webDir, 'src', f), 'utf8') }));

describe('safety on the screen', () => {
  it('reads the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it('keeps the neutral title "Passage" on every screen: the page sets it once and no code changes it', () => {
    const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
    expect(html.match(/<title>(.*)<\/title>/)?.[1]).toBe('Passage');
    expect(sources.filter((s) => /document\.title\s*=/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('registers no service worker, so nothing read from Passage is kept in a cache the browser controls', () => {
    expect(sources.filter((s) => /serviceWorker/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('never adds a history entry: the address bar follows the screen by replacing its one entry', () => {
    expect(sources.filter((s) => /history\.pushState/.test(s.text)).map((s) => s.file)).toEqual([]);
    const router = sources.find((s) => s.file.endsWith(path.join('app', 'router.tsx')));
    expect(router?.text).toContain('MemoryRouter');
    expect(router?.text).toContain('history.replaceState');
  });

  it('puts no free text in an address: every route is a fixed step or area name', () => {
    const router = sources.find((s) => s.file.endsWith(path.join('app', 'router.tsx')))?.text ?? '';
    const paths = [...router.matchAll(/path="([^"]+)"/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(5);
    // An area may own the addresses under it (`people/*`): its own routes carry ids only, never free text.
    expect(paths.filter((p) => p !== '*' && !/^[/a-z-]+(\/\*)?$/.test(p ?? ''))).toEqual([]);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { webDistDir } from '../app.ts';
import { authEntries, meEntries } from './route-matrix.identity.data.ts';
import { consentEntries, peopleEntries } from './route-matrix.people.data.ts';
import { contentEntries, directoryEntries } from './route-matrix.records.data.ts';
import type { MatrixEntry } from './route-matrix.shape.ts';
import {
  governanceEntries,
  societyEntries,
  systemEntries,
  userEntries,
} from './route-matrix.society.data.ts';

export type { MatrixEntry, MatrixFixtures, MatrixRequest, Who } from './route-matrix.shape.ts';

/**
 * The access-control matrix as data: for every route, who may call it, what success looks like, and how to make
 * a valid request. Written from PRODUCT.md's roles table and the issue texts, NOT copied from the route
 * declarations: route-matrix.test.ts checks every route × every role × own society / another society's record /
 * no membership, plus anonymous callers and sessions still signing in, against this table. Review a change here
 * like code: it is a change of who may do what. Every API route is listed (not HEAD twins, the API docs UI or the
 * web app's files).
 */
export const routeMatrix: readonly MatrixEntry[] = [
  ...authEntries,
  ...meEntries,
  ...societyEntries,
  ...userEntries,
  ...governanceEntries,
  ...systemEntries,
  ...directoryEntries,
  ...contentEntries,
  ...peopleEntries,
  ...consentEntries,
];

/** The addresses of the built web app's files (and `/` for its shell), which the app serves to anyone. */
export function webAppFileUrls(): ReadonlySet<string> {
  if (!existsSync(path.join(webDistDir, 'index.html'))) return new Set();
  const files = readdirSync(webDistDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `/${path.relative(webDistDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`,
    );
  return new Set(['/', ...files]);
}

/**
 * Whether the matrix leaves a route out: the HEAD twin of a GET route (same rule, no body), the API docs UI
 * (a plugin's pages), the web app's files and its catch-all `GET /*` (the shell, public by design).
 */
export function isOutsideMatrix(
  route: { method: string; url: string },
  inventory: readonly { method: string; url: string }[],
  webFiles: ReadonlySet<string>,
): boolean {
  if (route.method === 'HEAD' && inventory.some((r) => r.method === 'GET' && r.url === route.url))
    return true;
  if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) return true;
  return webFiles.has(route.url) || route.url === '/*';
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

/**
 * The version a write was based on, from `If-Match: "<version>"`. A change to a mutable record must say which
 * version it changes (428 otherwise), so two people editing at once never overwrite each other silently.
 */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new AppError('precondition-required', 'Send If-Match with the version you are changing.');
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError('validation-failed', 'If-Match must be a quoted version number, e.g. "3".');
  return Number(match[1]);
}

/** Sets the ETag of a single resource to its version. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/** The 412 answer for a write based on a version that is no longer current. */
export function staleVersion(): AppError {
  return new AppError(
    'precondition-failed',
    'Someone changed this record since you opened it. Reload and try again.',
  );
}

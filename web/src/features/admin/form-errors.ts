import type { z } from 'zod';
import { isApiProblem } from '../../api/problem.ts';

/** The first problem found with each top-level field of a form (e.g. `email`, `roles`): field name → issue code. */
export type FieldIssues = ReadonlyMap<string, string>;

/** The first problem zod found with each top-level field of a form (e.g. `email`, `roles`), by field name. */
export function fieldIssues(error: z.ZodError | undefined): FieldIssues {
  const found = new Map<string, string>();
  for (const issue of error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (!found.has(field)) found.set(field, issue.code);
  }
  return found;
}

/**
 * The field errors of a refused request body, by top-level field: the server names each by its path
 * (`body.mfaOptionalRoles.1` → `mfaOptionalRoles`), so each message lands on the field it is about. Only 400 and
 * 409 problems carry field errors; anything else gives none.
 */
export function serverFieldIssues(error: unknown): FieldIssues {
  const found = new Map<string, string>();
  if (!isApiProblem(error, 'validation-failed', 'conflict')) return found;
  for (const fieldError of error.errors) {
    const [where, field] = fieldError.path.split('.');
    if (where === 'body' && field && !found.has(field)) found.set(field, fieldError.code);
  }
  return found;
}

/** The form's own findings, then the server's for the fields the form found nothing wrong with. */
export function mergeIssues(own: FieldIssues, server: FieldIssues): FieldIssues {
  const merged = new Map(server);
  for (const [field, code] of own) merged.set(field, code);
  return merged;
}

/**
 * Whether a problem still needs a general message once its field errors are shown on their fields: not when every
 * field error it carries names a field of the form.
 */
export function needsGeneralMessage(error: unknown, fields: readonly string[]): boolean {
  if (!error) return false;
  if (!isApiProblem(error, 'validation-failed', 'conflict') || error.errors.length === 0) return true;
  return !error.errors.every((fieldError) => {
    const [where, field = ''] = fieldError.path.split('.');
    return where === 'body' && fields.includes(field);
  });
}

/** A problem the person chose themselves (cancelling the step-up dialog) is not an error to show. */
export function shownError(error: unknown): unknown {
  return isApiProblem(error, 'step-up-required') ? undefined : error;
}

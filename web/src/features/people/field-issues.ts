import type { z } from 'zod';
import { ApiProblem } from '../../api/problem.ts';

/**
 * Where a form's answers were refused: dotted paths into the body ('identity.birth.value.date'), from the shared
 * schema's check in the browser or from the server's field errors ('body.…').
 */
export type FieldIssues = readonly string[];

/** The paths a zod check refused, with an optional prefix (the group a change is for). */
export function issuesOfZod(error: z.ZodError, prefix?: string): FieldIssues {
  return error.issues.map((issue) => [prefix, ...issue.path.map(String)].filter(Boolean).join('.'));
}

/** The paths of a problem's field errors, without the server's 'body.' and with an optional prefix. */
export function issuesOfProblem(error: unknown, prefix?: string): FieldIssues {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors
    .filter((e) => e.path.startsWith('body.'))
    .map((e) => [prefix, e.path.slice('body.'.length)].filter(Boolean).join('.'));
}

/** Whether an answer at this path (or anything inside it) was refused. */
export function isRefused(issues: FieldIssues, path: string): boolean {
  return issues.some((issue) => issue === path || issue.startsWith(`${path}.`));
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../../api/problem.ts';
import {
  fieldIssues,
  mergeIssues,
  needsGeneralMessage,
  serverFieldIssues,
  shownError,
} from './form-errors.ts';

const refused = (errors: { path: string; code: string }[]) =>
  new ApiProblem({
    code: 'validation-failed',
    status: 400,
    errors: errors.map((e) => ({ ...e, message: 'Invalid value' })),
  });

describe('field errors of a refused form', () => {
  it('puts each server field error on its top-level field, the first code of each', () => {
    const error = refused([
      { path: 'body.mfaOptionalRoles.1', code: 'custom' },
      { path: 'body.mfaOptionalRoles.2', code: 'invalid_value' },
      { path: 'body.suppressionThreshold', code: 'too_small' },
      { path: 'query.cursor', code: 'invalid' },
    ]);
    expect([...serverFieldIssues(error)]).toEqual([
      ['mfaOptionalRoles', 'custom'],
      ['suppressionThreshold', 'too_small'],
    ]);
  });

  it('reads field errors of a conflict (a name already taken) and of nothing else', () => {
    const taken = new ApiProblem({
      code: 'conflict',
      status: 409,
      errors: [{ path: 'body.name', code: 'taken', message: 'Taken' }],
    });
    expect([...serverFieldIssues(taken)]).toEqual([['name', 'taken']]);
    expect(serverFieldIssues(new ApiProblem({ code: 'precondition-failed', status: 412 })).size).toBe(0);
    expect(serverFieldIssues(new Error('network')).size).toBe(0);
  });

  it("keeps the form's own finding for a field over the server's", () => {
    const own = fieldIssues(z.object({ email: z.email() }).safeParse({ email: 'x' }).error);
    const merged = mergeIssues(
      own,
      new Map([
        ['email', 'taken'],
        ['roles', 'too_small'],
      ]),
    );
    expect(merged.get('email')).toBe('invalid_format');
    expect(merged.get('roles')).toBe('too_small');
  });

  it('asks for a general message only when a field error names no field of the form, or there are none', () => {
    const fields = ['timeZone', 'mfaOptionalRoles'];
    expect(needsGeneralMessage(undefined, fields)).toBe(false);
    expect(needsGeneralMessage(refused([{ path: 'body.timeZone', code: 'custom' }]), fields)).toBe(false);
    expect(
      needsGeneralMessage(refused([{ path: 'body.societyId', code: 'unrecognized_keys' }]), fields),
    ).toBe(true);
    expect(needsGeneralMessage(refused([]), fields)).toBe(true);
    expect(needsGeneralMessage(new ApiProblem({ code: 'internal', status: 500 }), fields)).toBe(true);
  });

  it('shows nothing when the person cancelled the step-up dialog themselves', () => {
    const cancelled = new ApiProblem({ code: 'step-up-required', status: 401 });
    expect(shownError(cancelled)).toBeUndefined();
    const other = new ApiProblem({ code: 'forbidden', status: 403 });
    expect(shownError(other)).toBe(other);
  });
});

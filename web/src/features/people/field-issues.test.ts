import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem.ts';
import { isRefused, issuesOfProblem } from './field-issues.ts';

describe('field issues', () => {
  it('reads the paths of the server’s field errors without "body." and with the group as prefix', () => {
    const problem = new ApiProblem({
      code: 'validation-failed',
      status: 400,
      errors: [
        { path: 'body.citizenship.value.0', code: 'invalid_format', message: '' },
        { path: 'headers.if-match', code: 'invalid', message: '' },
      ],
    });
    expect(issuesOfProblem(problem)).toEqual(['citizenship.value.0']);
    expect(issuesOfProblem(problem, 'identity')).toEqual(['identity.citizenship.value.0']);
    expect(issuesOfProblem(new Error('network'))).toEqual([]);
  });

  it('marks a field refused when the issue is at it or inside it, not at a field sharing its prefix', () => {
    const issues = ['identity.nameLatin.value.given'];
    expect(isRefused(issues, 'identity.nameLatin')).toBe(true);
    expect(isRefused(issues, 'identity.name')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiProblem, codeForStatus, isApiProblem, problemFromResponse } from './problem.ts';

const problemJson = 'application/problem+json; charset=utf-8';

describe('problemFromResponse', () => {
  it('takes the code, status, detail, field errors and request id of a problem+json body', () => {
    const problem = problemFromResponse({
      status: 400,
      contentType: problemJson,
      body: JSON.stringify({
        type: 'https://passage.example.org/problems/validation-failed',
        title: 'The request is not valid',
        status: 400,
        detail: 'The code is not right.',
        code: 'validation-failed',
        errors: [{ path: 'body.code', code: 'wrong-code', message: 'The code is not right.' }],
        requestId: 'req-1',
      }),
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ code: 'validation-failed', status: 400, requestId: 'req-1' });
    expect(problem.detail).toBe('The code is not right.');
    expect(problem.fieldErrors('body.code')).toEqual([
      { path: 'body.code', code: 'wrong-code', message: 'The code is not right.' },
    ]);
    expect(problem.fieldErrors('body.password')).toEqual([]);
  });

  it('keeps the codes a screen switches on: step-up, MFA, session ended, rate limit', () => {
    for (const [code, status] of [
      ['step-up-required', 401],
      ['mfa-required', 401],
      ['unauthenticated', 401],
      ['rate-limited', 429],
    ] as const) {
      const problem = problemFromResponse({
        status,
        contentType: problemJson,
        body: JSON.stringify({ code, status, detail: 'Wait 3 minutes.', requestId: 'r' }),
      });
      expect(problem.code).toBe(code);
    }
  });

  it('names an answer by its status when the code is not in the closed list', () => {
    const problem = problemFromResponse({
      status: 403,
      contentType: problemJson,
      body: JSON.stringify({ code: 'made-up', status: 403, detail: 'Nope' }),
      requestIdHeader: 'from-header',
    });
    expect(problem).toMatchObject({ code: 'forbidden', status: 403, detail: '', requestId: 'from-header' });
  });

  it('never reads text from an answer that is not JSON, such as a proxy error page', () => {
    const problem = problemFromResponse({
      status: 502,
      contentType: 'text/html',
      body: '<h1>Bad gateway: unauthenticated</h1>',
    });
    expect(problem).toMatchObject({ code: 'service-unavailable', status: 502, detail: '' });
  });

  it('survives a problem+json body that is not JSON at all', () => {
    const problem = problemFromResponse({ status: 500, contentType: problemJson, body: '{not json' });
    expect(problem.code).toBe('internal');
  });

  it('drops field errors that do not have the expected shape', () => {
    const problem = problemFromResponse({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        code: 'validation-failed',
        status: 400,
        errors: [{ path: 'body.email', code: 'invalid_format', message: 'Bad' }, { path: 3 }, 'text'],
      }),
    });
    expect(problem.errors).toEqual([{ path: 'body.email', code: 'invalid_format', message: 'Bad' }]);
  });
});

describe('codeForStatus', () => {
  it('maps each status of the closed list to a code that carries it', () => {
    expect(codeForStatus(401)).toBe('unauthenticated');
    expect(codeForStatus(404)).toBe('not-found');
    expect(codeForStatus(412)).toBe('precondition-failed');
    expect(codeForStatus(429)).toBe('rate-limited');
    expect(codeForStatus(504)).toBe('service-unavailable');
    expect(codeForStatus(599)).toBe('internal');
  });
});

describe('isApiProblem', () => {
  it('matches API problems, by code when codes are given', () => {
    const problem = new ApiProblem({ code: 'not-found', status: 404 });
    expect(isApiProblem(problem)).toBe(true);
    expect(isApiProblem(problem, 'not-found', 'forbidden')).toBe(true);
    expect(isApiProblem(problem, 'forbidden')).toBe(false);
    expect(isApiProblem(new Error('not-found'), 'not-found')).toBe(false);
  });
});

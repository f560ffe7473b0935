import type { z } from 'zod';
import { ApiProblem, problemFromResponse } from './problem.ts';

/** Problems a request can recover from once the person has acted (signed in again, confirmed it is them). */
export type InterruptionCode = 'unauthenticated' | 'step-up-required' | 'mfa-required';

/** Settles when the person has acted: resolving retries the request, rejecting gives up with the problem. */
export type InterruptionHandler = (problem: ApiProblem) => Promise<void>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How one request is made. */
export type RequestOptions = {
  method?: Method;
  body?: unknown;
  /**
   * Whether a problem the person can fix (session ended, step-up needed) opens its dialog and retries.
   * Off for the sign-in steps themselves, whose 401 means "wrong password", not "session ended".
   */
  interrupt?: boolean;
  /** The version a write changes, sent as If-Match: a stale one is refused with 412 'precondition-failed'. */
  ifMatch?: number;
  /** Names one attempt at a create, so a repeat after a lost answer returns the first result instead of a copy. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

const handlers = new Map<InterruptionCode, InterruptionHandler>();
const activityListeners = new Set<(at: number) => void>();
let csrfToken: string | undefined;

/** Remembers the session's CSRF token, sent with every state-changing request. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF token the client holds, if signed in (quick exit sends it with its sign-out). */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

/** Registers what to do when a request meets a problem the person can fix; returns the unregister function. */
export function onInterruption(code: InterruptionCode, handler: InterruptionHandler): () => void {
  handlers.set(code, handler);
  return () => {
    if (handlers.get(code) === handler) handlers.delete(code);
  };
}

/** Calls back whenever Passage answered a request with a live session (its idle clock may have moved). */
export function onSessionActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

function headersFor(
  method: Method,
  hasBody: boolean,
  { ifMatch, idempotencyKey }: RequestOptions,
): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  return headers;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const hasBody = options.body !== undefined;
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody, options),
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiProblem({ code: 'network-error', status: 0 });
  }
}

async function readBody<T>(response: Response, schema: z.ZodType<T> | undefined): Promise<T> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (!schema) return undefined as T;
  const text = await response.text();
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new ApiProblem({ code: 'invalid-response', status: response.status, requestId });
  }
}

async function attempt<T>(
  path: string,
  options: RequestOptions,
  schema: z.ZodType<T> | undefined,
  interruptionsLeft: number,
): Promise<T> {
  const response = await send(path, options);
  if (response.status !== 401) for (const listener of activityListeners) listener(Date.now());
  if (response.ok) return readBody(response, schema);
  const problem = problemFromResponse({
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
    requestIdHeader: response.headers.get('x-request-id'),
  });
  const handler =
    options.interrupt !== false && interruptionsLeft > 0
      ? handlers.get(problem.code as InterruptionCode)
      : undefined;
  if (!handler) throw problem;
  await handler(problem);
  return attempt(path, options, schema, interruptionsLeft - 1);
}

/**
 * Calls the Passage API: JSON in and out, same-origin cookies, the CSRF token on writes; parses the answer with
 * the shared schema, and rejects with an ApiProblem. A problem the person can fix opens its dialog and the
 * request is retried afterwards, so what they typed is never lost.
 */
export function apiRequest<T>(path: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
/** Calls the Passage API for an answer without a body (204). */
export function apiRequest(path: string, schema: undefined, options?: RequestOptions): Promise<void>;
export function apiRequest<T>(
  path: string,
  schema: z.ZodType<T> | undefined,
  options: RequestOptions = {},
): Promise<T> {
  // Two interruptions at most (session ended, then step-up): never a loop of dialogs.
  return attempt(path, options, schema, 2);
}

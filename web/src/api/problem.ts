import { z } from 'zod';
import { isProblemCode, problemStatus, type FieldError, type ProblemCode } from '../../../common/problems.ts';

/** Problems the browser meets before any answer from Passage: no network, or an answer it cannot read. */
export type ClientProblemCode = 'network-error' | 'invalid-response';

/** Every code a screen may switch on: the server's closed list plus the two the browser adds. */
export type ApiProblemCode = ProblemCode | ClientProblemCode;

/** The error every API call rejects with: screens switch on `code`, never on the message text. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly code: ApiProblemCode;
  readonly status: number;
  /** The server's detail, written to be safe to show (no personal data); empty for client problems. */
  readonly detail: string;
  readonly errors: readonly FieldError[];
  readonly requestId: string | undefined;

  constructor(options: {
    code: ApiProblemCode;
    status: number;
    detail?: string;
    errors?: readonly FieldError[];
    requestId?: string | undefined;
  }) {
    super(options.detail || options.code);
    this.code = options.code;
    this.status = options.status;
    this.detail = options.detail ?? '';
    this.errors = options.errors ?? [];
    this.requestId = options.requestId;
  }

  /** The field errors whose path is the given one (e.g. `body.code`). */
  fieldErrors(path: string): FieldError[] {
    return this.errors.filter((e) => e.path === path);
  }
}

/** Whether an unknown thrown value is an API problem with one of the given codes. */
export function isApiProblem(error: unknown, ...codes: ApiProblemCode[]): error is ApiProblem {
  return error instanceof ApiProblem && (codes.length === 0 || codes.includes(error.code));
}

const FieldErrorShape = z.object({ path: z.string(), code: z.string(), message: z.string().catch('') });

const ProblemShape = z.object({
  code: z.string(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
  requestId: z.string().optional(),
});

// The generic code for a status several codes share; any other status of the closed list has exactly one code.
const genericCodes: Partial<Record<number, ProblemCode>> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
};
const codeByStatus = new Map<number, ProblemCode>();
for (const [code, status] of Object.entries(problemStatus) as [ProblemCode, number][]) {
  codeByStatus.set(status, genericCodes[status] ?? code);
}

/** The problem code an HTTP status means when the body names none (a proxy's error page, say). */
export function codeForStatus(status: number): ProblemCode {
  const known = codeByStatus.get(status);
  if (known) return known;
  if (status === 502 || status === 504) return 'service-unavailable';
  if (status >= 500) return 'internal';
  return 'validation-failed';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Turns an error answer into an ApiProblem: a problem+json body gives its code (from the closed list), detail,
 * field errors and request id; anything else is named by its status alone, never by text it happened to carry.
 */
export function problemFromResponse(answer: {
  status: number;
  contentType: string | null;
  body: string;
  requestIdHeader?: string | null;
}): ApiProblem {
  const fallbackId = answer.requestIdHeader ?? undefined;
  const isJson = /^application\/(problem\+)?json\b/i.test(answer.contentType ?? '');
  const parsed = isJson ? ProblemShape.safeParse(parseJson(answer.body)) : undefined;
  if (!parsed?.success || !isProblemCode(parsed.data.code)) {
    return new ApiProblem({
      code: codeForStatus(answer.status),
      status: answer.status,
      requestId: fallbackId,
    });
  }
  const errors = (parsed.data.errors ?? []).flatMap((e) => {
    const field = FieldErrorShape.safeParse(e);
    return field.success ? [field.data] : [];
  });
  return new ApiProblem({
    code: parsed.data.code,
    status: answer.status,
    detail: parsed.data.detail ?? '',
    errors,
    requestId: parsed.data.requestId ?? fallbackId,
  });
}

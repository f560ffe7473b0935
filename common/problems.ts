/** The closed list of problem codes the API may answer with, and the HTTP status each carries. */
export const problemStatus = {
  'validation-failed': 400,
  'malformed-json': 400,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  unauthenticated: 401,
  'mfa-required': 401,
  'step-up-required': 401,
  'csrf-rejected': 403,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'rate-limited': 429,
  'request-timeout': 408,
  'service-unavailable': 503,
  internal: 500,
} as const;

/** One of the problem codes in the closed list. */
export type ProblemCode = keyof typeof problemStatus;

/** One field-level error: a JSON path into the input and a machine-readable code. */
export type FieldError = { path: string; code: string; message: string };

/** The problem+json body (RFC 9457) every error response carries. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldError[];
  requestId: string;
};

/** Whether a string is one of the closed list of problem codes. */
export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(problemStatus, value);
}

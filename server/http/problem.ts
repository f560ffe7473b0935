import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problemStatus, type FieldError, type Problem, type ProblemCode } from '../../common/problems.ts';

const titles: Record<ProblemCode, string> = {
  'validation-failed': 'The request is not valid',
  'malformed-json': 'The request body is not valid JSON',
  'unsupported-media-type': 'The request body has an unsupported media type',
  'payload-too-large': 'The request body is too large',
  unauthenticated: 'Sign-in required',
  'mfa-required': 'Signing in is not finished',
  'step-up-required': 'Confirm it is you',
  'csrf-rejected': 'The request was not sent by Passage',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  conflict: 'Conflict with the current state',
  'precondition-failed': 'The record has changed since it was read',
  'precondition-required': 'The request must say which version it changes',
  'rate-limited': 'Too many requests',
  'request-timeout': 'The request took too long',
  'service-unavailable': 'Passage is busy or not ready',
  internal: 'Something went wrong',
};

/** The one error type services throw: a problem code, a detail safe to show, and field errors if any. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;

  constructor(code: ProblemCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.code = code;
    this.errors = errors;
  }
}

/** Builds the problem+json body for a code; `detail` must never carry personal data. */
export function problemBody(
  code: ProblemCode,
  detail: string,
  requestId: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://passage.example.org/problems/${code}`,
    title: titles[code],
    status: problemStatus[code],
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  };
}

/** Sends a problem+json response. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return error.validation.flatMap((v) => {
    const base = [context, ...v.instancePath.split('/').filter(Boolean)];
    const code = v.keyword;
    const keys = (v.params as { keys?: unknown }).keys;
    // An unknown field is named by its own path, so the client can point at it.
    if (code === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ path: [...base, String(key)].join('.'), code, message: 'Unknown field' }));
    }
    return [{ path: base.join('.'), code, message: v.message ?? 'Invalid value' }];
  });
}

/** Maps any thrown error to a problem: known ones to their code, everything else to a generic 500. */
export function toProblem(error: unknown, requestId: string): { body: Problem; unexpected: boolean } {
  if (error instanceof AppError)
    return { body: problemBody(error.code, error.message, requestId, error.errors), unexpected: false };
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    return {
      body: problemBody(
        'validation-failed',
        'Some fields are missing or invalid.',
        requestId,
        validationErrors(fe),
      ),
      unexpected: false,
    };
  }
  if (isResponseSerializationError(error)) {
    return {
      body: problemBody('internal', 'The response could not be produced.', requestId),
      unexpected: true,
    };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        body: problemBody('malformed-json', 'The body could not be read as JSON.', requestId),
        unexpected: false,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        body: problemBody('payload-too-large', 'The request body is larger than allowed.', requestId),
        unexpected: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        body: problemBody('unsupported-media-type', 'Send the body as application/json.', requestId),
        unexpected: false,
      };
    case 'FST_ERR_CTP_INVALID_TYPE':
      return {
        body: problemBody('unsupported-media-type', 'Send the body as application/json.', requestId),
        unexpected: false,
      };
    default:
      break;
  }
  // SyntaxError from the JSON parser (some Fastify paths raise it directly).
  if (fe.statusCode === 400 && error instanceof SyntaxError) {
    return {
      body: problemBody('malformed-json', 'The body could not be read as JSON.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 429) {
    return {
      body: problemBody('rate-limited', 'Too many requests: wait a little and try again.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 503) {
    return {
      body: problemBody('service-unavailable', 'Passage is busy: try again shortly.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 408) {
    return {
      body: problemBody('request-timeout', 'The request took too long.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 413) {
    return {
      body: problemBody('payload-too-large', 'The request body is larger than allowed.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 415) {
    return {
      body: problemBody('unsupported-media-type', 'Send the body as application/json.', requestId),
      unexpected: false,
    };
  }
  if (fe.statusCode === 400) {
    return {
      body: problemBody('validation-failed', 'The request is not valid.', requestId),
      unexpected: false,
    };
  }
  return {
    body: problemBody('internal', 'Something went wrong. Quote the request id when reporting it.', requestId),
    unexpected: true,
  };
}

/** Installs the one error handler and the not-found handler: every error leaves as problem+json. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request: FastifyRequest, reply) => {
    const { body, unexpected } = toProblem(error, request.id);
    // SECURITY: only the error's class, code and stack are logged, never the request body or field values.
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    else request.log.info({ problem: body.code, status: body.status }, 'request refused');
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemBody('not-found', 'Nothing is found at this address.', request.id)),
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Headers whose values must never reach a log line. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** Fields of a PostgreSQL error that name schema objects, never stored values (unlike `detail` and `where`). */
const databaseErrorFields = [
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

function isDatabaseError(error: Error): boolean {
  const { severity, code } = error as { severity?: unknown; code?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The stack's call frames without its first line(s), which repeat the message. */
function stackFrames(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/**
 * An error as logged: its class, code and call frames, and for a database error the names of the objects
 * involved. SECURITY: the message is never logged, nor a driver's `detail`, `where` or `hint`: PostgreSQL
 * quotes stored values in them ("invalid input syntax for type uuid: "…"", "Key (name)=(…) already exists"),
 * and an application error's message may be built from input.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  // pg's DatabaseError is named 'error'; its class name says more.
  const type = error.name === 'error' ? error.constructor.name : error.name;
  const out: Record<string, unknown> = { type, code: (error as { code?: unknown }).code };
  if (isDatabaseError(error)) {
    for (const field of databaseErrorFields) {
      const value = (error as unknown as Record<string, unknown>)[field];
      if (value !== undefined) out[field] = value;
    }
  }
  out.stack = stackFrames(error.stack);
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/**
 * Logger settings for the server. SECURITY: request bodies are never logged, query strings are dropped from
 * logged URLs (a search term can be a name), and credentials in headers are redacted.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (req: FastifyRequest) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
        remoteAddress: req.ip,
      }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
      err: (error: unknown) => serializeError(error),
    },
  };
}

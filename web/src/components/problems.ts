import type { TFunction } from 'i18next';
import { ApiProblem, type ApiProblemCode } from '../api/problem.ts';

/** The message shown for a problem: a translated text per code; the server's own safe detail for rate limits. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiProblem)) return t('problems.internal');
  const code: ApiProblemCode = error.code;
  switch (code) {
    case 'rate-limited':
      // The server says how long to wait; its detail is written to be shown and carries no personal data.
      return error.detail || t('problems.rate-limited');
    case 'validation-failed':
    case 'malformed-json':
    case 'unsupported-media-type':
    case 'payload-too-large':
      return t('problems.validation-failed');
    case 'unauthenticated':
    case 'mfa-required':
    case 'step-up-required':
    case 'csrf-rejected':
    case 'forbidden':
    case 'not-found':
    case 'method-not-allowed':
    case 'conflict':
    case 'precondition-failed':
    case 'precondition-required':
    case 'request-timeout':
    case 'service-unavailable':
    case 'internal':
    case 'network-error':
    case 'invalid-response':
      return t(`problems.${code}`);
  }
}

/** The translated message for a field's error in a problem (by the field error's code), if it has one. */
export function fieldMessage(error: unknown, path: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const field = error.fieldErrors(path)[0];
  if (!field) return undefined;
  switch (field.code) {
    case 'wrong-code':
      return t('fields.wrongCode');
    case 'wrong-password':
      return t('fields.wrongPassword');
    case 'password-too-short':
      return t('fields.passwordTooShort');
    case 'password-too-long':
      return t('fields.passwordTooLong');
    case 'password-too-common':
      return t('fields.passwordTooCommon');
    default:
      return t('fields.invalid');
  }
}

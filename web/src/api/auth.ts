import { z } from 'zod';
import {
  MfaEnrolment,
  RecoveryCodes,
  SessionStage,
  SessionSummary,
  SessionView,
  type Locale,
  type PasswordChangeBody,
  type SignInBody,
  type StepUpBody,
} from '../../../common/auth.ts';
import { apiRequest, rememberCsrfToken } from './client.ts';
import { isApiProblem } from './problem.ts';

const StageResult = z.object({ stage: SessionStage });
const EnrolmentResult = RecoveryCodes.extend({ stage: SessionStage });
const SessionList = z.object({ items: z.array(SessionSummary) });
const signingIn = { interrupt: false } as const;

/** The current session, or null when nobody is signed in; remembers its CSRF token for later writes. */
export async function getSession(options: { interrupt?: boolean } = {}): Promise<SessionView | null> {
  try {
    const session = await apiRequest('/api/session', SessionView, options);
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiProblem(error, 'unauthenticated')) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Signs in with e-mail and password; answers the next stage of signing in. */
export function signIn(body: SignInBody) {
  return apiRequest('/api/auth/sign-in', StageResult, { method: 'POST', body, ...signingIn });
}

/** Completes sign-in with a six-digit authenticator code. */
export function verifyMfa(code: string) {
  return apiRequest('/api/auth/mfa', StageResult, { method: 'POST', body: { code }, ...signingIn });
}

/** Completes sign-in with a single-use recovery code. */
export function signInWithRecoveryCode(recoveryCode: string) {
  return apiRequest('/api/auth/mfa/recovery', StageResult, {
    method: 'POST',
    body: { recoveryCode },
    ...signingIn,
  });
}

/** Starts setting up an authenticator: the secret, its QR code and URI (signed in, this needs a step-up). */
export function startEnrolment(options: { signingIn: boolean }) {
  return apiRequest('/api/auth/mfa/enrolment', MfaEnrolment, {
    method: 'POST',
    interrupt: !options.signingIn,
  });
}

/** Confirms the new authenticator with a code from it; answers the recovery codes, shown once. */
export function confirmEnrolment(code: string, options: { signingIn: boolean }) {
  return apiRequest('/api/auth/mfa/enrolment/confirm', EnrolmentResult, {
    method: 'POST',
    body: { code },
    interrupt: !options.signingIn,
  });
}

/** Confirms it is the person before a sensitive action. */
export function stepUp(body: StepUpBody) {
  return apiRequest('/api/auth/step-up', undefined, { method: 'POST', body, interrupt: false });
}

/** Changes the person's own password (also the forced change at first sign-in). */
export function changePassword(body: PasswordChangeBody, options: { signingIn: boolean }) {
  return apiRequest('/api/me/password', StageResult, { method: 'POST', body, interrupt: !options.signingIn });
}

/** Saves the person's interface language. */
export function changeLocale(locale: Locale) {
  return apiRequest('/api/me', undefined, { method: 'PATCH', body: { locale } });
}

/** The person's own live sessions. */
export async function listSessions() {
  return (await apiRequest('/api/me/sessions', SessionList)).items;
}

/** Ends one of the person's other sessions. */
export function endSession(sessionId: string) {
  return apiRequest(`/api/me/sessions/${encodeURIComponent(sessionId)}`, undefined, { method: 'DELETE' });
}

/** Acts in another society the person is a member of. */
export function switchSociety(societyId: string) {
  return apiRequest('/api/me/society', undefined, { method: 'PUT', body: { societyId } });
}

/** Replaces the recovery codes with ten new ones (after a step-up). */
export function renewRecoveryCodes() {
  return apiRequest('/api/me/recovery-codes', RecoveryCodes, { method: 'POST' });
}

/** Signs out of this session. */
export async function signOut() {
  await apiRequest('/api/auth/sign-out', undefined, { method: 'POST', interrupt: false });
  rememberCsrfToken(undefined);
}

/** Ends every session of the person, this one included. */
export async function signOutEverywhere() {
  await apiRequest('/api/auth/sign-out-everywhere', undefined, { method: 'POST' });
  rememberCsrfToken(undefined);
}

import type { RefusalCode, ShareDecision } from '../../../../common/consent.ts';

/** The key of the plain-words sentence for each reason the sharing gate gives for a refusal. */
const refusalKeys = {
  'no-consent': 'consent:reason.noConsent',
  'recipient-not-named': 'consent:reason.recipientNotNamed',
  'fields-beyond-agreement': 'consent:reason.fieldsBeyondAgreement',
  'consent-withdrawn': 'consent:reason.consentWithdrawn',
  'consent-expired': 'consent:reason.consentExpired',
  'basis-pending': 'consent:reason.basisPending',
  'basis-refused': 'consent:reason.basisRefused',
} as const satisfies Record<RefusalCode, `consent:reason.${string}`>;

/** The translation key explaining a refusal: the screen says it in the viewer's language, by code, not text. */
export function refusalKey(code: RefusalCode): (typeof refusalKeys)[RefusalCode] {
  return refusalKeys[code];
}

/** What the share check screen shows for the gate's answer: allowed (on what), or refused (why, by key). */
export function decisionView(
  decision: ShareDecision,
):
  | { allowed: true; on: 'consent' | 'legal-basis' }
  | { allowed: false; key: (typeof refusalKeys)[RefusalCode]; code: RefusalCode } {
  if (decision.allowed)
    return { allowed: true, on: 'consentId' in decision.basis ? 'consent' : 'legal-basis' };
  return { allowed: false, key: refusalKey(decision.reason.code), code: decision.reason.code };
}

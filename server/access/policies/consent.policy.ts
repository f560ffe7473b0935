import type { LegalBasisKind } from '../../../common/consent.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/**
 * Why the actor may not decide a legal basis, as a sentence safe to show; undefined when they may. Vital and
 * public interest need a focal point's approval; a legal obligation to disclose needs the data protection
 * officer's recorded decision (PRODUCT.md "Authorities").
 */
export function legalBasisDecisionRefusal(actor: Actor, kind: LegalBasisKind): string | undefined {
  switch (kind) {
    case 'vital-interest':
    case 'public-interest':
      return hasAnyRole(actor, ['focal-point']) ? undefined : 'Only a focal point can approve this basis.';
    case 'legal-obligation':
      return hasAnyRole(actor, ['dpo'])
        ? undefined
        : 'Only the data protection officer can decide on a legal obligation to disclose.';
  }
}

/** Whether the actor reviews the legal bases flagged for the data protection officer. */
export function mayReviewLegalBases(actor: Actor): boolean {
  return hasAnyRole(actor, ['dpo']);
}

/** Whether the actor sees the consents flagged for quality (the focal points, PRODUCT.md "Consent is checked"). */
export function mayReviewConsentQuality(actor: Actor): boolean {
  return hasAnyRole(actor, ['focal-point']);
}

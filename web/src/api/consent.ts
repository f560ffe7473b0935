import {
  Consent,
  ConsentOverview,
  FlaggedConsentPage,
  LegalBasis,
  LegalBasisReviewPage,
  ShareDecision,
  WithdrawalResult,
  type LegalBasisDecisionBody,
  type NewConsentBody,
  type NewLegalBasisBody,
  type ShareCheckBody,
  type WithdrawalBody,
} from '../../../common/consent.ts';
import { InformationNotice } from '../../../common/content-notice.ts';
import { apiRequest } from './client.ts';

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}`;

/** A person's consents and legal bases, newest first. */
export function getConsents(personId: string) {
  return apiRequest(`${personPath(personId)}/consents`, ConsentOverview);
}

/** Records what a person agreed to, or refused, for one purpose. */
export function recordConsent(personId: string, body: NewConsentBody) {
  return apiRequest(`${personPath(personId)}/consents`, Consent, { method: 'POST', body });
}

/** Withdraws a consent; answers what followed from earlier shares (deletion requests, people notified). */
export function withdrawConsent(input: { personId: string; consentId: string; body: WithdrawalBody }) {
  const path = `${personPath(input.personId)}/consents/${encodeURIComponent(input.consentId)}/withdrawal`;
  return apiRequest(path, WithdrawalResult, { method: 'POST', body: input.body });
}

/** Records a legal basis other than consent, pending until it is decided. */
export function recordLegalBasis(personId: string, body: NewLegalBasisBody) {
  return apiRequest(`${personPath(personId)}/legal-bases`, LegalBasis, { method: 'POST', body });
}

/** Approves or refuses a pending legal basis (a focal point; the data protection officer for a legal obligation). */
export function decideLegalBasis(input: { personId: string; legalBasisId: string } & LegalBasisDecisionBody) {
  const path = `${personPath(input.personId)}/legal-bases/${encodeURIComponent(input.legalBasisId)}/decision`;
  return apiRequest(path, LegalBasis, { method: 'POST', body: { decision: input.decision } });
}

/** The focal points' queue of consents recorded with quality flags. */
export async function listFlaggedConsents() {
  return (await apiRequest('/api/consents/flagged', FlaggedConsentPage)).items;
}

/** The data protection officer's queue of legal bases to review. */
export async function listLegalBasesForReview() {
  return (await apiRequest('/api/legal-bases/review', LegalBasisReviewPage)).items;
}

/** Marks a legal basis reviewed by the data protection officer. */
export function reviewLegalBasis(legalBasisId: string) {
  return apiRequest(`/api/legal-bases/${encodeURIComponent(legalBasisId)}/review`, LegalBasis, {
    method: 'POST',
  });
}

/** Asks the sharing gate whether these data may go to this recipient for this purpose (audited). */
export function checkShare(personId: string, body: ShareCheckBody) {
  return apiRequest(`${personPath(personId)}/share-check`, ShareDecision, { method: 'POST', body });
}

/** The information notice in a language (by default the person's own); it never carries a name. */
export function getNotice(personId: string, locale: string | undefined) {
  const query = locale ? `?${new URLSearchParams({ locale }).toString()}` : '';
  return apiRequest(`${personPath(personId)}/notice${query}`, InformationNotice);
}

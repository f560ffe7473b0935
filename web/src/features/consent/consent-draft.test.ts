import { describe, expect, it } from 'vitest';
import { NewConsentBody } from '../../../../common/consent.ts';
import {
  draftQualityFlags,
  draftToBody,
  missingAt,
  newConsentDraft,
  placeOfServerField,
  stepsFor,
  type ConsentDraft,
} from './consent-draft.ts';

const organisationId = '00000000-0000-4000-8000-0000000000aa';
const today = '2026-11-23';

/** A referral consent answered in full, as the form would leave it before the review step. */
function completeReferral(change: Partial<ConsentDraft> = {}): ConsentDraft {
  return {
    ...newConsentDraft({ presumedChild: false, language: 'en' }),
    purpose: 'referral',
    recipientOrganisationId: organisationId,
    method: 'verbal',
    interpreterUsed: false,
    personAlone: true,
    informationPoints: [
      'consents-to-interview',
      'purpose-explained',
      'uses-of-data',
      'research-use',
      'may-request-own-data',
      'storage-period',
      'how-to-withdraw',
    ],
    fieldGroups: ['identity-minimal'],
    ...change,
  };
}

describe('the guided consent form’s steps', () => {
  it('asks for a recipient only for purposes that name one, and skips data and expiry for a refusal', () => {
    const services = { ...completeReferral(), purpose: 'services' as const };
    expect(stepsFor(services)).toEqual([
      'purpose',
      'givenBy',
      'how',
      'information',
      'data',
      'expiry',
      'review',
    ]);
    expect(stepsFor(completeReferral())).toContain('recipient');
    expect(stepsFor(completeReferral({ decision: 'refused' }))).toEqual([
      'purpose',
      'recipient',
      'givenBy',
      'how',
      'information',
      'review',
    ]);
  });

  it('presumes a child gives assent when the person is presumed a child', () => {
    expect(newConsentDraft({ presumedChild: true, language: 'ar' }).givenBy).toBe('child-assent');
    expect(newConsentDraft({ presumedChild: false, language: 'ar' }).givenBy).toBe('person');
  });

  it('keeps the person on a step until its questions are answered', () => {
    const blank = newConsentDraft({ presumedChild: false, language: 'en' });
    expect(missingAt('purpose', blank, today)).toEqual(['purpose']);
    expect(missingAt('recipient', { ...blank, purpose: 'referral' }, today)).toEqual(['recipient']);
    expect(missingAt('recipient', { ...blank, purpose: 'protective-referral' }, today)).toEqual([
      'protectiveTarget',
    ]);
    expect(missingAt('how', blank, today)).toEqual(['method', 'interpreter', 'personAlone']);
    expect(missingAt('how', { ...completeReferral(), interpreterUsed: true }, today)).toEqual([
      'interpreterIndependent',
    ]);
    expect(missingAt('data', blank, today)).toEqual(['fieldGroups']);
    expect(missingAt('expiry', { ...blank, expiresOn: '2026-11-22' }, today)).toEqual(['expiry']);
    expect(missingAt('expiry', { ...blank, expiresOn: today }, today)).toEqual([]);
  });

  it('asks why no guardian was asked when a child assents without an adult', () => {
    const child = {
      ...completeReferral(),
      givenBy: 'child-assent' as const,
      adultConsent: 'not-asked' as const,
    };
    expect(missingAt('givenBy', child, today)).toEqual(['guardianNotAskedReason']);
    expect(
      missingAt('givenBy', { ...child, guardianNotAskedReason: 'guardian-may-be-involved' }, today),
    ).toEqual([]);
  });

  it('turns a complete draft into a body the server’s schema accepts', () => {
    const body = NewConsentBody.parse(draftToBody(completeReferral({ expiresOn: '2027-01-31' })));
    expect(body).toMatchObject({
      purpose: 'referral',
      recipientOrganisationId: organisationId,
      fieldGroups: ['identity-minimal'],
      interpreter: { used: false },
    });
    expect(body.expiresAt).toBeDefined();
  });

  it('names no recipient for consent to services, even if one was picked before the purpose changed', () => {
    const body = draftToBody(completeReferral({ purpose: 'services' }));
    expect(body).not.toHaveProperty('recipientOrganisationId');
    expect(NewConsentBody.safeParse(body).success).toBe(true);
  });

  it('warns of the quality flags while the form is filled in', () => {
    expect(draftQualityFlags(completeReferral(), false)).toEqual([]);
    expect(
      draftQualityFlags(
        completeReferral({ personAlone: false, interpreterUsed: true, interpreterIndependent: false }),
        false,
      ),
    ).toEqual(['not-alone', 'interpreter-not-independent']);
    expect(draftQualityFlags(completeReferral(), true)).toEqual(['presumed-child-without-assent']);
  });

  it('sends a server field error back to the step that asks it', () => {
    expect(placeOfServerField('body.recipientOrganisationId')).toEqual({
      step: 'recipient',
      field: 'recipient',
    });
    expect(placeOfServerField('body.givenBy.guardianNotAskedReason')).toEqual({
      step: 'givenBy',
      field: 'guardianNotAskedReason',
    });
    expect(placeOfServerField('body.fieldGroups.0')).toEqual({ step: 'data', field: 'fieldGroups' });
    expect(placeOfServerField('body.somethingElse')).toBeUndefined();
  });
});

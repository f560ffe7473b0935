import { describe, expect, it } from 'vitest';
import type { SocietyProfile } from '../../../../common/societies.ts';
import { draftOf, settingsChange, timeZoneChoices } from './settings-form.ts';

const profile: SocietyProfile = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Fictitious Society',
  country: 'NL',
  timeZone: 'Europe/Amsterdam',
  isDemo: true,
  version: 3,
  mfaOptionalRoles: [],
  suppressionThreshold: 10,
  defaultLocale: 'en',
  retentionMonths: null,
  allowedActions: ['change-settings'],
};

describe('the society settings form', () => {
  it('sends only the settings that changed', () => {
    const draft = { ...draftOf(profile), timeZone: 'Africa/Nairobi', mfaOptionalRoles: ['trainer'] };
    expect(settingsChange(profile, draft)).toEqual({
      body: { timeZone: 'Africa/Nairobi', mfaOptionalRoles: ['trainer'] },
    });
  });

  it('says nothing changed rather than sending an empty change', () => {
    const draft = { ...draftOf(profile), mfaOptionalRoles: [] };
    expect(settingsChange(profile, draft)).toEqual({ unchanged: true });
  });

  it('reads a threshold typed in Arabic-Indic digits', () => {
    const draft = { ...draftOf(profile), suppressionThreshold: '١٥' };
    expect(settingsChange(profile, draft)).toEqual({ body: { suppressionThreshold: 15 } });
  });

  it('refuses a threshold below five, text, and a role that sees personal data', () => {
    expect(settingsChange(profile, { ...draftOf(profile), suppressionThreshold: '3' })).toEqual({
      invalid: new Set(['suppressionThreshold']),
    });
    expect(settingsChange(profile, { ...draftOf(profile), suppressionThreshold: 'ten' })).toEqual({
      invalid: new Set(['suppressionThreshold']),
    });
    expect(settingsChange(profile, { ...draftOf(profile), mfaOptionalRoles: ['caseworker'] })).toEqual({
      invalid: new Set(['mfaOptionalRoles']),
    });
  });

  it('sends a retention period typed in months, and empty as "not decided yet"', () => {
    expect(settingsChange(profile, { ...draftOf(profile), retentionMonths: ' 36 ' })).toEqual({
      body: { retentionMonths: 36 },
    });
    const decided = { ...profile, retentionMonths: 24 };
    expect(draftOf(decided).retentionMonths).toBe('24');
    expect(settingsChange(decided, { ...draftOf(decided), retentionMonths: '' })).toEqual({
      body: { retentionMonths: null },
    });
    expect(settingsChange(profile, { ...draftOf(profile), retentionMonths: '' })).toEqual({
      unchanged: true,
    });
  });

  it('refuses a retention period of no months, over fifty years, or not a number', () => {
    for (const typed of ['0', '601', '2 years', '1.5'])
      expect(settingsChange(profile, { ...draftOf(profile), retentionMonths: typed })).toEqual({
        invalid: new Set(['retentionMonths']),
      });
  });

  it('offers the time zones the browser knows, the current one included', () => {
    const zones = timeZoneChoices('Etc/Unknown-Test');
    expect(zones).toContain('Etc/Unknown-Test');
    expect(zones).toContain('Europe/Amsterdam');
    expect(zones).toContain('UTC');
  });
});

import { describe, expect, it } from 'vitest';
import { consentQualityFlags, InformationPoint } from '../../../common/consent.ts';
import { isPresumedChild, type Birth } from '../../../common/people.ts';
import { newPersonCode } from './people.crypto.ts';

const on = (day: string) => new Date(`${day}T12:00:00Z`);
const given = (value: Birth) => ({ answer: 'given' as const, value });

describe('presuming a child when age is uncertain', () => {
  it.each([
    { birth: undefined, now: '2026-01-01', child: true },
    { birth: { answer: 'unknown' as const }, now: '2026-01-01', child: true },
    { birth: { answer: 'declined' as const }, now: '2026-01-01', child: true },
    { birth: given({ precision: 'day', date: '2008-01-02' }), now: '2026-01-01', child: true },
    { birth: given({ precision: 'day', date: '2008-01-01' }), now: '2026-01-01', child: false },
    // A year alone: a child until the last day of that year plus eighteen years.
    { birth: given({ precision: 'year', date: '2008' }), now: '2026-12-30', child: true },
    { birth: given({ precision: 'year', date: '2008' }), now: '2026-12-31', child: false },
    { birth: given({ precision: 'month', date: '2008-02' }), now: '2026-02-28', child: true },
    { birth: given({ precision: 'month', date: '2008-02' }), now: '2026-03-01', child: false },
    {
      birth: given({ precision: 'estimate', ageYears: 16, estimatedOn: '2025-06-01' }),
      now: '2026-01-01',
      child: true,
    },
    {
      birth: given({ precision: 'estimate', ageYears: 17, estimatedOn: '2024-06-01' }),
      now: '2026-01-01',
      child: false,
    },
    {
      birth: given({ precision: 'estimate', ageYears: 30, estimatedOn: '2026-01-01' }),
      now: '2026-01-01',
      child: false,
    },
  ])('with $birth on $now: child $child', ({ birth, now, child }) => {
    expect(isPresumedChild(birth, on(now))).toBe(child);
  });
});

describe('consent quality flags', () => {
  const clean = {
    personAlone: true,
    interpreter: { used: true as const, independent: true },
    informationPoints: [...InformationPoint.options],
    givenBy: { by: 'person' as const },
  };

  it('flags nothing when the person was alone, the interpreter independent and all seven points explained', () => {
    expect(consentQualityFlags(clean, false)).toEqual([]);
  });

  it('flags each shortcoming by code', () => {
    expect(consentQualityFlags({ ...clean, personAlone: false }, false)).toEqual(['not-alone']);
    expect(consentQualityFlags({ ...clean, interpreter: { used: true, independent: false } }, false)).toEqual(
      ['interpreter-not-independent'],
    );
    expect(
      consentQualityFlags({ ...clean, informationPoints: ['how-to-withdraw', 'how-to-withdraw'] }, false),
    ).toEqual(['information-incomplete']);
    expect(consentQualityFlags(clean, true)).toEqual(['presumed-child-without-assent']);
    const notAsked = {
      by: 'child-assent' as const,
      adultConsent: 'not-asked' as const,
      guardianNotAskedReason: 'guardian-may-be-involved' as const,
    };
    expect(consentQualityFlags({ ...clean, givenBy: notAsked }, true)).toEqual(['guardian-not-asked']);
  });
});

describe('pseudonymous codes', () => {
  it('are 8 Crockford Base32 characters and do not repeat in ten thousand draws', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newPersonCode));
    expect(codes.size).toBe(10_000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });
});

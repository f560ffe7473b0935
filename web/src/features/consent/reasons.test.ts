import { describe, expect, it } from 'vitest';
import { RefusalCode } from '../../../../common/consent.ts';
import en from './i18n/en.json' with { type: 'json' };
import { decisionView, refusalKey } from './reasons.ts';

const lookup = (key: string) =>
  key
    .replace(/^consent:/, '')
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);

describe('the sharing gate’s reasons in plain words', () => {
  it('gives every refusal code its own sentence, present in the English strings', () => {
    const keys = RefusalCode.options.map(refusalKey);
    expect(new Set(keys).size).toBe(RefusalCode.options.length);
    for (const key of keys) expect(typeof lookup(key)).toBe('string');
  });

  it('shows a withdrawn consent as the withdrawn reason, not the server’s English text', () => {
    const view = decisionView({
      allowed: false,
      reason: { code: 'consent-withdrawn', message: 'The consent was withdrawn.' },
    });
    expect(view).toEqual({
      allowed: false,
      code: 'consent-withdrawn',
      key: 'consent:reason.consentWithdrawn',
    });
  });

  it('says whether an allowed share rests on a consent or on a legal basis', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(decisionView({ allowed: true, basis: { consentId: id } })).toEqual({
      allowed: true,
      on: 'consent',
    });
    expect(decisionView({ allowed: true, basis: { legalBasisId: id } })).toEqual({
      allowed: true,
      on: 'legal-basis',
    });
  });
});

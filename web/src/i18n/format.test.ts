import { describe, expect, it } from 'vitest';
import { formatCountdown, formatList, formatNumber, normaliseDigits } from './format.ts';

describe('normaliseDigits', () => {
  it('turns Arabic-Indic and Eastern Arabic-Indic digits into ASCII digits', () => {
    expect(normaliseDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normaliseDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normaliseDigits('١2۳ 456')).toBe('123 456');
  });

  it('leaves every other character as it is', () => {
    expect(normaliseDigits('abc-DEF_ﻼ')).toBe('abc-DEF_ﻼ');
  });
});

describe('formatting with Intl', () => {
  it('writes numbers with the separators of the language', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
    expect(formatNumber(1234.5, 'es')).toBe('1234,5');
    // CLDR decides the digits of Arabic (Latin or Arabic-Indic, by version and region): either reads as 12.
    expect(normaliseDigits(formatNumber(12, 'ar'))).toBe('12');
  });

  it('writes a countdown as minutes and two-digit seconds', () => {
    expect(formatCountdown(59.4, 'en')).toBe('0:59');
    expect(formatCountdown(65, 'fr')).toBe('1:05');
    expect(formatCountdown(-3, 'en')).toBe('0:00');
    expect(normaliseDigits(formatCountdown(9, 'ar'))).toBe('0:09');
  });

  it('joins a list the way each language does', () => {
    expect(formatList(['Caseworker', 'Focal point'], 'en')).toBe('Caseworker and Focal point');
    expect(formatList(['Volontaire', 'Point focal'], 'fr')).toBe('Volontaire et Point focal');
  });
});

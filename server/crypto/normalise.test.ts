import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  currentNormaliserVersion,
  nameTokens,
  normalise,
  normaliseBirthDate,
  normaliseBirthYear,
  normaliseDocumentNumber,
  normalisePhone,
} from './normalise.ts';

describe('normalisers for blind indexes', () => {
  it('maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(asciiDigits('१२३')).toBe('123');
  });

  it('reduces a phone number to its digits, keeping a leading plus', () => {
    expect(normalisePhone('+44 (0)20 7946-0000')).toEqual(['+4402079460000']);
    expect(normalisePhone('٠٧٩٠ ١٢٣ ٤٥٦٧')).toEqual(['07901234567']);
    expect(normalisePhone('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹')).toEqual(['+989123456789']);
    expect(normalisePhone('０７９０１２３４５６７')).toEqual(['07901234567']);
    expect(normalisePhone('  +1-555-0100')).toEqual(['+15550100']);
    expect(normalisePhone('1+555')).toEqual(['1555']);
    expect(normalisePhone('no number')).toEqual([]);
  });

  it('upper-cases document numbers and strips spaces, dashes and dots', () => {
    expect(normaliseDocumentNumber('ab 12-34.56')).toEqual(['AB123456']);
    expect(normaliseDocumentNumber('AB\u2013123\u00a0456')).toEqual(['AB123456']);
    expect(normaliseDocumentNumber('ك ١٢٣')).toEqual(['ك123']);
    expect(normaliseDocumentNumber(' - ')).toEqual([]);
  });

  it('folds case and strips diacritics from names, splitting them into tokens', () => {
    expect(nameTokens('José MÜLLER-Šimić')).toEqual(['jose', 'muller', 'simic']);
    expect(nameTokens('İbrahim Işık')).toEqual(['ibrahim', 'isik']);
    expect(nameTokens('Straße Øre Łukasz')).toEqual(['strasse', 'ore', 'lukasz']);
    expect(nameTokens("O'Brien N’Diaye")).toEqual(['obrien', 'ndiaye']);
    expect(nameTokens('  Anna   anna ANNA ')).toEqual(['anna']);
    expect(nameTokens('Ёлкина Алёна')).toEqual(['елкина', 'алена']);
    expect(nameTokens('שָׁלוֹם בֶּן־דָּוִד')).toEqual(['שלום', 'בן', 'דוד']);
  });

  it('removes Arabic short vowels, hamza forms and tatweel, and folds common letter variants', () => {
    expect(nameTokens('مُحَمَّد')).toEqual(nameTokens('محمد'));
    expect(nameTokens('أحمد إبراهيم')).toEqual(['احمد', 'ابراهيم']);
    expect(nameTokens('فاطمة')).toEqual(nameTokens('فاطمه'));
    expect(nameTokens('مصطفى')).toEqual(nameTokens('مصطفي'));
    expect(nameTokens('علـــي')).toEqual(['علي']);
    expect(nameTokens('کریمی')).toEqual(nameTokens('كريمي'));
  });

  it('keeps the vowel signs of Indic scripts, which are part of the letters', () => {
    expect(nameTokens('राम')).not.toEqual(nameTokens('रम'));
  });

  it('gives names that differ only in case, accents and separators the same tokens', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,3}$/), (name) => {
        const accented = name
          .toUpperCase()
          .replace(/[A-Z]/g, (c) => `${c}\u0301`)
          .replace(/ /g, ' - ');
        expect(nameTokens(accented)).toEqual(nameTokens(name));
      }),
    );
  });

  it('is idempotent on name tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        for (const token of nameTokens(name)) expect(nameTokens(token)).toEqual([token]);
      }),
    );
  });

  it('keeps partial birth dates at their precision and extracts the year', () => {
    expect(normaliseBirthDate('1999-04-12')).toEqual(['1999-04-12']);
    expect(normaliseBirthDate('1999-04')).toEqual(['1999-04']);
    expect(normaliseBirthDate('١٩٩٩')).toEqual(['1999']);
    expect(normaliseBirthYear('1999-04-12')).toEqual(['1999']);
    expect(normaliseBirthDate('1999-13-01')).toEqual([]);
    expect(normaliseBirthDate('12/04/1999')).toEqual([]);
  });

  it('dispatches on kind and refuses an unknown normaliser version', () => {
    expect(normalise('phone', '+1 555 0100')).toEqual(['+15550100']);
    expect(normalise('name-token', 'Ana María', currentNormaliserVersion)).toEqual(['ana', 'maria']);
    expect(() => normalise('phone', '1', currentNormaliserVersion + 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { IdentityFields, IdentityPatch } from '../../../../common/people.ts';
import {
  birthOf,
  emptyBirth,
  emptyIdentity,
  identityFromApi,
  identityToApi,
  wholeNumberOf,
} from './identity-form.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('the identity form', () => {
  it('leaves out every empty field of a new record, and clears them in a change', () => {
    expect(identityToApi(emptyIdentity(now), 'omit')).toEqual({});
    const cleared = identityToApi(emptyIdentity(now), 'clear');
    expect(Object.values(cleared)).toHaveLength(8);
    expect(new Set(Object.values(cleared).map((a) => a.answer))).toEqual(new Set(['not-recorded']));
    expect(IdentityPatch.safeParse(cleared).success).toBe(true);
  });

  it('sends "declined" and "unknown" without the value typed before', () => {
    const form = emptyIdentity(now);
    form.nameLatin = { mode: 'declined', value: { given: 'Alpha', family: '' } };
    form.citizenship = { mode: 'unknown', value: ['FR'] };
    form.sex = 'declined';
    expect(identityToApi(form, 'omit')).toEqual({
      nameLatin: { answer: 'declined' },
      citizenship: { answer: 'unknown' },
      sex: { answer: 'declined' },
    });
  });

  it('builds a name, aliases, citizenship and languages the shared schema accepts', () => {
    const form = emptyIdentity(now);
    form.nameLatin = { mode: 'value', value: { given: ' Test ', family: 'Alpha' } };
    form.aliases = { mode: 'value', value: ['Tess', '', '  '] };
    form.citizenship = { mode: 'value', value: ['FR', 'SN'] };
    form.languages = { mode: 'value', value: ['wo'] };
    const fields = identityToApi(form, 'omit');
    expect(fields).toEqual({
      nameLatin: { answer: 'given', value: { given: 'Test', family: 'Alpha' } },
      aliases: { answer: 'given', value: ['Tess'] },
      citizenship: { answer: 'given', value: ['FR', 'SN'] },
      languages: { answer: 'given', value: ['wo'] },
    });
    expect(IdentityFields.safeParse(fields).success).toBe(true);
  });

  it('builds a birth at each precision, converting Arabic-Indic digits', () => {
    const base = emptyBirth(now);
    expect(birthOf({ ...base, precision: 'day', day: '1990-02-03' })).toEqual({
      precision: 'day',
      date: '1990-02-03',
    });
    expect(birthOf({ ...base, precision: 'month', year: '١٩٩٠', month: '02' })).toEqual({
      precision: 'month',
      date: '1990-02',
    });
    expect(birthOf({ ...base, precision: 'year', year: '۱۹۹۰' })).toEqual({
      precision: 'year',
      date: '1990',
    });
    expect(birthOf({ ...base, precision: 'estimate', ageYears: '٢٥' })).toEqual({
      precision: 'estimate',
      ageYears: 25,
      estimatedOn: '2026-11-23',
    });
    expect(birthOf({ ...base, precision: 'year', year: '' })).toBeUndefined();
  });

  it('sends a month without its year as typed, for the schema to refuse at the date', () => {
    const birth = birthOf({ ...emptyBirth(now), precision: 'month', month: '04' });
    const parsed = IdentityFields.safeParse({ birth: { answer: 'given', value: birth } });
    expect(parsed.error?.issues[0]?.path.join('.')).toBe('birth.value.date');
  });

  it('reads whole numbers only', () => {
    expect(wholeNumberOf(' 42 ')).toBe(42);
    expect(wholeNumberOf('٤٢')).toBe(42);
    expect(wholeNumberOf('4.2')).toBeNaN();
    expect(wholeNumberOf('-1')).toBeNaN();
  });

  it('gives back the same fields after a round trip through the form', () => {
    const recorded: IdentityFields = {
      nameOriginal: { answer: 'given', value: { given: 'تجربة' } },
      nameOriginalScript: { answer: 'given', value: 'Arab' },
      nameLatin: { answer: 'given', value: { given: 'Test', family: 'Alpha' } },
      aliases: { answer: 'unknown' },
      sex: { answer: 'given', value: 'female' },
      birth: { answer: 'given', value: { precision: 'month', date: '1990-02' } },
      citizenship: { answer: 'declined' },
      languages: { answer: 'given', value: ['ar', 'fr'] },
    };
    expect(identityToApi(identityFromApi(recorded, now), 'clear')).toEqual(recorded);
  });
});

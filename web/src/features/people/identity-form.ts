import type { Birth, IdentityFields, PersonName } from '../../../../common/people.ts';
import { normaliseDigits } from '../../i18n/format.ts';
import {
  choiceFromApi,
  choiceToApi,
  fromApiAnswer,
  listOrNothing,
  textOrNothing,
  toApiAnswer,
  type Answered,
  type ChoiceAnswer,
  type EmptyAs,
} from './answers.ts';

/** A name as typed: given names and family name. */
export type NameForm = { given: string; family: string };

/**
 * A birth date or age estimate as typed, at the precision chosen: a full date, a month (year and month) or a
 * year alone, or an age estimated on a given day. The year is shared by the month and year precisions.
 */
export type BirthForm = {
  precision: Birth['precision'];
  day: string;
  /** The month of a month-precision date, '01' to '12', or '' before one is chosen. */
  month: string;
  year: string;
  ageYears: string;
  estimatedOn: string;
};

/** The identity group of a person as the form holds it. */
export type IdentityForm = {
  nameOriginal: Answered<NameForm>;
  nameOriginalScript: ChoiceAnswer<string>;
  nameLatin: Answered<NameForm>;
  aliases: Answered<string[]>;
  sex: ChoiceAnswer<'female' | 'male'>;
  birth: Answered<BirthForm>;
  citizenship: Answered<string[]>;
  languages: Answered<string[]>;
};

/** Today's date (YYYY-MM-DD) in the browser's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const emptyName: NameForm = { given: '', family: '' };

/** An empty birth form: an exact date to type, or an age estimated today. */
export function emptyBirth(now = new Date()): BirthForm {
  return { precision: 'day', day: '', month: '', year: '', ageYears: '', estimatedOn: today(now) };
}

/** An identity form with nothing recorded. */
export function emptyIdentity(now = new Date()): IdentityForm {
  return {
    nameOriginal: { mode: 'value', value: emptyName },
    nameOriginalScript: '',
    nameLatin: { mode: 'value', value: emptyName },
    aliases: { mode: 'value', value: [] },
    sex: '',
    birth: { mode: 'value', value: emptyBirth(now) },
    citizenship: { mode: 'value', value: [] },
    languages: { mode: 'value', value: [] },
  };
}

function nameOf(form: NameForm): PersonName | undefined {
  const given = textOrNothing(form.given);
  const family = textOrNothing(form.family);
  if (given === undefined && family === undefined) return undefined;
  return { ...(given ? { given } : {}), ...(family ? { family } : {}) };
}

/** A whole number typed in any digits (Arabic-Indic included); NaN when it is not one, for the check to refuse. */
export function wholeNumberOf(text: string): number {
  const digits = normaliseDigits(text).trim();
  return /^\d{1,3}$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * The birth as the API takes it; undefined while nothing is typed for the chosen precision. Digits typed on an
 * Arabic keyboard are converted; a value the schema refuses is sent as typed, so the check can point at it.
 */
export function birthOf(form: BirthForm): Birth | undefined {
  const year = normaliseDigits(form.year).trim();
  switch (form.precision) {
    case 'day':
      return form.day ? { precision: 'day', date: normaliseDigits(form.day).trim() } : undefined;
    case 'month':
      return year || form.month ? { precision: 'month', date: `${year}-${form.month}` } : undefined;
    case 'year':
      return year ? { precision: 'year', date: year } : undefined;
    case 'estimate':
      if (!form.ageYears.trim()) return undefined;
      return { precision: 'estimate', ageYears: wholeNumberOf(form.ageYears), estimatedOn: form.estimatedOn };
  }
}

function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** The identity fields for the API: empty fields left out (registration) or cleared (a change). */
export function identityToApi(form: IdentityForm, emptyAs: EmptyAs): IdentityFields {
  return definedOnly({
    nameOriginal: toApiAnswer(form.nameOriginal, nameOf, emptyAs),
    nameOriginalScript: choiceToApi(form.nameOriginalScript, emptyAs),
    nameLatin: toApiAnswer(form.nameLatin, nameOf, emptyAs),
    aliases: toApiAnswer(
      form.aliases,
      (aliases) => listOrNothing(aliases.map((a) => a.trim()).filter(Boolean)),
      emptyAs,
    ),
    sex: choiceToApi(form.sex, emptyAs),
    birth: toApiAnswer(form.birth, birthOf, emptyAs),
    citizenship: toApiAnswer(form.citizenship, listOrNothing, emptyAs),
    languages: toApiAnswer(form.languages, listOrNothing, emptyAs),
  });
}

function birthForm(birth: Birth, now: Date): BirthForm {
  const base = emptyBirth(now);
  switch (birth.precision) {
    case 'day':
      return { ...base, precision: 'day', day: birth.date };
    case 'month':
      return { ...base, precision: 'month', year: birth.date.slice(0, 4), month: birth.date.slice(5, 7) };
    case 'year':
      return { ...base, precision: 'year', year: birth.date };
    case 'estimate':
      return {
        ...base,
        precision: 'estimate',
        ageYears: String(birth.ageYears),
        estimatedOn: birth.estimatedOn,
      };
  }
}

/** The form state of a recorded identity group. */
export function identityFromApi(fields: IdentityFields, now = new Date()): IdentityForm {
  const name = (n: PersonName): NameForm => ({ given: n.given ?? '', family: n.family ?? '' });
  return {
    nameOriginal: fromApiAnswer(fields.nameOriginal, name, emptyName),
    nameOriginalScript: choiceFromApi(fields.nameOriginalScript),
    nameLatin: fromApiAnswer(fields.nameLatin, name, emptyName),
    aliases: fromApiAnswer(fields.aliases, (a) => a, []),
    sex: choiceFromApi(fields.sex),
    birth: fromApiAnswer(fields.birth, (b) => birthForm(b, now), emptyBirth(now)),
    citizenship: fromApiAnswer(fields.citizenship, (c) => c, []),
    languages: fromApiAnswer(fields.languages, (l) => l, []),
  };
}

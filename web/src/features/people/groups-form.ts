import type {
  ContactFields,
  DocumentFields,
  HtcdsGender,
  IdentityDocument,
  SafeContact,
  SpecialFields,
} from '../../../../common/people.ts';
import type { MigrationStatus } from '../../../../common/people.ts';
import type { z } from 'zod';
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

/** One phone number as typed. */
export type PhoneForm = { number: string; kind: 'mobile' | 'home' | 'work' | 'other' };

/** The safe-contact preferences as the form holds them; `recorded` once any of them was answered. */
export type SafeContactForm = SafeContact & { safeTimes: string; codeWord: string; recorded: boolean };

/** The contact group as the form holds it. */
export type ContactForm = {
  phones: Answered<PhoneForm[]>;
  email: Answered<string>;
  address: Answered<string>;
  safeContact: Answered<SafeContactForm>;
};

/** One identity document as the form holds it. */
export type DocumentForm = {
  type: IdentityDocument['type'];
  number: Answered<string>;
  issuingCountry: ChoiceAnswer<string>;
  heldBy: ChoiceAnswer<'person' | 'withheld-by-others' | 'authorities' | 'lost'>;
};

/** The documents group as the form holds it. */
export type DocumentsForm = { documents: Answered<DocumentForm[]> };

/** The special-category group as the form holds it: every field "not recorded" unless answered. */
export type SpecialForm = {
  gender: ChoiceAnswer<HtcdsGender>;
  sogiesc: Answered<string>;
  health: Answered<string>;
  migrationStatus: ChoiceAnswer<z.infer<typeof MigrationStatus>>;
};

const noSafeContact: SafeContactForm = {
  mayCall: false,
  mayText: false,
  safeTimes: '',
  codeWord: '',
  recorded: false,
};

/** A contact form with nothing recorded. */
export function emptyContact(): ContactForm {
  return {
    phones: { mode: 'value', value: [{ number: '', kind: 'mobile' }] },
    email: { mode: 'value', value: '' },
    address: { mode: 'value', value: '' },
    safeContact: { mode: 'value', value: noSafeContact },
  };
}

/** A new, empty identity document. */
export function emptyDocument(): DocumentForm {
  return { type: 'passport', number: { mode: 'value', value: '' }, issuingCountry: '', heldBy: '' };
}

/** A documents form with nothing recorded. */
export function emptyDocuments(): DocumentsForm {
  return { documents: { mode: 'value', value: [] } };
}

/** A special-category form with nothing recorded (the default of every special field). */
export function emptySpecial(): SpecialForm {
  return {
    gender: '',
    sogiesc: { mode: 'value', value: '' },
    health: { mode: 'value', value: '' },
    migrationStatus: '',
  };
}

function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

function safeContactOf(form: SafeContactForm): SafeContact | undefined {
  if (!form.recorded) return undefined;
  const safeTimes = textOrNothing(form.safeTimes);
  const codeWord = textOrNothing(form.codeWord);
  return {
    mayCall: form.mayCall,
    mayText: form.mayText,
    ...(safeTimes ? { safeTimes } : {}),
    ...(codeWord ? { codeWord } : {}),
  };
}

/** The contact fields for the API. */
export function contactToApi(form: ContactForm, emptyAs: EmptyAs): ContactFields {
  const phones = (list: PhoneForm[]) =>
    listOrNothing(
      list.filter((p) => p.number.trim()).map((p) => ({ number: p.number.trim(), kind: p.kind })),
    );
  return definedOnly({
    phones: toApiAnswer(form.phones, phones, emptyAs),
    email: toApiAnswer(form.email, textOrNothing, emptyAs),
    address: toApiAnswer(form.address, textOrNothing, emptyAs),
    safeContact: toApiAnswer(form.safeContact, safeContactOf, emptyAs),
  });
}

function documentOf(form: DocumentForm): IdentityDocument {
  return definedOnly({
    type: form.type,
    number: toApiAnswer(form.number, textOrNothing, 'omit'),
    issuingCountry: choiceToApi(form.issuingCountry, 'omit'),
    heldBy: choiceToApi(form.heldBy, 'omit'),
  });
}

/** The document fields for the API. */
export function documentsToApi(form: DocumentsForm, emptyAs: EmptyAs): DocumentFields {
  return definedOnly({
    documents: toApiAnswer(form.documents, (list) => listOrNothing(list.map(documentOf)), emptyAs),
  });
}

/** The special-category fields for the API. */
export function specialToApi(form: SpecialForm, emptyAs: EmptyAs): SpecialFields {
  return definedOnly({
    gender: choiceToApi(form.gender, emptyAs),
    sogiesc: toApiAnswer(form.sogiesc, textOrNothing, emptyAs),
    health: toApiAnswer(form.health, textOrNothing, emptyAs),
    migrationStatus: choiceToApi(form.migrationStatus, emptyAs),
  });
}

/** The form state of a recorded contact group. */
export function contactFromApi(fields: ContactFields): ContactForm {
  const empty = emptyContact();
  return {
    phones: fromApiAnswer(fields.phones, (list) => list.map((p) => ({ ...p })), empty.phones.value),
    email: fromApiAnswer(fields.email, (e) => e, ''),
    address: fromApiAnswer(fields.address, (a) => a, ''),
    safeContact: fromApiAnswer(
      fields.safeContact,
      (s) => ({ ...s, safeTimes: s.safeTimes ?? '', codeWord: s.codeWord ?? '', recorded: true }),
      noSafeContact,
    ),
  };
}

/** The form state of a recorded documents group. */
export function documentsFromApi(fields: DocumentFields): DocumentsForm {
  const document = (d: IdentityDocument): DocumentForm => ({
    type: d.type,
    number: fromApiAnswer(d.number, (n) => n, ''),
    issuingCountry: choiceFromApi(d.issuingCountry),
    heldBy: choiceFromApi(d.heldBy),
  });
  return { documents: fromApiAnswer(fields.documents, (list) => list.map(document), []) };
}

/** The form state of a recorded special-category group. */
export function specialFromApi(fields: SpecialFields): SpecialForm {
  return {
    gender: choiceFromApi(fields.gender),
    sogiesc: fromApiAnswer(fields.sogiesc, (s) => s, ''),
    health: fromApiAnswer(fields.health, (h) => h, ''),
    migrationStatus: choiceFromApi(fields.migrationStatus),
  };
}

import { z } from 'zod';

// Every identifying field is optional, and every answer may be "declined" or "unknown" (PRODUCT.md: "Help never
// waits for data"). An answer is a tagged object, so a free-text name can never be mistaken for a state: absent or
// `{ answer: 'not-recorded' }` means nothing was asked or recorded, which is the default of every field.

/** The states of an answer that carry no value. */
export const AnswerState = z.enum(['not-recorded', 'declined', 'unknown']);
/** The states of an answer that carry no value. */
export type AnswerState = z.infer<typeof AnswerState>;

/** Builds the schema of one optional field: a given value, or one of the answer states. */
export function answer<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('answer', [
    z.strictObject({ answer: z.literal('given'), value }),
    z.strictObject({ answer: AnswerState }),
  ]);
}

const text = (max: number) => z.string().trim().min(1).max(max);
/** An ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/);
/** An ISO 639-1 (two letters) or ISO 639-2/3 (three letters) language code, lower case. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/);
const isoDate = z.iso.date();

/** A name as the person writes it: given names and family name, each optional. */
export const PersonName = z
  .strictObject({ given: text(200).optional(), family: text(200).optional() })
  .refine((n) => n.given !== undefined || n.family !== undefined, {
    message: 'Give a name or leave it out.',
  });
/** A name as the person writes it. */
export type PersonName = z.infer<typeof PersonName>;

/** Sex as recorded for sex-disaggregated statistics; sex characteristics beyond this are SOGIESC (special). */
export const Sex = z.enum(['female', 'male']);
/** Gender: the value names of HTCDS 2.0 `prs_Gender`. It reveals gender identity, so it is special-category. */
export const HtcdsGender = z.enum([
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
]);
/** Gender: the value names of HTCDS 2.0 `prs_Gender`. */
export type HtcdsGender = z.infer<typeof HtcdsGender>;

/** A birth date at its precision (day, month or year), or an age estimate with the day it was made. */
export const Birth = z.discriminatedUnion('precision', [
  z.strictObject({ precision: z.literal('day'), date: isoDate }),
  z.strictObject({ precision: z.literal('month'), date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  z.strictObject({ precision: z.literal('year'), date: z.string().regex(/^\d{4}$/) }),
  z.strictObject({
    precision: z.literal('estimate'),
    ageYears: z.int().min(0).max(120),
    estimatedOn: isoDate,
  }),
]);
/** A birth date at its precision, or an age estimate. */
export type Birth = z.infer<typeof Birth>;

/** Identity fields (one encrypted group). */
export const IdentityFields = z.strictObject({
  nameOriginal: answer(PersonName).optional(),
  nameOriginalScript: answer(z.string().regex(/^[A-Z][a-z]{3}$/)).optional(),
  nameLatin: answer(PersonName).optional(),
  aliases: answer(z.array(text(200)).min(1).max(20)).optional(),
  sex: answer(Sex).optional(),
  birth: answer(Birth).optional(),
  citizenship: answer(z.array(CountryCode).min(1).max(5)).optional(),
  languages: answer(z.array(LanguageCode).min(1).max(10)).optional(),
});
/** Identity fields (one encrypted group). */
export type IdentityFields = z.infer<typeof IdentityFields>;

/** A phone number and what kind it is. */
export const Phone = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[+0-9٠-٩۰-۹ ()./-]{3,40}$/),
  kind: z.enum(['mobile', 'home', 'work', 'other']).default('mobile'),
});

/** How the person may be contacted safely: whether to call or text, when, and a code word. */
export const SafeContact = z.strictObject({
  mayCall: z.boolean(),
  mayText: z.boolean(),
  safeTimes: text(200).optional(),
  codeWord: text(100).optional(),
});
/** How the person may be contacted safely. */
export type SafeContact = z.infer<typeof SafeContact>;

/** Contact fields (one encrypted group). */
export const ContactFields = z.strictObject({
  phones: answer(z.array(Phone).min(1).max(5)).optional(),
  email: answer(z.email().max(254)).optional(),
  address: answer(text(500)).optional(),
  safeContact: answer(SafeContact).optional(),
});
/** Contact fields (one encrypted group). */
export type ContactFields = z.infer<typeof ContactFields>;

/** One identity document: its type, number and issuing country (each optional), and who holds it. */
export const IdentityDocument = z.strictObject({
  type: z.enum([
    'passport',
    'national-id',
    'residence-permit',
    'travel-document',
    'birth-certificate',
    'other',
  ]),
  number: answer(z.string().trim().min(1).max(60)).optional(),
  issuingCountry: answer(CountryCode).optional(),
  // Withheld documents are a means of control (HTCDS vic_MethodsOfControl `WithholdsDocuments`).
  heldBy: answer(z.enum(['person', 'withheld-by-others', 'authorities', 'lost'])).optional(),
});
/** One identity document. */
export type IdentityDocument = z.infer<typeof IdentityDocument>;

/** Document fields (one encrypted group). */
export const DocumentFields = z.strictObject({
  documents: answer(z.array(IdentityDocument).min(1).max(10)).optional(),
});
/** Document fields (one encrypted group). */
export type DocumentFields = z.infer<typeof DocumentFields>;

/** Migration status codes; special-category (PRODUCT.md "Special categories"). */
export const MigrationStatus = z.enum([
  'national',
  'regular-resident',
  'asylum-seeker',
  'refugee',
  'irregular',
  'stateless',
  'other',
]);

/** Special-category fields (one encrypted group, restricted by field): they default to "not recorded". */
export const SpecialFields = z.strictObject({
  gender: answer(HtcdsGender).optional(),
  sogiesc: answer(text(1000)).optional(),
  health: answer(text(2000)).optional(),
  migrationStatus: answer(MigrationStatus).optional(),
});
/** Special-category fields. */
export type SpecialFields = z.infer<typeof SpecialFields>;

/** The encrypted field groups of a person record, each its own ciphertext. */
export const PersonFieldGroup = z.enum(['identity', 'contact', 'documents', 'special']);
/** The encrypted field groups of a person record. */
export type PersonFieldGroup = z.infer<typeof PersonFieldGroup>;

/** The field names of each group, for masks, the read log and audit payloads. */
export const personGroupFields = {
  identity: IdentityFields.keyof().options,
  contact: ContactFields.keyof().options,
  documents: DocumentFields.keyof().options,
  special: SpecialFields.keyof().options,
} as const;

/** The "known as" name: what the person wants to be called, maybe not their name at all. */
export const KnownAs = text(120);

/** POST /api/people: quick (a "known as" name, or nothing at all) or full; `teamId` picks the owning team. */
export const NewPersonBody = z.strictObject({
  knownAs: KnownAs.optional(),
  teamId: z.uuid().optional(),
  identity: IdentityFields.optional(),
  contact: ContactFields.optional(),
  documents: DocumentFields.optional(),
  special: SpecialFields.optional(),
});
/** POST /api/people */
export type NewPersonBody = z.infer<typeof NewPersonBody>;

/** PATCH /api/people/:personId/identity: the fields given replace theirs; `knownAs: null` clears the name. */
export const IdentityPatch = IdentityFields.extend({ knownAs: KnownAs.nullable().optional() });
/** PATCH /api/people/:personId/identity */
export type IdentityPatch = z.infer<typeof IdentityPatch>;

/** What a person may be asked to do through the API; the web app shows a control for each allowed one. */
export const PersonAction = z.enum([
  'change-identity',
  'change-contact',
  'change-documents',
  'change-special',
  'assign',
  'record-consent',
  'withdraw-consent',
  'record-legal-basis',
  'decide-legal-basis',
  'check-share',
  'view-notice',
]);
/** What a person may be asked to do through the API. */
export type PersonAction = z.infer<typeof PersonAction>;

/** Why a group is not shown: restricted to the assigned caseworker and focal points, or erased for good. */
export const MaskReason = z.enum(['restricted', 'erased']);

function group<T extends z.ZodType>(fields: T) {
  return z.discriminatedUnion('access', [
    z.object({ access: z.literal('visible'), fields }),
    z.object({ access: z.literal('masked'), reason: MaskReason }),
  ]);
}

/** A person record as the case team sees it: groups they may not see are masked with the reason. */
export const Person = z.object({
  id: z.uuid(),
  code: z.string(),
  knownAs: z.string().nullable(),
  presumedChild: z.boolean(),
  erased: z.boolean(),
  owningTeamId: z.uuid().nullable(),
  assignedCaseworkerIds: z.array(z.uuid()),
  identity: group(IdentityFields),
  contact: group(ContactFields),
  documents: group(DocumentFields),
  special: group(SpecialFields),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  allowedActions: z.array(PersonAction),
});
/** A person record as the case team sees it. */
export type Person = z.infer<typeof Person>;

/** One person in a list or among search candidates: code, "known as" name and routing flags only. */
export const PersonSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  knownAs: z.string().nullable(),
  presumedChild: z.boolean(),
  assignedToMe: z.boolean(),
  createdAt: z.iso.datetime(),
});
/** One person in a list or among search candidates. */
export type PersonSummary = z.infer<typeof PersonSummary>;

/** GET /api/people: newest first; `cursor` is the id of the last person of the previous page. */
export const PersonListQuery = z.strictObject({
  assigned: z.enum(['me', 'any']).default('any'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid().optional(),
});
/** GET /api/people */
export type PersonListQuery = z.infer<typeof PersonListQuery>;

/** A page of people in the actor's scope. */
export const PersonPage = z.object({ items: z.array(PersonSummary), nextCursor: z.uuid().nullable() });
/** A page of people in the actor's scope. */
export type PersonPage = z.infer<typeof PersonPage>;

/**
 * POST /api/people/search: exact look-ups through blind indexes (name tokens, a phone number, a document number).
 * A POST, so that no name ever appears in a URL or an access log. Fuzzy matching across scripts will add fields.
 */
export const PersonSearchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    documentNumber: z.string().trim().min(1).max(60).optional(),
  })
  .refine((b) => b.name !== undefined || b.phone !== undefined || b.documentNumber !== undefined, {
    message: 'Search by a name, a phone number or a document number.',
    path: ['name'],
  });
/** POST /api/people/search */
export type PersonSearchBody = z.infer<typeof PersonSearchBody>;

/** One search candidate: a person in scope and what matched (by kind, never by value). */
export const PersonCandidate = PersonSummary.extend({
  matched: z.array(z.enum(['name-token', 'phone', 'document-number'])),
  nameTokensMatched: z.number().int().min(0),
});
/** One search candidate. */
export type PersonCandidate = z.infer<typeof PersonCandidate>;

/** The answer of a search: candidates in the actor's scope, best first. */
export const PersonSearchResult = z.object({ candidates: z.array(PersonCandidate) });
/** The answer of a search. */
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

/** PUT /api/people/:personId/assignment: the caseworkers assigned and the owning team (a focal point decides). */
export const AssignmentBody = z.strictObject({
  caseworkerIds: z.array(z.uuid()).max(20),
  teamId: z.uuid().nullable(),
});
/** PUT /api/people/:personId/assignment */
export type AssignmentBody = z.infer<typeof AssignmentBody>;

/** Path parameters naming one person. */
export const PersonParams = z.strictObject({ personId: z.uuid() });
/** Path parameters naming one person. */
export type PersonParams = z.infer<typeof PersonParams>;

/** The `Idempotency-Key` header of a create that a flaky connection may repeat. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

const dayMs = 86_400_000;

function latestPossibleBirth(birth: Birth): Date | undefined {
  switch (birth.precision) {
    case 'day':
      return new Date(`${birth.date}T00:00:00Z`);
    case 'month': {
      const [year, month] = birth.date.split('-').map(Number) as [number, number];
      return new Date(Date.UTC(year, month, 0));
    }
    case 'year':
      return new Date(Date.UTC(Number(birth.date), 11, 31));
    case 'estimate':
      return undefined;
  }
}

/**
 * Whether a person is presumed a child (PRODUCT.md: "When age is uncertain, presume a child"): no birth date or
 * estimate, a birth date that could still make them under 18 (the latest day its precision allows), or an age
 * estimate under 18 at `now`.
 */
export function isPresumedChild(birth: IdentityFields['birth'], now: Date): boolean {
  if (!birth || birth.answer !== 'given') return true;
  const value = birth.value;
  if (value.precision === 'estimate') {
    const elapsedYears = (now.getTime() - Date.parse(`${value.estimatedOn}T00:00:00Z`)) / (365.25 * dayMs);
    return value.ageYears + Math.max(0, Math.floor(elapsedYears)) < 18;
  }
  const born = latestPossibleBirth(value) as Date;
  const adultOn = Date.UTC(born.getUTCFullYear() + 18, born.getUTCMonth(), born.getUTCDate());
  return now.getTime() < adultOn;
}

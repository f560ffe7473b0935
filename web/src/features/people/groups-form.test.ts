import { describe, expect, it } from 'vitest';
import { ContactFields, DocumentFields, NewPersonBody, SpecialFields } from '../../../../common/people.ts';
import { isRefused, issuesOfZod } from './field-issues.ts';
import { fullBody } from './full-form.ts';
import {
  contactFromApi,
  contactToApi,
  documentsFromApi,
  documentsToApi,
  emptyContact,
  emptyDocument,
  emptyDocuments,
  emptySpecial,
  specialFromApi,
  specialToApi,
} from './groups-form.ts';
import { emptyIdentity } from './identity-form.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('the contact, documents and special-category forms', () => {
  it('leave every empty field out of a new record', () => {
    expect(contactToApi(emptyContact(), 'omit')).toEqual({});
    expect(documentsToApi(emptyDocuments(), 'omit')).toEqual({});
    expect(specialToApi(emptySpecial(), 'omit')).toEqual({});
  });

  it('records safe-contact preferences only once one of them was answered', () => {
    const form = emptyContact();
    form.safeContact = {
      mode: 'value',
      value: { mayCall: false, mayText: true, safeTimes: ' evenings ', codeWord: '', recorded: true },
    };
    form.phones = {
      mode: 'value',
      value: [
        { number: '+٣٣ 600 000 000', kind: 'mobile' },
        { number: ' ', kind: 'home' },
      ],
    };
    const fields = contactToApi(form, 'omit');
    expect(fields).toEqual({
      safeContact: { answer: 'given', value: { mayCall: false, mayText: true, safeTimes: 'evenings' } },
      phones: { answer: 'given', value: [{ number: '+٣٣ 600 000 000', kind: 'mobile' }] },
    });
    expect(ContactFields.safeParse(fields).success).toBe(true);
    expect(contactToApi(contactFromApi(fields), 'omit')).toEqual(fields);
  });

  it('builds documents with each answer optional, and reads them back', () => {
    const document = {
      ...emptyDocument(),
      number: { mode: 'declined' as const, value: 'X1' },
      heldBy: 'withheld-by-others' as const,
    };
    const fields = documentsToApi({ documents: { mode: 'value', value: [document] } }, 'omit');
    expect(fields).toEqual({
      documents: {
        answer: 'given',
        value: [
          {
            type: 'passport',
            number: { answer: 'declined' },
            heldBy: { answer: 'given', value: 'withheld-by-others' },
          },
        ],
      },
    });
    expect(DocumentFields.safeParse(fields).success).toBe(true);
    expect(documentsToApi(documentsFromApi(fields), 'omit')).toEqual(fields);
  });

  it('clears special-category fields to "not recorded" in a change, and keeps given ones', () => {
    const form = { ...emptySpecial(), migrationStatus: 'asylum-seeker' as const };
    const fields = specialToApi(form, 'clear');
    expect(fields.migrationStatus).toEqual({ answer: 'given', value: 'asylum-seeker' });
    expect(fields.health).toEqual({ answer: 'not-recorded' });
    expect(SpecialFields.safeParse(fields).success).toBe(true);
    expect(specialFromApi(fields)).toEqual(form);
  });
});

describe('full registration', () => {
  const empty = () => ({
    knownAs: '',
    identity: emptyIdentity(now),
    contact: emptyContact(),
    documents: emptyDocuments(),
    withSpecial: false,
    special: emptySpecial(),
  });

  it('sends only the groups answered, and special categories only when opened', () => {
    const form = {
      ...empty(),
      knownAs: 'Test Person Alpha',
      special: { ...emptySpecial(), gender: 'declined' as const },
    };
    form.identity.citizenship = { mode: 'value', value: ['FR'] };
    expect(fullBody(form)).toEqual({
      knownAs: 'Test Person Alpha',
      identity: { citizenship: { answer: 'given', value: ['FR'] } },
    });
    expect(fullBody({ ...form, withSpecial: true }).special).toEqual({ gender: { answer: 'declined' } });
  });

  it('points at the refused field by its path in the body', () => {
    const form = empty();
    form.contact.email = { mode: 'value', value: 'not an address' };
    form.identity.birth = {
      mode: 'value',
      value: { ...form.identity.birth.value, precision: 'year', year: '19' },
    };
    const parsed = NewPersonBody.safeParse(fullBody(form));
    const issues = parsed.success ? [] : issuesOfZod(parsed.error);
    expect(isRefused(issues, 'contact.email')).toBe(true);
    expect(isRefused(issues, 'identity.birth')).toBe(true);
    expect(isRefused(issues, 'identity.nameLatin')).toBe(false);
  });
});

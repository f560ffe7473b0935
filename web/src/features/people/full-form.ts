import type { NewPersonBody } from '../../../../common/people.ts';
import {
  contactToApi,
  documentsToApi,
  specialToApi,
  type ContactForm,
  type DocumentsForm,
  type SpecialForm,
} from './groups-form.ts';
import { identityToApi, type IdentityForm } from './identity-form.ts';

/** Full registration as the form holds it: every group, the special categories only when opened. */
export type FullForm = {
  knownAs: string;
  identity: IdentityForm;
  contact: ContactForm;
  documents: DocumentsForm;
  withSpecial: boolean;
  special: SpecialForm;
};

function nonEmpty<T extends object>(fields: T): T | undefined {
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * The body of a full registration: only what was answered (a value, "declined" or "unknown"); empty fields and
 * empty groups are left out, so they stay "not recorded". Special categories are sent only when opened.
 */
export function fullBody(form: FullForm): NewPersonBody {
  const knownAs = form.knownAs.trim();
  const groups = {
    identity: nonEmpty(identityToApi(form.identity, 'omit')),
    contact: nonEmpty(contactToApi(form.contact, 'omit')),
    documents: nonEmpty(documentsToApi(form.documents, 'omit')),
    special: form.withSpecial ? nonEmpty(specialToApi(form.special, 'omit')) : undefined,
  };
  const present = Object.entries(groups).filter(([, fields]) => fields !== undefined);
  return { ...(knownAs ? { knownAs } : {}), ...Object.fromEntries(present) };
}

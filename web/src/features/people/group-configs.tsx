import { Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ContactFields,
  DocumentFields,
  IdentityPatch,
  SpecialFields,
  type Person,
  type PersonFieldGroup,
} from '../../../../common/people.ts';
import type { GroupChangeBody } from '../../api/people.ts';
import { ContactFieldsForm } from './contact-fields.tsx';
import { DocumentsFieldsForm } from './documents-fields.tsx';
import { isRefused, type FieldIssues } from './field-issues.ts';
import { ContactView, DocumentsView, IdentityView, SpecialView } from './group-views.tsx';
import {
  contactFromApi,
  contactToApi,
  documentsFromApi,
  documentsToApi,
  specialFromApi,
  specialToApi,
  type ContactForm,
  type DocumentsForm,
  type SpecialForm,
} from './groups-form.ts';
import { IdentityFieldsForm } from './identity-fields.tsx';
import { identityFromApi, identityToApi, type IdentityForm } from './identity-form.ts';
import { SpecialFieldsForm } from './special-fields.tsx';

/** The fields of a group as the API shows them to someone who may see them. */
export type GroupFieldsOf<G extends PersonFieldGroup> = Extract<Person[G], { access: 'visible' }>['fields'];

/** The props of a group's form. */
export type GroupFormProps<F> = { value: F; onChange: (value: F) => void; issues: FieldIssues };

/** How one field group is read, edited and sent: its view, its form, and the conversions between them. */
export type GroupConfig<G extends PersonFieldGroup, F> = {
  group: G;
  schema: z.ZodType<GroupChangeBody[G]>;
  fromApi: (fields: GroupFieldsOf<G>, person: Person) => F;
  toApi: (form: F) => GroupChangeBody[G];
  view: (fields: GroupFieldsOf<G>) => ReactNode;
  form: (props: GroupFormProps<F>) => ReactNode;
};

/** The identity form with the "known as" name, which the identity change also carries. */
export type IdentityWithName = { knownAs: string; identity: IdentityForm };

function IdentityEdit({ value, onChange, issues }: GroupFormProps<IdentityWithName>) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TextInput
        label={t('people:knownAs.label')}
        description={t('people:knownAs.hint')}
        value={value.knownAs}
        onChange={(e) => onChange({ ...value, knownAs: e.currentTarget.value })}
        error={isRefused(issues, 'knownAs') ? t('people:knownAs.invalid') : undefined}
        maxLength={120}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
      />
      <IdentityFieldsForm
        value={value.identity}
        onChange={(identity) => onChange({ ...value, identity })}
        issues={issues}
        at=""
      />
    </Stack>
  );
}

/** The identity group: names, birth, citizenship, languages, and the "known as" name. */
export const identityConfig: GroupConfig<'identity', IdentityWithName> = {
  group: 'identity',
  schema: IdentityPatch,
  fromApi: (fields, person) => ({ knownAs: person.knownAs ?? '', identity: identityFromApi(fields) }),
  toApi: (form) => ({ ...identityToApi(form.identity, 'clear'), knownAs: form.knownAs.trim() || null }),
  view: (fields) => <IdentityView fields={fields} />,
  form: (props) => <IdentityEdit {...props} />,
};

/** The contact group, with the safe-contact preferences. */
export const contactConfig: GroupConfig<'contact', ContactForm> = {
  group: 'contact',
  schema: ContactFields,
  fromApi: (fields) => contactFromApi(fields),
  toApi: (form) => contactToApi(form, 'clear'),
  view: (fields) => <ContactView fields={fields} />,
  form: (props) => <ContactFieldsForm {...props} at="" />,
};

/** The identity documents. */
export const documentsConfig: GroupConfig<'documents', DocumentsForm> = {
  group: 'documents',
  schema: DocumentFields,
  fromApi: (fields) => documentsFromApi(fields),
  toApi: (form) => documentsToApi(form, 'clear'),
  view: (fields) => <DocumentsView fields={fields} />,
  form: (props) => <DocumentsFieldsForm {...props} at="" />,
};

/** The special categories, restricted by field. */
export const specialConfig: GroupConfig<'special', SpecialForm> = {
  group: 'special',
  schema: SpecialFields,
  fromApi: (fields) => specialFromApi(fields),
  toApi: (form) => specialToApi(form, 'clear'),
  view: (fields) => <SpecialView fields={fields} />,
  form: (props) => <SpecialFieldsForm {...props} at="" />,
};

import { Anchor, Button, Checkbox, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { directoryNs } from './strings.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  NewOrganisationBody,
  OrganisationChangeBody,
  ProtectiveRole,
  type Organisation,
} from '../../../../common/directory.ts';
import { addOrganisation, changeOrganisation } from '../../api/directory.ts';
import { CountrySelect } from '../../components/code-pickers.tsx';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { optionalTexts } from './optional-texts.ts';
import { directoryKeys, useOrganisation } from './directory-queries.ts';

type Draft = {
  kind: 'external' | 'national-society';
  name: string;
  alternateName: string;
  description: string;
  email: string;
  phone: string;
  website: string;
  country: string;
  protectiveRole: string;
  isConfidential: boolean;
  status: 'active' | 'inactive';
};
const texts = [
  'alternateName',
  'description',
  'email',
  'phone',
  'website',
  'country',
  'protectiveRole',
] as const;

function draftOf(o: Organisation | undefined): Draft {
  return {
    kind: o?.kind === 'national-society' ? 'national-society' : 'external',
    name: o?.name ?? '',
    alternateName: o?.alternateName ?? '',
    description: o?.description ?? '',
    email: o?.email ?? '',
    phone: o?.phone ?? '',
    website: o?.website ?? '',
    country: o?.country ?? '',
    protectiveRole: o?.protectiveRole ?? '',
    isConfidential: o?.isConfidential ?? false,
    status: o?.status ?? 'active',
  };
}

/** The body of a new organisation (empty optional fields left out) or of a change (cleared ones as null). */
function bodyOf(draft: Draft, editing: boolean) {
  const optional = optionalTexts(draft, texts, editing);
  const common = { name: draft.name, isConfidential: draft.isConfidential, ...optional };
  return editing
    ? OrganisationChangeBody.safeParse({ ...common, status: draft.status })
    : NewOrganisationBody.safeParse({ ...common, kind: draft.kind });
}

/** Adds an organisation to the directory, or changes one (from the version the keeper saw). */
export function OrganisationFormPage() {
  const organisationId = useParams().organisationId;
  const existing = useOrganisation(organisationId ?? '');
  if (organisationId && existing.isPending) return <Loading />;
  if (organisationId && !existing.data?.allowedActions.includes('change')) return <NotFound />;
  return <OrganisationForm organisation={existing.data} key={existing.data?.version} />;
}

function OrganisationForm({ organisation }: { organisation: Organisation | undefined }) {
  const { t } = useTranslation(directoryNs);
  const navigate = useNavigate();
  const client = useQueryClient();
  const editing = organisation !== undefined;
  const [draft, setDraft] = useState<Draft>(() => draftOf(organisation));
  const [checked, setChecked] = useState(false);
  const parsed = bodyOf(draft, editing);
  const issues = new Set(checked ? (parsed.error?.issues ?? []).map((i) => String(i.path[0])) : []);
  const save = useMutation({
    mutationFn: () => {
      if (!parsed.success) throw parsed.error;
      return organisation
        ? changeOrganisation({
            organisationId: organisation.id,
            body: parsed.data,
            version: organisation.version,
          })
        : addOrganisation(parsed.data as NewOrganisationBody);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: directoryKeys.all });
      void navigate(`/organisations/${saved.id}`);
    },
  });
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (field: keyof Draft) =>
    issues.has(field) ? t('directory:invalid') : fieldMessage(save.error, `body.${field}`, t);
  const text = (field: (typeof texts)[number] | 'name', multiline = false) => {
    const Input = multiline ? Textarea : TextInput;
    return (
      <Input
        label={t(`directory:field.${field}`)}
        value={draft[field]}
        onChange={(e) => set({ [field]: e.currentTarget.value })}
        error={error(field)}
        required={field === 'name'}
      />
    );
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <Anchor
          component={Link}
          to={organisation ? `/organisations/${organisation.id}` : '/organisations'}
          size="sm"
        >
          {t('directory:back')}
        </Anchor>
        <Title order={1}>{editing ? t('directory:form.editTitle') : t('directory:form.newTitle')}</Title>
        {!editing && (
          <NativeSelect
            label={t('directory:list.kind')}
            value={draft.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as Draft['kind'] })}
            data={(['external', 'national-society'] as const).map((k) => ({
              value: k,
              label: t(`directory:kind.${k}`),
            }))}
          />
        )}
        {text('name')}
        {text('alternateName')}
        {text('description', true)}
        {text('email')}
        {text('phone')}
        {text('website')}
        <CountrySelect
          label={t('directory:field.country')}
          value={draft.country}
          onChange={(country) => set({ country })}
          leading={[{ value: '', label: t('directory:form.noCountry') }]}
          error={error('country')}
        />
        <NativeSelect
          label={t('directory:field.protectiveRole')}
          value={draft.protectiveRole}
          onChange={(e) => set({ protectiveRole: e.currentTarget.value })}
          data={[
            { value: '', label: t('directory:form.noProtectiveRole') },
            ...ProtectiveRole.options.map((r) => ({ value: r, label: t(`directory:protectiveRole.${r}`) })),
          ]}
        />
        <Checkbox
          label={t('directory:field.isConfidential')}
          description={t('directory:form.confidentialHelp')}
          checked={draft.isConfidential}
          onChange={(e) => set({ isConfidential: e.currentTarget.checked })}
        />
        {editing && (
          <NativeSelect
            label={t('directory:field.status')}
            value={draft.status}
            onChange={(e) => set({ status: e.currentTarget.value as Draft['status'] })}
            data={(['active', 'inactive'] as const).map((s) => ({
              value: s,
              label: t(`directory:status.${s}`),
            }))}
          />
        )}
        <ProblemAlert error={save.error} />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('directory:form.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

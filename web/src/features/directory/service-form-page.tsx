import {
  Anchor,
  Button,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { directoryNs } from './strings.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  NewServiceBody,
  ServiceChangeBody,
  ServiceStatus,
  type Service,
} from '../../../../common/directory.ts';
import { ServiceCategory } from '../../../../common/taxonomy.ts';
import { addService, changeService, getService } from '../../api/directory.ts';
import { CodeMultiSelect } from '../../components/code-pickers.tsx';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { optionalTexts } from './optional-texts.ts';
import { categoryLabel, directoryKeys } from './directory-queries.ts';

type Draft = {
  name: string;
  description: string;
  categories: ServiceCategory[];
  languages: string[];
  email: string;
  phone: string;
  url: string;
  isConfidential: boolean;
  status: ServiceStatus;
};
const texts = ['description', 'email', 'phone', 'url'] as const;

function draftOf(s: Service | undefined): Draft {
  return {
    name: s?.name ?? '',
    description: s?.description ?? '',
    categories: s?.categories ?? [],
    languages: s?.languages ?? [],
    email: s?.email ?? '',
    phone: s?.phone ?? '',
    url: s?.url ?? '',
    isConfidential: s?.isConfidential ?? false,
    status: s?.status ?? 'active',
  };
}

function bodyOf(draft: Draft, editing: boolean) {
  const optional = optionalTexts(draft, texts, editing);
  const common = {
    name: draft.name,
    categories: draft.categories,
    languages: draft.languages,
    isConfidential: draft.isConfidential,
    ...optional,
  };
  return editing
    ? ServiceChangeBody.safeParse({ ...common, status: draft.status })
    : NewServiceBody.safeParse(common);
}

/** Adds a service to an organisation, or changes one (keepers, from the actions the server allows). */
export function ServiceFormPage() {
  const { organisationId = '', serviceId } = useParams();
  const existing = useQuery({
    queryKey: ['services', 'one', serviceId],
    queryFn: () => getService(serviceId ?? ''),
    enabled: serviceId !== undefined,
  });
  if (serviceId && existing.isPending) return <Loading />;
  if (serviceId && !existing.data?.allowedActions.includes('change')) return <NotFound />;
  return <ServiceForm organisationId={organisationId} service={existing.data} key={existing.data?.version} />;
}

function ServiceForm({ organisationId, service }: { organisationId: string; service: Service | undefined }) {
  const { t } = useTranslation(directoryNs);
  const locale = currentLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const [checked, setChecked] = useState(false);
  const parsed = bodyOf(draft, service !== undefined);
  const issues = new Set(checked ? (parsed.error?.issues ?? []).map((i) => String(i.path[0])) : []);
  const save = useMutation({
    mutationFn: () => {
      if (!parsed.success) throw parsed.error;
      return service
        ? changeService({
            serviceId: service.id,
            body: parsed.data,
            version: service.version,
          })
        : addService({ organisationId, body: parsed.data as NewServiceBody });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: directoryKeys.all });
      await client.invalidateQueries({ queryKey: ['services'] });
      void navigate(`/organisations/${organisationId}`);
    },
  });
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (field: keyof Draft) =>
    issues.has(field) ? t('directory:invalid') : fieldMessage(save.error, `body.${field}`, t);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Anchor component={Link} to={`/organisations/${organisationId}`} size="sm">
          {t('directory:back')}
        </Anchor>
        <Title order={1}>
          {service ? t('directory:service.editTitle') : t('directory:service.newTitle')}
        </Title>
        <TextInput
          label={t('directory:field.name')}
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={error('name')}
          required
        />
        <Textarea
          label={t('directory:field.description')}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={error('description')}
        />
        <Checkbox.Group
          label={t('directory:service.categories')}
          value={draft.categories}
          onChange={(v) => set({ categories: v })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {ServiceCategory.options.map((c) => (
              <Checkbox key={c} value={c} label={categoryLabel(c, locale)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <CodeMultiSelect
          kind="language"
          label={t('directory:service.languages')}
          value={draft.languages}
          onChange={(languages) => set({ languages })}
          maxValues={40}
          nothingFound={t('directory:form.nothingFound')}
          error={error('languages')}
        />
        {(['email', 'phone', 'url'] as const).map((f) => (
          <TextInput
            key={f}
            label={t(`directory:field.${f}`)}
            value={draft[f]}
            onChange={(e) => set({ [f]: e.currentTarget.value })}
            error={error(f)}
          />
        ))}
        <Checkbox
          label={t('directory:field.isConfidential')}
          description={t('directory:form.confidentialHelp')}
          checked={draft.isConfidential}
          onChange={(e) => set({ isConfidential: e.currentTarget.checked })}
        />
        {service && (
          <NativeSelect
            label={t('directory:field.status')}
            value={draft.status}
            onChange={(e) => set({ status: e.currentTarget.value as ServiceStatus })}
            data={ServiceStatus.options.map((s) => ({ value: s, label: t(`directory:serviceStatus.${s}`) }))}
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

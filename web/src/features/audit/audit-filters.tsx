import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEventKinds } from '../../../../common/audit-events.ts';
import type { Member } from '../../../../common/users.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import type { AuditFilterDraft, FilterIssue } from './audit-query.ts';
import { kindLabel } from './labels.ts';

function useKindChoices() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return auditEventKinds
      .map((kind) => ({ value: kind, label: kindLabel(t, kind) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [t, locale]);
}

/**
 * The audit filters: a record's id, the member who acted, the kind of event and a range of days. They stay in
 * the screen's memory, never in the address (an id typed here says what the officer is looking into).
 */
export function AuditFilters(props: {
  draft: AuditFilterDraft;
  onChange: (draft: AuditFilterDraft) => void;
  onApply: () => void;
  onClear: () => void;
  issues: readonly FilterIssue[];
  members: readonly Member[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const kinds = useKindChoices();
  const { draft } = props;
  const set = (change: Partial<AuditFilterDraft>) => props.onChange({ ...draft, ...change });
  const issue = (field: keyof AuditFilterDraft) => {
    const found = props.issues.find((i) => i.field === field);
    return found ? t(`audit:filters.issues.${found.reason}`) : undefined;
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    props.onApply();
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="filters-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="filters-title">
            {t('audit:filters.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput
              label={t('audit:filters.record')}
              description={t('audit:filters.recordHint')}
              value={draft.subjectId}
              onChange={(event) => set({ subjectId: event.currentTarget.value })}
              error={issue('subjectId')}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
            <NativeSelect
              label={t('audit:filters.actor')}
              value={draft.actorUserId}
              onChange={(event) => set({ actorUserId: event.currentTarget.value })}
              data={[
                { value: '', label: t('audit:filters.anyone') },
                ...props.members.map((m) => ({ value: m.id, label: m.displayName })),
              ]}
            />
            <NativeSelect
              label={t('audit:filters.kind')}
              value={draft.kind}
              onChange={(event) => set({ kind: event.currentTarget.value })}
              data={[{ value: '', label: t('audit:filters.anyKind') }, ...kinds]}
              error={issue('kind')}
            />
            <TextInput
              type="date"
              label={t('audit:filters.from')}
              value={draft.from}
              onChange={(event) => set({ from: event.currentTarget.value })}
              error={issue('from')}
            />
            <TextInput
              type="date"
              label={t('audit:filters.to')}
              value={draft.to}
              onChange={(event) => set({ to: event.currentTarget.value })}
              error={issue('to')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('audit:filters.zoneHint', { zone: props.timeZone })}
          </Text>
          <Group>
            <Button type="submit">{t('audit:filters.apply')}</Button>
            <Button variant="default" onClick={props.onClear}>
              {t('audit:filters.clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventQuery, AuditEventView } from '../../../../common/audit-log.ts';
import type { Member } from '../../../../common/users.ts';
import { societyQuery } from '../../api/society.ts';
import { membersQuery } from '../../api/users.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { AuditEvents } from './audit-events.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { auditQueryOf, noFilters, type AuditFilterDraft, type FilterIssue } from './audit-query.ts';
import { ChainStatus } from './chain-status.tsx';
import { EventDetail } from './event-detail.tsx';
import { auditStrings } from './strings.ts';

function useMembers() {
  const members = useQuery(membersQuery);
  const locale = currentLocale();
  return useMemo(() => {
    const list = members.data ?? [];
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    const sorted = [...list].sort((a, b) => collator.compare(a.displayName, b.displayName));
    return { sorted, byId: new Map<string, Member>(list.map((m) => [m.id, m])), error: members.error };
  }, [members.data, members.error, locale]);
}

/**
 * The audit log for the data protection officer: the chain's integrity, filters, the matching events and one
 * event in full. SECURITY: the filters (a record id says whom the officer is looking into) live in this
 * screen's state only, never in its address or the browser's history.
 */
export function AuditPage() {
  useAreaStrings(auditStrings);
  const { t } = useTranslation();
  const society = useQuery(societyQuery);
  const members = useMembers();
  const timeZone = society.data?.timeZone ?? 'UTC';
  const [draft, setDraft] = useState<AuditFilterDraft>(noFilters);
  const [issues, setIssues] = useState<FilterIssue[]>([]);
  const [query, setQuery] = useState<AuditEventQuery>({});
  const [open, setOpen] = useState<AuditEventView>();
  const apply = (next: AuditFilterDraft) => {
    const result = auditQueryOf(next, timeZone);
    setIssues('issues' in result ? result.issues : []);
    if ('query' in result) setQuery(result.query);
  };
  const clear = () => {
    setDraft(noFilters);
    setIssues([]);
    setQuery({});
  };
  const narrow = (filter: { subjectId: string } | { actorUserId: string }) => {
    const next = { ...draft, ...filter };
    setDraft(next);
    setOpen(undefined);
    apply(next);
  };
  return (
    <Stack maw={1100}>
      <Title order={1}>{t('audit:title')}</Title>
      <Text>{t('audit:intro')}</Text>
      <ProblemAlert error={society.error ?? members.error} />
      <ChainStatus timeZone={society.data?.timeZone} />
      <AuditFilters
        draft={draft}
        onChange={setDraft}
        onApply={() => apply(draft)}
        onClear={clear}
        issues={issues}
        members={members.sorted}
        timeZone={timeZone}
      />
      <AuditEvents query={query} members={members.byId} timeZone={society.data?.timeZone} onOpen={setOpen} />
      {open && (
        <EventDetail
          event={open}
          members={members.byId}
          timeZone={society.data?.timeZone}
          onClose={() => setOpen(undefined)}
          onFilter={narrow}
        />
      )}
    </Stack>
  );
}

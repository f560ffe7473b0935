import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Member, MemberAction } from '../../../../common/users.ts';
import { removeMember, resetAuthenticator, resetPassword, signOutMember } from '../../api/users.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { adminKeys } from './admin-queries.ts';
import { shownError } from './form-errors.ts';
import { OneTimePassword } from './one-time-password.tsx';

type AccountAction = Exclude<MemberAction, 'change-roles'>;
const accountActions: readonly AccountAction[] = [
  'sign-out-everywhere',
  'reset-password',
  'reset-mfa',
  'remove',
];

type Outcome =
  | { action: 'reset-password'; password: string }
  | { action: 'reset-mfa' | 'sign-out-everywhere'; sessionsEnded: number };

async function perform(action: AccountAction, userId: string): Promise<Outcome | undefined> {
  switch (action) {
    case 'reset-password':
      return { action, password: await resetPassword(userId) };
    case 'reset-mfa':
      return { action, sessionsEnded: await resetAuthenticator(userId) };
    case 'sign-out-everywhere':
      return { action, sessionsEnded: await signOutMember(userId) };
    case 'remove':
      await removeMember(userId);
      return undefined;
  }
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.action === 'reset-password') return <OneTimePassword password={outcome.password} />;
  const count = outcome.sessionsEnded;
  return (
    <Text size="sm" role="status" c="teal.9">
      {t(`admin:actions.${outcome.action}.done`, { count, number: formatNumber(count, currentLocale()) })}
    </Text>
  );
}

/**
 * What the administrator may do to a member's account: each control only when the member's `allowedActions`
 * has it, each asking for confirmation first. Resetting a password or an authenticator asks the administrator
 * to confirm it is them (step-up), through the app's step-up dialog.
 */
export function MemberActions({ member }: { member: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<AccountAction>();
  const [outcome, setOutcome] = useState<Outcome>();
  const act = useMutation({
    mutationFn: (action: AccountAction) => perform(action, member.id),
    // SECURITY: a reset's answer holds a temporary password; it is not kept once this screen is left.
    gcTime: 0,
    onSuccess: async (result, action) => {
      setOutcome(result);
      await client.invalidateQueries({ queryKey: adminKeys.members });
      if (action !== 'remove') return client.invalidateQueries({ queryKey: adminKeys.member(member.id) });
      client.removeQueries({ queryKey: adminKeys.member(member.id) });
      return navigate('/administration', { state: { notice: 'removed' } });
    },
  });
  const allowed = accountActions.filter((action) => member.allowedActions.includes(action));
  if (allowed.length === 0) return <Text size="sm">{t('admin:member.noActions')}</Text>;
  return (
    <Stack>
      {outcome && <OutcomeNotice outcome={outcome} />}
      <Group>
        {allowed.map((action) => (
          <Button
            key={action}
            loading={act.isPending && act.variables === action}
            variant={action === 'remove' ? 'outline' : 'default'}
            color={action === 'remove' ? 'red.8' : undefined}
            onClick={() => {
              act.reset();
              setOutcome(undefined);
              setAsking(action);
            }}
          >
            {t(`admin:actions.${action}.button`)}
          </Button>
        ))}
      </Group>
      <ProblemAlert error={shownError(act.error)} />
      {asking && (
        <ConfirmDialog
          title={t(`admin:actions.${asking}.title`)}
          body={t(`admin:actions.${asking}.body`)}
          confirmLabel={t(`admin:actions.${asking}.confirm`)}
          // The dialog closes first: a step-up the action may need opens its own dialog, alone on the screen.
          onConfirm={() => {
            setAsking(undefined);
            act.mutate(asking);
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
    </Stack>
  );
}

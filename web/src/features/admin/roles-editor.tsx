import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipRoles, type Member } from '../../../../common/users.ts';
import { isApiProblem } from '../../api/problem.ts';
import { getMember, grantRoles } from '../../api/users.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { adminKeys } from './admin-queries.ts';
import { shownError } from './form-errors.ts';
import { inRoleOrder, sameRoles } from './member-form.ts';
import { RoleChoices } from './role-choices.tsx';

type Notice = 'saved' | 'stale' | 'unchanged' | undefined;

/** The notice above or below the roles: saved, nothing to save, or someone else changed the member first. */
function RolesNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  if (notice === 'stale')
    return (
      <Alert color="yellow" role="alert">
        {t('admin:member.stale')}
      </Alert>
    );
  if (!notice) return null;
  return (
    <Text size="sm" role="status" c={notice === 'saved' ? 'teal.9' : undefined}>
      {t(notice === 'saved' ? 'admin:member.rolesSaved' : 'admin:member.rolesUnchanged')}
    </Text>
  );
}

/**
 * A member's roles: a checkbox per role, saved as the complete new set with the version the administrator saw
 * (after the step-up dialog when the last confirmation is old). When someone else changed the member in the
 * meantime (412), the latest version is loaded and shown, and the administrator decides again. Shown as an editor
 * only when the member's `allowedActions` has `change-roles`: never for the administrator themselves.
 */
export function RolesEditor({ member }: { member: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(member.roles);
  const [notice, setNotice] = useState<Notice>();
  const save = useMutation({
    mutationFn: (roles: MembershipRoles) => grantRoles(member.id, roles, member.version),
    onSuccess: (updated) => {
      client.setQueryData(adminKeys.member(member.id), updated);
      setChosen(updated.roles);
      setNotice('saved');
      return client.invalidateQueries({ queryKey: adminKeys.members });
    },
    onError: async (error) => {
      if (!isApiProblem(error, 'precondition-failed')) return;
      try {
        const latest = await client.query({
          queryKey: adminKeys.member(member.id),
          queryFn: () => getMember(member.id),
          staleTime: 0,
        });
        setChosen(latest.roles);
      } finally {
        // Said once the latest roles are on the screen (or could not be read: the message still holds).
        setNotice('stale');
      }
      await client.invalidateQueries({ queryKey: adminKeys.members });
    },
  });
  const parsed = MembershipRoles.safeParse(inRoleOrder(chosen));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!parsed.success) return;
    if (sameRoles(parsed.data, member.roles)) return setNotice('unchanged');
    setNotice(undefined);
    save.mutate(parsed.data);
  };
  if (!member.allowedActions.includes('change-roles'))
    return (
      <Text>
        {formatList(
          member.roles.map((role) => t(`roles.${role}`)),
          currentLocale(),
        )}
      </Text>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {notice === 'stale' && <RolesNotice notice={notice} />}
        <RoleChoices
          label={t('admin:member.rolesLabel')}
          value={chosen}
          onChange={(roles) => {
            setChosen(roles);
            if (notice !== 'stale') setNotice(undefined);
          }}
          error={parsed.success ? undefined : t('admin:add.rolesRequired')}
          required
        />
        {notice !== 'stale' && <RolesNotice notice={notice} />}
        {notice !== 'stale' && (
          <ProblemAlert
            error={shownError(save.error)}
            messages={{ conflict: t('admin:member.keepAdministrator') }}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!parsed.success}>
            {t('admin:member.saveRoles')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

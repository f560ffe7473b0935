import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewMemberResult } from '../../../../common/users.ts';
import { addMember } from '../../api/users.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { languageNames, languages } from '../../i18n/i18n.ts';
import { adminKeys, useTeams } from './admin-queries.ts';
import {
  fieldIssues,
  mergeIssues,
  needsGeneralMessage,
  serverFieldIssues,
  shownError,
} from './form-errors.ts';
import { emptyMemberDraft, newMemberBody, type MemberDraft } from './member-form.ts';
import { OneTimePassword } from './one-time-password.tsx';
import { RoleChoices } from './role-choices.tsx';

const formFields = ['email', 'displayName', 'roles', 'teamIds', 'locale'];

/** What the administrator sees once the member is added: the temporary password, shown this once. */
function Added({ result, onAnother }: { result: NewMemberResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: the focus moves to what replaced it, so keyboard and screen-reader users hear the outcome.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack component="section" aria-labelledby="added-title" maw={640}>
      <Title order={2} id="added-title" ref={heading} tabIndex={-1}>
        {t('admin:add.addedTitle')}
      </Title>
      <Text role="status">
        {t('admin:add.added')} <bdi>{result.member.displayName}</bdi>
      </Text>
      {result.temporaryPassword ? (
        <OneTimePassword password={result.temporaryPassword} />
      ) : (
        <Alert variant="light">{t('admin:add.existingAccount')}</Alert>
      )}
      <Group>
        <Anchor component={Link} to={`/administration/members/${result.member.id}`}>
          {t('admin:add.open')}
        </Anchor>
        <Button variant="default" onClick={onAnother}>
          {t('admin:add.another')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The message of a field's problem, from the form's own check or the server's. */
function useFieldMessages(issues: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  return {
    email: issues.has('email') ? t('fields.email') : undefined,
    displayName: issues.has('displayName') ? t('fields.required') : undefined,
    roles: issues.has('roles') ? t('admin:add.rolesRequired') : undefined,
    teamIds: issues.has('teamIds') ? t('admin:add.teamsInvalid') : undefined,
  };
}

/**
 * Adds a member: e-mail, name, roles, teams and language. Adding someone asks the administrator to confirm it is
 * them when their last confirmation is old (the app's step-up dialog). A new account's temporary password is
 * shown once, kept only in this screen's memory, and gone when the administrator leaves it.
 */
export function AddMemberScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const [draft, setDraft] = useState<MemberDraft>(emptyMemberDraft);
  const [checked, setChecked] = useState(false);
  const add = useMutation({
    mutationFn: addMember,
    // SECURITY: the answer holds the temporary password; it is not kept once this screen is left.
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.members }),
  });
  const parsed = newMemberBody(draft);
  const own = checked ? fieldIssues(parsed.error) : new Map<string, string>();
  const messages = useFieldMessages(mergeIssues(own, serverFieldIssues(add.error)));
  const set = (change: Partial<MemberDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) add.mutate(parsed.data);
  };
  if (add.data)
    return (
      <Added
        result={add.data}
        onAnother={() => {
          add.reset();
          setDraft(emptyMemberDraft);
          setChecked(false);
        }}
      />
    );
  return (
    <Stack component="section" aria-labelledby="add-title" maw={640}>
      <Title order={2} id="add-title">
        {t('admin:add.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('admin:add.email')}
            type="email"
            autoComplete="off"
            dir="ltr"
            value={draft.email}
            onChange={(event) => set({ email: event.currentTarget.value })}
            error={messages.email}
            required
          />
          <TextInput
            label={t('admin:add.name')}
            description={t('admin:add.nameHint')}
            autoComplete="off"
            value={draft.displayName}
            onChange={(event) => set({ displayName: event.currentTarget.value })}
            error={messages.displayName}
            required
          />
          <RoleChoices
            label={t('admin:add.roles')}
            value={draft.roles}
            onChange={(roles) => set({ roles })}
            error={messages.roles}
            required
          />
          {(teams.data ?? []).length > 0 && (
            <Checkbox.Group
              label={t('admin:add.teams')}
              value={draft.teamIds}
              onChange={(teamIds) => set({ teamIds })}
              error={messages.teamIds}
            >
              <Stack gap={6} mt="xs">
                {(teams.data ?? []).map((team) => (
                  <Checkbox key={team.id} value={team.id} label={<bdi>{team.name}</bdi>} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <NativeSelect
            label={t('admin:add.language')}
            value={draft.locale}
            onChange={(event) => set({ locale: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin:add.languageDefault') },
              ...languages.map((l) => ({ value: l, label: languageNames[l] })),
            ]}
          />
          {needsGeneralMessage(shownError(add.error), formFields) && (
            <ProblemAlert
              error={shownError(add.error)}
              messages={{ conflict: t('admin:add.alreadyMember') }}
            />
          )}
          <Button type="submit" loading={add.isPending} w="fit-content">
            {t('admin:add.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

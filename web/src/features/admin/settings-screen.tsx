import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Locale } from '../../../../common/auth.ts';
import { rolesWithoutPersonalData } from '../../../../common/roles.ts';
import type { SocietyProfile, SocietySettingsBody } from '../../../../common/societies.ts';
import { isApiProblem } from '../../api/problem.ts';
import { changeSettings, getSociety } from '../../api/society.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { languageNames, languages } from '../../i18n/i18n.ts';
import { adminKeys, useSociety } from './admin-queries.ts';
import { mergeIssues, needsGeneralMessage, serverFieldIssues } from './form-errors.ts';
import {
  draftOf,
  settingsChange,
  settingsFields,
  timeZoneChoices,
  type SettingsDraft,
} from './settings-form.ts';

type Notice = 'saved' | 'unchanged' | 'stale' | undefined;

/** Saves a change with the version the administrator saw; on 412 loads the latest settings into the form. */
function useSaveSettings(profile: SocietyProfile, onSaved: (p: SocietyProfile, stale: boolean) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SocietySettingsBody) => changeSettings(body, profile.version),
    onSuccess: (updated) => {
      client.setQueryData(adminKeys.society, updated);
      onSaved(updated, false);
    },
    onError: async (error) => {
      if (!isApiProblem(error, 'precondition-failed')) return;
      onSaved(await client.query({ queryKey: adminKeys.society, staleTime: 0, queryFn: getSociety }), true);
    },
  });
}

function SettingsNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  if (notice === 'stale')
    return (
      <Alert color="yellow" role="alert">
        {t('admin:settings.stale')}
      </Alert>
    );
  if (!notice) return null;
  return (
    <Text size="sm" role="status" c={notice === 'saved' ? 'teal.9' : undefined}>
      {t(notice === 'saved' ? 'admin:settings.saved' : 'admin:settings.unchanged')}
    </Text>
  );
}

function SettingsForm({ profile }: { profile: SocietyProfile }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(profile));
  const [invalid, setInvalid] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<Notice>();
  const zones = useMemo(() => timeZoneChoices(profile.timeZone), [profile.timeZone]);
  const save = useSaveSettings(profile, (latest, stale) => {
    setDraft(draftOf(latest));
    setNotice(stale ? 'stale' : 'saved');
  });
  const issues = mergeIssues(invalid, serverFieldIssues(save.error));
  const message = (field: string, text: string) => (issues.has(field) ? text : undefined);
  const editable = profile.allowedActions.includes('change-settings');
  const set = (change: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setNotice(undefined);
    save.reset();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const change = settingsChange(profile, draft);
    setInvalid(new Map([...('invalid' in change ? change.invalid : [])].map((field) => [field, 'invalid'])));
    if ('unchanged' in change) setNotice('unchanged');
    if ('body' in change) save.mutate(change.body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!editable} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack>
          {!editable && <Text size="sm">{t('admin:settings.readOnly')}</Text>}
          {notice === 'stale' && <SettingsNotice notice={notice} />}
          <NativeSelect
            label={t('admin:settings.timeZone')}
            description={t('admin:settings.timeZoneHint')}
            value={draft.timeZone}
            onChange={(event) => set({ timeZone: event.currentTarget.value })}
            data={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            error={message('timeZone', t('fields.invalid'))}
            maw={400}
          />
          <NativeSelect
            label={t('admin:settings.defaultLanguage')}
            description={t('admin:settings.defaultLanguageHint')}
            value={draft.defaultLocale}
            onChange={(event) =>
              set({ defaultLocale: Locale.catch(draft.defaultLocale).parse(event.currentTarget.value) })
            }
            data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
            error={message('defaultLocale', t('fields.invalid'))}
            maw={400}
          />
          <TextInput
            label={t('admin:settings.threshold')}
            description={t('admin:settings.thresholdHint')}
            value={draft.suppressionThreshold}
            onChange={(event) => set({ suppressionThreshold: event.currentTarget.value })}
            error={message('suppressionThreshold', t('admin:settings.thresholdInvalid'))}
            inputMode="numeric"
            autoComplete="off"
            maw={400}
            required
          />
          <TextInput
            label={t('admin:settings.retention')}
            description={t('admin:settings.retentionHint')}
            value={draft.retentionMonths}
            onChange={(event) => set({ retentionMonths: event.currentTarget.value })}
            error={message('retentionMonths', t('admin:settings.retentionInvalid'))}
            inputMode="numeric"
            autoComplete="off"
            maw={400}
          />
          <Checkbox.Group
            label={t('admin:settings.mfaOptional')}
            description={t('admin:settings.mfaOptionalHint')}
            value={draft.mfaOptionalRoles}
            onChange={(roles) => set({ mfaOptionalRoles: roles })}
            error={message('mfaOptionalRoles', t('admin:settings.mfaOptionalInvalid'))}
          >
            <Stack gap={6} mt="xs">
              {rolesWithoutPersonalData.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {notice !== 'stale' && <SettingsNotice notice={notice} />}
          {notice !== 'stale' && needsGeneralMessage(save.error, settingsFields) && (
            <ProblemAlert error={save.error} />
          )}
          {editable && (
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('admin:settings.save')}
            </Button>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

function EmergencyGuidance() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="emergency-title">
      <Stack gap="xs">
        <Title order={3} id="emergency-title">
          {t('admin:settings.emergency.title')}
        </Title>
        <Text size="sm">{t('admin:settings.emergency.body')}</Text>
        <Anchor component={Link} to="/content">
          {t('admin:settings.emergency.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/**
 * The society's settings: time zone, default language, small-cell threshold, how long records are kept, which
 * roles may sign in without an authenticator; and where the emergency guidance is edited.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const society = useSociety();
  if (society.isPending) return <Loading />;
  return (
    <Stack component="section" aria-labelledby="settings-title" maw={640}>
      <Title order={2} id="settings-title">
        {t('admin:settings.title')}
      </Title>
      <ProblemAlert error={society.error} />
      {society.data && <SettingsForm key={society.data.id} profile={society.data} />}
      <EmergencyGuidance />
    </Stack>
  );
}

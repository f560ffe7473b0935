import { Alert, Checkbox, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InformationPoint, ShareFieldGroup } from '../../../../common/consent.ts';
import { consentPurposes } from '../../../../common/consent-purposes.ts';
import { codeOptions, languageCodes } from '../../components/iso-codes.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import type { ConsentDraft, GuardianNotAskedReason } from './consent-draft.ts';
import { localToday } from './withdraw-dialog.tsx';

/** What every step gets: the draft, a way to change it, and the messages for what is missing, by field. */
export type StepProps = {
  draft: ConsentDraft;
  set: (change: Partial<ConsentDraft>) => void;
  errors: Partial<Record<string, string>>;
};

const guardianReasons: GuardianNotAskedReason[] = [
  'guardian-may-be-involved',
  'guardian-unreachable',
  'unaccompanied-no-representative-yet',
  'asking-would-endanger-child',
];

function YesNo(props: {
  label: string;
  value: boolean | null;
  onChange: (v: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation(consentNs);
  return (
    <Radio.Group
      label={props.label}
      value={props.value === null ? '' : String(props.value)}
      onChange={(v) => props.onChange(v === 'true')}
      error={props.error}
      required
    >
      <Stack gap="xs" mt="xs">
        <Radio value="true" label={t('consent:form.yes')} />
        <Radio value="false" label={t('consent:form.no')} />
      </Stack>
    </Radio.Group>
  );
}

/** Which purpose, and whether the person agreed or refused. */
export function PurposeStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation(consentNs);
  return (
    <Stack>
      <Radio.Group
        label={t('consent:form.purpose')}
        value={draft.purpose ?? ''}
        onChange={(v) =>
          set({
            purpose: v as ConsentDraft['purpose'],
            recipientOrganisationId: '',
            recipientServiceId: '',
            protectiveTarget: null,
          })
        }
        error={errors.purpose}
        required
      >
        <Stack gap="sm" mt="xs">
          {consentPurposes.map((p) => (
            <Radio
              key={p}
              value={p}
              label={t(`consent:purpose.${p}`)}
              description={t(`consent:purposeHelp.${p}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('consent:form.decision')}
        value={draft.decision}
        onChange={(v) => set({ decision: v })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="given" label={t('consent:form.given')} />
          <Radio value="refused" label={t('consent:form.refused')} />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

/** Who gave the consent: the person, a guardian, or a child's assent with an adult's consent (or why none). */
export function GivenByStep({ draft, set, errors, presumedChild }: StepProps & { presumedChild: boolean }) {
  const { t } = useTranslation(consentNs);
  return (
    <Stack>
      {presumedChild && <Alert color="grape">{t('consent:form.presumedChild')}</Alert>}
      <Radio.Group
        label={t('consent:form.givenBy')}
        value={draft.givenBy}
        onChange={(v) => set({ givenBy: v })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="person" label={t('consent:givenBy.person')} />
          <Radio value="guardian" label={t('consent:givenBy.guardian')} />
          <Radio value="child-assent" label={t('consent:givenBy.child-assent')} />
        </Stack>
      </Radio.Group>
      {draft.givenBy === 'child-assent' && (
        <Radio.Group
          label={t('consent:form.adultConsent')}
          value={draft.adultConsent}
          onChange={(v) => set({ adultConsent: v })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="guardian" label={t('consent:adultConsent.guardian')} />
            <Radio
              value="appointed-representative"
              label={t('consent:adultConsent.appointed-representative')}
            />
            <Radio value="not-asked" label={t('consent:adultConsent.not-asked')} />
          </Stack>
        </Radio.Group>
      )}
      {draft.givenBy === 'child-assent' && draft.adultConsent === 'not-asked' && (
        <Radio.Group
          label={t('consent:form.guardianNotAskedReason')}
          value={draft.guardianNotAskedReason ?? ''}
          onChange={(v) => set({ guardianNotAskedReason: v as GuardianNotAskedReason })}
          error={errors.guardianNotAskedReason}
          required
        >
          <Stack gap="xs" mt="xs">
            {guardianReasons.map((r) => (
              <Radio key={r} value={r} label={t(`consent:guardianReason.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

/** How it was given: verbal or written, the language, the interpreter, and whether the person was alone. */
export function HowStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation(consentNs);
  const locale = currentLocale();
  const languages = useMemo(() => codeOptions('language', languageCodes, locale), [locale]);
  return (
    <Stack>
      <Radio.Group
        label={t('consent:form.method')}
        value={draft.method ?? ''}
        onChange={(v) => set({ method: v as 'verbal' | 'written' })}
        error={errors.method}
        required
      >
        <Stack gap="xs" mt="xs">
          <Radio value="verbal" label={t('consent:method.verbal')} />
          <Radio value="written" label={t('consent:method.written')} />
        </Stack>
      </Radio.Group>
      <NativeSelect
        label={t('consent:form.language')}
        value={draft.language}
        onChange={(e) => set({ language: e.currentTarget.value })}
        error={errors.language}
        data={[{ value: '', label: t('consent:form.pickLanguage') }, ...languages]}
        required
      />
      <YesNo
        label={t('consent:form.interpreterUsed')}
        value={draft.interpreterUsed}
        onChange={(v) => set({ interpreterUsed: v })}
        error={errors.interpreter}
      />
      {draft.interpreterUsed && (
        <YesNo
          label={t('consent:form.interpreterIndependent')}
          value={draft.interpreterIndependent}
          onChange={(v) => set({ interpreterIndependent: v })}
          error={errors.interpreterIndependent}
        />
      )}
      <YesNo
        label={t('consent:form.personAlone')}
        value={draft.personAlone}
        onChange={(v) => set({ personAlone: v })}
        error={errors.personAlone}
      />
    </Stack>
  );
}

/** The seven information points, each read aloud and ticked when explained. */
export function InformationStep({ draft, set }: StepProps) {
  const { t } = useTranslation(consentNs);
  return (
    <Stack>
      <Text size="sm">{t('consent:form.informationIntro')}</Text>
      <Checkbox.Group
        label={t('consent:form.information')}
        value={draft.informationPoints}
        onChange={(v) => set({ informationPoints: v })}
      >
        <Stack gap="sm" mt="xs">
          {InformationPoint.options.map((point) => (
            <Checkbox
              key={point}
              value={point}
              label={t(`consent:point.${point}`)}
              description={t(`consent:pointSay.${point}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}

/** Which groups of data the person agreed to share. */
export function DataStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation(consentNs);
  return (
    <Checkbox.Group
      label={t('consent:form.fieldGroups')}
      value={draft.fieldGroups}
      onChange={(v) => set({ fieldGroups: v })}
      error={errors.fieldGroups}
      required
    >
      <Stack gap="sm" mt="xs">
        {ShareFieldGroup.options.map((group) => (
          <Checkbox
            key={group}
            value={group}
            label={t(`consent:fieldGroup.${group}`)}
            description={t(`consent:fieldGroupHelp.${group}`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** An optional last day the consent holds. */
export function ExpiryStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation(consentNs);
  return (
    <TextInput
      type="date"
      label={t('consent:form.expiry')}
      description={t('consent:form.expiryHelp')}
      value={draft.expiresOn}
      min={localToday()}
      onChange={(e) => set({ expiresOn: e.currentTarget.value })}
      error={errors.expiry}
    />
  );
}

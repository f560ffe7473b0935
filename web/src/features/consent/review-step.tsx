import { Alert, List, Stack, Text } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useTranslation } from 'react-i18next';
import { codeName } from '../../components/iso-codes.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { draftQualityFlags, namesRecipient, type ConsentDraft } from './consent-draft.ts';
import { organisationName, useOrganisations } from './consent-queries.ts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Everything the form will record, to read back to the person, and the quality warnings it will carry. */
export function ReviewStep({ draft, presumedChild }: { draft: ConsentDraft; presumedChild: boolean }) {
  const { t } = useTranslation(consentNs);
  const locale = currentLocale();
  const organisations = useOrganisations();
  const flags = draftQualityFlags(draft, presumedChild);
  const recipient = organisationName(organisations.data, draft.recipientOrganisationId || null);
  const yesNo = (v: boolean | null) => (v ? t('consent:form.yes') : t('consent:form.no'));
  return (
    <Stack>
      <Text size="sm">{t('consent:form.reviewIntro')}</Text>
      <Stack component="dl" gap="xs" m={0}>
        <Row label={t('consent:form.purpose')}>
          {draft.purpose ? t(`consent:purpose.${draft.purpose}`) : ''} ·{' '}
          {draft.decision === 'given' ? t('consent:form.given') : t('consent:form.refused')}
        </Row>
        {namesRecipient(draft.purpose) && (
          <Row label={t('consent:card.recipient')}>
            {draft.protectiveTarget && `${t(`consent:target.${draft.protectiveTarget}`)} `}
            {recipient && <bdi>{recipient}</bdi>}
          </Row>
        )}
        <Row label={t('consent:form.givenBy')}>
          {t(`consent:givenBy.${draft.givenBy}`)}
          {draft.givenBy === 'child-assent' && ` · ${t(`consent:adultConsent.${draft.adultConsent}`)}`}
        </Row>
        <Row label={t('consent:form.method')}>
          {draft.method ? t(`consent:method.${draft.method}`) : ''} ·{' '}
          {codeName('language', draft.language, locale)}
        </Row>
        <Row label={t('consent:form.interpreterUsed')}>
          {yesNo(draft.interpreterUsed)}
          {draft.interpreterUsed &&
            ` · ${t('consent:form.independent')}: ${yesNo(draft.interpreterIndependent)}`}
        </Row>
        <Row label={t('consent:form.personAlone')}>{yesNo(draft.personAlone)}</Row>
        <Row label={t('consent:form.information')}>
          {t('consent:form.pointsExplained', { n: draft.informationPoints.length })}
        </Row>
        {draft.decision === 'given' && (
          <Row label={t('consent:form.fieldGroups')}>
            {formatList(
              draft.fieldGroups.map((g) => t(`consent:fieldGroup.${g}`)),
              locale,
            )}
          </Row>
        )}
        {draft.decision === 'given' && (
          <Row label={t('consent:form.expiry')}>{draft.expiresOn || t('consent:card.noExpiry')}</Row>
        )}
      </Stack>
      {flags.length > 0 && (
        <Alert color="yellow" title={t('consent:form.flagsTitle')}>
          <List size="sm">
            {flags.map((f) => (
              <List.Item key={f}>{t(`consent:flagHelp.${f}`)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

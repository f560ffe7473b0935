import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useTranslation } from 'react-i18next';
import type { Consent, LegalBasis } from '../../../../common/consent.ts';
import { formatDateTime, formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';

const statusColour = { active: 'teal', refused: 'gray', withdrawn: 'red', expired: 'orange' } as const;
const basisColour = { pending: 'yellow', approved: 'teal', refused: 'red' } as const;

/** The recipient of a consent or a legal basis as words: the organisation's name, an authority, or nobody named. */
function Recipient(props: { item: Consent | LegalBasis; names: (id: string | null) => string | undefined }) {
  const { t } = useTranslation(consentNs);
  const { item } = props;
  if (item.protectiveTarget) return <>{t(`consent:target.${item.protectiveTarget}`)}</>;
  if (!item.recipientOrganisationId) return <>{t('consent:card.noRecipient')}</>;
  const name = props.names(item.recipientOrganisationId);
  return name ? <bdi>{name}</bdi> : <>{t('consent:card.hiddenRecipient')}</>;
}

/** One consent: purpose, status, recipient, agreed data, expiry, quality flags, and withdraw when allowed. */
export function ConsentCard(props: {
  consent: Consent;
  names: (id: string | null) => string | undefined;
  onWithdraw?: (() => void) | undefined;
}) {
  const { t } = useTranslation(consentNs);
  const locale = currentLocale();
  const c = props.consent;
  const groups = c.fieldGroups.map((g) => t(`consent:fieldGroup.${g}`));
  return (
    <Paper withBorder p="sm" component="li" aria-label={t(`consent:purpose.${c.purpose}`)}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{t(`consent:purpose.${c.purpose}`)}</Text>
          <Badge color={statusColour[c.status]} variant="light">
            {t(`consent:status.${c.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('consent:card.recipient')}: <Recipient item={c} names={props.names} />
        </Text>
        {groups.length > 0 && (
          <Text size="sm">
            {t('consent:card.data')}: {formatList(groups, locale)}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('consent:card.given', { when: formatDateTime(c.givenAt, locale) })}
          {' · '}
          {c.expiresAt
            ? t('consent:card.expires', { when: formatDateTime(c.expiresAt, locale) })
            : t('consent:card.noExpiry')}
        </Text>
        {c.withdrawal && (
          <Text size="sm">
            {t('consent:card.withdrawn', { when: formatDateTime(c.withdrawal.at, locale) })}
          </Text>
        )}
        {c.qualityFlags.length > 0 && (
          <Group gap={4}>
            {c.qualityFlags.map((flag) => (
              <Badge key={flag} color="yellow" variant="outline" size="sm">
                {t(`consent:flag.${flag}`)}
              </Badge>
            ))}
          </Group>
        )}
        {props.onWithdraw && (
          <Group>
            <Button size="xs" variant="light" color="red.8" onClick={props.onWithdraw}>
              {t('consent:card.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** One legal basis other than consent: kind, purpose, status, recipient, DPO flag, and decide when allowed. */
export function LegalBasisCard(props: {
  basis: LegalBasis;
  names: (id: string | null) => string | undefined;
  onDecide?: ((decision: 'approved' | 'refused') => void) | undefined;
  deciding?: boolean;
}) {
  const { t } = useTranslation(consentNs);
  const locale = currentLocale();
  const b = props.basis;
  return (
    <Paper withBorder p="sm" component="li" aria-label={t(`consent:basis.kind.${b.kind}`)}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {t(`consent:basis.kind.${b.kind}`)} · {t(`consent:purpose.${b.purpose}`)}
          </Text>
          <Badge color={basisColour[b.status]} variant="light">
            {t(`consent:basis.status.${b.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('consent:card.recipient')}: <Recipient item={b} names={props.names} />
        </Text>
        <Text size="sm">
          {t('consent:basis.reasonLabel')}: {t(`consent:basis.reason.${b.reason}`)}
        </Text>
        {b.justification && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{b.justification}</bdi>
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('consent:basis.recorded', { when: formatDateTime(b.createdAt, locale) })}
          {b.flaggedForDpo && ` · ${t('consent:basis.flaggedForDpo')}`}
        </Text>
        {props.onDecide && (
          <Group>
            <Button size="xs" loading={props.deciding} onClick={() => props.onDecide?.('approved')}>
              {t('consent:basis.approve')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red.8"
              loading={props.deciding}
              onClick={() => props.onDecide?.('refused')}
            >
              {t('consent:basis.refuse')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

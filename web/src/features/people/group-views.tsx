import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  Birth,
  ContactFields,
  DocumentFields,
  IdentityFields,
  PersonName,
  SpecialFields,
} from '../../../../common/people.ts';
import { codeName } from '../../components/iso-codes.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { AnswerValue, Facts } from './facts.tsx';

function nameText(name: PersonName): string {
  return [name.given, name.family].filter(Boolean).join(' ');
}

/** A birth date at its precision, or an age estimate, in the interface language. */
export function useBirthText(): (birth: Birth) => string {
  const { t } = useTranslation();
  const locale = currentLocale();
  const date = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (birth) => {
    switch (birth.precision) {
      case 'day':
        return date(birth.date, { dateStyle: 'long' });
      case 'month':
        return date(`${birth.date}-01`, { year: 'numeric', month: 'long' });
      case 'year':
        return date(`${birth.date}-01-01`, { year: 'numeric' });
      case 'estimate':
        return t('people:identity.estimateText', {
          age: birth.ageYears,
          date: date(birth.estimatedOn, { dateStyle: 'medium' }),
        });
    }
  };
}

/** The identity group as read. */
export function IdentityView({ fields }: { fields: IdentityFields }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const birthText = useBirthText();
  const names = (kind: 'region' | 'language', codes: string[]) =>
    codes.map((code) => codeName(kind, code, locale)).join(', ');
  return (
    <Facts
      rows={[
        {
          term: t('people:identity.nameOriginal'),
          value: <AnswerValue answer={fields.nameOriginal} show={(n) => <bdi>{nameText(n)}</bdi>} />,
        },
        {
          term: t('people:identity.script'),
          value: (
            <AnswerValue answer={fields.nameOriginalScript} show={(s) => codeName('script', s, locale)} />
          ),
        },
        {
          term: t('people:identity.nameLatin'),
          value: <AnswerValue answer={fields.nameLatin} show={(n) => <bdi>{nameText(n)}</bdi>} />,
        },
        {
          term: t('people:identity.aliases'),
          value: (
            <AnswerValue
              answer={fields.aliases}
              show={(a) =>
                a.map((alias, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    <bdi>{alias}</bdi>
                  </span>
                ))
              }
            />
          ),
        },
        {
          term: t('people:identity.sex'),
          value: <AnswerValue answer={fields.sex} show={(s) => t(`people:identity.sexes.${s}`)} />,
        },
        { term: t('people:identity.birth'), value: <AnswerValue answer={fields.birth} show={birthText} /> },
        {
          term: t('people:identity.citizenship'),
          value: <AnswerValue answer={fields.citizenship} show={(c) => names('region', c)} />,
        },
        {
          term: t('people:identity.languages'),
          value: <AnswerValue answer={fields.languages} show={(l) => names('language', l)} />,
        },
      ]}
    />
  );
}

/** The contact group as read, safe-contact preferences first: they say whether contact is safe at all. */
export function ContactView({ fields }: { fields: ContactFields }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('people:yes') : t('people:no'));
  return (
    <Facts
      rows={[
        {
          term: t('people:contact.safeContact'),
          value: (
            <AnswerValue
              answer={fields.safeContact}
              show={(s) => (
                <Stack gap={2} component="span">
                  <span>
                    {t('people:contact.mayCall')}: {yesNo(s.mayCall)}
                  </span>
                  <span>
                    {t('people:contact.mayText')}: {yesNo(s.mayText)}
                  </span>
                  {s.safeTimes && (
                    <span>
                      {t('people:contact.safeTimes')}: <bdi>{s.safeTimes}</bdi>
                    </span>
                  )}
                  {s.codeWord && (
                    <span>
                      {t('people:contact.codeWord')}: <bdi>{s.codeWord}</bdi>
                    </span>
                  )}
                </Stack>
              )}
            />
          ),
        },
        {
          term: t('people:contact.phones'),
          value: (
            <AnswerValue
              answer={fields.phones}
              show={(phones) =>
                phones.map((p, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    <bdi dir="ltr">{p.number}</bdi> ({t(`people:contact.phoneKinds.${p.kind}`)})
                  </span>
                ))
              }
            />
          ),
        },
        {
          term: t('people:contact.email'),
          value: <AnswerValue answer={fields.email} show={(e) => <bdi>{e}</bdi>} />,
        },
        {
          term: t('people:contact.address'),
          value: <AnswerValue answer={fields.address} show={(a) => <bdi>{a}</bdi>} />,
        },
      ]}
    />
  );
}

/** The documents group as read. */
export function DocumentsView({ fields }: { fields: DocumentFields }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <AnswerValue
      answer={fields.documents}
      show={(documents) => (
        <List component="ul">
          {documents.map((d, i) => (
            <List.Item key={i}>
              <Text span fw={600}>
                {t(`people:documents.types.${d.type}`)}
              </Text>
              {' — '}
              {t('people:documents.number')}:{' '}
              <AnswerValue answer={d.number} show={(n) => <bdi dir="ltr">{n}</bdi>} />
              {'; '}
              {t('people:documents.issuingCountry')}:{' '}
              <AnswerValue answer={d.issuingCountry} show={(c) => codeName('region', c, locale)} />
              {'; '}
              {t('people:documents.heldBy')}:{' '}
              <AnswerValue answer={d.heldBy} show={(h) => t(`people:documents.holders.${h}`)} />
            </List.Item>
          ))}
        </List>
      )}
    />
  );
}

/** The special-category group as read (only for those who may see it). */
export function SpecialView({ fields }: { fields: SpecialFields }) {
  const { t } = useTranslation();
  return (
    <Facts
      rows={[
        {
          term: t('people:special.gender'),
          value: <AnswerValue answer={fields.gender} show={(g) => t(`people:special.genders.${g}`)} />,
        },
        {
          term: t('people:special.sogiesc'),
          value: <AnswerValue answer={fields.sogiesc} show={(s) => <bdi>{s}</bdi>} />,
        },
        {
          term: t('people:special.health'),
          value: <AnswerValue answer={fields.health} show={(h) => <bdi>{h}</bdi>} />,
        },
        {
          term: t('people:special.migrationStatus'),
          value: (
            <AnswerValue
              answer={fields.migrationStatus}
              show={(m) => t(`people:special.migrationStatuses.${m}`)}
            />
          ),
        },
      ]}
    />
  );
}

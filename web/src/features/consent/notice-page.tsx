import { Alert, Anchor, Box, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InformationNotice } from '../../../../common/content-notice.ts';
import { getNotice } from '../../api/consent.ts';
import { codeName, codeOptions, languageCodes } from '../../components/iso-codes.ts';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import classes from './notice.module.css';
import { directionOfLanguage, noticeBlocks } from './notice-text.ts';
import { useConsentPersonId } from './person-id.ts';

/**
 * The information notice in the person's language, laid out to read together on one screen; printing is
 * optional and prints the notice alone, which carries no name and no code of the person.
 */
export function NoticePage() {
  const personId = useConsentPersonId();
  if (!personId) return <NotFound />;
  return <Notice personId={personId} />;
}

function NoticeText({ notice }: { notice: InformationNotice }) {
  return (
    <Box lang={notice.locale} dir={directionOfLanguage(notice.locale)} className={classes.notice}>
      {notice.sections.map((section) => (
        <section key={section.id} aria-labelledby={`notice-${section.id}`}>
          <Title order={2} size="h3" id={`notice-${section.id}`} mt="md">
            {section.heading}
          </Title>
          {noticeBlocks(section.text).map((block, i) =>
            block.kind === 'list' ? (
              <List key={i} spacing={4} mt="xs">
                {block.items.map((item, j) => (
                  <List.Item key={j}>{item}</List.Item>
                ))}
              </List>
            ) : (
              <Text key={i} mt="xs" fz="inherit">
                {block.text}
              </Text>
            ),
          )}
        </section>
      ))}
    </Box>
  );
}

function Notice({ personId }: { personId: string }) {
  const { t } = useTranslation(consentNs);
  const locale = currentLocale();
  const [language, setLanguage] = useState('');
  const languages = useMemo(() => codeOptions('language', languageCodes, locale), [locale]);
  const notice = useQuery({
    queryKey: ['people', personId, 'notice', language],
    queryFn: () => getNotice(personId, language || undefined),
    // Each showing of the notice is audited: fetch it once per language, not on every focus of the window.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const warnings = notice.data?.fallbackWarnings ?? [];
  return (
    <Stack maw={760}>
      <Anchor component={Link} to={`/people/${personId}`} size="sm" className={classes.screenOnly}>
        {t('consent:form.back')}
      </Anchor>
      <Title order={1} className={classes.screenOnly}>
        {t('consent:notice.title')}
      </Title>
      <Group align="flex-end" className={classes.screenOnly}>
        <NativeSelect
          label={t('consent:notice.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          data={[{ value: '', label: t('consent:notice.personLanguage') }, ...languages]}
        />
        <Button variant="default" onClick={() => window.print()} disabled={!notice.data}>
          {t('consent:notice.print')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" className={classes.screenOnly}>
        {t('consent:notice.intro')}
      </Text>
      {notice.data && !notice.data.reviewed && (
        <Alert color="yellow" title={t('consent:notice.notReviewed')} className={classes.screenOnly}>
          {t('consent:notice.notReviewedDetail', {
            languages: formatList(
              [...new Set(warnings.map((w) => codeName('language', w.locale, locale)))],
              locale,
            ),
          })}
        </Alert>
      )}
      <ProblemAlert error={notice.error} />
      {notice.isPending && <Loading />}
      {notice.data && <NoticeText notice={notice.data} />}
    </Stack>
  );
}

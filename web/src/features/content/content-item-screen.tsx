import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ContentItem } from '../../../../common/content.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { directionOfLanguage, noticeBlocks } from '../consent/notice-text.ts';
import { ContentPreview } from './content-preview.tsx';
import { contentItemQuery } from './content-queries.ts';
import {
  contentLanguages,
  languageLabel,
  requiredPlaceholders,
  translationIn,
  translationStatus,
  withDraft,
} from './content-status.ts';
import { StatusBadge } from './status-badge.tsx';
import { TranslationForm, type TranslationDraft } from './translation-form.tsx';

function LanguageLinks(props: { item: ContentItem; languages: string[]; current: string }) {
  const { t } = useTranslation();
  const ui = currentLocale();
  return (
    <Group
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('content:editor.language')}
    >
      {props.languages.map((language) => (
        <li key={language}>
          <Button
            component={Link}
            to={`/content/${props.item.key}/${language}`}
            variant={language === props.current ? 'filled' : 'default'}
            aria-current={language === props.current ? 'page' : undefined}
            rightSection={<StatusBadge status={translationStatus(props.item, language)} />}
          >
            {languageLabel(language, ui)}
          </Button>
        </li>
      ))}
    </Group>
  );
}

function FallbackText({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const fallback = translationIn(item, item.fallbackLocale);
  const name = languageLabel(item.fallbackLocale, currentLocale());
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="fallback-title" bg="gray.0">
      <Stack gap="xs">
        <Title order={2} size="h4" id="fallback-title">
          {t('content:editor.fallbackTitle', { language: name })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('content:editor.fallbackHint')}
        </Text>
        {fallback ? (
          <div lang={fallback.locale} dir={directionOfLanguage(fallback.locale)}>
            {noticeBlocks(fallback.body).map((block, index) => (
              <Text key={index} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {block.kind === 'list' ? block.items.map((line) => `• ${line}`).join('\n') : block.text}
              </Text>
            ))}
          </div>
        ) : (
          <Text>{t('content:editor.noFallback')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function Placeholders({ required }: { required: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="section" aria-labelledby="placeholders-title">
      <Title order={2} size="h5" id="placeholders-title">
        {t('content:placeholders.title')}
      </Title>
      {required.length === 0 ? (
        <Text size="sm">{t('content:placeholders.none')}</Text>
      ) : (
        <Text size="sm">
          {t('content:placeholders.intro')}{' '}
          {required.map((name) => (
            <Code key={name} dir="ltr" me={6}>{`{${name}}`}</Code>
          ))}
        </Text>
      )}
    </Stack>
  );
}

const draftOf = (item: ContentItem, locale: string): TranslationDraft => {
  const translation = translationIn(item, locale);
  return { body: translation?.body ?? '', reviewed: translation?.reviewed ?? false };
};

function Editor({ item, locale }: { item: ContentItem; locale: string }) {
  const { t } = useTranslation();
  const ui = currentLocale();
  const [draft, setDraft] = useState(() => draftOf(item, locale));
  const languages = contentLanguages([item]);
  const required = requiredPlaceholders(item);
  const current = translationIn(item, locale);
  return (
    <Stack>
      <LanguageLinks item={item} languages={languages} current={locale} />
      {current && (
        <Group gap="md">
          <Text size="sm" c="dimmed">
            {t(`content:editor.source.${current.source}`)}
          </Text>
          {current.updatedAt && (
            <Text size="sm" c="dimmed">
              {t('content:editor.updated', { time: formatDateTime(current.updatedAt, ui) })}
            </Text>
          )}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FallbackText item={item} />
        <Stack>
          <Placeholders required={required} />
          <TranslationForm
            item={item}
            locale={locale}
            languageName={languageLabel(locale, ui)}
            required={required}
            draft={draft}
            onDraft={setDraft}
            onSaved={(saved) => setDraft(draftOf(saved, locale))}
          />
        </Stack>
      </SimpleGrid>
      <ContentPreview
        item={withDraft(item, { locale, ...draft })}
        languages={languages}
        initialReader={locale}
      />
    </Stack>
  );
}

/** One text: its state in each language, the editor of one language beside the fallback text, and a preview. */
export function ContentItemScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const key = params.key ?? '';
  const locale = params.locale ?? currentLocale();
  const item = useQuery(contentItemQuery(key));
  return (
    <Stack>
      <Anchor component={Link} to="/content" w="fit-content">
        {t('content:editor.back')}
      </Anchor>
      <Title order={1}>
        <Text span inherit ff="monospace" dir="ltr">
          {key}
        </Text>
      </Title>
      {item.data && <Text c="dimmed">{t(`content:kinds.${item.data.kind}`)}</Text>}
      {item.isPending && <Loading />}
      <ProblemAlert error={item.error} />
      {item.data && <Editor key={locale} item={item.data} locale={locale} />}
    </Stack>
  );
}

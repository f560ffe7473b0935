import { Alert, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveContent, type Resolvable, type ResolvedContent } from '../../../../common/content.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { directionOfLanguage, noticeBlocks } from '../consent/notice-text.ts';
import { languageLabel } from './content-status.ts';

/**
 * A text as its reader sees it: paragraphs and lists in the text's own language and direction, with a visible
 * notice when it is not in the reader's language or nobody has checked it in that language.
 */
export function ResolvedText(props: { resolved: ResolvedContent; readerLocale: string }) {
  const { t } = useTranslation();
  const ui = currentLocale();
  const { resolved } = props;
  return (
    <Stack gap="sm">
      {resolved.isFallback && (
        <Alert color="yellow" variant="light" role="note">
          {t('content:preview.fallback', {
            language: languageLabel(props.readerLocale, ui),
            shown: languageLabel(resolved.locale, ui),
          })}
        </Alert>
      )}
      {!resolved.reviewed && (
        <Alert color="yellow" variant="light" role="note">
          {t('content:preview.notReviewed', { language: languageLabel(resolved.locale, ui) })}
        </Alert>
      )}
      <div lang={resolved.locale} dir={directionOfLanguage(resolved.locale)} data-testid="preview-text">
        {noticeBlocks(resolved.text).map((block, index) =>
          block.kind === 'list' ? (
            <List key={index} mb="xs">
              {block.items.map((item, i) => (
                <List.Item key={i}>{item}</List.Item>
              ))}
            </List>
          ) : (
            <Text key={index} mb="xs">
              {block.text}
            </Text>
          ),
        )}
      </div>
    </Stack>
  );
}

/** The preview of an item as it would be with the editor's draft, for a reader of a language of one's choice. */
export function ContentPreview(props: { item: Resolvable; languages: string[]; initialReader: string }) {
  const { t } = useTranslation();
  const [reader, setReader] = useState(props.initialReader);
  const resolved = resolveContent(props.item, reader);
  const ui = currentLocale();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="preview-title">
      <Stack>
        <Title order={2} size="h3" id="preview-title">
          {t('content:preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('content:preview.intro')}
        </Text>
        <NativeSelect
          label={t('content:preview.reader')}
          value={reader}
          onChange={(event) => setReader(event.currentTarget.value)}
          data={props.languages.map((language) => ({ value: language, label: languageLabel(language, ui) }))}
          maw={320}
        />
        {resolved ? (
          <ResolvedText resolved={resolved} readerLocale={reader} />
        ) : (
          <Text>{t('content:preview.nothing')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentItem } from '../../../../common/content.ts';
import { editTranslation, revertTranslation } from '../../api/content.ts';
import { isApiProblem } from '../../api/problem.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { directionOfLanguage } from '../consent/notice-text.ts';
import { contentItemQuery, rememberItem } from './content-queries.ts';
import { bodyProblem, checkPlaceholders, translationIn, type PlaceholderCheck } from './content-status.ts';

type Notice = 'saved' | 'reverted' | 'unchanged' | 'stale' | undefined;

/** The text and the "reviewed" tick being edited in one language. */
export type TranslationDraft = { body: string; reviewed: boolean };

function PlaceholderErrors({ check }: { check: PlaceholderCheck }) {
  const { t } = useTranslation();
  const names = (list: string[]) =>
    formatList(
      list.map((n) => `{${n}}`),
      currentLocale(),
    );
  return (
    <>
      {check.missing.length > 0 && (
        <Text size="sm" c="red.8" role="alert">
          {t('content:placeholders.missing', { count: check.missing.length, names: names(check.missing) })}
        </Text>
      )}
      {check.unknown.length > 0 && (
        <Text size="sm" c="red.8" role="alert">
          {t('content:placeholders.unknown', { count: check.unknown.length, names: names(check.unknown) })}
        </Text>
      )}
    </>
  );
}

const bodyMessages = { empty: 'empty', 'too-long': 'tooLong', unprintable: 'unprintable' } as const;

function useSave(
  item: ContentItem,
  locale: string,
  onNotice: (notice: Notice) => void,
  onSaved: (saved: ContentItem) => void,
) {
  const client = useQueryClient();
  const stale = async (error: unknown) => {
    if (!isApiProblem(error, 'precondition-failed')) return;
    onNotice('stale');
    await client.invalidateQueries({ queryKey: contentItemQuery(item.key).queryKey });
  };
  const save = useMutation({
    mutationFn: (draft: TranslationDraft) => editTranslation(item.key, locale, draft, item.version),
    onSuccess: (saved) => {
      rememberItem(client, saved);
      onSaved(saved);
      onNotice('saved');
    },
    onError: stale,
  });
  const revert = useMutation({
    mutationFn: () => revertTranslation(item.key, locale, item.version),
    onSuccess: (saved) => {
      rememberItem(client, saved);
      onSaved(saved);
      onNotice('reverted');
    },
    onError: stale,
  });
  return { save, revert };
}

/**
 * Edits one language of an item: the text (its placeholders checked against the default's), the "reviewed" tick,
 * saving with the version the editor saw (a change made meanwhile is refused, 412, and shown), and reverting a
 * society's own text to the built-in one when the server allows it.
 */
export function TranslationForm(props: {
  item: ContentItem;
  locale: string;
  languageName: string;
  required: string[];
  draft: TranslationDraft;
  onDraft: (draft: TranslationDraft) => void;
  /** Called with the item as saved, so the editor shows what the server now holds. */
  onSaved: (saved: ContentItem) => void;
}) {
  const { t } = useTranslation();
  const { item, locale, draft } = props;
  const [notice, setNotice] = useState<Notice>();
  const [confirming, setConfirming] = useState(false);
  const [tried, setTried] = useState(false);
  const { save, revert } = useSave(item, locale, setNotice, props.onSaved);
  const current = translationIn(item, locale);
  const canEdit = item.allowedActions.includes('edit');
  const canRevert = current?.allowedActions.includes('revert') ?? false;
  const placeholders = checkPlaceholders(props.required, draft.body);
  const problem = bodyProblem(draft.body);
  const valid = !problem && placeholders.missing.length === 0 && placeholders.unknown.length === 0;
  const unchanged = current?.body === draft.body.trim() && current.reviewed === draft.reviewed;
  const set = (change: Partial<TranslationDraft>) => {
    props.onDraft({ ...draft, ...change });
    setNotice(undefined);
  };
  const submit = (event: SyntheticEvent, next = draft) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    if (current?.body === next.body.trim() && current.reviewed === next.reviewed)
      return setNotice('unchanged');
    save.mutate(next);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canEdit} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack>
          {notice === 'stale' && (
            <Alert color="yellow" role="alert">
              {t('content:editor.stale')}
            </Alert>
          )}
          <Textarea
            label={t('content:editor.text', { language: props.languageName })}
            description={t('content:editor.textHint')}
            value={draft.body}
            onChange={(event) => set({ body: event.currentTarget.value })}
            error={tried && problem ? t(`content:editor.${bodyMessages[problem]}`) : undefined}
            autosize
            minRows={8}
            maxRows={24}
            lang={locale}
            dir={directionOfLanguage(locale)}
            required
          />
          <PlaceholderErrors check={placeholders} />
          <Checkbox
            label={t('content:editor.reviewed', { language: props.languageName })}
            description={t('content:editor.reviewedHint', { language: props.languageName })}
            checked={draft.reviewed}
            onChange={(event) => set({ reviewed: event.currentTarget.checked })}
          />
          {notice && notice !== 'stale' && (
            <Text size="sm" role="status" c={notice === 'unchanged' ? undefined : 'teal.9'}>
              {t(`content:editor.${notice}`)}
            </Text>
          )}
          {notice !== 'stale' && <ProblemAlert error={save.error ?? revert.error} />}
          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('content:editor.save')}
              </Button>
              {current && !current.reviewed && unchanged && (
                <Button variant="default" onClick={(event) => submit(event, { ...draft, reviewed: true })}>
                  {t('content:editor.markReviewed')}
                </Button>
              )}
              {canRevert && (
                <Button
                  variant="default"
                  color="red.8"
                  loading={revert.isPending}
                  onClick={() => setConfirming(true)}
                >
                  {t('content:editor.revert')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
      {confirming && (
        <ConfirmDialog
          title={t('content:editor.revertTitle')}
          body={t('content:editor.revertBody', { language: props.languageName })}
          confirmLabel={t('content:editor.revertConfirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            revert.mutate();
          }}
        />
      )}
    </form>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TranslationStatus } from './content-status.ts';

const colours: Record<TranslationStatus, string> = {
  missing: 'gray',
  'not-reviewed': 'yellow',
  reviewed: 'teal',
};

/** The state of one language of a text, in words (never by colour alone). */
export function StatusBadge({ status }: { status: TranslationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant={status === 'reviewed' ? 'light' : 'outline'} c="dark.7" tt="none">
      {t(`content:status.${status}`)}
    </Badge>
  );
}

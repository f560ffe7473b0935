import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why Passage treats this person as a child: when age is uncertain, it presumes one (the safer assumption). */
export function PresumedChildNote() {
  const { t } = useTranslation();
  return (
    <Alert color="grape" variant="light" title={t('people:presumedChild.title')}>
      {t('people:presumedChild.body')}
    </Alert>
  );
}

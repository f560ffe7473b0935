import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A centred loader while a screen's data or code arrives, announced to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center mih="40vh" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

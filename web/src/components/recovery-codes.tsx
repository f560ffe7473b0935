import { Button, Checkbox, CopyButton, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows the ten recovery codes once, and moves on only when the person says they have saved them. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Stack>
      <Text>{t('recovery.intro')}</Text>
      <Paper withBorder p="md">
        <List listStyleType="none" spacing={4} dir="ltr" ff="monospace" aria-label={t('recovery.listLabel')}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? t('recovery.copied') : t('recovery.copy')}
          </Button>
        )}
      </CopyButton>
      <Checkbox
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
        label={t('recovery.saved')}
      />
      <Button disabled={!saved} onClick={onDone}>
        {t('recovery.continue')}
      </Button>
    </Stack>
  );
}

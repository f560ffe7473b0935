import { Button, Code, CopyButton, Group, Image, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaEnrolment } from '../../../../common/auth.ts';
import { confirmEnrolment } from '../../api/auth.ts';
import { parseCode } from '../../components/code.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { groupedSecret, svgDataUrl } from './enrolment.ts';

/**
 * Adds Passage to an authenticator app: the QR code, the key to type by hand, then a code from the app to confirm.
 * Confirmed, it hands over the new recovery codes (shown once, by the caller).
 */
export function EnrolmentPanel(props: {
  enrolment: MfaEnrolment;
  signingIn: boolean;
  onEnrolled: (recoveryCodes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const code = parseCode(value);
    if (!code) return setInvalid(true);
    setBusy(true);
    setError(undefined);
    try {
      const result = await confirmEnrolment(code, { signingIn: props.signingIn });
      props.onEnrolled(result.recoveryCodes);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const codeError = invalid ? t('fields.sixDigits') : fieldMessage(error, 'body.code', t);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{t('enrol.scan')}</Text>
        <Image
          src={svgDataUrl(props.enrolment.qrSvg)}
          alt={t('enrol.qrAlt')}
          w={200}
          h={200}
          bg="white"
          p={4}
        />
        <Text size="sm">{t('enrol.typeKey')}</Text>
        <Group gap="xs">
          <Code fz="md" dir="ltr" aria-label={t('enrol.keyLabel')}>
            {groupedSecret(props.enrolment.secret)}
          </Code>
          <CopyButton value={props.enrolment.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('recovery.copied') : t('enrol.copyKey')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <CodeInput
          value={value}
          onChange={(typed) => {
            setValue(typed);
            setInvalid(false);
          }}
          error={codeError}
        />
        {!codeError && <ProblemAlert error={error} />}
        <Button type="submit" loading={busy} w="fit-content">
          {t('enrol.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

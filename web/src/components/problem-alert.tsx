import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem, type ApiProblemCode } from '../api/problem.ts';
import { problemMessage } from './problems.ts';

/** Shows a failed request's problem in the person's language, with the request id support staff can trace. */
export function ProblemAlert(props: {
  error: unknown;
  /** What this screen says for some codes instead (a sign-in's 401 means a wrong password, not an ended session). */
  messages?: Partial<Record<ApiProblemCode, string>>;
}) {
  const { error, messages } = props;
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiProblem ? error.requestId : undefined;
  return (
    <Alert color="red" role="alert" title={t('problems.title')}>
      <Text size="sm">
        {(error instanceof ApiProblem ? messages?.[error.code] : undefined) ?? problemMessage(error, t)}
      </Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('problems.reference', { requestId })}
        </Text>
      )}
    </Alert>
  );
}

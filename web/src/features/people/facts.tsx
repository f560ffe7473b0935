import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiAnswer } from './answers.ts';

/** A list of facts: a term and its value on each row (a description list). */
export function Facts(props: { rows: readonly { term: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" m={0}>
      {props.rows.map((row) => (
        <Box key={row.term} mb="xs">
          <Text component="dt" fw={600} size="sm">
            {row.term}
          </Text>
          <Text component="dd" m={0}>
            {row.value}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

/** An answer as read: its value (shown by `show`), or "declined to say", "unknown" or "not recorded". */
export function AnswerValue<T>(props: { answer: ApiAnswer<T> | undefined; show: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  const { answer } = props;
  if (answer?.answer === 'given') return <>{props.show(answer.value)}</>;
  const state = answer?.answer ?? 'not-recorded';
  return (
    <Text span c="dimmed" fs="italic">
      {t(`people:answer.states.${state}`)}
    </Text>
  );
}

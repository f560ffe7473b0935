import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem.ts';

/** What is shown when a screen failed: a neutral message, the request id if any, and a way to reload. */
export function ErrorScreen({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiProblem ? error.requestId : undefined;
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errorScreen.title')}</Title>
        <Text>{t('errorScreen.body')}</Text>
        {requestId && (
          <Text size="sm" c="dimmed">
            {t('problems.reference', { requestId })}
          </Text>
        )}
        <Button w="fit-content" onClick={() => window.location.reload()}>
          {t('errorScreen.reload')}
        </Button>
      </Stack>
    </Container>
  );
}

type State = { error: unknown };

/** Catches a rendering error anywhere below it; the message never repeats the error's text (it may hold data). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error !== undefined) return <ErrorScreen error={this.state.error} />;
    return this.props.children;
  }
}

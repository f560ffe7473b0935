import { Stack, Text, Title } from '@mantine/core';

/** A signed-in area whose screens are not built yet: its title and a plain sentence saying so. */
export function AreaPlaceholder({ title, body }: { title: string; body: string }) {
  return (
    <Stack maw={720}>
      <Title order={1}>{title}</Title>
      <Text>{body}</Text>
    </Stack>
  );
}
